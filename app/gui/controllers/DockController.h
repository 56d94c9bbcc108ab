#pragma once
// The docks around the tabs: unassigned queue, inspector and alerts. Each dock has a
// stable objectName so QMainWindow::saveState/restoreState brings the layout back.
#include <QList>
#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::widgets {
class AlertsView;
class UnassignedQueueView;
class WorkOrderInspector;
}

namespace fieldops::gui {

class DockController : public QObject {
    Q_OBJECT
public:
    DockController(QMainWindow *window, ConsoleSession *session);
    // The first-run layout: docks as wide as their content asks. Only meaningful once the
    // window has its real size, so the window calls it when first shown without a saved state.
    void applyDefaultSizes();
    // The dock below the tabs (the schedule's conflicts, tabbed with its other panels): given a
    // fifth of the window's height by applyDefaultSizes, so the tabs keep the room.
    void setBottomDock(QDockWidget *dock) { m_bottomDock = dock; }
    // The queue's columns (widths, order, sort) as the dispatcher left them.
    void restoreSettings();
    void saveSettings() const;

    QDockWidget *queueDock() const { return m_queueDock; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    QDockWidget *alertsDock() const { return m_alertsDock; }
    widgets::UnassignedQueueView *queue() const { return m_queue; }
    widgets::WorkOrderInspector *inspector() const { return m_inspector; }
    widgets::AlertsView *alerts() const { return m_alerts; }

private:
    void updateAlertsTitle();
    QMainWindow *m_window;
    ConsoleSession *m_session;
    QDockWidget *m_queueDock;
    QDockWidget *m_inspectorDock;
    QDockWidget *m_alertsDock;
    QDockWidget *m_bottomDock = nullptr;
    widgets::UnassignedQueueView *m_queue;
    widgets::WorkOrderInspector *m_inspector;
    widgets::AlertsView *m_alerts;
};

} // namespace fieldops::gui
