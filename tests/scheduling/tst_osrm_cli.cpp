// `fieldops-cli suggest --osrm URL` and `optimize --osrm URL` as integrators run them, against
// a stand-in routing service (FakeOsrmServer) on tst_suggest_cli's Monday: the job at s2
// (60 min, due 15:00) and t5's 08:00–09:00 visit at s1, 20 min away in a straight line. The
// service says every trip between two different places takes 39 min 5 s, so t5's trip is
// 40 min. A dead service gives the straight-line answer, exit 0, and one line on stderr.
#include "CliRunner.h"
#include "FakeOsrmServer.h"
#include "TestDatabases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>
#include <QtTest>

using namespace fieldops;
using test::FakeOsrmServer;
using test::FakeReply;

namespace {

Status seedMonday(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    const char *statements[] = {
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5505, -46.6333), "
        "('s2', 'c1', -23.4605, -46.6333), ('s3', 'c1', -23.0505, -46.6333)",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t5', 'Eva', -23.0505, -46.6333, 'UTC')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t5', 'hvac')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, sla_due) VALUES "
        "('job', 's2', 60, '2026-03-01T00:00:00Z', '2026-03-02T15:00:00Z')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('wb1', 's1', 60, '2026-03-01T00:00:00Z')",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('job', 'hvac')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
        "('b1', 'wb1', 't5', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', 'scheduled')",
    };
    for (const char *sql : statements) {
        if (auto q = db.run(QString::fromLatin1(sql)); !q)
            return q.error();
    }
    return tx.commit();
}

// 2345 s between any two different places, 0 from a place to itself.
FakeReply everyTrip2345s(const QString &target)
{
    const QUrl url(QStringLiteral("http://x") + target);
    const QStringList coords = url.path().section(QLatin1Char('/'), 4).split(QLatin1Char(';'));
    const QUrlQuery q(url);
    QStringList rows;
    for (const QString &s : q.queryItemValue(QStringLiteral("sources")).split(QLatin1Char(';'))) {
        QStringList cells;
        for (const QString &d : q.queryItemValue(QStringLiteral("destinations")).split(QLatin1Char(';')))
            cells << (coords.value(s.toInt()) == coords.value(d.toInt()) ? QStringLiteral("0") : QStringLiteral("2345"));
        rows << QLatin1Char('[') + cells.join(QLatin1Char(',')) + QLatin1Char(']');
    }
    return {200, (QStringLiteral(R"({"code":"Ok","durations":[)") + rows.join(QLatin1Char(',')) + QStringLiteral("]}")).toUtf8(), 0};
}

const QStringList kSuggest{"suggest", "job", "--json", "--from", "2026-03-02T08:00:00Z", "--days", "1"};

QJsonObject firstCandidate(const QString &out)
{
    return QJsonDocument::fromJson(out.toUtf8()).object().value(QStringLiteral("candidates")).toArray().first().toObject();
}

} // namespace

class TestOsrmCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void suggestUsesTheServiceMinutes()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun plain = test::runCli(url, kSuggest);
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        QCOMPARE(firstCandidate(plain.out).value(QStringLiteral("travel_min")).toInt(), 20);
        QCOMPARE(firstCandidate(plain.out).value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-02T09:20:00Z"));

        FakeOsrmServer server(everyTrip2345s);
        const test::CliRun routed = test::runCli(url, kSuggest + QStringList{"--osrm", server.url()});
        QVERIFY2(routed.exitCode == 0, qPrintable(routed.err));
        QVERIFY2(routed.err.isEmpty(), qPrintable(routed.err));
        QVERIFY(server.requests() > 0);
        const QJsonObject best = firstCandidate(routed.out);
        QCOMPARE(best.value(QStringLiteral("technician_id")).toString(), QStringLiteral("t5"));
        QCOMPARE(best.value(QStringLiteral("travel_min")).toInt(), 40);
        // The search's rule checks waited for the road trip too: 09:00 + 40 min.
        QCOMPARE(best.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-02T09:40:00Z"));
        // The same shape of answer.
        QCOMPARE(QJsonDocument::fromJson(routed.out.toUtf8()).object().keys(), QJsonDocument::fromJson(plain.out.toUtf8()).object().keys());
    }

    void deadServiceFallsBackAndSaysWhy_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("suggest") << kSuggest;
        QTest::newRow("optimize") << QStringList{"optimize", "--date", "2026-03-02", "--json", "--time-limit", "0.2"};
    }
    void deadServiceFallsBackAndSaysWhy()
    {
        QFETCH(QStringList, args);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun plain = test::runCli(url, args);
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(FakeOsrmServer::closedPort());
        const test::CliRun fallback = test::runCli(url, args + QStringList{"--osrm", dead});
        QVERIFY2(fallback.exitCode == 0, qPrintable(fallback.err));
        QCOMPARE(fallback.out, plain.out); // the straight-line answer, unchanged in shape
        const QStringList lines = fallback.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().startsWith(QStringLiteral("routing service at %1: ").arg(dead))
                     && lines.first().endsWith(QLatin1String("; using straight-line travel times")),
                 qPrintable(lines.first()));
    }

    void optimizeAsksTheService()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        FakeOsrmServer server(everyTrip2345s);
        const test::CliRun r = test::runCli(url, {"optimize", "--date", "2026-03-02", "--json", "--time-limit", "0.2", "--osrm", server.url()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(plan.value(QStringLiteral("assigned")).toInt(), 1);
        QVERIFY(server.requests() > 0);
        // Each leg counts the longer of the service's 40 min and the straight line, which the
        // rule checks of `conflicts` keep: in, 89 min in a straight line (the road's 40 would
        // break those checks); out, 20 min in a straight line, so the road's 40.
        const test::CliRun plain = test::runCli(url, {"optimize", "--date", "2026-03-02", "--json", "--time-limit", "0.2"});
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        const QJsonObject straight = QJsonDocument::fromJson(plain.out.toUtf8()).object();
        QCOMPARE(straight.value(QStringLiteral("travel_min")).toInt(), 89 + 20);
        QCOMPARE(plan.value(QStringLiteral("travel_min")).toInt(), 89 + 40);
    }

    void badUrlExitsTwo()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const test::CliRun r = test::runCli(url, kSuggest + QStringList{"--osrm", "ftp://nowhere"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--osrm")) && r.err.contains(QLatin1String("ftp://nowhere")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestOsrmCli)
#include "tst_osrm_cli.moc"
