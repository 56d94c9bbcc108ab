// The inspector's History tab and the role-aware window, driven offscreen like a user:
// after another console's edits the History tab lists who changed what (before → after,
// São Paulo time), the scope box narrows it to one visit, double-clicking a visit opens
// its history; and a window connected as a planner offers no schedule undo and says what
// the role may edit, while a dispatcher's does.
#include "../audit/AuditFixture.h"
#include "GuiTestSupport.h"
#include "MainWindow.h"
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "audit/AuditHistoryModel.h"
#include "board/ScheduleBoard.h"
#include "board/SchedulePage.h"
#include "controllers/ConnectionController.h"
#include "controllers/DockController.h"
#include "inspector/WorkOrderInspector.h"
#include "kpi/KpiDashboard.h"
#include "repositories/AppointmentWriter.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "util/TimeFormat.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QtTest>

using namespace fieldops;

namespace {
QDateTime utc(const char *iso) { return timefmt::parseIsoWithOffset(QString::fromLatin1(iso)); }

QStringList shownRow(const QAbstractItemModel *m, int r)
{
    QStringList cells;
    for (int c = AuditHistoryModel::Who; c < AuditHistoryModel::ColumnCount; ++c)
        cells << m->index(r, c).data().toString();
    return cells;
}
} // namespace

class TestInspectorHistory : public QObject {
    Q_OBJECT

    QString m_openFailure; // why the last openWindow() gave no window

    std::unique_ptr<gui::MainWindow> openWindow(const QString &url) { return test::openMainWindow(url, &m_openFailure); }

