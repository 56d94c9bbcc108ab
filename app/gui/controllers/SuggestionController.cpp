#include "controllers/SuggestionController.h"

#include "board/BoardModel.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/SuggestionModel.h"
#include "scheduling/CompiledSchedule.h"
#include "scheduling/PlanningTravelTime.h"
#include "scheduling/SuggestionLoader.h"
#include "scheduling/SuggestionRanker.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "settings/ConsoleSettings.h"
#include "session/SessionJob.h"
#include "suggest/SuggestionPanel.h"

#include <QAction>
#include <QDockWidget>
#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>

namespace fieldops::gui {

namespace {

// What one ranking sends back to the GUI thread.
struct Ranked {
    scheduling::SuggestionResult result;
    QString title;
    QHash<QString, QString> names;
    QString status; // the work order's: only an open one is assigned anew
    QString travelProblem; // why this ranking's travel times were straight-line after all
};

Result<Ranked> rankOn(Database &db, const QString &workOrderId, const QDateTime &from, const QDateTime &to,
                      const scheduling::PlanningTravelTime &travel)
{
    // Once per day's travel times (later rankings of the day find them read).
    if (auto learned = travel.learnSpeeds(db); !learned)
        return learned.error();
    auto input = scheduling::SuggestionLoader(db).load(workOrderId, from, to);
    if (!input)
        return input.error();
    const int fallbacksBefore = travel.fallbacksUsed();
    const scheduling::CompiledSchedule schedule(input->snapshot, travel);
    scheduling::SuggestionRanker ranker(schedule, scheduling::SuggestionRanker::basesOf(input->snapshot, input->inactiveTechnicians));
    ranker.setParts(input->partsNeeded, input->vanStock);
    Ranked r;
    r.result = ranker.suggest({input->workOrder.id, input->workOrder.durationMin, from, to, SuggestionController::kTop});
    if (travel.fallbacksUsed() != fallbacksBefore)
        r.travelProblem = travel.problem();
    for (const Technician &t : input->snapshot.technicians)
        r.names.insert(t.id, t.name.isEmpty() ? t.id : t.name);
    const WorkOrder &w = input->workOrder;
    r.status = w.status;
    r.title = w.summary.isEmpty()
                  ? SuggestionController::tr("Who can do %1 (%2 min)?").arg(w.id).arg(w.durationMin)
                  : SuggestionController::tr("Who can do %1 · %2 (%3 min)?").arg(w.id, w.summary).arg(w.durationMin);
    return r;
}

} // namespace

SuggestionController::SuggestionController(QMainWindow *window, ConsoleSession *session)
    : QObject(window), m_session(session), m_model(new SuggestionModel(this)), m_panel(new widgets::SuggestionPanel(m_model)),
      m_dock(new QDockWidget(tr("Suggestions"), window)), m_action(new QAction(tr("Suggest &technician…"), this))
{
    m_dock->setObjectName(QStringLiteral("suggestionsDock"));
    m_dock->setWidget(m_panel);
    // Below the board, where the table has the width for its reasons (the schedule tab
    // tabs it with the Conflicts dock).
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    m_dock->hide();

    m_action->setObjectName(QStringLiteral("suggestTechnicianAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    m_action->setShortcutContext(Qt::WindowShortcut);
    m_action->setToolTip(tr("Rank who could do the selected work order, and when (Ctrl+G)."));
    window->addAction(m_action);
    connect(m_action, &QAction::triggered, this, &SuggestionController::suggestForSelection);

    connect(m_panel, &widgets::SuggestionPanel::bookRequested, this, &SuggestionController::book);
    connect(m_panel, &widgets::SuggestionPanel::closeRequested, this, &SuggestionController::close);
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Closed with its title bar's button: the board stops showing its slots too.
        if (!visible && m_dock->isHidden())
            close();
    });

    // Follows the shared selection while open (stale answers are dropped by generation).
    connect(session->selection(), &SelectionService::workOrderChanged, this, [this](const QString &id) {
        if (isOpen() && !m_dragging && !id.isEmpty() && id != m_workOrderId)
            suggestFor(id);
    });
    // The schedule changed (another planner, or an edit or undo here): rank again.
    connect(session, &ConsoleSession::changesArrived, this, [this] { rankSoon(); });
    connect(session->document(), &ScheduleDocument::appointmentsWritten, this, [this] { rankSoon(); });
    m_rerank.setSingleShot(true);
    m_rerank.setInterval(150);
    connect(&m_rerank, &QTimer::timeout, this, &SuggestionController::rank);
}

SuggestionController::~SuggestionController() = default;

void SuggestionController::attach(BoardEditor *editor, widgets::ScheduleBoard *board)
{
    m_editor = editor;
    m_board = board;
    showHighlights();
}

void SuggestionController::detach()
{
    if (m_board)
        m_board->setHighlightedSlots({});
    m_editor = nullptr;
    m_board = nullptr;
}

bool SuggestionController::isOpen() const { return !m_dock->isHidden(); }

std::shared_ptr<const scheduling::PlanningTravelTime> SuggestionController::travelFor(const QDate &day)
{
    const QString url = settings::routingServiceUrl().get().trimmed();
    if (!m_travel || url != m_travelUrl || day != m_travelDay) {
        // A setting the page refused cannot be saved; one edited by hand is ignored.
        const bool usable = !url.isEmpty() && scheduling::PlanningTravelTime::checkServiceUrl(url).isEmpty();
        m_travel = std::make_shared<scheduling::PlanningTravelTime>(usable ? scheduling::PlanningTravelTime::serviceUrl(url) : QUrl(), day);
        m_travelUrl = url;
        m_travelDay = day;
    }
    return m_travel;
}

void SuggestionController::suggestForSelection()
{
    const QString id = m_session->selection()->workOrderId();
    m_dock->show();
    m_dock->raise(); // its tab comes to the front
    if (id.isEmpty()) {
        ++m_generation;
        m_workOrderId.clear();
        m_model->clear();
        showHighlights();
        m_panel->showProblem(tr("Select a work order in the queue or on the board first."));
        return;
    }
    m_panel->focusWhenReady();
    suggestFor(id);
}

void SuggestionController::suggestFor(const QString &workOrderId)
{
    m_workOrderId = workOrderId;
    if (m_dock->isHidden()) {
        m_dock->show();
        m_dock->raise();
    }
    rank();
}

void SuggestionController::rank()
{
    m_rerank.stop();
    if (m_workOrderId.isEmpty() || !isOpen())
        return;
    const quint64 generation = ++m_generation;
    const QString id = m_workOrderId;
    if (id != m_model->workOrderId()) {
        // Another work order's rows must not stay on show (or be booked) meanwhile.
        m_model->clear();
        showHighlights();
        m_panel->showRanking(id, tr("Ranking slots for %1…").arg(id));
    } else {
        m_panel->showRanking(id, m_panel->titleLabel()->text());
    }
    const QDateTime from = m_session->now();
    const QDateTime to = from.addDays(kHorizonDays);
    runSessionJob<Ranked>(
        m_session, this, [id, from, to, travel = travelFor(from.date())](Database &db) { return rankOn(db, id, from, to, *travel); },
        [this, generation, id](Result<Ranked> answer) {
            if (generation != m_generation)
                return; // the selection or the schedule moved on while this one ranked
            if (!answer) {
                m_model->clear();
                showHighlights();
                m_panel->showProblem(answer.error().message);
                m_panel->setTravelNote({});
                m_workOrderId = id; // a change may make it rankable again
                emit ranked(id);
                return;
            }
            m_workOrderStatus = answer->status;
            m_model->setResult(id, answer->result, answer->names);
            m_panel->showResult(answer->title);
            m_panel->setTravelNote(answer->travelProblem);
            showHighlights();
            emit ranked(id);
        });
}

void SuggestionController::rankSoon()
{
    if (isOpen() && !m_workOrderId.isEmpty())
        m_rerank.start();
}

void SuggestionController::showHighlights()
{
    if (!m_board)
        return;
    QList<widgets::ScheduleBoard::SlotHighlight> spans;
    if (isOpen()) {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const scheduling::Suggestion *s = m_model->suggestionAt(r);
            spans.append({s->technicianId, s->start, s->end});
        }
    }
    m_board->setHighlightedSlots(spans);
}

