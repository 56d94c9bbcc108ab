// The console's main window driven like a user would (offscreen): it opens on a real
// SQLite file, the table shows the rows, typing in the filter narrows them, clicking a row
// fills the inspector, the queue lists the unassigned jobs, alerts select their work
// order, F5 refreshes, the layout survives a restart, the connection dialog builds URLs
// from its fields and tests them, no password reaches the settings file, and a render on
// the demo database is written to fieldops-main.png.
#include "../itemmodels/WorkOrderFixture.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
#include "ConnectionDialog.h"
#include "MainWindow.h"
#include "PasswordStore.h"
#include "SettingsDialog.h"
#include "TestDatabases.h"
#include "alerts/AlertsView.h"
#include "board/BoardModel.h"
#include "board/SchedulePage.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "common/StatusBadge.h"
#include "connection/ConnectionForm.h"
#include "controllers/ConnectionController.h"
#include "controllers/DockController.h"
#include "controllers/WorkOrdersTabController.h"
#include "demo/DemoSeeder.h"
#include "inspector/WorkOrderInspector.h"
#include "kpi/KpiBreakdownView.h"
#include "kpi/KpiDashboard.h"
#include "kpi/KpiFilterBar.h"
#include "kpi/KpiTrendChart.h"
#include "map/MapModel.h"
#include "map/MapView.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/UnassignedQueueProxy.h"
#include "itemmodels/WorkOrderFilterProxy.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "queue/UnassignedQueueView.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "settings/ConsoleSettings.h"
#include "settings/DisplayPage.h"
#include "settings/RecentConnections.h"
#include "workorders/WorkOrderFilterBar.h"
#include "workorders/WorkOrdersPage.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QAbstractItemView>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QGeoCoordinate>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QtTest>

using namespace fieldops;

