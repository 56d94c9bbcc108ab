#pragma once
// The "Schedule" tab: the board over its own GUI-thread connection (edits must answer
// within the drag), the Conflicts and Undo history docks, the queue as a drag source,
// and the session's change feed applied to the board row by row.
#include "controllers/TabController.h"

#include <QDateTime>
#include <QObject>
#include <memory>

class QDockWidget;
class QLabel;
class QMainWindow;
class QStackedWidget;

namespace fieldops {
class BoardEditor;
class ConsoleSession;
}
namespace fieldops::board {
class BoardModel;
}
namespace fieldops::widgets {
class ConflictsPanel;
class SchedulePage;
}

namespace fieldops::gui {
class DockController;
class OptimizeController;
class RepairController;
class SuggestionController;

class ScheduleTabController : public QObject, public TabController {
    Q_OBJECT
public:
    ScheduleTabController(QMainWindow *window, ConsoleSession *session, DockController *docks);
    ~ScheduleTabController() override;
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;

    widgets::SchedulePage *page() const { return m_page; }
    board::BoardModel *model() const { return m_model; }
    QDockWidget *conflictsDock() const { return m_conflictsDock; }
    SuggestionController *suggestions() const { return m_suggestions; }
    OptimizeController *optimize() const { return m_optimize; }
    RepairController *repair() const { return m_repair; }

signals:
    // From the bars' menu: the work order's form, or its cancellation.
    void editWorkOrderRequested(const QString &workOrderId);
    void cancelWorkOrderRequested(const QString &workOrderId);
    void recordOutcomeRequested(const QString &appointmentId);
    // Drawn on the board in "mark absent" mode: the absence to record.
    void absenceDrawn(const QString &technicianId, const QDateTime &start, const QDateTime &end);
    // From the bars' menu: show the work order's pin on the map.
    void openOnMapRequested(const QString &workOrderId);

private:
    void onSessionState();
    void applyPermissions();
    void open();
    void followDisplayZone(); // the zone chosen in Settings, on the board and its conflicts
    void close();

    ConsoleSession *m_session;
    DockController *m_docks;
    QStackedWidget *m_stack; // owned by the tab widget once added
    QLabel *m_placeholder;
    board::BoardModel *m_model;
    widgets::ConflictsPanel *m_conflicts;
    QDockWidget *m_conflictsDock;
    QDockWidget *m_historyDock;
    SuggestionController *m_suggestions; // owned by the window
    OptimizeController *m_optimize;      // owned by the window
    RepairController *m_repair;          // owned by the window
    std::unique_ptr<BoardEditor> m_editor;
    widgets::SchedulePage *m_page = nullptr;
};

} // namespace fieldops::gui