void SuggestionController::book(int row)
{
    const scheduling::Suggestion *chosen = m_model->suggestionAt(row);
    if (!chosen)
        return;
    if (!m_editor || !m_board) {
        m_panel->showProblem(tr("Open the Schedule tab to book a slot."));
        return;
    }
    if (!m_board->isEditable()) {
        m_board->showMessage(tr("Read only: the slot was not booked."), widgets::ScheduleBoard::MessageKind::Refusal);
        return;
    }
    // Copied: pushing a command re-reads rows and may start a new ranking.
    const scheduling::Suggestion s = *chosen;
    const QString workOrderId = m_model->workOrderId();

    // A work order already booked on the board moves (one visit per work order); an
    // unassigned one is assigned exactly as a drop from the queue does.
    const board::BoardModel *boardModel = m_editor->model();
    const board::BoardItem *visit = nullptr;
    for (const QString &id : boardModel->appointmentsOfWorkOrders({workOrderId})) {
        const board::BoardItem *item = boardModel->item(id);
        if (item && !item->isRemoved() && !item->isCancelled())
            visit = item;
    }
    QString landed;
    Status status;
    if (visit) {
        IntervalEdit e;
        e.ref = {visit->appointment.id, visit->appointment.version};
        e.fromTechnician = visit->appointment.technicianId;
        e.fromStart = visit->appointment.start;
        e.fromEnd = visit->appointment.end;
        e.toTechnician = s.technicianId;
        e.toStart = s.start;
        e.toEnd = s.end;
        landed = e.ref.id;
        status = m_editor->setIntervals({e}, SetIntervalCommand::Kind::Move);
    } else if (m_workOrderStatus != QLatin1String("open")) {
        // Booked, but its visit is outside the board's dates: assigning would add a second.
        m_board->showMessage(tr("%1 is already booked outside the dates on the board: show its day, then book to move it.")
                                 .arg(workOrderId),
                             widgets::ScheduleBoard::MessageKind::Refusal);
        return;
    } else {
        auto prepared = m_editor->prepareWorkOrder(workOrderId);
        if (!prepared) {
            m_board->showRefusal(prepared.error());
            return;
        }
        const auto watch = connect(m_editor, &BoardEditor::assigned, this, [&landed](const QString &id) { landed = id; });
        status = m_editor->assign(workOrderId, s.technicianId, s.start, s.end);
        disconnect(watch);
    }
    if (!status) {
        m_board->showRefusal(status.error());
        rankSoon(); // the refusal means the schedule is not what the ranking saw
        return;
    }
    const QString who = m_model->data(m_model->index(row, SuggestionModel::TechnicianColumn)).toString();
    m_board->showMessage(tr("Booked %1 with %2 at %3.").arg(workOrderId, who, QLocale().toString(s.start.toLocalTime(), QLocale::ShortFormat)));
    m_board->scrollToAppointment(landed);
    m_board->selectAppointments({landed});
    emit booked(landed);
}

void SuggestionController::close()
{
    ++m_generation;
    m_rerank.stop();
    m_workOrderId.clear();
    m_model->clear();
    m_dock->hide();
    showHighlights();
    if (m_board)
        m_board->setFocus();
}

void SuggestionController::queueDragStarted(const QString &workOrderId)
{
    m_dragging = true;
    suggestFor(workOrderId);
}

void SuggestionController::queueDragFinished(const QString &)
{
    m_dragging = false;
    // What the drop did (if anything) re-ranks through appointmentsWritten; the panel
    // stays on the dragged work order until the selection moves on.
}

} // namespace fieldops::gui
