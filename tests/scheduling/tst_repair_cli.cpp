// `fieldops-cli repair` as a dispatcher runs it, on both backends: the real binary against a
// small Monday (2026-03-02, every technician on UTC, shifts 08:00–17:00) written with plain SQL.
// Ana (hvac, home at s1) has w1 08:00–09:00 at s1, w2 10:00–11:00 at s2 and w3 13:00–14:00 at
// s3, locked; Bruno (hvac, home at s2) has w4 08:00–12:00 at s2; Carla (hvac, home at s3) is
// booked all day with the low-priority w5 at s3; Dora only does gas. s3 is 3 minutes from s1,
// s2 about 20 minutes from both. In the queue: wu, urgent hvac at s3 to be done by 10:00.
// Each option's cost is recomputed here from its own figures, and what an applied option
// writes is checked by `conflicts`, the rules' own report.
#include "CliRunner.h"
#include "TestDatabases.h"
#include "dayplan/DayRepair.h"
#include "util/TimeFormat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;

namespace {

using test::runAll;

Status seedMonday(Database &db)
{
    return runAll(db, {
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('gas', 'Gas')",
        "INSERT INTO territories(id, name) VALUES ('north', 'North')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon, territory_id) VALUES ('s1', 'c1', -23.5505, -46.6333, 'north'), "
        "('s2', 'c1', -23.4605, -46.6333, 'north'), ('s3', 'c1', -23.5405, -46.6333, 'north')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, territory_id) VALUES "
        "('t1', 'Ana', -23.5505, -46.6333, 'UTC', 'north'), ('t2', 'Bruno', -23.4605, -46.6333, 'UTC', 'north'), "
        "('t3', 'Carla', -23.5405, -46.6333, 'UTC', 'north'), ('t4', 'Dora', -23.5505, -46.6333, 'UTC', 'north')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'hvac'), ('t3', 'hvac'), ('t4', 'gas')",
        "INSERT INTO work_orders(id, site_id, duration_min, priority, created_at, status) VALUES "
        "('w1', 's1', 60, 3, '2026-03-01T00:00:00Z', 'scheduled'), ('w2', 's2', 60, 3, '2026-03-01T00:00:00Z', 'scheduled'), "
        "('w3', 's3', 60, 4, '2026-03-01T00:00:00Z', 'scheduled'), ('w4', 's2', 240, 3, '2026-03-01T00:00:00Z', 'scheduled'), "
        "('w5', 's3', 540, 4, '2026-03-01T00:00:00Z', 'scheduled')",
        "INSERT INTO work_orders(id, site_id, duration_min, priority, created_at, window_start, window_end) VALUES "
        "('wu', 's3', 60, 1, '2026-03-02T07:00:00Z', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z')",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w1', 'hvac'), ('w2', 'hvac'), ('w3', 'hvac'), "
        "('w4', 'hvac'), ('w5', 'hvac'), ('wu', 'hvac')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
        "('a1', 'w1', 't1', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', 'scheduled'), "
        "('a2', 'w2', 't1', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', 'scheduled'), "
        "('a3', 'w3', 't1', '2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z', 'scheduled'), "
        "('b1', 'w4', 't2', '2026-03-02T08:00:00Z', '2026-03-02T12:00:00Z', 'scheduled'), "
        "('c1', 'w5', 't3', '2026-03-02T08:00:00Z', '2026-03-02T17:00:00Z', 'scheduled')",
        "UPDATE appointments SET locked = (1 = 1) WHERE id = 'a3'",
    });
}

const QStringList kMonday{"repair", "--date", "2026-03-02", "--json"};

QJsonObject parsed(const test::CliRun &r) { return QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object(); }

QStringList strings(const QJsonArray &a)
{
    QStringList out;
    for (const QJsonValue &v : a)
        out << v.toString();
    return out;
}

int priorityOf(const QString &workOrder)
{
    static const QHash<QString, int> p{{"w1", 3}, {"w2", 3}, {"w3", 4}, {"w4", 3}, {"w5", 4}, {"wu", 1}};
    return p.value(workOrder, -1);
}

// The cost the option claims against the one its own figures give, and the figures against its moves.
QString costProblem(const QJsonObject &o)
{
    int moved = 0, queued = 0, added = 0, queueCost = 0;
    for (const QJsonValue &v : o.value(QStringLiteral("moves")).toArray()) {
        const QJsonObject m = v.toObject();
        const bool toQueue = m.value(QStringLiteral("technician_id")).isNull();
        const bool isNew = m.value(QStringLiteral("appointment_id")).isNull();
        if (toQueue) {
            ++queued;
            queueCost += dayplan::repairQueueCost(priorityOf(m.value(QStringLiteral("work_order_id")).toString()));
        } else if (isNew) {
            ++added;
        } else {
            ++moved;
        }
    }
    if (moved != o.value(QStringLiteral("visits_moved")).toInt() || queued != o.value(QStringLiteral("back_to_queue")).toInt()
        || added != o.value(QStringLiteral("new_visits")).toInt())
        return QStringLiteral("counts disagree with the moves");
    const int cost = o.value(QStringLiteral("travel_added_min")).toInt() + o.value(QStringLiteral("late_min")).toInt()
                     + dayplan::kRepairMoveCost * moved + queueCost;
    if (cost != o.value(QStringLiteral("cost")).toInt())
        return QStringLiteral("cost %1, its figures give %2").arg(o.value(QStringLiteral("cost")).toInt()).arg(cost);
    return {};
}

QString optionsProblem(const QJsonObject &doc)
{
    const QJsonArray options = doc.value(QStringLiteral("options")).toArray();
    int previous = -1;
    for (const QJsonValue &v : options) {
        const QJsonObject o = v.toObject();
        if (const QString p = costProblem(o); !p.isEmpty())
            return o.value(QStringLiteral("option")).toString() + QStringLiteral(": ") + p;
        if (o.value(QStringLiteral("cost")).toInt() < previous)
            return QStringLiteral("options not cheapest first");
        previous = o.value(QStringLiteral("cost")).toInt();
    }
    return {};
}

QString text(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? v->toString() : QStringLiteral("<%1>").arg(v.error().message);
}

// The first row's two timestamps as UTC ISO text, whatever the backend's own text for them.
QString instants(Database &db, const QString &sql)
{
    auto q = db.run(sql);
    if (!q || !q->next())
        return QStringLiteral("<no row>");
    return timefmt::toIsoUtc(timefmt::fromSql(q->value(0))) + QLatin1Char(' ') + timefmt::toIsoUtc(timefmt::fromSql(q->value(1)));
}

// `conflicts` over the day: each violation as "kind:appointments".
QStringList violations(const QString &url)
{
    const test::CliRun r = test::runCli(url, {"conflicts", "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z", "--json"});
    QStringList out;
    for (const QJsonValue &v : parsed(r).value(QStringLiteral("violations")).toArray()) {
        const QJsonObject o = v.toObject();
        out << o.value(QStringLiteral("kind")).toString() + QLatin1Char(':')
                   + strings(o.value(QStringLiteral("appointment_ids")).toArray()).join(QLatin1Char(','));
    }
    out.sort();
    return out;
}

} // namespace

class TestRepairCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void absenceReassignsTheDisplacedVisits_data() { test::addBackendRows(); }
    void absenceReassignsTheDisplacedVisits()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        QVERIFY(violations(url).isEmpty());

        // Ana is off from 09:30: w1 is done by then, w2 must go, w3 is locked and stays.
        const test::CliRun dry = test::runCli(url, kMonday + QStringList{"--absent", "t1", "--from", "2026-03-02T09:30:00Z"});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        const QJsonObject doc = parsed(dry);
        QCOMPARE(doc.keys(), (QStringList{"applied", "displaced", "kept_locked", "options"}));
        QCOMPARE(strings(doc.value(QStringLiteral("displaced")).toArray()), QStringList{"w2"});
        QCOMPARE(strings(doc.value(QStringLiteral("kept_locked")).toArray()), QStringList{"w3"});
        QVERIFY(doc.value(QStringLiteral("applied")).isNull());
        QVERIFY2(optionsProblem(doc).isEmpty(), qPrintable(optionsProblem(doc)));
        const QJsonArray options = doc.value(QStringLiteral("options")).toArray();
        QCOMPARE(options.size(), 2);
        const QJsonObject best = options.at(0).toObject();
        QCOMPARE(best.value(QStringLiteral("option")).toString(), QStringLiteral("reassign"));
        QCOMPARE(options.at(1).toObject().value(QStringLiteral("option")).toString(), QStringLiteral("back_to_queue"));
        QCOMPARE(options.at(1).toObject().value(QStringLiteral("cost")).toInt(), dayplan::repairQueueCost(3));
        const QJsonObject move = best.value(QStringLiteral("moves")).toArray().at(0).toObject();
        QCOMPARE(move.value(QStringLiteral("appointment_id")).toString(), QStringLiteral("a2"));
        QCOMPARE(move.value(QStringLiteral("from_technician_id")).toString(), QStringLiteral("t1"));
        // Only Bruno can take it (Carla is full, Dora lacks hvac): after his 4 hours at s2.
        QCOMPARE(move.value(QStringLiteral("technician_id")).toString(), QStringLiteral("t2"));
        QVERIFY(move.value(QStringLiteral("start")).toString() >= QStringLiteral("2026-03-02T12:00:00Z"));
        QCOMPARE(text(*db, QStringLiteral("SELECT count(*) FROM absences")), QStringLiteral("0")); // a dry run writes nothing

        const test::CliRun applied = test::runCli(url, kMonday + QStringList{"--absent", "t1", "--from", "2026-03-02T09:30:00Z", "--apply"});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QCOMPARE(parsed(applied).value(QStringLiteral("applied")).toInt(), 1);
        QCOMPARE(text(*db, QStringLiteral("SELECT technician_id || ' ' || status || ' ' || version FROM appointments WHERE id = 'a2'")),
                 QStringLiteral("t2 scheduled 2"));
        QCOMPARE(text(*db, QStringLiteral("SELECT technician_id FROM absences")), QStringLiteral("t1"));
        QCOMPARE(instants(*db, QStringLiteral("SELECT start_at, end_at FROM absences")),
                 QStringLiteral("2026-03-02T09:30:00Z 2026-03-03T00:00:00Z"));
        // What the rules still see: only the locked visit inside Ana's absence.
        QCOMPARE(violations(url), QStringList{"absence:a3"});

        // The same absence again: nothing left to move.
        const test::CliRun again = test::runCli(url, kMonday + QStringList{"--absent", "t1", "--from", "2026-03-02T09:30:00Z"});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(parsed(again).value(QStringLiteral("options")).toArray().isEmpty());
    }

    void overrunPushesOrReassigns_data() { test::addBackendRows(); }
    void overrunPushesOrReassigns()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        // w1 runs 75 minutes long, to 10:15: w2 at 10:00 (20 minutes away) no longer fits; the
        // locked w3 at 13:00 still does and nothing after it is touched.
        const test::CliRun r = test::runCli(url, kMonday + QStringList{"--overrun", "a1", "--minutes", "75"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = parsed(r);
        QCOMPARE(strings(doc.value(QStringLiteral("displaced")).toArray()), QStringList{"w2"});
        QVERIFY(doc.value(QStringLiteral("kept_locked")).toArray().isEmpty());
        QVERIFY2(optionsProblem(doc).isEmpty(), qPrintable(optionsProblem(doc)));
        QStringList kinds;
        QJsonObject push;
        for (const QJsonValue &v : doc.value(QStringLiteral("options")).toArray()) {
            kinds << v.toObject().value(QStringLiteral("option")).toString();
            if (kinds.last() == QLatin1String("push_later"))
                push = v.toObject();
        }
        QCOMPARE(kinds.size(), 3);
        QCOMPARE(kinds.first(), QStringLiteral("push_later")); // one move, no added travel: the cheapest
        QVERIFY(kinds.contains(QStringLiteral("reassign")) && kinds.contains(QStringLiteral("back_to_queue")));
        // Pushed to 10:15 plus the 20-minute drive (great circle × 1.3 at 40 km/h, rounded up), still Ana's.
        const QJsonObject pushed = push.value(QStringLiteral("moves")).toArray().at(0).toObject();
        QCOMPARE(pushed.value(QStringLiteral("technician_id")).toString(), QStringLiteral("t1"));
        QCOMPARE(pushed.value(QStringLiteral("start")).toString(), QStringLiteral("2026-03-02T10:35:00Z"));
        QCOMPARE(pushed.value(QStringLiteral("end")).toString(), QStringLiteral("2026-03-02T11:35:00Z"));
        QCOMPARE(push.value(QStringLiteral("cost")).toInt(), dayplan::kRepairMoveCost);

        // Applied: the rules find nothing wrong once the overrun itself is on the board.
        const test::CliRun applied = test::runCli(url, kMonday + QStringList{"--overrun", "a1", "--minutes", "75", "--apply"});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QCOMPARE(instants(*db, QStringLiteral("SELECT start_at, end_at FROM appointments WHERE id = 'a2'")),
                 QStringLiteral("2026-03-02T10:35:00Z 2026-03-02T11:35:00Z"));
        QVERIFY(runAll(*db, {"UPDATE appointments SET end_at = '2026-03-02T10:15:00Z' WHERE id = 'a1'"}).ok());
        QCOMPARE(violations(url), QStringList{});
    }

    void urgentJobBumpsALowerPriorityVisit_data() { test::addBackendRows(); }
    void urgentJobBumpsALowerPriorityVisit()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        // Every hvac technician is busy until 10:00's latest start: wu fits nowhere as the day is.
        const test::CliRun r = test::runCli(url, kMonday + QStringList{"--urgent", "wu"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = parsed(r);
        QVERIFY2(optionsProblem(doc).isEmpty(), qPrintable(optionsProblem(doc)));
        const QJsonArray options = doc.value(QStringLiteral("options")).toArray();
        QVERIFY(options.size() >= 2);
        const QJsonObject last = options.last().toObject();
        QCOMPARE(last.value(QStringLiteral("option")).toString(), QStringLiteral("leave_in_queue"));
        QCOMPARE(last.value(QStringLiteral("cost")).toInt(), dayplan::repairQueueCost(1));
        const QJsonObject best = options.first().toObject();
        QCOMPARE(best.value(QStringLiteral("option")).toString(), QStringLiteral("bump"));
        const QJsonArray moves = best.value(QStringLiteral("moves")).toArray();
        QCOMPARE(moves.size(), 2);
        const QJsonObject urgent = moves.at(0).toObject(), bumped = moves.at(1).toObject();
        QCOMPARE(urgent.value(QStringLiteral("work_order_id")).toString(), QStringLiteral("wu"));
        QVERIFY(urgent.value(QStringLiteral("appointment_id")).isNull());
        QVERIFY(urgent.value(QStringLiteral("end")).toString() <= QStringLiteral("2026-03-02T10:00:00Z"));
        QVERIFY(QStringList({"t1", "t2", "t3"}).contains(urgent.value(QStringLiteral("technician_id")).toString()));
        // Never the locked visit, never one as urgent.
        QVERIFY(bumped.value(QStringLiteral("appointment_id")).toString() != QLatin1String("a3"));
        QVERIFY(priorityOf(bumped.value(QStringLiteral("work_order_id")).toString()) > 1);

        const test::CliRun applied = test::runCli(url, kMonday + QStringList{"--urgent", "wu", "--apply"});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        QCOMPARE(text(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'wu'")), QStringLiteral("scheduled"));
        QCOMPARE(text(*db, QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'wu' AND status = 'scheduled'")),
                 QStringLiteral("1"));
        QCOMPARE(violations(url), QStringList{});
    }

    void badInputIsRefusedAndNothingWritten_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no change") << QStringList{} << QStringLiteral("exactly one of --absent, --overrun and --urgent");
        QTest::newRow("two changes") << QStringList{"--absent", "t1", "--urgent", "wu"} << QStringLiteral("exactly one of");
        QTest::newRow("unknown technician") << QStringList{"--absent", "t9"} << QStringLiteral("technician t9 does not exist");
        QTest::newRow("unknown visit") << QStringList{"--overrun", "zz", "--minutes", "10"} << QStringLiteral("visit zz is not booked");
        QTest::newRow("no minutes") << QStringList{"--overrun", "a1"} << QStringLiteral("--overrun needs --minutes");
        QTest::newRow("minutes alone") << QStringList{"--absent", "t1", "--minutes", "5"} << QStringLiteral("--minutes goes with --overrun");
        QTest::newRow("booked job is no urgent one") << QStringList{"--urgent", "w1"} << QStringLiteral("work order w1 is not in the queue");
        QTest::newRow("bad from") << QStringList{"--absent", "t1", "--from", "9:30"} << QStringLiteral("--from: \"9:30\"");
        QTest::newRow("option without apply") << QStringList{"--absent", "t1", "--option", "2"} << QStringLiteral("--option goes with --apply");
        QTest::newRow("option out of range") << QStringList{"--absent", "t1", "--from", "2026-03-02T09:30:00Z", "--apply", "--option", "7"}
                                             << QStringLiteral("--option 7: there are only 2 options");
    }
    void badInputIsRefusedAndNothingWritten()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const QString before = text(*db, QStringLiteral("SELECT group_concat(id || technician_id || start_at || status, ';') FROM appointments"));
        const test::CliRun r = test::runCli(url, kMonday + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QCOMPARE(text(*db, QStringLiteral("SELECT group_concat(id || technician_id || start_at || status, ';') FROM appointments")), before);
        QCOMPARE(text(*db, QStringLiteral("SELECT count(*) FROM absences")), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestRepairCli)
#include "tst_repair_cli.moc"
