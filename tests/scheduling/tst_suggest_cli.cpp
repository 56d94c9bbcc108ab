// `fieldops-cli suggest` as integrators run it, on both backends: the real binary against a
// small Monday (2026-03-02) written with plain SQL, the same one tst_suggest builds in
// memory (its header has the hand computation): the job at s2 needs hvac, lasts 60 min and
// is due 15:00; the best slot is t5 at 09:20, 20 min from its 08:00–09:00 visit at s1.
// The slot booked as suggested gives `conflicts` nothing to report, and asked again (now a
// move) comes back first; bad input exits 2 with
// one line; no slot is an answer (exit 0) that says why.
#include "CliRunner.h"
#include "TestDatabases.h"
#include "scheduling/ConflictIndex.h"
#include "scheduling/SuggestionLoader.h"
#include "util/TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;

namespace {

Status seedMonday(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    const char *statements[] = {
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('gas', 'Gas'), ('electrical', 'Electrical')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5505, -46.6333), "
        "('s2', 'c1', -23.4605, -46.6333), ('s3', 'c1', -23.0505, -46.6333)",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5505, -46.6333, 'UTC'), "
        "('t2', 'Bruno', -23.4605, -46.6333, 'UTC'), ('t3', 'Carla', -23.4605, -46.6333, 'UTC'), "
        "('t5', 'Eva', -23.0505, -46.6333, 'UTC'), ('t6', 'Flor', -23.4605, -46.6333, 'UTC')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, work_days) VALUES ('t4', 'Davi', -23.4605, -46.6333, 'UTC', 'Sat;Sun')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'hvac'), ('t3', 'gas'), "
        "('t4', 'hvac'), ('t5', 'hvac'), ('t6', 'hvac')",
        "INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES ('t2', '2026-03-02T08:00:00Z', '2026-03-02T13:00:00Z', 'dentist')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, sla_due) VALUES "
        "('job', 's2', 60, '2026-03-01T00:00:00Z', '2026-03-02T15:00:00Z')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('elec', 's2', 60, '2026-03-01T00:00:00Z'), "
        "('wa1', 's1', 120, '2026-03-01T00:00:00Z'), ('wa2', 's1', 60, '2026-03-01T00:00:00Z'), ('wb1', 's1', 60, '2026-03-01T00:00:00Z')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES ('old', 's2', 60, '2026-02-01T00:00:00Z', 'done')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, window_start, window_end) VALUES "
        "('night', 's2', 60, '2026-03-01T00:00:00Z', '2026-03-02T18:00:00Z', '2026-03-02T23:00:00Z')",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('job', 'hvac'), ('elec', 'electrical'), ('night', 'hvac')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
        "('a1', 'wa1', 't1', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', 'scheduled'), "
        "('a2', 'wa2', 't1', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', 'scheduled'), "
        "('b1', 'wb1', 't5', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', 'scheduled')",
    };
    for (const char *sql : statements) {
        if (auto q = db.run(QString::fromLatin1(sql)); !q)
            return q.error();
    }
    if (auto q = db.run(QStringLiteral("UPDATE technicians SET active = ? WHERE id = 't6'"), {false}); !q)
        return q.error();
    return tx.commit();
}

const QStringList kMonday{QStringLiteral("--from"), QStringLiteral("2026-03-02T08:00:00Z"), QStringLiteral("--days"), QStringLiteral("1")};

} // namespace

class TestSuggestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void jsonRanksAsComputedByHand_data() { test::addBackendRows(); }
    void jsonRanksAsComputedByHand()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());

        const test::CliRun r = test::runCli(url, QStringList{"suggest", "job", "--top", "3", "--json"} + kMonday);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The documented key order, and the figures of tst_suggest's hand computation.
        QVERIFY2(r.out.startsWith(QLatin1String(
                     R"({"candidates":[{"technician_id":"t5","start":"2026-03-02T09:20:00Z","end":"2026-03-02T10:20:00Z",)"
                     R"("travel_min":20,"score":0.91,"reasons":["skill hvac","20 min away","within SLA, 4 h 40 min to spare",)"
                     R"("1 h booked that day"]},)")),
                 qPrintable(r.out));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(!doc.contains(QStringLiteral("why_none")));
        const QJsonArray rows = doc.value(QStringLiteral("candidates")).toArray();
        QStringList got;
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            got << QStringLiteral("%1 %2 %3 %4")
                       .arg(o.value(QStringLiteral("technician_id")).toString(), o.value(QStringLiteral("start")).toString())
                       .arg(o.value(QStringLiteral("travel_min")).toInt())
                       .arg(o.value(QStringLiteral("score")).toDouble());
        }
        QCOMPARE(got, (QStringList{"t5 2026-03-02T09:20:00Z 20 0.91", "t2 2026-03-02T13:00:00Z 0 0.89",
                                   "t1 2026-03-02T12:20:00Z 20 0.85"}));

        // Each candidate, judged by the board's verdict on the database's own schedule: clean.
        auto input = SuggestionLoader(*db).load(QStringLiteral("job"), timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T08:00:00Z")),
                                                timefmt::parseIsoWithOffset(QStringLiteral("2026-03-03T08:00:00Z")));
        QVERIFY(input.ok());
        const ConflictIndex index(input->snapshot);
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            const Verdict verdict = index.verdict(ProposedMove{
                QString(), o.value(QStringLiteral("technician_id")).toString(),
                timefmt::parseIsoWithOffset(o.value(QStringLiteral("start")).toString()),
                timefmt::parseIsoWithOffset(o.value(QStringLiteral("end")).toString()), QStringLiteral("job")});
            QVERIFY2(verdict.clean(), qPrintable(o.value(QStringLiteral("technician_id")).toString()));
        }

        // Booked as suggested, `conflicts` finds nothing about it.
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                       "VALUES ('new1', 'job', 't5', '2026-03-02T09:20:00Z', '2026-03-02T10:20:00Z', 'scheduled')"))
                    .ok());
        const test::CliRun check = test::runCli(url, {"conflicts", "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z", "--json"});
        QCOMPARE(check.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("violations")).toArray(), QJsonArray());
        // Now booked, the job is a move: its own visit is left out, so the same slot comes first.
        const test::CliRun again = test::runCli(url, QStringList{"suggest", "job", "--top", "1", "--json"} + kMonday);
        QCOMPARE(again.exitCode, 0);
        const QJsonObject moved = QJsonDocument::fromJson(again.out.toUtf8()).object().value(QStringLiteral("candidates")).toArray().first().toObject();
        QCOMPARE(moved.value(QStringLiteral("technician_id")).toString(), QStringLiteral("t5"));
        QCOMPARE(moved.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-02T09:20:00Z"));
    }

    void tableForPeople()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun r = test::runCli(url, QStringList{"suggest", "job", "--top", "2"} + kMonday);
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // header and two candidates
        QVERIFY2(lines[0].startsWith(QLatin1Char('#')) && lines[0].contains(QLatin1String("TECHNICIAN")), qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(QLatin1String("t5")) && lines[1].contains(QLatin1String("2026-03-02T09:20:00Z"))
                     && lines[1].contains(QLatin1String("0.91")) && lines[1].contains(QLatin1String("20 min away")),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].contains(QLatin1String("t2")), qPrintable(lines[2]));
    }

    void nothingFeasibleIsAnAnswer_data() { test::addBackendRows(); }
    void nothingFeasibleIsAnAnswer()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun json = test::runCli(url, QStringList{"suggest", "elec", "--json"} + kMonday);
        QCOMPARE(json.exitCode, 0);
        QCOMPARE(json.out.trimmed(), QStringLiteral(R"({"candidates":[],"why_none":"no active technician has the skill electrical"})"));
        // On Sunday only t4 works: the one candidate, from 08:00.
        const test::CliRun sunday = test::runCli(url, {"suggest", "job", "--json", "--from", "2026-03-08T08:00:00Z", "--days", "1"});
        QCOMPARE(sunday.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(sunday.out.toUtf8()).object().value(QStringLiteral("candidates")).toArray();
        QVERIFY2(!rows.isEmpty(), qPrintable(sunday.out));
        QCOMPARE(rows.first().toObject().value(QStringLiteral("technician_id")).toString(), QStringLiteral("t4"));
        QCOMPARE(rows.size(), 1);
        // Late for the SLA (due Monday 15:00, ends Sunday 09:00), and it says by how much.
        QVERIFY2(sunday.out.contains(QLatin1String("5 d 18 h after SLA")), qPrintable(sunday.out));
        // The customer is there only in the evening, when every shift is over (t6 is inactive).
        const test::CliRun night = test::runCli(url, QStringList{"suggest", "night"} + kMonday);
        QCOMPARE(night.exitCode, 0);
        QVERIFY(night.out.isEmpty());
        QCOMPARE(night.err.trimmed(),
                 QStringLiteral("No feasible slot: 4 technicians have the skill hvac; all are off or full until 2026-03-02 23:00 UTC"));
    }

    void badInputExitsTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown work order") << QStringList{"nope"} << "nope does not exist";
        QTest::newRow("done work order") << QStringList{"old"} << "old is done";
        QTest::newRow("no work order") << QStringList{} << "work order id";
        QTest::newRow("two work orders") << QStringList{"job", "elec"} << "one work order id";
        QTest::newRow("top zero") << QStringList{"job", "--top", "0"} << "--top";
        QTest::newRow("top not a number") << QStringList{"job", "--top", "many"} << "many";
        QTest::newRow("top too large") << QStringList{"job", "--top", "101"} << "--top";
        QTest::newRow("days zero") << QStringList{"job", "--days", "0"} << "--days";
        QTest::newRow("from not a timestamp") << QStringList{"job", "--from", "tomorrow"} << "tomorrow";
        QTest::newRow("unknown option") << QStringList{"job", "--bogus"} << "bogus";
    }
    void badInputExitsTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun r = test::runCli(url, QStringList{"suggest"} + args);
        QCOMPARE(r.exitCode, 2);
        const QString err = r.err.trimmed();
        QVERIFY2(!err.isEmpty() && !err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSuggestCli)
#include "tst_suggest_cli.moc"
