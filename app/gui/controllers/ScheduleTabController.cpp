#include "controllers/ScheduleTabController.h"

#include "board/BoardModel.h"
#include "board/BoardToolbar.h"
#include "board/QueueDragSource.h"
#include "board/QueueDropTarget.h"
#include "board/ScheduleBoard.h"
#include "board/SchedulePage.h"
#include "commands/BoardEditor.h"
#include "board/ConflictListModel.h"
#include "conflicts/ConflictsPanel.h"
#include "controllers/DockController.h"
#include "controllers/OptimizeController.h"
#include "controllers/RepairController.h"
#include "controllers/SuggestionController.h"
#include "document/ScheduleDocument.h"
#include "queue/UnassignedQueueView.h"
#include "selection/SelectionService.h"
#include "selection/ViewFilterService.h"
#include "session/ConsoleSession.h"
#include "session/QueryWorker.h"
#include "settings/DisplayZone.h"
#include "settings/SettingsEvents.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QStackedWidget>
#include <QTreeView>
#include <QUndoView>

namespace fieldops::gui {

ScheduleTabController::ScheduleTabController(QMainWindow *window, ConsoleSession *session, DockController *docks)
    : m_session(session), m_docks(docks), m_stack(new QStackedWidget), m_placeholder(new QLabel),
      m_model(new board::BoardModel(this)), m_conflicts(new widgets::ConflictsPanel(m_model))
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setText(QCoreApplication::translate("ScheduleBoard", "Connect to a database to see the schedule."));
    m_stack->addWidget(m_placeholder);

    m_conflictsDock = new QDockWidget(QCoreApplication::translate("MainWindow", "Conflicts"), window);
    m_conflictsDock->setObjectName(QStringLiteral("conflictsDock"));
    m_conflictsDock->setWidget(m_conflicts);
    m_historyDock = new QDockWidget(QCoreApplication::translate("MainWindow", "Undo history"), window);
    m_historyDock->setObjectName(QStringLiteral("undoHistoryDock"));
    m_historyDock->setWidget(new QUndoView(session->document()->undoStack()));
    window->addDockWidget(Qt::BottomDockWidgetArea, m_conflictsDock);
    window->tabifyDockWidget(m_conflictsDock, m_historyDock);
    m_docks->setBottomDock(m_conflictsDock);
    m_conflictsDock->raise();

    // The queue becomes a drag source for the board; while a row is dragged the suggestion
    // panel ranks it and the board shades where it would fit.
    m_suggestions = new SuggestionController(window, session);
    auto *dragSource = new widgets::QueueDragSource(docks->queue()->view());
    connect(dragSource, &widgets::QueueDragSource::dragStarted, m_suggestions, &SuggestionController::queueDragStarted);
    connect(dragSource, &widgets::QueueDragSource::dragFinished, m_suggestions, &SuggestionController::queueDragFinished);
    window->tabifyDockWidget(m_conflictsDock, m_suggestions->dock());
    // "Optimize day" sits with them: its table needs the board's width too.
    m_optimize = new OptimizeController(window, session);
    m_repair = new RepairController(window, session);
    window->tabifyDockWidget(m_conflictsDock, m_optimize->dock());
    // …and takes bars back: dropped on the queue, they are unassigned.
    auto *dropTarget = new widgets::QueueDropTarget(docks->queue()->view());
    connect(dropTarget, &widgets::QueueDropTarget::appointmentsDropped, this, [this](const QStringList &ids) {
        if (!m_editor || !m_page || !m_page->board()->isEditable())
            return;
        if (Status s = m_editor->unassign(ids); !s)
            m_page->board()->showRefusal(s.error());
        else
            m_page->board()->showMessage(QString());
    });

    connect(session, &ConsoleSession::stateChanged, this, &ScheduleTabController::onSessionState);
    connect(session, &ConsoleSession::permissionsChanged, this, &ScheduleTabController::applyPermissions);
    connect(session, &ConsoleSession::changesArrived, this, [this](const ChangeList &changes) {
        if (m_editor)
            m_editor->applyChanges(changes);
    });
}

ScheduleTabController::~ScheduleTabController()
{
    close();
    // The conflicts panel reads the board model this controller owns: the dock (the window's
    // child, which would outlive the model) goes first.
    delete m_conflictsDock;
}

QString ScheduleTabController::id() const { return QStringLiteral("schedule"); }

QString ScheduleTabController::title() const { return QCoreApplication::translate("MainWindow", "Schedule"); }

QWidget *ScheduleTabController::widget() { return m_stack; }

void ScheduleTabController::onSessionState()
{
    const bool usable = m_session->isUsable();
    if (usable && !m_editor)
        open();
    else if (m_session->state() == ConsoleSession::State::Disconnected)
        close();
}