namespace {
QStringList idsInOrder(const QAbstractItemModel *m)
{
    QStringList ids;
    for (int r = 0; r < m->rowCount(); ++r)
        ids << m->index(r, 0).data(roles::WorkOrderId).toString();
    return ids;
}

QModelIndex rowOf(const QAbstractItemModel *m, const QString &id)
{
    for (int r = 0; r < m->rowCount(); ++r)
        if (m->index(r, 0).data(roles::WorkOrderId).toString() == id)
            return m->index(r, 0);
    return {};
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    QString m_openFailure; // why the last openWindow() gave no window

    // On the fixture's clock, so what is late or due reads the same on every run.
    std::unique_ptr<gui::MainWindow> openWindow(const QString &url)
    {
        return test::openMainWindow(url, &m_openFailure, test::fixtureNow());
    }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_main_window"));
        QSettings().clear();
        m_db = test::freshDatabase(QStringLiteral("sqlite"), true, &m_url);
        QVERIFY2(m_db, qPrintable(test::lastError()));
        const QString failed = test::insertWorkOrderFixture(*m_db);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

    void cleanupTestCase() { QSettings().clear(); }

    void tableShowsTheRows()
    {
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        QTableView *table = w->workOrdersTab()->page()->table();
        QCOMPARE(table->model()->rowCount(), 6);
        // Default order: newest first.
        QCOMPARE(idsInOrder(table->model()),
                 (QStringList{QStringLiteral("w4"), QStringLiteral("w3"), QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w5"), QStringLiteral("w6")}));
        const QModelIndex w1 = rowOf(table->model(), QStringLiteral("w1"));
        QCOMPARE(w1.siblingAtColumn(WorkOrderTableModel::CustomerColumn).data().toString(), QStringLiteral("Acme Foods"));
        QVERIFY(table->visualRect(w1).isValid());
        // Status bar: state, database and who we are.
        QCOMPARE(w->connection()->badge()->state(), widgets::StatusBadge::State::Ok);
        QCOMPARE(w->connection()->badge()->text(), QStringLiteral("Connected"));
        QVERIFY(w->connection()->databaseLabel()->text().contains(DatabaseUrl::parse(m_url)->path));
        QVERIFY(w->connection()->userLabel()->text().startsWith(QStringLiteral("User: ")));
        QVERIFY(w->tabs()->count() >= 1); // the map and other areas follow the work orders
        QCOMPARE(w->tabs()->tabText(0), QStringLiteral("Work orders"));
    }

    void filterBarNarrowsTheTable()
    {
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        widgets::WorkOrdersPage *page = w->workOrdersTab()->page();
        QAbstractItemModel *shown = page->table()->model();
        QTest::keyClicks(page->filterBar()->searchEdit(), QStringLiteral("acme"));
        QTRY_COMPARE(shown->rowCount(), 3);
        QTest::keyClicks(page->filterBar()->searchEdit(), QStringLiteral(" chiller"));
        QTRY_COMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, 0).data(roles::WorkOrderId).toString(), QStringLiteral("w1"));
        QLabel *count = page->filterBar()->findChild<QLabel *>(QStringLiteral("workOrderCount"));
        QVERIFY(count);
        QCOMPARE(count->text(), QStringLiteral("1 of 6 work orders"));
        page->filterBar()->searchEdit()->clear();
        QTRY_COMPARE(shown->rowCount(), 6);
        // Status "Open", then type "Corrective": the combos filter as they change.
        QComboBox *status = page->filterBar()->statusCombo();
        status->setCurrentIndex(status->findData(QStringLiteral("open")));
        QCOMPARE(shown->rowCount(), 4);
        QComboBox *type = page->filterBar()->typeCombo();
        type->setCurrentIndex(type->findData(QStringLiteral("corrective")));
        QCOMPARE(shown->rowCount(), 2);
        QComboBox *priority = page->filterBar()->priorityCombo();
        priority->setCurrentIndex(priority->findData(QStringLiteral("2")));
        QCOMPARE(idsInOrder(shown), QStringList{QStringLiteral("w6")});
        page->filterBar()->clear();
        QCOMPARE(shown->rowCount(), 6);
    }

    void clickingARowFillsTheInspector()
    {
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        QTableView *table = w->workOrdersTab()->page()->table();
        widgets::WorkOrderInspector *inspector = w->docks()->inspector();
        QVERIFY(!inspector->isShowingDetails());
        const QModelIndex w4 = rowOf(table->model(), QStringLiteral("w4")).siblingAtColumn(WorkOrderTableModel::SummaryColumn);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(w4).center());
        QCOMPARE(w->session()->selection()->workOrderId(), QStringLiteral("w4"));
        QTRY_VERIFY(inspector->isShowingDetails());
        QVERIFY(inspector->fieldText(QStringLiteral("title")).startsWith(QStringLiteral("w4 · Inspection · 2 High")));
        QVERIFY(inspector->fieldText(QStringLiteral("site")).contains(QStringLiteral("Beta HQ")));
        QVERIFY(inspector->fieldText(QStringLiteral("customer")).contains(QStringLiteral("Beta Labs")));
        QCOMPARE(inspector->fieldText(QStringLiteral("skills")), QStringLiteral("elec"));
        QCOMPARE(inspector->appointmentList()->topLevelItemCount(), 1);
        QCOMPARE(inspector->appointmentList()->topLevelItem(0)->text(0), QStringLiteral("Bruno Lima"));

        // Selecting in the queue moves the table and the inspector too (one selection).
        QTreeView *queue = w->docks()->queue()->view();
        const QModelIndex qw1 = rowOf(queue->model(), QStringLiteral("w1"));
        QTest::mouseClick(queue->viewport(), Qt::LeftButton, {}, queue->visualRect(qw1.siblingAtColumn(WorkOrderTableModel::IdColumn)).center());
        QCOMPARE(w->session()->selection()->workOrderId(), QStringLiteral("w1"));
        QCOMPARE(table->currentIndex().siblingAtColumn(0).data(roles::WorkOrderId).toString(), QStringLiteral("w1"));
        QTRY_VERIFY(inspector->fieldText(QStringLiteral("title")).startsWith(QStringLiteral("w1 ")));
        QCOMPARE(inspector->fieldText(QStringLiteral("contract")), QStringLiteral("Acme Gold"));
        QVERIFY(inspector->fieldText(QStringLiteral("asset")).contains(QStringLiteral("Carrier 30RB")));
        QCOMPARE(inspector->appointmentList()->topLevelItemCount(), 0);
    }

    void queueAndAlertsDocks()
    {
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        QTreeView *queue = w->docks()->queue()->view();
        // Riskiest SLA first (latest start that meets it), "no SLA" last.
        QCOMPARE(idsInOrder(queue->model()),
                 (QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("w6"), QStringLiteral("w3")}));
        QLabel *queueCount = w->docks()->queue()->findChild<QLabel *>(QStringLiteral("queueCount"));
        QCOMPARE(queueCount->text(), QStringLiteral("Waiting for a technician: 4"));
        // What a dispatcher needs to pick the next job, in this order.
        QStringList headers;
        for (int v = 0; v < queue->header()->count(); ++v) {
            const int c = queue->header()->logicalIndex(v);
            if (!queue->isColumnHidden(c))
                headers << queue->model()->headerData(c, Qt::Horizontal).toString();
        }
        QCOMPARE(headers, (QStringList{QStringLiteral("Priority"), QStringLiteral("Work order"), QStringLiteral("Summary"),
                                       QStringLiteral("Customer"), QStringLiteral("SLA due"), QStringLiteral("Duration"),
                                       QStringLiteral("Skills")}));
        QCOMPARE(rowOf(queue->model(), QStringLiteral("w1")).siblingAtColumn(WorkOrderTableModel::SkillsColumn).data().toString(),
                 QStringLiteral("elec, hvac"));
        // Clicking a header sorts by it; clicking again reverses.
        QHeaderView *qh = queue->header();
        const auto clickHeader = [&](int column) {
            QTest::mouseClick(qh->viewport(), Qt::LeftButton, {},
                              QPoint(qh->sectionViewportPosition(column) + qh->sectionSize(column) / 2, qh->height() / 2));
        };
        queue->scrollTo(queue->model()->index(0, WorkOrderTableModel::DurationColumn));
        clickHeader(WorkOrderTableModel::DurationColumn);
        QCOMPARE(idsInOrder(queue->model()),
                 (QStringList{QStringLiteral("w6"), QStringLiteral("w3"), QStringLiteral("w1"), QStringLiteral("w2")}));
        clickHeader(WorkOrderTableModel::DurationColumn);
        QCOMPARE(idsInOrder(queue->model()),
                 (QStringList{QStringLiteral("w2"), QStringLiteral("w1"), QStringLiteral("w3"), QStringLiteral("w6")}));

        QListView *alerts = w->docks()->alerts()->view();
        QCOMPARE(alerts->model()->rowCount(), 4); // breached w1, due soon w2, late w4, w6 unresolved
        QCOMPARE(w->docks()->alertsDock()->windowTitle(), QStringLiteral("Alerts (4)"));
        QVERIFY(!alerts->model()->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        const QModelIndex late = alerts->model()->index(2, 0);
        QCOMPARE(late.data(roles::WorkOrderId).toString(), QStringLiteral("w4"));
        QTest::mouseClick(alerts->viewport(), Qt::LeftButton, {}, alerts->visualRect(late).center());
        QCOMPARE(w->session()->selection()->workOrderId(), QStringLiteral("w4"));
        QTRY_VERIFY(w->docks()->inspector()->fieldText(QStringLiteral("title")).startsWith(QStringLiteral("w4 ")));
    }

    void menusShortcutsAndRefresh()
    {
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        auto action = [&](const char *name) { return w->findChild<QAction *>(QString::fromLatin1(name)); };
        QCOMPARE(action("actionConnect")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+O")));
        QCOMPARE(action("actionQuit")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));
        QCOMPARE(action("actionUndo")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Z")));
        QCOMPARE(action("actionRedo")->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+Z")));
        QCOMPARE(action("actionRefresh")->shortcut(), QKeySequence(QStringLiteral("F5")));
        // Undo is bound to the document's stack: empty stack, nothing to undo.
        QVERIFY(!action("actionUndo")->isEnabled());

        // Another writer changes a row; F5 shows it.
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE work_orders SET summary = 'Chiller down, urgent' WHERE id = 'w1'")).ok());
        QSignalSpy refreshed(w->session(), &ConsoleSession::refreshed);
        QTest::keyClick(w.get(), Qt::Key_F5);
        QVERIFY(refreshed.wait(10000));
        const QModelIndex w1 = rowOf(w->workOrdersTab()->page()->table()->model(), QStringLiteral("w1"));
        QTRY_COMPARE(w1.siblingAtColumn(WorkOrderTableModel::SummaryColumn).data().toString(), QStringLiteral("Chiller down, urgent"));
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE work_orders SET summary = 'Chiller down in cold room' WHERE id = 'w1'")).ok());
        // The View menu shows and hides every dock the window has, whoever made it.
        QMenu *viewMenu = nullptr;
        for (QAction *a : w->menuBar()->actions())
            if (a->text() == QLatin1String("&View"))
                viewMenu = a->menu();
        QVERIFY(viewMenu);
        const QList<QDockWidget *> docks = w->findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly);
        QVERIFY(docks.size() >= 6); // queue, inspector, alerts, conflicts, undo history, suggestions
        for (QDockWidget *dock : docks)
            QVERIFY2(viewMenu->actions().contains(dock->toggleViewAction()), qPrintable(dock->windowTitle()));
        // Hiding a dock through the View menu's action.
        QAction *toggleAlerts = w->docks()->alertsDock()->toggleViewAction();
        toggleAlerts->trigger();
        QVERIFY(w->docks()->alertsDock()->isHidden());
    }

    void boardOpensAWorkOrderOnTheMap()
    {
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        auto *mapView = w->findChild<widgets::MapView *>();
        QVERIFY(mapView);
        QTRY_VERIFY_WITH_TIMEOUT(mapView->model()->job(QStringLiteral("w6")), 15000);
        widgets::SchedulePage *page = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((page = w->findChild<widgets::SchedulePage *>()) != nullptr, 15000);
        // Enter on the board's focus cell books what the queue selected: the session's selection.
        QCOMPARE(page->board()->workOrderSelection(), w->session()->selection());

        // (w6 is open, so the map pins it whatever day it shows.) The bar's "Open on map": the map tab, centred on the site, the work order selected.
        emit page->board()->openOnMapRequested(QStringLiteral("w6"));
        QCOMPARE(w->tabs()->currentWidget()->objectName(), QStringLiteral("mapTab"));
        QCOMPARE(w->session()->selection()->workOrderId(), QStringLiteral("w6"));
        const QPointF site = mapView->screenPosOf(QGeoCoordinate(-23.60, -46.70));
        const QPointF middle(mapView->width() / 2.0, mapView->height() / 2.0);
        QVERIFY2((site - middle).manhattanLength() < 2, qPrintable(QStringLiteral("%1,%2").arg(site.x()).arg(site.y())));
        QVERIFY(mapView->viewport().zoom() >= 14);

        // A work order without a pin leaves the tab where it is and says why.
        w->tabs()->setCurrentIndex(0);
        emit page->board()->openOnMapRequested(QStringLiteral("no-such-order"));
        QCOMPARE(w->tabs()->currentIndex(), 0);
        QVERIFY(w->statusBar()->currentMessage().contains(QLatin1String("no pin on the map")));
    }

    void layoutSurvivesARestart()
    {
        // A size the window can really take (its tabs set a minimum) and that differs
        // from the default one, so a restore that did nothing would be caught.
        QSize wanted;
        {
            auto w = openWindow(m_url);
            QVERIFY2(w, qPrintable(m_openFailure));
            wanted = w->minimumSizeHint().expandedTo(QSize(1111, 777)) + QSize(151, 97);
            QVERIFY(wanted != w->size());
            w->resize(wanted);
            w->addDockWidget(Qt::RightDockWidgetArea, w->docks()->queueDock());
            w->docks()->alertsDock()->hide();
            w->workOrdersTab()->page()->table()->horizontalHeader()->resizeSection(WorkOrderTableModel::SummaryColumn, 333);
            QTreeView *queue = w->docks()->queue()->view();
            queue->header()->resizeSection(WorkOrderTableModel::CustomerColumn, 222);
            queue->sortByColumn(WorkOrderTableModel::DurationColumn, Qt::DescendingOrder);
            // The KPI view the manager chose: weekly buckets, the SLA trend, by territory, the ratings tab.
            widgets::KpiDashboard *kpis = w->kpiDashboard();
            QVERIFY(test::chooseByKeys(kpis->filterBar()->bucketCombo(), int(kpi::BucketSize::Week)));
            kpis->trendChart()->setKey(QStringLiteral("sla_compliance_rate"));
            QVERIFY(test::chooseByKeys(kpis->breakdown()->groupCombo(), int(kpi::BreakdownBy::Territory)));
            kpis->detailTabs()->setCurrentIndex(1);
            QTest::qWait(50);
            w->close(); // saves like a user quitting
        }
        QVERIFY(!settings::windowGeometry().get().isEmpty());
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        QCOMPARE(w->size(), wanted);
        QCOMPARE(w->dockWidgetArea(w->docks()->queueDock()), Qt::RightDockWidgetArea);
        QVERIFY(w->docks()->alertsDock()->isHidden());
        QVERIFY(!w->docks()->inspectorDock()->isHidden());
        QCOMPARE(w->workOrdersTab()->page()->table()->horizontalHeader()->sectionSize(WorkOrderTableModel::SummaryColumn), 333);
        QTreeView *queue = w->docks()->queue()->view();
        QCOMPARE(queue->header()->sectionSize(WorkOrderTableModel::CustomerColumn), 222);
        QCOMPARE(queue->header()->sortIndicatorSection(), int(WorkOrderTableModel::DurationColumn));
        QCOMPARE(queue->header()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(idsInOrder(queue->model()).first(), QStringLiteral("w2"));
        QCOMPARE(settings::lastTab().get(), QStringLiteral("workorders"));
        widgets::KpiDashboard *kpis = w->kpiDashboard();
        QCOMPARE(kpis->filterBar()->bucketCombo()->currentData().toInt(), int(kpi::BucketSize::Week));
        QCOMPARE(kpis->trendChart()->key(), QStringLiteral("sla_compliance_rate"));
        QCOMPARE(kpis->breakdown()->groupCombo()->currentData().toInt(), int(kpi::BreakdownBy::Territory));
        QCOMPARE(kpis->detailTabs()->currentIndex(), 1);
        // Back to the default layout for the screenshot below.
        settings::windowGeometry().reset();
        settings::windowState().reset();
        settings::workOrderTableHeader().reset();
        settings::queueHeader().reset();
        settings::kpiViewState().reset();
    }

    // A dispatcher in one zone planning technicians in another: Settings → Display.
    void timesShownInTheChosenZone()
    {
        auto w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        widgets::SchedulePage *page = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((page = w->findChild<widgets::SchedulePage *>()) != nullptr, 15000);
        QCOMPARE(page->board()->displayZone(), QTimeZone::systemTimeZone());

        auto dialog = std::make_unique<gui::SettingsDialog>();
        widgets::DisplayPage *display = dialog->displayPage();
        QComboBox *zone = display->zoneCombo();
        // Typed as a user does; the completion list that pops up is closed with Esc.
        const auto typeZone = [zone](const QString &text) {
            zone->lineEdit()->selectAll();
            QTest::keyClicks(zone->lineEdit(), text);
            if (zone->completer()->popup()->isVisible())
                QTest::keyClick(zone->completer()->popup(), Qt::Key_Escape);
        };
        typeZone(QStringLiteral("Asia/Tokyo"));
        QCOMPARE(zone->currentText(), QStringLiteral("Asia/Tokyo"));
        QVERIFY(dialog->applyAll());
        const QTimeZone tokyo("Asia/Tokyo");
        QCOMPARE(settings::displayTimeZone().get(), QStringLiteral("Asia/Tokyo"));
        QCOMPARE(page->board()->displayZone(), tokyo);
        QCOMPARE(w->kpiDashboard()->filterBar()->timeZone(), tokyo);

        // A name this computer does not know is refused in words, and nothing changes.
        typeZone(QStringLiteral("Mars/Olympus_Mons"));
        QVERIFY(!dialog->applyAll());
        QVERIFY2(display->message().contains(QLatin1String("Mars/Olympus_Mons")), qPrintable(display->message()));
        QCOMPARE(settings::displayTimeZone().get(), QStringLiteral("Asia/Tokyo"));
        QCOMPARE(page->board()->displayZone(), tokyo);

        // A new window starts in the chosen zone; "this computer's" goes back to it.
        dialog.reset();
        w.reset();
        w = openWindow(m_url);
        QVERIFY2(w, qPrintable(m_openFailure));
        QTRY_VERIFY_WITH_TIMEOUT((page = w->findChild<widgets::SchedulePage *>()) != nullptr, 15000);
        QCOMPARE(page->board()->displayZone(), tokyo);
        QCOMPARE(w->kpiDashboard()->filterBar()->timeZone(), tokyo);
        gui::SettingsDialog again;
        QCOMPARE(again.displayPage()->zoneCombo()->currentText(), QStringLiteral("Asia/Tokyo"));
        again.displayPage()->zoneCombo()->setCurrentIndex(0);
        QVERIFY(again.applyAll());
        QVERIFY(settings::displayTimeZone().get().isEmpty());
        QCOMPARE(page->board()->displayZone(), QTimeZone::systemTimeZone());
        QCOMPARE(w->kpiDashboard()->filterBar()->timeZone(), QTimeZone::systemTimeZone());
    }

    void connectionDialogBuildsUrls()
    {
        gui::PasswordStore store;
        gui::ConnectionDialog dialog(&store);
        widgets::ConnectionForm *form = dialog.form();
        form->backendCombo()->setCurrentIndex(1);
        QTest::keyClicks(form->hostEdit(), QStringLiteral("db.example.com"));
        form->portSpin()->setValue(6543);
        QTest::keyClicks(form->databaseEdit(), QStringLiteral("ops"));
        QTest::keyClicks(form->userEdit(), QStringLiteral("ana"));
        QTest::keyClicks(form->passwordEdit(), QStringLiteral("s3cret"));
        form->sslModeCombo()->setCurrentIndex(form->sslModeCombo()->findData(QStringLiteral("verify-full")));
        QTest::keyClicks(form->rootCertEdit(), QStringLiteral("/etc/ssl/root.crt"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        const DatabaseUrl u = dialog.url();
        QCOMPARE(u.dialect, Dialect::PostgreSQL);
        QCOMPARE(u.toString(true), QStringLiteral("postgresql://ana:s3cret@db.example.com:6543/ops?sslmode=verify-full&sslrootcert=/etc/ssl/root.crt"));
        QVERIFY(!u.toDisplayString().contains(QLatin1String("s3cret")));
        // The form reads back what it was given.
        widgets::ConnectionForm other;
        other.setUrl(u);
        QCOMPARE(other.url()->toString(true), u.toString(true));

        // Missing host: refused with a reason, not a half URL.
        form->hostEdit()->clear();
        QVERIFY(!form->url().ok());
        QCOMPARE(int(form->url().error().kind), int(Error::Kind::Invalid));

        // SQLite: a file path; Test connection reports what it finds, off the GUI thread.
        form->backendCombo()->setCurrentIndex(0);
        form->sqlitePathEdit()->setText(DatabaseUrl::parse(m_url)->path);
        QCOMPARE(form->url()->toString(false), m_url);
        QTest::mouseClick(dialog.testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.testResultLabel()->text().contains(QLatin1String("schema version")), 10000);
        QVERIFY(dialog.testResultLabel()->text().contains(QLatin1String("writable")));
    }

    void recentConnectionsKeepNoPassword()
    {
        // A PostgreSQL connection with a password (the test server trusts loopback, so
        // the password is accepted and ignored).
        QString pgUrl;
        auto pg = test::freshDatabase(QStringLiteral("postgres"), true, &pgUrl);
        QVERIFY2(pg, qPrintable(test::lastError()));
        DatabaseUrl withPassword = *DatabaseUrl::parse(pgUrl);
        withPassword.password = QStringLiteral("Sup3rSecretPw");
        auto w = openWindow(withPassword.toString(true));
        QVERIFY2(w, qPrintable(m_openFailure));
        QCOMPARE(w->session()->state(), ConsoleSession::State::Connected);
        QVERIFY(!w->connection()->databaseLabel()->text().contains(QLatin1String("Sup3rSecretPw")));
        w->close();
        const QStringList recent = settings::recentConnectionList();
        QVERIFY(recent.contains(withPassword.toDisplayString()));
        QVERIFY(recent.contains(m_url));
        QSettings s;
        s.sync();
        QFile file(s.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("Sup3rSecretPw"));
        // The dialog offers them, most recent first.
        gui::PasswordStore store;
        gui::ConnectionDialog dialog(&store);
        QCOMPARE(dialog.recentCombo()->itemData(1).toString(), withPassword.toDisplayString());
    }

    void screenshotOnTheDemoDatabase()
    {
        const test::DemoDatabase demo({.technicians = 25, .days = 21, .customers = 300, .today = QDate()});
        QVERIFY2(demo.db, qPrintable(demo.error));

        // The default layout, not what the tests before left behind.
        settings::windowGeometry().reset();
        settings::windowState().reset();
        settings::workOrderTableHeader().reset();
        auto w = std::make_unique<gui::MainWindow>();
        w->connection()->setInteractive(false);
        w->resize(1500, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QSignalSpy refreshed(w->session(), &ConsoleSession::refreshed);
        w->connectTo(*DatabaseUrl::parse(demo.url));
        QVERIFY(refreshed.wait(30000));
        QVERIFY(w->workOrdersTab()->page()->table()->model()->rowCount() > 0);
        QVERIFY(w->docks()->queue()->view()->model()->rowCount() > 0);
        // Show a selection so the inspector is part of the picture.
        QTreeView *queue = w->docks()->queue()->view();
        const QString first = queue->model()->index(0, 0).data(roles::WorkOrderId).toString();
        w->session()->selection()->selectWorkOrder(first);
        QTRY_VERIFY(w->docks()->inspector()->isShowingDetails());
        QTest::qWait(100);
        const QImage shot = w->grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(fieldops::test::screenshotPath(QStringLiteral("fieldops-main.png"))));
        qInfo() << "screenshot: fieldops-main.png" << shot.size() << "rows"
                << w->workOrdersTab()->page()->table()->model()->rowCount();

        // The schedule tab, once its horizon has arrived from the reader thread.
        for (int i = 0; i < w->tabs()->count(); ++i) {
            if (w->tabs()->tabText(i) == QStringLiteral("Schedule"))
                w->tabs()->setCurrentIndex(i);
        }
        auto *page = w->findChild<widgets::SchedulePage *>();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->board()->model()->isLoaded() && !page->board()->editor()->isLoadingHorizon(), 30000);
        QVERIFY(!page->board()->model()->items().empty());
        QVERIFY(page->board()->isEditable()); // the demo file's user may edit
        QTest::qWait(100);
        const QImage board = w->grab().toImage();
        QVERIFY(board.save(fieldops::test::screenshotPath(QStringLiteral("fieldops-board.png"))));
        qInfo() << "screenshot: fieldops-board.png bars" << page->board()->model()->items().size();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
