#pragma once
// "Optimize day", end to end: the panel in a dock (tabbed with Conflicts and Suggestions),
// opened by Ctrl+Shift+P, the Edit menu or the board's toolbar. Solve reads the day on the
// session's worker (DayPlanLoader, as `fieldops-cli optimize`), then plans it with
// QtConcurrent off the GUI thread (planDay) with a progress bar and Cancel. The proposal is
// shown as a diff and as dashed preview bars on the board. Accept books it through the
// board's editor as one undo step (BookDayPlanCommand; a re-plan that moves booked visits,
// RepairDayCommand, which writes moves and new visits and undoes them together); a proposal the schedule moved away
// from (a change to a visit, work order, technician, skill or absence since its read, heard
// from the change feed or this console's own edits) is refused with a word and Solve again.
// Travel times come from the routing service of the settings when one is set, else the
// straight-line model scaled by the speeds learned per territory (never below the model); a
// service that failed is named under the proposal.
#include "dayplan/DayPlan.h"
#include "domain/Entities.h"
#include "util/Result.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <memory>

class QAction;
class QDockWidget;
class QMainWindow;
template <typename T>
class QFutureWatcher;

namespace fieldops {
class BoardEditor;
class ConsoleSession;
class DayPlanProposalModel;
struct Change;
using ChangeList = QList<Change>;
}
namespace fieldops::scheduling {
class PlanningTravelTime;
}
namespace fieldops::widgets {
class OptimizePanel;
class ScheduleBoard;
class SchedulePage;
}

namespace fieldops::gui {

class OptimizeController : public QObject {
    Q_OBJECT
public:
    OptimizeController(QMainWindow *window, ConsoleSession *session);
    ~OptimizeController() override;

    // The board, its editor and its toolbar while the schedule tab is open.
    void attach(BoardEditor *editor, widgets::SchedulePage *page);
    void detach();

    QDockWidget *dock() const { return m_dock; }
    widgets::OptimizePanel *panel() const { return m_panel; }
    DayPlanProposalModel *model() const { return m_model; }
    // "Optimize day…" (Ctrl+Shift+P): opens the panel on the board's day.
    QAction *optimizeAction() const { return m_action; }
    bool isSolving() const { return m_phase != Phase::Idle; }
    bool isStale() const { return m_stale; }

public slots:
    void open();
    void solve();
    void cancel();
    void accept();
    void discard();

signals:
    // A solve ended: with a proposal on show, cancelled or failed (tests wait on it).
    void solveFinished();
    // A proposal was booked: the new appointments.
    void accepted(const QStringList &appointmentIds);

private:
    enum class Phase { Idle, Reading, Solving };
    void startSolve(dayplan::DayPlanInput input);
    void onSolved();
    void clearProposal();
    void acceptReplan(widgets::ScheduleBoard *board);
    void refused(widgets::ScheduleBoard *board, const Error &error);
    void showPreview();
    void markStale();
    void onChanges(const ChangeList &changes);

    ConsoleSession *m_session;
    DayPlanProposalModel *m_model;
    widgets::OptimizePanel *m_panel;
    QDockWidget *m_dock;
    QAction *m_action;
    BoardEditor *m_editor = nullptr;
    widgets::SchedulePage *m_page = nullptr;
    QFutureWatcher<dayplan::DayPlan> *m_watcher;
    Phase m_phase = Phase::Idle;
    quint64 m_generation = 0; // bumps on every solve, cancel and discard: older answers are dropped
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::shared_ptr<const scheduling::PlanningTravelTime> m_travel; // the running solve's
    bool m_userCancelled = false;
    // The proposal on show rests on the schedule as read at this change-log seq.
    QDate m_day;
    qint64 m_changeSeq = 0;
    qint64 m_latestChangeSeq = 0; // the newest relevant change the feed brought
    QHash<QString, QString> m_names;     // technician id → name
    QHash<QString, QString> m_summaries; // work order id → summary
    QHash<QString, Appointment> m_booked; // the day's appointments as read: a re-plan's moves start from them
    bool m_stale = false;
    bool m_writtenWhileSolving = false; // this console wrote while the day was read or planned
    bool m_accepting = false;           // our own booking is not a change that makes us stale
};

} // namespace fieldops::gui
