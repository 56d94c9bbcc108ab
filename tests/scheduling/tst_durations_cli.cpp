// `fieldops-cli durations --holdout-month` as an analyst runs it, on both backends: the real
// binary against a small history written with plain SQL, whose report is worked out by hand
// (the same numbers as tst_duration_model's evaluation). A malformed or missing month exits
// 2 with one line naming the option.
#include "CliRunner.h"
#include "TestDatabases.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;

namespace {

// April (the training): corrective visits estimated at 60 min taking 60, 60, 90, 90 and one
// estimated at 30 taking 45 — ratios 1, 1, 1.5, 1.5, 1.5, so the model books 1.5 × the
// estimate with the interval [estimate, 1.5 × estimate]; the estimate misses by 0, 0, 30,
// 30, 15, so its own interval is estimate + [0, 30].
// May (held out): 60 → 80 (its arrival only inferred from positions), 30 → 40, and an
// inspection 45 → 80 that has no history (it takes the estimate). A cancelled visit in May
// and a completed one in June do not count.
Status seed(Database &db)
{
    return test::runAll(db, {
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5505, -46.6333)",
        "INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'Daikin VRV')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5, -46.6, 'UTC')",
        "INSERT INTO work_orders(id, site_id, asset_id, type, duration_min, created_at, status) VALUES "
        "('w1', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w2', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w3', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w4', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w5', 's1', 'a1', 'corrective', 30, '2026-03-01T00:00:00Z', 'done'), "
        "('w6', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done'), "
        "('w7', 's1', 'a1', 'corrective', 30, '2026-03-01T00:00:00Z', 'done'), "
        "('w8', 's1', 'a1', 'inspection', 45, '2026-03-01T00:00:00Z', 'done'), "
        "('w9', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'cancelled'), "
        "('w10', 's1', 'a1', 'corrective', 60, '2026-03-01T00:00:00Z', 'done')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at) VALUES "
        "('ap1', 'w1', 't1', '2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z', 'completed', '2026-04-01T09:00:00Z', '2026-04-01T10:00:00Z'), "
        "('ap2', 'w2', 't1', '2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z', 'completed', '2026-04-02T09:00:00Z', '2026-04-02T10:00:00Z'), "
        "('ap3', 'w3', 't1', '2026-04-03T09:00:00Z', '2026-04-03T10:00:00Z', 'completed', '2026-04-03T09:00:00Z', '2026-04-03T10:30:00Z'), "
        "('ap4', 'w4', 't1', '2026-04-06T09:00:00Z', '2026-04-06T10:00:00Z', 'completed', '2026-04-06T09:00:00Z', '2026-04-06T10:30:00Z'), "
        "('ap5', 'w5', 't1', '2026-04-07T09:00:00Z', '2026-04-07T09:30:00Z', 'completed', '2026-04-07T09:00:00Z', '2026-04-07T09:45:00Z'), "
        "('ap7', 'w7', 't1', '2026-05-05T09:00:00Z', '2026-05-05T09:30:00Z', 'completed', '2026-05-05T09:00:00Z', '2026-05-05T09:40:00Z'), "
        "('ap8', 'w8', 't1', '2026-05-06T09:00:00Z', '2026-05-06T09:45:00Z', 'completed', '2026-05-06T09:00:00Z', '2026-05-06T10:20:00Z'), "
        "('ap9', 'w9', 't1', '2026-05-07T09:00:00Z', '2026-05-07T10:00:00Z', 'cancelled', NULL, NULL), "
        "('ap10', 'w10', 't1', '2026-06-01T09:00:00Z', '2026-06-01T10:00:00Z', 'completed', '2026-06-01T09:00:00Z', '2026-06-01T12:00:00Z')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, inferred_arrived_at, completed_at) VALUES "
        "('ap6', 'w6', 't1', '2026-05-04T09:00:00Z', '2026-05-04T10:00:00Z', 'completed', '2026-05-04T09:00:00Z', '2026-05-04T10:20:00Z')",
    });
}

} // namespace

class TestDurationsCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void report_data() { test::addBackendRows(); }
    void report()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());

        auto r = test::runCli(url, {QStringLiteral("durations"), QStringLiteral("--holdout-month"), QStringLiteral("2026-05"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        // Predicted 90 [60, 90], 45 [30, 45] and the estimate 45 [45, 75]: errors 10, 5, 35,
        // 80 outside; the estimate 60 [60, 90], 30 [30, 60], 45 [45, 75]: errors 20, 10, 35.
        QCOMPARE(r.out, QStringLiteral("{\"month\":\"2026-05\",\"training_visits\":5,\"test_visits\":3,\"predicted\":2,\"fallbacks\":1,"
                                       "\"prediction\":{\"mae_min\":16.67,\"inside_interval\":0.6667,\"mean_width_min\":25},"
                                       "\"estimate\":{\"mae_min\":21.67,\"inside_interval\":0.6667,\"mean_width_min\":30}}\n"));

        r = test::runCli(url, {QStringLiteral("durations"), QStringLiteral("--holdout-month"), QStringLiteral("2026-05")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines.at(0).contains(QStringLiteral("2026-05")), qPrintable(r.out));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral("predicted")) && lines.at(2).contains(QStringLiteral("16.7"))
                     && lines.at(2).contains(QStringLiteral("66.7 %")),
                 qPrintable(r.out));
        QVERIFY2(lines.at(3).startsWith(QStringLiteral("estimate")) && lines.at(3).contains(QStringLiteral("21.7")), qPrintable(r.out));

        // A month with nothing completed in it: counts, no figures.
        r = test::runCli(url, {QStringLiteral("durations"), QStringLiteral("--holdout-month"), QStringLiteral("2025-01"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject empty = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(empty.value(QStringLiteral("training_visits")).toInt(), 0);
        QCOMPARE(empty.value(QStringLiteral("test_visits")).toInt(), 0);
        QVERIFY(empty.value(QStringLiteral("prediction")).toObject().value(QStringLiteral("mae_min")).isNull());
    }

    void badMonth_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("err");
        const QString needs = QStringLiteral("error: --holdout-month needs a month YYYY-MM such as 2026-05 (got \"%1\")\n");
        QTest::addRow("month 13") << QStringList{QStringLiteral("--holdout-month"), QStringLiteral("2026-13")} << needs.arg(QStringLiteral("2026-13"));
        QTest::addRow("a date") << QStringList{QStringLiteral("--holdout-month"), QStringLiteral("2026-05-01")} << needs.arg(QStringLiteral("2026-05-01"));
        QTest::addRow("words") << QStringList{QStringLiteral("--holdout-month"), QStringLiteral("May")} << needs.arg(QStringLiteral("May"));
        QTest::addRow("missing") << QStringList{} << QStringLiteral("error: --holdout-month is required (a month such as 2026-05)\n");
    }
    void badMonth()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, err);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const auto r = test::runCli(url, QStringList{QStringLiteral("durations")} + args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, err);
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDurationsCli)
#include "tst_durations_cli.moc"
