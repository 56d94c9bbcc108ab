#include "controllers/OptimizeController.h"

#include "board/BoardModel.h"
#include "board/BoardToolbar.h"
#include "board/ScheduleBoard.h"
#include "board/SchedulePage.h"
#include "commands/BoardEditor.h"
#include "commands/BookDayPlanCommand.h"
#include "dayplan/DayPlanLoader.h"
#include "dayplan/DayRepair.h"
#include "dayplan/DayPlanner.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/DayPlanProposalModel.h"
#include "optimize/OptimizePanel.h"
#include "scheduling/PlanningTravelTime.h"
#include "session/ConsoleSession.h"
#include "session/SessionJob.h"
#include "settings/ConsoleSettings.h"
#include "sync/Change.h"

#include <QAction>
#include <QDockWidget>
#include <QFutureWatcher>
#include <QLocale>
#include <QMainWindow>
#include <QMap>
#include <QPushButton>
#include <QtConcurrent/QtConcurrentRun>

namespace fieldops::gui {

namespace {

QString dayText(const QDate &day) { return QLocale().toString(day, QStringLiteral("ddd d MMM")); }

QString timeText(const QDateTime &t) { return QLocale().toString(t.toLocalTime().time(), QLocale::ShortFormat); }

} // namespace

OptimizeController::OptimizeController(QMainWindow *window, ConsoleSession *session)
    : QObject(window), m_session(session), m_model(new DayPlanProposalModel(this)), m_panel(new widgets::OptimizePanel(m_model)),
      m_dock(new QDockWidget(tr("Optimize day"), window)), m_action(new QAction(tr("&Optimize day…"), this)),
      m_watcher(new QFutureWatcher<dayplan::DayPlan>(this))
{
    m_dock->setObjectName(QStringLiteral("optimizeDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();

    m_action->setObjectName(QStringLiteral("optimizeDayAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_action->setShortcutContext(Qt::WindowShortcut);
    m_action->setToolTip(tr("Plan the day's unassigned work orders and preview the result on the board (Ctrl+Shift+P)."));
    window->addAction(m_action);
    connect(m_action, &QAction::triggered, this, &OptimizeController::open);

    connect(m_panel, &widgets::OptimizePanel::solveRequested, this, &OptimizeController::solve);
    connect(m_panel, &widgets::OptimizePanel::cancelRequested, this, &OptimizeController::cancel);
    connect(m_panel, &widgets::OptimizePanel::acceptRequested, this, &OptimizeController::accept);
    connect(m_panel, &widgets::OptimizePanel::discardRequested, this, &OptimizeController::discard);
    connect(m_watcher, &QFutureWatcher<dayplan::DayPlan>::finished, this, &OptimizeController::onSolved);
    // Closed with its title bar's button, the panel takes its bars off the board (the
    // proposal stays for when it opens again); behind another dock's tab they stay.
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this] { showPreview(); });

    // What makes a proposal stale: another console's write (the change feed, by table and
    // seq) or one of this console's own edits and undos.
    connect(session, &ConsoleSession::changesArrived, this, &OptimizeController::onChanges);
    connect(session->document(), &ScheduleDocument::appointmentsWritten, this, [this] {
        if (m_accepting)
            return;
        if (isSolving())
            m_writtenWhileSolving = true;
        else
            markStale();
    });
    connect(session->document(), &ScheduleDocument::recordsWritten, this, [this](const QString &table) {
        if (!BookDayPlanCommand::relevantTables().contains(table))
            return;
        if (isSolving())
            m_writtenWhileSolving = true;
        else
            markStale();
    });
}

OptimizeController::~OptimizeController()
{
    // The planning thread calls back into this object: it must end first.
    if (m_cancelFlag)
        m_cancelFlag->store(true);
    m_watcher->disconnect(this);
    m_watcher->waitForFinished();
}

void OptimizeController::attach(BoardEditor *editor, widgets::SchedulePage *page)
{
    m_editor = editor;
    m_page = page;
    page->toolbar()->addTool(m_action);
    showPreview();
}

void OptimizeController::detach()
{
    if (m_page)
        m_page->board()->setPreviewVisits({});
    m_editor = nullptr;
    m_page = nullptr;
}

void OptimizeController::open()
{
    if (!isSolving() && m_model->isEmpty() && m_page)
        m_panel->setDate(m_page->toolbar()->date());
    if (m_editor) {
        // The territories the board knows, by name.
        QMap<QString, QString> byId;
        for (const board::BoardTechnician &t : m_editor->model()->technicians()) {
            if (!t.technician.territoryId.isEmpty())
                byId.insert(t.technician.territoryId, t.territoryName.isEmpty() ? t.technician.territoryId : t.territoryName);
        }
        QList<QPair<QString, QString>> territories;
        for (auto it = byId.cbegin(); it != byId.cend(); ++it)
            territories.append({it.key(), it.value()});
        m_panel->setTerritories(territories);
    }
    m_dock->show();
    m_dock->raise();
    m_panel->solveButton()->setFocus();
}

void OptimizeController::solve()
{
    if (isSolving())
        return;
    const quint64 generation = ++m_generation;
    clearProposal();
    m_phase = Phase::Reading;
    m_userCancelled = false;
    m_writtenWhileSolving = false;
    const QDate day = m_panel->date();
    const QString territory = m_panel->territory();
    m_panel->showSolving(tr("Reading %1…").arg(dayText(day)));
    // Made for this day's solve: its cache and back-off belong to it. A setting edited by
    // hand into something the Settings page would refuse is ignored. Without a routing
    // service, the speeds learned per territory are read on the worker with the day.
    const QString routing = settings::routingServiceUrl().get().trimmed();
    const bool useService = !routing.isEmpty() && scheduling::PlanningTravelTime::checkServiceUrl(routing).isEmpty();
    m_travel = std::make_shared<scheduling::PlanningTravelTime>(useService ? scheduling::PlanningTravelTime::serviceUrl(routing) : QUrl(), day);
    runSessionJob<dayplan::DayPlanInput>(
        m_session, this,
        [day, territory, travel = m_travel](Database &db) -> Result<dayplan::DayPlanInput> {
            if (auto learned = travel->learnSpeeds(db); !learned)
                return learned.error();
            return dayplan::DayPlanLoader(db).load(day, territory);
        },
        [this, generation](Result<dayplan::DayPlanInput> input) {
            if (generation != m_generation)
                return; // cancelled or replaced while the day was read
            if (!input) {
                m_phase = Phase::Idle;
                m_panel->showMessage(input.error().message);
                emit solveFinished();
                return;
            }
            startSolve(std::move(*input));
        });
}

void OptimizeController::startSolve(dayplan::DayPlanInput input)
{
    m_phase = Phase::Solving;
    m_day = input.date;
    m_changeSeq = input.changeSeq;
    // Names for people, as of the day the plan is made on.
    m_names.clear();
    m_summaries.clear();
    for (const Technician &t : input.snapshot.technicians)
        m_names.insert(t.id, t.name.isEmpty() ? t.id : t.name);
    for (const WorkOrder &w : input.snapshot.workOrders)
        m_summaries.insert(w.id, w.summary);
    m_booked.clear();
    for (const Appointment &a : input.snapshot.appointments)
        m_booked.insert(a.id, a);
    m_panel->showSolving(tr("Optimizing %1…").arg(dayText(m_day)));
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    dayplan::DayPlanOptions options;
    options.travel = m_travel; // made by solve() for this day
    options.timeLimitSeconds = m_panel->timeLimitSeconds();
    options.moveBooked = m_panel->moveBooked();
    options.cancelled = [flag = m_cancelFlag] { return flag->load(); };
    // Called on the planning thread: queued to this object, which outlives the solve
    // (the destructor waits for it), and dropped once a newer solve or a cancel took over.
    const quint64 generation = m_generation;
    options.progress = [this, generation](double fraction) {
        QMetaObject::invokeMethod(
            this, [this, generation, fraction] {
                if (generation == m_generation && m_phase == Phase::Solving)
                    m_panel->setProgress(fraction);
            },
            Qt::QueuedConnection);
    };
    m_watcher->setFuture(QtConcurrent::run([input = std::move(input), options] { return dayplan::planDay(input, options); }));
}

void OptimizeController::onSolved()
{
    if (m_phase != Phase::Solving)
        return;
    m_phase = Phase::Idle;
    m_cancelFlag.reset();
    if (m_userCancelled) {
        m_panel->showMessage(tr("Cancelled: nothing was proposed."));
        emit solveFinished();
        return;
    }
    m_model->setPlan(m_watcher->result(), m_names, m_summaries);
    m_panel->showProposal(tr("Optimize %1").arg(dayText(m_day)));
    m_panel->setTravelNote(m_travel ? m_travel->problem() : QString());
    showPreview();
    if (m_writtenWhileSolving || m_latestChangeSeq > m_changeSeq)
        markStale();
    emit solveFinished();
}

void OptimizeController::cancel()
{
    if (m_phase == Phase::Reading) {
        ++m_generation; // the read's answer is dropped
        m_phase = Phase::Idle;
        m_panel->showMessage(tr("Cancelled: nothing was proposed."));
        emit solveFinished();
        return;
    }
    if (m_phase == Phase::Solving && m_cancelFlag) {
        m_userCancelled = true;
        m_cancelFlag->store(true);
        m_panel->showSolving(tr("Cancelling…"));
    }
}

void OptimizeController::accept()
{
    if (isSolving() || m_model->rowCount() == 0)
        return;
    if (!m_editor || !m_page) {
        m_panel->showStale(tr("Open the Schedule tab to book the proposal."));
        return;
    }
    widgets::ScheduleBoard *board = m_page->board();
    if (!board->isEditable()) {
        board->showMessage(tr("Read only: the proposal was not booked."), widgets::ScheduleBoard::MessageKind::Refusal);
        return;
    }
    if (m_stale) {
        markStale(); // says it again, with Solve again offered
        board->showMessage(tr("The proposal for %1 is stale: nothing was booked.").arg(dayText(m_day)),
                           widgets::ScheduleBoard::MessageKind::Refusal);
        return;
    }
    const dayplan::DayPlan &plan = m_model->plan();
    if (!plan.moves.empty()) {
        acceptReplan(board);
        return;
    }
    const int n = m_model->rowCount();
    m_accepting = true;
    auto ids = m_editor->bookDayPlan(m_day, plan.visits, m_changeSeq);
    m_accepting = false;
    if (!ids) {
        refused(board, ids.error());
        return;
    }
    ++m_generation;
    clearProposal();
    m_panel->showMessage(tr("Booked %n visit(s). Undo (Ctrl+Z) takes them all back.", nullptr, n));
    board->showMessage(tr("Booked %n proposed visit(s) for %1.", nullptr, n).arg(dayText(m_day)));
    board->selectAppointments(*ids);
    emit accepted(*ids);
}

// Refused and nothing written: the schedule is not what the solve saw.
void OptimizeController::refused(widgets::ScheduleBoard *board, const Error &error)
{
    m_stale = true;
    m_panel->showStale(tr("%1 The proposal is stale: Solve again to plan the day as it is now.").arg(error.message));
    board->showRefusal(error);
}

// A re-plan moves booked visits as well: the moves and the new visits are one undo step.
void OptimizeController::acceptReplan(widgets::ScheduleBoard *board)
{
    const dayplan::DayPlan &plan = m_model->plan();
    dayplan::RepairOption option;
    option.moves = dayplan::changesOf(plan);
    std::vector<Appointment> before;
    QStringList moved;
    for (const dayplan::VisitMove &m : plan.moves) {
        before.push_back(m_booked.value(m.appointmentId));
        moved << m.appointmentId;
    }
    const int added = int(plan.visits.size());
    const QString text = tr("Re-plan %1: %n new visit(s), %2 moved", nullptr, added)
                             .arg(QLocale().toString(m_day, QStringLiteral("ddd d MMM")))
                             .arg(plan.moves.size());
    m_accepting = true;
    const Status s = m_editor->repairDay(text, option, Absence{}, before, m_changeSeq);
    m_accepting = false;
    if (!s) {
        refused(board, s.error());
        return;
    }
    ++m_generation;
    const int movedCount = int(moved.size());
    clearProposal();
    m_panel->showMessage(tr("Booked %n new visit(s) and moved %1. Undo (Ctrl+Z) takes it all back.", nullptr, added).arg(movedCount));
    board->showMessage(tr("Re-planned %1: %n new visit(s), %2 moved.", nullptr, added).arg(dayText(m_day)).arg(movedCount));
    board->selectAppointments(moved);
    emit accepted(moved);
}

void OptimizeController::discard()
{
    if (isSolving())
        return;
    ++m_generation;
    clearProposal();
    m_panel->showMessage(tr("Proposal discarded: nothing was booked."));
}

void OptimizeController::clearProposal()
{
    m_stale = false;
    m_model->clear();
    showPreview();
}

void OptimizeController::showPreview()
{
    if (!m_page)
        return;
    QList<widgets::ScheduleBoard::PreviewVisit> bars;
    const int rows = m_dock->isHidden() ? 0 : m_model->rowCount();
    for (int row = 0; row < rows; ++row) {
        const dayplan::VisitMove v = m_model->rowChange(row);
        const QString where = tr("%1, %2–%3").arg(m_model->technicianName(v.toTechnicianId).toHtmlEscaped(), timeText(v.start), timeText(v.end));
        const QString tooltip =
            v.appointmentId.isEmpty()
                ? tr("<b>%1</b> · proposed<br>%2<br>Not booked yet: Accept or Discard in the Optimize day panel.").arg(v.workOrderId.toHtmlEscaped(), where)
                : tr("<b>%1</b> · proposed move<br>from %2, %3<br>to %4<br>Not moved yet: Accept or Discard in the Optimize day panel.")
                      .arg(v.workOrderId.toHtmlEscaped(), m_model->technicianName(v.fromTechnicianId).toHtmlEscaped(), timeText(v.fromStart), where);
        bars.append({v.toTechnicianId, v.start, v.end, v.workOrderId, tooltip});
    }
    m_page->board()->setPreviewVisits(bars);
}

void OptimizeController::markStale()
{
    if (m_model->rowCount() == 0)
        return;
    m_stale = true;
    m_panel->showStale(tr("The schedule changed since this proposal was made: it is stale and cannot be accepted. "
                          "Solve again to plan the day as it is now."));
}

void OptimizeController::onChanges(const ChangeList &changes)
{
    for (const Change &c : changes) {
        if (!BookDayPlanCommand::relevantTables().contains(c.entity))
            continue;
        // While solving, the read's seq is not known yet: compared when the answer arrives.
        m_latestChangeSeq = std::max(m_latestChangeSeq, c.seq);
        if (!isSolving() && c.seq > m_changeSeq)
            markStale();
    }
}

} // namespace fieldops::gui
