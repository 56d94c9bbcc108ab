// The alerts dock and the map together, offscreen, over a real SQLite file: a technician
// far from a visit that starts soon shows in the Alerts dock as predicted late; a click
// on that line selects the visit's work order and the technician (the map follows).
#include "../map/MapFixtures.h"
#include "TestDatabases.h"
#include "alerts/AlertsView.h"
#include "controllers/DockController.h"
#include "controllers/MapTabController.h"
#include "itemmodels/AlertListModel.h"
#include "itemmodels/ItemRoles.h"
#include "map/MapLiveSync.h"
#include "map/MapModel.h"
#include "map/MapView.h"
#include "map/TileSource.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"

#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QMainWindow>
#include <QtTest>

using namespace fieldops;

class TestMapAlerts : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FieldOpsTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_map_alerts"));
        map::TileSource::none().toSettings();
    }

    void predictedLateInDockSelectsTechnician()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime now = test::mapTestNow();
        QVERIFY(test::seedMapWorld(*db, now).ok());
        // Ana's visit (w1) starts in an hour; her newest position is ~110 km away.
        QVERIFY(test::execAll(*db, {{QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon) VALUES ('t1', ?, -24.55, -46.64)"),
                                     {timefmt::toSql(now.addSecs(-10))}}})
                    .ok());

        QMainWindow window;
        ConsoleSession session;
        session.setClockOverride(now);
        gui::MapTabController tab(&session);
        tab.sync()->setClockOverride(now);
        window.setCentralWidget(tab.widget());
        gui::DockController docks(&window, &session);
        QSignalSpy loaded(tab.sync(), &map::MapLiveSync::loaded);
        QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
        session.connectTo(DatabaseUrl::parse(url).value());
        QVERIFY(refreshed.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QListView *list = docks.alerts()->view();
        QTRY_COMPARE_WITH_TIMEOUT(session.alerts()->countOf(Alert::Kind::PredictedLate), 1, 20000);
        int row = -1;
        for (int r = 0; r < list->model()->rowCount(); ++r)
            if (list->model()->index(r, 0).data(roles::TechnicianId).toString() == QStringLiteral("t1"))
                row = r;
        QVERIFY(row >= 0);
        const QModelIndex index = list->model()->index(row, 0);
        QVERIFY(index.data().toString().contains(QStringLiteral("Ana Souza")));
        QVERIFY(docks.alertsDock()->windowTitle().contains(QLatin1Char('(')));
        QVERIFY(docks.alerts()->findChild<QLabel *>(QStringLiteral("alertSummary"))->text().contains(QStringLiteral("1 predicted late")));

        // A click on the line: the work order and the technician are selected everywhere;
        // the map draws Ana as selected and has her on screen.
        QVERIFY(tab.view()->selectedTechnician().isEmpty());
        list->scrollTo(index);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::NoModifier, list->visualRect(index).center());
        QCOMPARE(session.selection()->workOrderId(), QStringLiteral("w1"));
        QCOMPARE(session.selection()->technicianId(), QStringLiteral("t1"));
        QCOMPARE(tab.view()->selectedTechnician(), QStringLiteral("t1"));
        const QPointF at = tab.view()->viewport().worldToScreen(tab.model()->technician(QStringLiteral("t1"))->world);
        QVERIFY(QRectF(QPointF(0, 0), QSizeF(tab.view()->size())).contains(at));

        // Ana's newer position beside the site: the alert leaves the dock, live.
        QVERIFY(test::execAll(*db, {{QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon) VALUES ('t1', ?, -23.5615, -46.6560)"),
                                     {timefmt::toSql(now)}}})
                    .ok());
        tab.sync()->pollPositions();
        QTRY_COMPARE_WITH_TIMEOUT(session.alerts()->countOf(Alert::Kind::PredictedLate), 0, 20000);
        session.disconnectFromDatabase();
    }
};

QTEST_MAIN(TestMapAlerts)
#include "tst_map_alerts.moc"
