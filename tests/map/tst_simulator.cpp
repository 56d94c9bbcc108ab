// `fieldops-cli simulate` against a seeded database (both backends): positions rows grow
// while it runs, the visit goes en route → on site → completed with its times, time
// entries are written, and a live map model following the database reflects all of it.
#include "MapFixtures.h"
#include "TestDatabases.h"
#include "map/MapLiveSync.h"
#include "map/MapModel.h"
#include "storage/DatabaseUrl.h"

#include <QProcess>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::map;

class TestSimulator : public QObject {
    Q_OBJECT
private slots:
    void simulatorMovesTechnicians_data() { test::addBackendRows(); }
    void simulatorMovesTechnicians()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        // The simulator plays from the real clock: seed around it.
        QDateTime now = QDateTime::currentDateTimeUtc();
        now.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
        QVERIFY(test::seedMapWorld(*db, now).ok());
        const int before = db->scalar(QStringLiteral("SELECT count(*) FROM positions")).value().toInt();
        // A dispatcher's message to t1, written just now: the phone reports it delivered and read.
        QVERIFY(db->run(QStringLiteral("INSERT INTO technician_outbox(technician_id, kind, body, created_at) VALUES ('t1', 'message', 'Call the office', ?)"),
                        {timefmt::toSql(now)})
                    .ok());

        MapModel model;
        MapLiveSync sync(&model);
        QSignalSpy loaded(&sync, &MapLiveSync::loaded);
        QSignalSpy synced(&sync, &MapLiveSync::synced);
        sync.start(DatabaseUrl::parse(url).value());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        const double startLat = model.technician(QStringLiteral("t1"))->lat;

        // Three real seconds at 3,600×: three simulated hours, enough for a1 (in an hour,
        // ~2 km away, an hour long) to be driven to, worked and completed.
        QProcess cli;
        cli.start(qEnvironmentVariable("FIELDOPS_CLI"),
                  {QStringLiteral("--db"), url, QStringLiteral("simulate"), QStringLiteral("--speed"), QStringLiteral("3600"),
                   QStringLiteral("--duration"), QStringLiteral("3"), QStringLiteral("--seed"), QStringLiteral("7")});
        QVERIFY(cli.waitForStarted(10000));
        bool movedWhileRunning = false;
        while (cli.state() != QProcess::NotRunning) {
            sync.pollPositions(); // the live path, as the timer would
            QTest::qWait(250);
            if (model.technician(QStringLiteral("t1"))->lat != startLat)
                movedWhileRunning = true;
        }
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QVERIFY2(out.contains(QLatin1String("positions")), qPrintable(out));
        // The phones' lapses (forgotten and early taps, gaps, drift) are counted too.
        QVERIFY2(out.contains(QLatin1String("lapses: ")), qPrintable(out));

        const int after = db->scalar(QStringLiteral("SELECT count(*) FROM positions")).value().toInt();
        QVERIFY2(after > before + 10, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
        {
            auto a = db->run(QStringLiteral("SELECT status, arrived_at, completed_at, start_at FROM appointments WHERE id = 'a1'"));
            QVERIFY(a.ok() && a->next());
            QCOMPARE(a->value(0).toString(), QStringLiteral("completed"));
            const QDateTime arrived = timefmt::fromSql(a->value(1));
            const QDateTime completed = timefmt::fromSql(a->value(2));
            QVERIFY(arrived.isValid() && completed.isValid());
            QVERIFY(arrived > now && completed > arrived);
            // Left about on time: arrives within the departure jitter of the start.
            QVERIFY(std::abs(arrived.secsTo(timefmt::fromSql(a->value(3)))) <= 20 * 60);
        }
        QVERIFY(db->scalar(QStringLiteral("SELECT count(*) FROM time_entries WHERE work_order_id = 'w1' AND billable = ?"), {true}).value().toInt() == 1);
        const QString woStatus = db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).value().toString();
        QVERIFY2(woStatus == QLatin1String("done") || woStatus == QLatin1String("open"), qPrintable(woStatus));
        // The outbox: delivered seconds after it was written (or after a GPS gap), through the
        // ingest's writer (its version bumped, in the change feed), read after the delivery.
        QVERIFY2(out.contains(QLatin1String("outbox: 1 notices delivered")), qPrintable(out));
        {
            auto n = db->run(QStringLiteral("SELECT delivered_at, read_at, version FROM technician_outbox WHERE technician_id = 't1'"));
            QVERIFY(n.ok() && n->next());
            const QDateTime delivered = timefmt::fromSql(n->value(0));
            const QDateTime read = timefmt::fromSql(n->value(1));
            QVERIFY(delivered.isValid());
            QVERIFY2(delivered >= now && delivered <= now.addSecs(13 * 60), qPrintable(timefmt::toIsoUtc(delivered)));
            QVERIFY(!read.isValid() || read >= delivered.addSecs(60));
            QCOMPARE(n->value(2).toInt(), read.isValid() ? 3 : 2);
        }
        QVERIFY(db->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'technician_outbox' AND op = 'update' AND actor = 'simulator'")).value().toInt() >= 1);
        // The change log saw the simulator's writes under its own name.
        QVERIFY(db->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE actor = 'simulator'")).value().toInt() > 0);

        // The map followed: the technician moved during the run, and after the last read it
        // stands at the latest row, with the visit completed.
        QVERIFY(movedWhileRunning);
        const int syncedSoFar = int(synced.count());
        sync.applyChanges({Change{0, QStringLiteral("appointments"), QStringLiteral("a1"), QStringLiteral("update"), {}, {}},
                           Change{0, QStringLiteral("positions"), QStringLiteral("t1"), QStringLiteral("insert"), {}, {}}});
        QTRY_VERIFY_WITH_TIMEOUT(synced.count() > syncedSoFar, 20000);
        auto last = db->run(QStringLiteral("SELECT lat, lon FROM positions WHERE technician_id = 't1' ORDER BY id DESC LIMIT 1"));
        QVERIFY(last.ok() && last->next());
        QCOMPARE(model.technician(QStringLiteral("t1"))->lat, last->value(0).toDouble());
        QCOMPARE(model.technician(QStringLiteral("t1"))->lon, last->value(1).toDouble());
        // The map shows the local day's visits: a1 (an hour from now) is among them unless the
        // test runs in the last hours before local midnight.
        const QDateTime a1Start = timefmt::fromSql(db->scalar(QStringLiteral("SELECT start_at FROM appointments WHERE id = 'a1'")).value());
        if (a1Start.toLocalTime().date() == QDateTime::currentDateTime().date()) {
            QVERIFY(model.visit(QStringLiteral("a1")));
            QCOMPARE(model.visit(QStringLiteral("a1"))->status, QStringLiteral("completed"));
        } else {
            QVERIFY(!model.visit(QStringLiteral("a1")));
        }
        QVERIFY(model.technician(QStringLiteral("t1"))->trail.size() > 3);
    }

    void rejectsBadOptions()
    {
        QProcess cli;
        cli.start(qEnvironmentVariable("FIELDOPS_CLI"), {QStringLiteral("simulate"), QStringLiteral("--speed"), QStringLiteral("fast")});
        QVERIFY(cli.waitForFinished(30000));
        QCOMPARE(cli.exitCode(), 2);
    }
};

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
