#include "MainWindow.h"

#include "SettingsDialog.h"
#include "audit/AuditHistoryModel.h"
#include "conditions/ConditionWatch.h"
#include "conditions/ConditionWatchLabel.h"
#include "settings/SettingsEvents.h"
#include "controllers/AlertsController.h"
#include "controllers/AssetHealthTabController.h"
#include "controllers/ConnectionController.h"
#include "controllers/DockController.h"
#include "controllers/KpiTabController.h"
#include "controllers/MapTabController.h"
#include "controllers/PartsTabController.h"
#include "controllers/MessageController.h"
#include "controllers/OptimizeController.h"
#include "controllers/RepairController.h"
#include "controllers/ScheduleTabController.h"
#include "controllers/StoryController.h"
#include "controllers/SuggestionController.h"
#include "controllers/TabShortcuts.h"
#include "controllers/ContractsTabController.h"
#include "controllers/CustomersTabController.h"
#include "controllers/TechniciansTabController.h"
#include "controllers/TimeTabController.h"
#include "controllers/UsersTabController.h"
#include "customers/CustomersView.h"
#include "records/RecordFormModel.h"
#include "selection/SelectionService.h"
#include "controllers/WorkOrderIntakeController.h"
#include "controllers/VisitOutcomeController.h"
#include "controllers/WorkOrdersTabController.h"
#include "document/ScheduleDocument.h"
#include "inspector/WorkOrderInspector.h"
#include "kpi/KpiDashboard.h"
#include "scheduling/TravelSpeedLoader.h"
#include "settings/RoutingPage.h"
#include "session/ConsoleSession.h"
#include "session/SessionJob.h"
#include "settings/ConsoleSettings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QIcon>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QUndoStack>

