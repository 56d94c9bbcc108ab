// `fieldops-cli travel-speeds` and planning with learned speeds as integrators run them, on
// TravelHistoryFixtures' small history (both backends for the report): the north's 30 legs
// give 1.5 × the model, the south's 5 legs are not enough, the east has none. Without --osrm,
// suggest, optimize and repair then count 30 min instead of the model's 20 between s1 and s2
// (their JSON keeps its keys), and `conflicts`, whose rule checks keep the model, still
// accepts a visit 20 min after the one before. Bad input exits 2 with one line.
#include "CliRunner.h"
#include "TestDatabases.h"
#include "TravelHistoryFixtures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;

namespace {

QJsonObject parsed(const test::CliRun &r) { return QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object(); }

QJsonObject territory(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue &v : report.value(QStringLiteral("territories")).toArray())
        if (v.toObject().value(QStringLiteral("territory_id")).toString() == id)
            return v.toObject();
    return {};
}

QStringList violations(const QString &url)
{
    const test::CliRun r = test::runCli(url, {"conflicts", "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z", "--json"});
    QStringList out;
    for (const QJsonValue &v : parsed(r).value(QStringLiteral("violations")).toArray())
        out << v.toObject().value(QStringLiteral("kind")).toString();
    return out;
}

const QStringList kSuggest{"suggest", "job", "--json", "--from", "2026-03-02T08:00:00Z", "--days", "1"};

} // namespace

class TestTravelSpeedsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void reportsEachTerritory_data() { test::addBackendRows(); }
    void reportsEachTerritory()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedTravelHistory(*db));

        const test::CliRun r = test::runCli(url, {"travel-speeds", "--date", "2026-03-02", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject report = parsed(r);
        QCOMPARE(report.value(QStringLiteral("from")).toString(), QStringLiteral("2025-12-02"));
        QCOMPARE(report.value(QStringLiteral("to")).toString(), QStringLiteral("2026-03-01"));
        QCOMPARE(report.value(QStringLiteral("min_legs")).toInt(), 30);
        QCOMPARE(report.value(QStringLiteral("territories")).toArray().size(), 3);

        const QJsonObject north = territory(report, QStringLiteral("north"));
        QCOMPARE(north.value(QStringLiteral("name")).toString(), QStringLiteral("North"));
        QCOMPARE(north.value(QStringLiteral("legs")).toInt(), 30);
        QCOMPARE(north.value(QStringLiteral("set_aside")).toInt(), 2);
        QCOMPARE(north.value(QStringLiteral("factor")).toDouble(), 1.5);
        QCOMPARE(north.value(QStringLiteral("applied")).toBool(), true);
        QCOMPARE(north.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));

        const QJsonObject south = territory(report, QStringLiteral("south"));
        QCOMPARE(south.value(QStringLiteral("legs")).toInt(), 5);
        QCOMPARE(south.value(QStringLiteral("factor")).toDouble(), 1.2);
        QCOMPARE(south.value(QStringLiteral("applied")).toBool(), false);
        QCOMPARE(south.value(QStringLiteral("status")).toString(), QStringLiteral("not_enough_history"));

        const QJsonObject east = territory(report, QStringLiteral("east"));
        QCOMPARE(east.value(QStringLiteral("legs")).toInt(), 0);
        QVERIFY(east.value(QStringLiteral("factor")).isNull());
        QCOMPARE(east.value(QStringLiteral("applied")).toBool(), false);

        // The same in words.
        const test::CliRun text = test::runCli(url, {"travel-speeds", "--date", "2026-03-02"});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5); // what was read, the header, three territories
        QVERIFY2(lines[0].contains(QLatin1String("2025-12-02")) && lines[0].contains(QLatin1String("2026-03-01")), qPrintable(lines[0]));
        const auto row = [&lines](const char *start) {
            for (const QString &l : lines)
                if (l.startsWith(QLatin1String(start)))
                    return l;
            return QString();
        };
        QVERIFY2(row("north (North)").contains(QStringLiteral("× 1.50")), qPrintable(text.out));
        QVERIFY2(row("south (South)").contains(QLatin1String("not enough history (5 of 30 legs)")), qPrintable(text.out));
        QVERIFY2(row("east (East)").contains(QStringLiteral("–")), qPrintable(text.out));
    }

    void badInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("says");
        QTest::newRow("no such date") << QStringList{"travel-speeds", "--date", "2026-02-30"} << QStringLiteral("--date");
        QTest::newRow("not a date") << QStringList{"travel-speeds", "--date", "soon"} << QStringLiteral("soon");
        QTest::newRow("unknown option") << QStringList{"travel-speeds", "--territory", "north"} << QStringLiteral("territory");
        QTest::newRow("an argument") << QStringList{"travel-speeds", "north"} << QStringLiteral("north");
    }
    void badInputExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, says);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const test::CliRun r = test::runCli(url, args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.out.isEmpty());
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().contains(says), qPrintable(r.err));
    }

    void helpSaysTheRules()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const test::CliRun r = test::runCli(url, {"travel-speeds", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("--json")) && r.out.contains(QLatin1String("30 legs")), qPrintable(r.out));
        const test::CliRun list = test::runCli(url, {"--help"});
        QVERIFY2(list.out.contains(QLatin1String("travel-speeds")), qPrintable(list.out));
    }

    void suggestWaitsForTheLearnedDrive_data() { test::addBackendRows(); }
    void suggestWaitsForTheLearnedDrive()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedTravelHistory(*db));
        const test::CliRun r = test::runCli(url, kSuggest);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        const QJsonObject doc = parsed(r);
        QCOMPARE(doc.keys(), QStringList{"candidates"});
        const QJsonObject best = doc.value(QStringLiteral("candidates")).toArray().first().toObject();
        QCOMPARE(best.keys(), (QStringList{"end", "reasons", "score", "start", "technician_id", "travel_min"}));
        QCOMPARE(best.value(QStringLiteral("technician_id")).toString(), QStringLiteral("t5"));
        // b1 ends at 09:00 at s1; s1 → s2 is 20 min in the model, 30 in the north's history.
        QCOMPARE(best.value(QStringLiteral("travel_min")).toInt(), 30);
        QCOMPARE(best.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-02T09:30:00Z"));
    }

    void optimizeCountsTheLearnedDrives()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedTravelHistory(*db));
        const test::CliRun r = test::runCli(url, {"optimize", "--date", "2026-03-02", "--json", "--time-limit", "0.2", "--apply"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject plan = parsed(r);
        QCOMPARE(plan.keys(), (QStringList{"appointments", "assigned", "travel_min", "unassigned"}));
        QCOMPARE(plan.value(QStringLiteral("assigned")).toInt(), 1);
        // In from s1 and home (at s1's place) again: 30 + 30, where the model says 20 + 20.
        QCOMPARE(plan.value(QStringLiteral("travel_min")).toInt(), 60);
        // What it booked passes the rule checks, which keep the model.
        QCOMPARE(violations(url), QStringList());
    }

    void conflictsKeepTheModel()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedTravelHistory(*db));
        // 20 minutes after b1, the model's drive exactly: no conflict, whatever the history says.
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                       "VALUES ('b2', 'job', 't5', '2026-03-02T09:20:00Z', '2026-03-02T10:20:00Z', 'scheduled')")));
        QCOMPARE(violations(url), QStringList());
        QVERIFY(db->run(QStringLiteral("UPDATE appointments SET start_at = '2026-03-02T09:19:00Z' WHERE id = 'b2'")));
        QCOMPARE(violations(url), QStringList{"travel"}); // and the model's 20 minutes still hold
    }

    void repairPushesLaterByTheLearnedDrive()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedTravelHistory(*db));
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                       "VALUES ('b2', 'job', 't5', '2026-03-02T09:40:00Z', '2026-03-02T10:40:00Z', 'scheduled')")));
        // b1 runs 25 min long, to 09:25: with the model's 20 min b2 could start at 09:45, so it
        // is displaced; pushed later it starts after the learned 30, at 09:55.
        const test::CliRun r = test::runCli(url, {"repair", "--date", "2026-03-02", "--json", "--overrun", "b1", "--minutes", "25"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = parsed(r);
        QCOMPARE(doc.value(QStringLiteral("displaced")).toArray().size(), 1);
        QJsonObject push;
        for (const QJsonValue &v : doc.value(QStringLiteral("options")).toArray())
            if (v.toObject().value(QStringLiteral("option")).toString() == QLatin1String("push_later"))
                push = v.toObject();
        QVERIFY2(!push.isEmpty(), qPrintable(r.out));
        const QJsonObject moved = push.value(QStringLiteral("moves")).toArray().first().toObject();
        QCOMPARE(moved.value(QStringLiteral("technician_id")).toString(), QStringLiteral("t5"));
        QCOMPARE(moved.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-02T09:55:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestTravelSpeedsCli)
#include "tst_travel_speeds_cli.moc"
