#pragma once
// The console's main window, assembled from parts: a tab per area (TabController), the
// docks (DockController), the connection and status bar (ConnectionController), menus.
// It owns the session; its own job is only assembly and saving/restoring the layout.
#include <QMainWindow>
#include <memory>
#include <vector>

class QAction;
class QTabWidget;

namespace fieldops {
class ConsoleSession;
struct DatabaseUrl;
}
namespace fieldops::widgets {
class KpiDashboard;
}

namespace fieldops::gui {
class AlertsController;
class ConnectionController;
class DockController;
class MessageController;
class StoryController;
class TabController;
class TimeTabController;
class VisitOutcomeController;
class WorkOrderIntakeController;
class WorkOrdersTabController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void connectTo(const DatabaseUrl &url);

    ConsoleSession *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    DockController *docks() const { return m_docks; }
    ConnectionController *connection() const { return m_connection; }
    WorkOrdersTabController *workOrdersTab() const { return m_workOrdersTab; }
    WorkOrderIntakeController *intake() const { return m_intake; }
    VisitOutcomeController *outcomes() const { return m_outcomes; }
    AlertsController *alertsController() const { return m_alerts; }
    MessageController *messages() const { return m_messages; }
    StoryController *story() const { return m_story; }
    TimeTabController *timeTab() const { return m_timeTab; }
    widgets::KpiDashboard *kpiDashboard() const { return m_kpiDashboard; }

    // Saved on close; public so tests and a crash-safe autosave can call it.
    void saveLayout() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void addTab(std::unique_ptr<TabController> tab);
    void buildMenus();
    void restoreLayout();
    void showAbout();

    ConsoleSession *m_session;
    QTabWidget *m_tabs;
    std::vector<std::unique_ptr<TabController>> m_tabControllers;
    WorkOrdersTabController *m_workOrdersTab = nullptr;
    widgets::KpiDashboard *m_kpiDashboard = nullptr;
    DockController *m_docks;
    ConnectionController *m_connection;
    WorkOrderIntakeController *m_intake;
    VisitOutcomeController *m_outcomes = nullptr;
    AlertsController *m_alerts = nullptr;
    MessageController *m_messages = nullptr;
    StoryController *m_story = nullptr;
    TimeTabController *m_timeTab = nullptr;
    QAction *m_suggestAction = nullptr; // "Suggest technician…", owned by the schedule tab's controller
    QAction *m_optimizeAction = nullptr; // "Optimize day…", likewise
    QAction *m_urgentAction = nullptr;   // "Make room for the urgent job…", likewise
    QAction *m_transferAction = nullptr; // "Transfer stock…", owned by the parts tab's controller
    bool m_needsDefaultDockSizes = false; // no saved layout: size the docks on first show
};

} // namespace fieldops::gui
