// The console session on both backends: connecting and loading off the GUI thread, the
// offer to initialise an empty database, details of the selected work order, following
// other writers through the change feed, and errors as values for a server that is not
// there. Also the QueryWorker it stands on.
#include "../itemmodels/WorkOrderFixture.h"
#include "TestDatabases.h"
#include "itemmodels/AlertListModel.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "selection/SelectionService.h"
#include "session/ConsoleSession.h"
#include "commands/LockAppointmentsCommand.h"
#include "document/ScheduleDocument.h"
#include "session/QueryWorker.h"
#include "storage/Database.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

class TestConsoleSession : public QObject {
    Q_OBJECT

    static DatabaseUrl parse(const QString &text)
    {
        auto u = DatabaseUrl::parse(text);
        return u ? *u : DatabaseUrl{};
    }

private slots:
    void workerRunsJobsOffTheGuiThread_data() { test::addBackendRows(); }
    void workerRunsJobsOffTheGuiThread()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::insertWorkOrderFixture(*db).isEmpty());
        QueryWorker worker(parse(url));
        QThread *jobThread = nullptr;
        std::optional<int> count;
        worker.submit<int>(
            this,
            [&jobThread](Database &d) -> Result<int> {
                jobThread = QThread::currentThread();
                auto n = d.scalar(QStringLiteral("SELECT count(*) FROM work_orders"));
                if (!n)
                    return n.error();
                return n->toInt();
            },
            [&count](Result<int> r) {
                QVERIFY(QThread::currentThread() == qApp->thread());
                count = r.ok() ? *r : -1;
            });
        QCOMPARE(worker.pendingJobs(), 1);
        QTRY_VERIFY(count.has_value());
        QCOMPARE(*count, 6);
        QVERIFY(jobThread && jobThread != qApp->thread());
        QCOMPARE(worker.pendingJobs(), 0);
    }

    void editsRunOnTheEditThread_data() { test::addBackendRows(); }
    void editsRunOnTheEditThread()
    {
        // Commands, undo and redo write on the session's edit thread, never the GUI's.
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::insertWorkOrderFixture(*db).isEmpty());
        ConsoleSession session;
        QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
        session.connectTo(parse(url));
        QVERIFY(refreshed.wait(10000));

        QThread *jobThread = nullptr;
        QVERIFY(session.editChannel().run([&jobThread](Database &) -> Status {
            jobThread = QThread::currentThread();
            return {};
        }));
        QVERIFY(jobThread && jobThread != qApp->thread());

        auto locked = [&db] { return db->scalar(QStringLiteral("SELECT locked FROM appointments WHERE id = 'ap1'"))->toInt(); };
        QCOMPARE(locked(), 0);
        session.document()->push(new LockAppointmentsCommand(session.editTarget(), {{QStringLiteral("ap1"), 1}}, true));
        QCOMPARE(locked(), 1);
        session.document()->undoStack()->undo();
        QCOMPARE(locked(), 0);
        session.document()->undoStack()->redo();
        QCOMPARE(locked(), 1);

        // Disconnected: the channel refuses in words and writes nothing.
        EditTarget stale = session.editTarget();
        session.disconnectFromDatabase();
        const Status refused = stale.channel.run([](Database &) -> Status { return {}; });
        QVERIFY(!refused);
        QCOMPARE(int(refused.error().kind), int(Error::Kind::ConnectionLost));
        QVERIFY(!session.editChannel().isConnected());
        QCOMPARE(locked(), 1);
    }

    void connectsAndLoads_data() { test::addBackendRows(); }
    void connectsAndLoads()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::insertWorkOrderFixture(*db).isEmpty());

        ConsoleSession session;
        session.setClockOverride(test::fixtureNow());
        QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
        QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
        session.connectTo(parse(url));
        QCOMPARE(session.state(), ConsoleSession::State::Connecting);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(errors.count(), 0);
        QCOMPARE(session.state(), ConsoleSession::State::Connected);
        QVERIFY(!session.connectionInfo().actor.isEmpty());
        QCOMPARE(session.workOrders()->rowCount(), 6);
        QCOMPARE(session.alerts()->rowCount(), 4); // breached w1, due soon w2, late w4, w6 unresolved

        QSignalSpy details(&session, &ConsoleSession::detailsChanged);
        session.selection()->selectWorkOrder(QStringLiteral("w4"));
        QVERIFY(details.wait(5000));
        QVERIFY(session.selectedDetails().has_value());
        QCOMPARE(session.selectedDetails()->order.id, QStringLiteral("w4"));
        QCOMPARE(session.selectedDetails()->appointments.size(), size_t(1));
        session.selection()->clear();
        QCOMPARE(details.count(), 2);
        QVERIFY(!session.selectedDetails().has_value());
    }

    void followsOtherWriters_data() { test::addBackendRows(); }
    void followsOtherWriters()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::insertWorkOrderFixture(*db).isEmpty());
        ConsoleSession session;
        session.setPeriodicRefreshInterval(3600 * 1000); // only the change feed may refresh
        QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
        session.connectTo(parse(url));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(session.workOrders()->rowCount(), 6);
        // The feed starts at the log's end once connected; give it a moment to get there.
        QTest::qWait(500);
        // Another console (another connection) adds a work order.
        {
            Transaction tx(*db);
            QVERIFY(db->run(QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, priority) "
                                           "VALUES ('w7', 's1', 30, '2026-03-02T11:30:00Z', 1)")).ok());
            QVERIFY(tx.commit().ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(session.workOrders()->rowCount(), 7, 10000);
        QVERIFY(session.workOrders()->rowOf(QStringLiteral("w7")) >= 0);
    }

    void offersToInitialiseAnEmptyDatabase_data() { test::addBackendRows(); }
    void offersToInitialiseAnEmptyDatabase()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, false, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        ConsoleSession session;
        QSignalSpy missing(&session, &ConsoleSession::schemaMissing);
        QSignalSpy refreshed(&session, &ConsoleSession::refreshed);
        session.connectTo(parse(url));
        QVERIFY(missing.wait(10000));
        QCOMPARE(session.state(), ConsoleSession::State::SchemaMissing);
        QCOMPARE(session.connectionInfo().schemaVersion, 0);
        session.initialiseSchema();
        QVERIFY(refreshed.wait(20000));
        QCOMPARE(session.state(), ConsoleSession::State::Connected);
        QCOMPARE(session.connectionInfo().schemaVersion, session.connectionInfo().latestVersion);
        QCOMPARE(session.workOrders()->rowCount(), 0);
    }

    void unreachableServerIsAnError()
    {
        // A port nothing listens on: the error arrives as a value, the session gives up.
        ConsoleSession session;
        QSignalSpy errors(&session, &ConsoleSession::errorOccurred);
        session.connectTo(parse(QStringLiteral("postgresql://nobody@127.0.0.1:1/none")));
        QVERIFY(errors.wait(10000));
        const auto e = errors.first().first().value<Error>();
        QCOMPARE(int(e.kind), int(Error::Kind::ConnectionLost));
        QVERIFY(e.message.contains(QLatin1String("127.0.0.1")));
        QCOMPARE(session.state(), ConsoleSession::State::Disconnected);
        QCOMPARE(session.workOrders()->rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConsoleSession)
#include "tst_console_session.moc"