    static QAction *action(QWidget *w, const char *name) { return w->findChild<QAction *>(QLatin1String(name)); }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_inspector_history"));
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void historyTabShowsOtherConsolesEdits_data() { test::addBackendRows(); }
    void historyTabShowsOtherConsolesEdits()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedAuditSchedule(*db).ok());
        auto w = openWindow(url);
        QVERIFY2(w, qPrintable(m_openFailure));
        widgets::WorkOrderInspector *inspector = w->docks()->inspector();
        w->session()->selection()->selectWorkOrder(QStringLiteral("w1"));
        QTRY_VERIFY(inspector->isShowingDetails());

        // Ana, in another console, moves the visit to Otto at 14:00 São Paulo.
        auto ana = test::openAs(url, QStringLiteral("Ana"));
        QVERIFY(ana);
        {
            Transaction tx(*ana);
            QVERIFY(AppointmentWriter(*ana).setInterval(QStringLiteral("a1"), 1, QStringLiteral("t2"),
                                                        utc("2026-03-02T17:00:00Z"), utc("2026-03-02T18:00:00Z")).ok());
            QVERIFY(tx.commit().ok());
        }

        QTabBar *tabBar = inspector->tabs()->tabBar();
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(1).center());
        QCOMPARE(inspector->tabs()->currentIndex(), 1);
        QTableView *view = inspector->historyView();
        QVERIFY(view->isVisible());
        // Follows the change feed: created w1, created a1, then Ana's three fields.
        QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 5, 15000);
        QStringList rows;
        for (int r = 0; r < 3; ++r)
            rows << shownRow(view->model(), r).join(QLatin1Char('|'));
        QVERIFY2(rows.contains(QStringLiteral("Ana|visit a1|start|2 Mar 06:00|2 Mar 14:00")), qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.contains(QStringLiteral("Ana|visit a1|technician|Nina|Otto")), qPrintable(rows.join(QLatin1Char('\n'))));

        // "Work order only" with the keyboard, then back to everything.
        QComboBox *scope = inspector->historyScope();
        QTRY_COMPARE(scope->count(), 3); // everything, the work order, visit a1
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Down);
        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, AuditHistoryModel::Field).data().toString(), QStringLiteral("created"));
        QTest::keyClick(scope, Qt::Key_Up);
        QCOMPARE(view->model()->rowCount(), 5);

        // Double-clicking the visit on the Details tab opens its history.
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(0).center());
        QTreeWidget *visits = inspector->appointmentList();
        QTRY_COMPARE(visits->topLevelItemCount(), 1);
        const QRect item = visits->visualItemRect(visits->topLevelItem(0));
        QVERIFY2(visits->viewport()->rect().contains(item.center()), "the visit is on screen");
        // A double click is a click followed by a second press within the interval.
        QTest::mouseClick(visits->viewport(), Qt::LeftButton, {}, item.center());
        QTest::mouseDClick(visits->viewport(), Qt::LeftButton, {}, item.center());
        QCOMPARE(inspector->tabs()->currentIndex(), 1);
        QCOMPARE(scope->currentData().toString(), QStringLiteral("a1"));
        QCOMPARE(view->model()->rowCount(), 4);
    }

    // The server decides; the window hides what the role would be refused.
    void windowFollowsTheRole()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString dbName = url.section(QLatin1Char('/'), -1);
        for (const auto &[user, role] : {std::pair{"paula", "planner"}, std::pair{"diego", "dispatcher"}, std::pair{"mara", "manager"}}) {
            QProcess cli;
            cli.start(qEnvironmentVariable("FIELDOPS_CLI"),
                      {QStringLiteral("--db"), url, QStringLiteral("user"), QStringLiteral("add"), QString::fromLatin1(user),
                       QStringLiteral("--role"), QString::fromLatin1(role)});
            QVERIFY(cli.waitForFinished(60000));
            QCOMPARE(cli.exitCode(), 0);
        }
        auto planner = openWindow(test::PgTestServer::shared()->urlFor(dbName, QStringLiteral("paula")));
        QVERIFY2(planner, qPrintable(m_openFailure));
        // Planners edit work orders and customers: their edits are undone like the schedule's.
        QVERIFY(action(planner.get(), "actionUndo")->isVisible());
        QVERIFY(action(planner.get(), "actionRedo")->isVisible());
        QCOMPARE(planner->connection()->roleLabel()->text(), QStringLiteral("May edit: work orders, customers, contracts"));
        auto *plannerBoard = planner->findChild<widgets::SchedulePage *>();
        QVERIFY(plannerBoard);
        QVERIFY(!plannerBoard->board()->isEditable());
        QVERIFY(!planner->findChild<widgets::KpiDashboard *>()->targetsEditable());
        planner.reset();

        auto manager = openWindow(test::PgTestServer::shared()->urlFor(dbName, QStringLiteral("mara")));
        QVERIFY2(manager, qPrintable(m_openFailure));
        QCOMPARE(manager->connection()->roleLabel()->text(), QStringLiteral("May edit: KPI targets"));
        QVERIFY(!action(manager.get(), "actionUndo")->isVisible());
        QVERIFY(manager->findChild<widgets::KpiDashboard *>()->targetsEditable());
        QVERIFY(!manager->findChild<widgets::SchedulePage *>()->board()->isEditable());
        manager.reset();

        auto dispatcher = openWindow(test::PgTestServer::shared()->urlFor(dbName, QStringLiteral("diego")));
        QVERIFY2(dispatcher, qPrintable(m_openFailure));
        QVERIFY(action(dispatcher.get(), "actionUndo")->isVisible());
        QCOMPARE(dispatcher->connection()->roleLabel()->text(), QStringLiteral("May edit: schedule, work orders, absences, time entries"));
        auto *dispatcherBoard = dispatcher->findChild<widgets::SchedulePage *>();
        QVERIFY(dispatcherBoard);
        QVERIFY(dispatcherBoard->board()->isEditable());
        QVERIFY(!dispatcher->findChild<widgets::KpiDashboard *>()->targetsEditable());
        dispatcher->session()->disconnectFromDatabase();
        QVERIFY(!action(dispatcher.get(), "actionUndo")->isVisible());
        QCOMPARE(dispatcher->connection()->roleLabel()->text(), QString());
    }
};

int main(int argc, char **argv)
{
    qputenv("TZ", "America/Sao_Paulo");
    QApplication app(argc, argv);
    TestInspectorHistory t;
    return QTest::qExec(&t, argc, argv);
}

#include "tst_inspector_history.moc"