void ScheduleTabController::followDisplayZone()
{
    const QTimeZone zone = settings::displayZone();
    const bool perTechnician = settings::displayPerTechnician();
    m_conflicts->model()->setDisplayZone(zone, perTechnician);
    if (m_page)
        m_page->board()->setDisplayZone(zone, perTechnician);
}

void ScheduleTabController::open()
{
    m_editor = std::make_unique<BoardEditor>(m_session->editChannel(), m_session->document(), m_model);
    // Horizons (thousands of rows) load on their own connection and thread; edits and the
    // by-id re-reads after them go through the session's edit channel, a few rows each.
    m_editor->setHorizonReader(std::make_unique<QueryWorker>(m_session->url()));
    m_page = new widgets::SchedulePage(m_editor.get());
    m_stack->addWidget(m_page);
    m_stack->setCurrentWidget(m_page);
    widgets::ScheduleBoard *board = m_page->board();
    board->setRecentChanges(m_session->recentChanges());
    followDisplayZone();
    connect(SettingsEvents::instance(), &SettingsEvents::changed, this, [this](const QString &group) {
        if (group == SettingsEvents::displayGroup())
            followDisplayZone();
    });
    connect(m_conflicts, &widgets::ConflictsPanel::appointmentActivated, board, &widgets::ScheduleBoard::scrollToAppointment);
    // A technician picked elsewhere (an alert, the map) comes into view on the board too.
    connect(m_session->selection(), &SelectionService::technicianChanged, board, &widgets::ScheduleBoard::scrollToTechnician);
    connect(board, &widgets::ScheduleBoard::workOrderActivated, m_session->selection(), &SelectionService::selectWorkOrder);
    // Enter on the board's focus cell books the queue's selected work order there.
    board->setWorkOrderSelection(m_session->selection());
    connect(board, &widgets::ScheduleBoard::editWorkOrderRequested, this, &ScheduleTabController::editWorkOrderRequested);
    connect(board, &widgets::ScheduleBoard::cancelWorkOrderRequested, this, &ScheduleTabController::cancelWorkOrderRequested);
    connect(board, &widgets::ScheduleBoard::recordOutcomeRequested, this, &ScheduleTabController::recordOutcomeRequested);
    connect(board, &widgets::ScheduleBoard::absenceDrawn, this, &ScheduleTabController::absenceDrawn);
    connect(board, &widgets::ScheduleBoard::openOnMapRequested, this, &ScheduleTabController::openOnMapRequested);
    connect(board, &widgets::ScheduleBoard::openWorkOrderRequested, this, [this](const QString &id) {
        m_session->selection()->selectWorkOrder(id);
        m_docks->inspectorDock()->show();
        m_docks->inspectorDock()->raise();
    });
    // The toolbar's technician filter is shared: the map shows the same technicians.
    ViewFilterService *filter = ViewFilterService::sharedWith(m_session->selection());
    connect(m_page->toolbar(), &widgets::BoardToolbar::filterChanged, filter,
            [filter, toolbar = m_page->toolbar()] { filter->setFilter(toolbar->filter()); });
    filter->setFilter(m_page->toolbar()->filter());
    m_suggestions->attach(m_editor.get(), board);
    m_optimize->attach(m_editor.get(), m_page);
    m_repair->attach(m_editor.get(), m_page);
    connect(board, &widgets::ScheduleBoard::overrunRepairRequested, m_repair, &RepairController::repairOverrun);
    connect(board, &widgets::ScheduleBoard::absenceRepairRequested, m_repair, &RepairController::repairAbsence);
    applyPermissions();
    m_page->showDate();
}

void ScheduleTabController::applyPermissions()
{
    // The server enforces who may write; the board just stops offering what cannot be done.
    if (!m_page)
        return;
    const bool editable = m_session->permissions().editSchedule;
    QString why;
    if (!editable && m_session->state() == ConsoleSession::State::Lost)
        why = QCoreApplication::translate("ScheduleBoard",
                                          "The connection to the database is lost: the schedule is read only until it returns.");
    m_page->setEditable(editable, why);
    const bool absences = m_session->permissions().editAbsences && m_session->isUsable();
    m_page->toolbar()->setMarkAbsentAvailable(absences);
    if (!absences)
        m_page->board()->setMarkAbsentMode(false);
}

void ScheduleTabController::close()
{
    m_suggestions->detach();
    m_optimize->detach();
    m_repair->detach();
    if (m_page) {
        m_stack->removeWidget(m_page);
        delete m_page;
        m_page = nullptr;
    }
    m_editor.reset();
    m_stack->setCurrentWidget(m_placeholder);
}

} // namespace fieldops::gui