namespace fieldops::gui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent), m_session(new ConsoleSession(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/fieldops/icons/fieldops.svg")));
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("areaTabs"));
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);

    // Work-order intake and edits, offered by the menus, the table and the board.
    m_intake = new WorkOrderIntakeController(m_session, this);

    // The areas. The schedule board, map and KPI tabs plug in here the same way.
    auto workOrders = std::make_unique<WorkOrdersTabController>(m_session);
    m_workOrdersTab = workOrders.get();
    addTab(std::move(workOrders));
    auto kpis = std::make_unique<KpiTabController>(m_session);
    widgets::KpiDashboard *dashboard = kpis->dashboard();
    m_kpiDashboard = dashboard;
    addTab(std::move(kpis));
    // Targets are offered to the roles the server lets write them (managers, admins).
    connect(m_session, &ConsoleSession::permissionsChanged, dashboard,
            [dashboard](const Permissions &p) { dashboard->setTargetsEditable(p.editTargets); });
    dashboard->setTargetsEditable(m_session->permissions().editTargets);
    auto mapTab = std::make_unique<MapTabController>(m_session);
    MapTabController *mapController = mapTab.get();
    addTab(std::move(mapTab));

    m_docks = new DockController(this, m_session);
    m_docks->inspector()->setHistoryModel(m_session->auditHistory());
    // The whole story of the selected work order, in a window wide enough for it.
    m_story = new StoryController(m_session, this);
    m_docks->inspector()->setActions({m_intake->editAction(), m_intake->cancelAction(), m_story->storyAction()});
    // How a visit ended, from the inspector's visits, the board's menu or Ctrl+Shift+R.
    m_outcomes = new VisitOutcomeController(m_session, m_docks->inspector(), this);
    m_docks->inspector()->setVisitActions({m_outcomes->recordAction()});
    // Alerts dismissed with a reason, and the operation's thresholds.
    m_alerts = new AlertsController(m_session, m_docks->alerts(), this);
    connect(m_alerts, &AlertsController::problem, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    // Messages to the technicians' phones.
    m_messages = new MessageController(m_session, this);
    connect(m_messages, &MessageController::problem, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    connect(m_messages, &MessageController::sent, this,
            [this](int n) { statusBar()->showMessage(tr("Message sent to %n technician(s).", nullptr, n), 10000); });
    connect(m_outcomes, &VisitOutcomeController::problem, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    // The schedule tab follows the role itself (read-only board for roles the server would
    // refuse, and while the connection is lost).
    auto schedule = std::make_unique<ScheduleTabController>(this, m_session, m_docks);
    connect(schedule.get(), &ScheduleTabController::editWorkOrderRequested, m_intake, &WorkOrderIntakeController::editWorkOrder);
    connect(schedule.get(), &ScheduleTabController::cancelWorkOrderRequested, m_intake, &WorkOrderIntakeController::cancelWorkOrder);
    connect(schedule.get(), &ScheduleTabController::recordOutcomeRequested, m_outcomes, &VisitOutcomeController::recordOutcome);
    m_suggestAction = schedule->suggestions()->suggestAction();
    connect(schedule.get(), &ScheduleTabController::openOnMapRequested, this, [this, mapController](const QString &id) {
        if (!mapController->showWorkOrder(id)) {
            statusBar()->showMessage(tr("Work order %1 has no pin on the map (closed, or hidden by the map's filter).").arg(id), 15000);
            return;
        }
        m_tabs->setCurrentWidget(mapController->widget());
    });
    m_optimizeAction = schedule->optimize()->optimizeAction();
    m_urgentAction = schedule->repair()->urgentAction();
    connect(schedule->repair(), &RepairController::problem, this, [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    ScheduleTabController *scheduleTab = schedule.get();
    // The return visit of a job left unresolved: its work order selected, suggestions open.
    connect(m_outcomes, &VisitOutcomeController::followUpRequested, this, [this, scheduleTab](const QString &workOrderId) {
        m_session->selection()->selectWorkOrder(workOrderId);
        m_tabs->setCurrentWidget(scheduleTab->widget());
        m_suggestAction->trigger();
    });
    addTab(std::move(schedule));
    m_workOrdersTab->setRowActions({m_intake->editAction(), m_intake->cancelAction()});
    // Customers, their sites and assets.
    auto customersTab = std::make_unique<CustomersTabController>(m_session);
    connect(customersTab.get(), &CustomersTabController::newWorkOrderRequested, m_intake,
            [this, view = customersTab->view()](const QString &customerId) {
                m_intake->newWorkOrderFor(customerId, view->customerForm()->value(QStringLiteral("name")).toString());
            });
    connect(customersTab.get(), &CustomersTabController::openWorkOrderRequested, m_session->selection(), &SelectionService::selectWorkOrder);
    CustomersTabController *customersController = customersTab.get();
    addTab(std::move(customersTab));
    // Technicians and their absences; an absence drawn on the board opens their editor.
    auto techniciansTab = std::make_unique<TechniciansTabController>(m_session);
    connect(scheduleTab, &ScheduleTabController::absenceDrawn, techniciansTab.get(), &TechniciansTabController::markAbsent);
    connect(techniciansTab.get(), &TechniciansTabController::problem, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    addTab(std::move(techniciansTab));
    // Parts: stock per warehouse and van, reorder points, transfers (Edit → Transfer stock…).
    auto partsTab = std::make_unique<PartsTabController>(m_session);
    m_transferAction = partsTab->transferAction();
    addTab(std::move(partsTab));
    addTab(std::make_unique<ContractsTabController>(m_session));
    // Reviewing the technicians' time and exporting the billing.
    auto timeTab = std::make_unique<TimeTabController>(m_session);
    m_timeTab = timeTab.get();
    addTab(std::move(timeTab));
    // Asset health: at-risk assets and their readings; its links lead to the other tabs.
    auto health = std::make_unique<AssetHealthTabController>(m_session);
    connect(health.get(), &AssetHealthTabController::customerRequested, this, [this, customersController](const QString &id) {
        customersController->showCustomer(id);
        m_tabs->setCurrentWidget(customersController->widget());
    });
    connect(health.get(), &AssetHealthTabController::siteOnMapRequested, this, [this, mapController](double lat, double lon) {
        mapController->showPlace(lat, lon);
        m_tabs->setCurrentWidget(mapController->widget());
    });
    connect(health.get(), &AssetHealthTabController::workOrderRequested, this, [this](const QString &id) {
        m_session->selection()->selectWorkOrder(id);
        m_tabs->setCurrentWidget(m_workOrdersTab->widget());
    });
    addTab(std::move(health));
    // Users: only for the roles the server lets manage logins (admins on PostgreSQL).
    addTab(std::make_unique<UsersTabController>(m_session));
    const int usersTab = m_tabs->count() - 1;
    const auto followUsers = [this, usersTab](const Permissions &p) { m_tabs->setTabVisible(usersTab, p.manageUsers); };
    connect(m_session, &ConsoleSession::permissionsChanged, this, followUsers);
    followUsers(m_session->permissions());
    m_connection = new ConnectionController(this, m_session);
    connect(m_intake, &WorkOrderIntakeController::problem, this, [this](const QString &message) {
        statusBar()->showMessage(message, 15000);
    });
    buildMenus();

    m_session->setPeriodicRefreshInterval(settings::refreshIntervalMs().get());
    // Whether this console evaluates the condition rules, or another one does.
    conditions::ConditionWatch *watch = m_session->conditionWatch();
    watch->setIntervalMinutes(settings::conditionIntervalMinutes().get());
    connect(SettingsEvents::instance(), &SettingsEvents::changed, watch, [watch](const QString &group) {
        if (group == SettingsEvents::conditionsGroup())
            watch->setIntervalMinutes(settings::conditionIntervalMinutes().get());
    });
    statusBar()->addPermanentWidget(new widgets::ConditionWatchLabel(watch, statusBar()));

    resize(1400, 860);
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::addTab(std::unique_ptr<TabController> tab)
{
    QWidget *w = tab->widget();
    w->setObjectName(tab->id() + QStringLiteral("Tab"));
    m_tabs->addTab(w, tab->title());
    m_tabControllers.push_back(std::move(tab));
}

void MainWindow::connectTo(const DatabaseUrl &url) { m_connection->connectTo(url); }

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_intake->newAction());
    file->addSeparator();
    file->addAction(m_connection->connectAction());
    file->addAction(m_connection->openAnotherAction());
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QUndoStack *stack = m_session->document()->undoStack();
    QAction *undo = stack->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcut(QKeySequence(tr("Ctrl+Z")));
    QAction *redo = stack->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcut(QKeySequence(tr("Ctrl+Shift+Z")));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(m_intake->editAction());
    edit->addAction(m_intake->cancelAction());
    edit->addAction(m_outcomes->recordAction());
    edit->addAction(m_messages->composeAction());
    edit->addAction(m_transferAction);
    edit->addSeparator();
    edit->addAction(m_suggestAction);
    edit->addAction(m_optimizeAction);
    edit->addAction(m_urgentAction);
    // Undo is offered to every role that may edit a record (the schedule, work orders,
    // customers, technicians, absences, reviewed time); a role that may only read has nothing to undo.
    // (The board and the KPI targets follow the same signal in their own controllers.)
    const auto followPermissions = [undo, redo](const Permissions &p) {
        const bool edits = p.editSchedule || p.editWorkOrders || p.editCustomers || p.editTechnicians || p.editAbsences || p.reviewTime;
        undo->setVisible(edits);
        redo->setVisible(edits);
    };
    connect(m_session, &ConsoleSession::permissionsChanged, this, followPermissions);
    followPermissions(m_session->permissions());

    // Every dock the window has, whichever controller made it, in the order they were made.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *dock : findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly))
        view->addAction(dock->toggleViewAction());
    view->addSeparator();
    view->addAction(m_story->storyAction());
    view->addSeparator();
    addTabShortcuts(m_tabs, view);
    QAction *refresh = view->addAction(QIcon(QStringLiteral(":/fieldops/icons/refresh.svg")), tr("&Refresh"), m_session,
                                       &ConsoleSession::refresh);
    refresh->setObjectName(QStringLiteral("actionRefresh"));
    refresh->setShortcut(QKeySequence(tr("F5")));

    QMenu *toolsMenu = menuBar()->addMenu(tr("&Tools"));
    QAction *preferences = toolsMenu->addAction(tr("&Settings…"), this, [this] {
        SettingsDialog dialog(this);
        // The routing page shows the speeds planning learns from the recorded drives, read on
        // the worker; an answer after the dialog closed is dropped with it.
        const QDate today = m_session->now().toUTC().date();
        runSessionJob<scheduling::TravelSpeeds>(
            m_session, &dialog, [today](Database &db) { return scheduling::TravelSpeedLoader(db).load(today); },
            [page = dialog.routingPage()](Result<scheduling::TravelSpeeds> speeds) {
                if (speeds)
                    page->showLearnedSpeeds(*speeds);
                else
                    page->showLearnedSpeedsProblem(speeds.error().message);
            });
        dialog.exec();
    });
    preferences->setObjectName(QStringLiteral("actionSettings"));
    preferences->setShortcut(QKeySequence(tr("Ctrl+,")));
    preferences->setMenuRole(QAction::PreferencesRole);
    toolsMenu->addAction(m_alerts->thresholdsAction());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About FieldOps Console"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    QToolBar *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_connection->connectAction());
    tools->addAction(m_intake->newAction());
    tools->addAction(refresh);
}

void MainWindow::restoreLayout()
{
    const QByteArray geometry = settings::windowGeometry().get();
    if (geometry.isEmpty() || !restoreGeometry(geometry)) {
        if (const QScreen *screen = QGuiApplication::primaryScreen()) {
            const QRect avail = screen->availableGeometry();
            resize(avail.size().boundedTo(QSize(1400, 860)));
        }
    }
    m_needsDefaultDockSizes = !restoreState(settings::windowState().get());
    m_docks->restoreSettings();
    for (const auto &tab : m_tabControllers)
        tab->restoreSettings();
    const QString last = settings::lastTab().get();
    for (int i = 0; i < int(m_tabControllers.size()); ++i)
        if (m_tabControllers[size_t(i)]->id() == last)
            m_tabs->setCurrentIndex(i);
}

void MainWindow::saveLayout() const
{
    settings::windowGeometry().set(saveGeometry());
    settings::windowState().set(saveState());
    m_docks->saveSettings();
    for (const auto &tab : m_tabControllers)
        tab->saveSettings();
    const int current = m_tabs->currentIndex();
    if (current >= 0 && current < int(m_tabControllers.size()))
        settings::lastTab().set(m_tabControllers[size_t(current)]->id());
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_needsDefaultDockSizes) {
        m_needsDefaultDockSizes = false;
        m_docks->applyDefaultSizes();
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About FieldOps Console"),
                       tr("<h3>FieldOps Console %1</h3>"
                          "<p>A dispatcher console for field-service operations: work orders, the unassigned "
                          "queue, technicians' schedules, SLAs and KPIs, on a SQLite file or a shared "
                          "PostgreSQL server.</p>"
                          "<p>Built with Qt %2.</p>")
                           .arg(QStringLiteral(FIELDOPS_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace fieldops::gui
