// `fieldops-cli optimize` as integrators run it, on both backends: the real binary against a
// small Monday (2026-03-02, every technician on UTC, shifts 08:00–17:00) written with plain SQL.
// North: Ana (hvac, home at s1, booked 08:00–10:00 at s1) and Bruno (gas, home at s2); south:
// Carla (hvac, home at s4). Open and unbooked: hvac at s2, gas at s3, hvac at s3 only
// 13:00–14:30, hvac at s4 (south), and an electrical job nobody can do. Each of the first four
// has a technician with time to spare, so a working planner places exactly those four. The
// hvac job at s2 had a visit last Friday, completed: it is back in the queue, so planned again.
#include "CliRunner.h"
#include "TestDatabases.h"
#include "dayplan/DayPlanLoader.h"
#include "dayplan/DayPlanWriter.h"
#include "dayplan/DayPlanner.h"
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
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('gas', 'Gas'), ('electrical', 'Electrical')",
        "INSERT INTO territories(id, name) VALUES ('north', 'North'), ('south', 'South')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon, territory_id) VALUES ('s1', 'c1', -23.5505, -46.6333, 'north'), "
        "('s2', 'c1', -23.4605, -46.6333, 'north'), ('s3', 'c1', -23.5405, -46.6333, 'north'), "
        "('s4', 'c1', -23.0505, -46.6333, 'south')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, territory_id) VALUES "
        "('t1', 'Ana', -23.5505, -46.6333, 'UTC', 'north'), ('t2', 'Bruno', -23.4605, -46.6333, 'UTC', 'north'), "
        "('t3', 'Carla', -23.0505, -46.6333, 'UTC', 'south')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'gas'), ('t3', 'hvac')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES "
        "('booked', 's1', 120, '2026-03-01T00:00:00Z', 'scheduled')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('w-hvac', 's2', 60, '2026-03-01T00:00:00Z'), "
        "('w-gas', 's3', 90, '2026-03-01T00:00:00Z'), ('w-elec', 's1', 60, '2026-03-01T00:00:00Z'), "
        "('w-south', 's4', 60, '2026-03-01T00:00:00Z')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, window_start, window_end) VALUES "
        "('w-narrow', 's3', 60, '2026-03-01T00:00:00Z', '2026-03-02T13:00:00Z', '2026-03-02T14:30:00Z')",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('booked', 'hvac'), ('w-hvac', 'hvac'), "
        "('w-gas', 'gas'), ('w-elec', 'electrical'), ('w-south', 'hvac'), ('w-narrow', 'hvac')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
        "('a1', 'booked', 't1', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', 'scheduled'), "
        "('done1', 'w-hvac', 't1', '2026-02-27T08:00:00Z', '2026-02-27T09:00:00Z', 'completed')",
    });
}

const QStringList kPlanMonday{"optimize", "--date", "2026-03-02", "--time-limit", "0.5", "--json"};

int countRows(Database &db, const QString &table)
{
    auto n = db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(table));
    return n ? n->toInt() : -1;
}

// The contract's keys in the contract's order, each of its type; the parsed object.
QJsonObject checkedPlan(const test::CliRun &r)
{
    const QString out = r.out.trimmed();
    const qsizetype a = out.indexOf(QLatin1String("{\"assigned\":")), u = out.indexOf(QLatin1String(",\"unassigned\":[")),
                    t = out.indexOf(QLatin1String(",\"travel_min\":")), p = out.indexOf(QLatin1String(",\"appointments\":["));
    if (a != 0 || u < a || t < u || p < t || !out.endsWith(QLatin1String("]}")))
        return {};
    const QJsonObject doc = QJsonDocument::fromJson(out.toUtf8()).object();
    if (doc.keys().size() != 4 || !doc.value(QStringLiteral("assigned")).isDouble() || !doc.value(QStringLiteral("travel_min")).isDouble())
        return {};
    for (const QJsonValue &id : doc.value(QStringLiteral("unassigned")).toArray()) {
        if (!id.isString())
            return {};
    }
    const QJsonArray rows = doc.value(QStringLiteral("appointments")).toArray();
    if (doc.value(QStringLiteral("assigned")).toInt() != rows.size())
        return {};
    for (const QJsonValue &v : rows) {
        const QJsonObject o = v.toObject();
        if (o.keys() != QStringList{"end", "start", "technician_id", "work_order_id"})
            return {};
        for (const QString &k : o.keys()) {
            if (!o.value(k).isString())
                return {};
        }
        if (!timefmt::parseIsoWithOffset(o.value(QStringLiteral("start")).toString()).isValid()
            || !o.value(QStringLiteral("end")).toString().endsWith(QLatin1Char('Z')))
            return {};
    }
    return doc;
}

QStringList strings(const QJsonArray &a)
{
    QStringList out;
    for (const QJsonValue &v : a)
        out << v.toString();
    return out;
}

QStringList placedWorkOrders(const QJsonObject &doc)
{
    QStringList out;
    for (const QJsonValue &v : doc.value(QStringLiteral("appointments")).toArray())
        out << v.toObject().value(QStringLiteral("work_order_id")).toString();
    out.sort();
    return out;
}

} // namespace

class TestOptimizeCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void plansTheDayAndAppliesIt_data() { test::addBackendRows(); }
    void plansTheDayAndAppliesIt()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const int appointmentsBefore = countRows(*db, QStringLiteral("appointments"));
        QCOMPARE(appointmentsBefore, 2);

        const test::CliRun dry = test::runCli(url, kPlanMonday);
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        const QJsonObject plan = checkedPlan(dry);
        QVERIFY2(!plan.isEmpty(), qPrintable(dry.out));
        QCOMPARE(strings(plan.value(QStringLiteral("unassigned")).toArray()), QStringList{"w-elec"});
        QCOMPARE(placedWorkOrders(plan), (QStringList{"w-gas", "w-hvac", "w-narrow", "w-south"}));
        QVERIFY(plan.value(QStringLiteral("travel_min")).toInt() > 0);
        QCOMPARE(countRows(*db, QStringLiteral("appointments")), appointmentsBefore); // nothing written

        QHash<QString, QJsonObject> byWorkOrder;
        for (const QJsonValue &v : plan.value(QStringLiteral("appointments")).toArray())
            byWorkOrder.insert(v.toObject().value(QStringLiteral("work_order_id")).toString(), v.toObject());
        // Skills decide who goes; the window holds the narrow one; nobody is put on Ana's booked morning.
        QCOMPARE(byWorkOrder["w-gas"].value(QStringLiteral("technician_id")).toString(), QStringLiteral("t2"));
        QCOMPARE(byWorkOrder["w-south"].value(QStringLiteral("technician_id")).toString(), QStringLiteral("t3"));
        const QDateTime narrowStart = timefmt::parseIsoWithOffset(byWorkOrder["w-narrow"].value(QStringLiteral("start")).toString());
        const QDateTime narrowEnd = timefmt::parseIsoWithOffset(byWorkOrder["w-narrow"].value(QStringLiteral("end")).toString());
        QVERIFY2(narrowStart >= timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T13:00:00Z"))
                     && narrowEnd <= timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T14:30:00Z")),
                 qPrintable(dry.out));

        const test::CliRun applied = test::runCli(url, kPlanMonday + QStringList{"--apply"});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        const QJsonObject written = checkedPlan(applied);
        QVERIFY2(!written.isEmpty(), qPrintable(applied.out));
        const QJsonArray rows = written.value(QStringLiteral("appointments")).toArray();
        QCOMPARE(countRows(*db, QStringLiteral("appointments")), appointmentsBefore + int(rows.size()));
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            auto q = db->run(QStringLiteral("SELECT a.technician_id, a.start_at, a.end_at, a.version, w.status FROM appointments a "
                                            "JOIN work_orders w ON w.id = a.work_order_id WHERE a.work_order_id = ? AND a.status <> 'completed'"),
                             {o.value(QStringLiteral("work_order_id")).toString()});
            QVERIFY(q.ok());
            QVERIFY2(q->next(), qPrintable(o.value(QStringLiteral("work_order_id")).toString()));
            QCOMPARE(q->value(0).toString(), o.value(QStringLiteral("technician_id")).toString());
            QCOMPARE(q->value(1).toDateTime().toUTC(), timefmt::parseIsoWithOffset(o.value(QStringLiteral("start")).toString()));
            QCOMPARE(q->value(2).toDateTime().toUTC(), timefmt::parseIsoWithOffset(o.value(QStringLiteral("end")).toString()));
            QCOMPARE(q->value(3).toInt(), 1);
            QCOMPARE(q->value(4).toString(), QStringLiteral("scheduled"));
        }
        // Written the board's way: each new visit is in the change log.
        auto logged = db->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'appointments' AND op = 'insert'"));
        QVERIFY(logged.ok());
        QCOMPARE(logged->toInt(), int(rows.size()) + 2);
        // The booked visit did not move.
        auto a1 = db->run(QStringLiteral("SELECT start_at, end_at, version FROM appointments WHERE id = 'a1'"));
        QVERIFY(a1.ok() && a1->next());
        QCOMPARE(a1->value(0).toDateTime().toUTC(), timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T08:00:00Z")));
        QCOMPARE(a1->value(2).toInt(), 1);

        const test::CliRun check = test::runCli(url, {"conflicts", "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z", "--json"});
        QCOMPARE(check.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("violations")).toArray(), QJsonArray());

        // Booked now, they are no longer candidates.
        const test::CliRun again = test::runCli(url, kPlanMonday);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.trimmed(), QStringLiteral(R"({"assigned":0,"unassigned":["w-elec"],"travel_min":0,"appointments":[]})"));
    }

    void territoryNarrowsTheDay_data() { test::addBackendRows(); }
    void territoryNarrowsTheDay()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun r = test::runCli(url, kPlanMonday + QStringList{"--territory", "north"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject plan = checkedPlan(r);
        QVERIFY2(!plan.isEmpty(), qPrintable(r.out));
        QCOMPARE(placedWorkOrders(plan), (QStringList{"w-gas", "w-hvac", "w-narrow"}));
        QCOMPARE(strings(plan.value(QStringLiteral("unassigned")).toArray()), QStringList{"w-elec"});
        QVERIFY(!r.out.contains(QLatin1String("t3")));
    }

    void urgentBeatsNormalWhenOnlyOneFits_data() { test::addBackendRows(); }
    void urgentBeatsNormalWhenOnlyOneFits()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        // One technician with a two-hour shift; two 90-minute jobs at home. The normal one
        // sorts first by id, so only the priority can put the urgent one in.
        QVERIFY(runAll(*db, {
            "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
            "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', 10.0, 10.0)",
            "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, shift_start, shift_end) VALUES "
            "('solo', 'Solo', 10.0, 10.0, 'UTC', '08:00', '10:00')",
            "INSERT INTO work_orders(id, site_id, duration_min, created_at, priority) VALUES "
            "('a-normal', 's1', 90, '2026-03-01T00:00:00Z', 3), ('z-urgent', 's1', 90, '2026-03-01T00:00:00Z', 1)",
        }).ok());
        const test::CliRun r = test::runCli(url, kPlanMonday);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject plan = checkedPlan(r);
        QVERIFY2(!plan.isEmpty(), qPrintable(r.out));
        QCOMPARE(placedWorkOrders(plan), QStringList{"z-urgent"});
        QCOMPARE(strings(plan.value(QStringLiteral("unassigned")).toArray()), QStringList{"a-normal"});
        QCOMPARE(plan.value(QStringLiteral("travel_min")).toInt(), 0); // the site is at home
    }

    // Day D is each technician's own: Tokyo's Monday shift 08:00–17:00 is 23:00–08:00 UTC. A
    // technician absent for part of the day is left out (the documented choice), even when
    // living at the site: otherwise the shorter trip would give the job to them.
    void localDayAndPartAbsence_data() { test::addBackendRows(); }
    void localDayAndPartAbsence()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(runAll(*db, {
            "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
            "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', 10.0, 10.0)",
            "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES "
            "('away', 'Away', 10.0, 10.0, 'UTC'), ('tokyo', 'Tokyo', 10.2, 10.0, 'Asia/Tokyo')",
            "INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES "
            "('away', '2026-03-02T12:00:00Z', '2026-03-02T13:00:00Z', 'dentist')",
            "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('w1', 's1', 60, '2026-03-01T00:00:00Z')",
        }).ok());
        const test::CliRun r = test::runCli(url, kPlanMonday);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject plan = checkedPlan(r);
        QVERIFY2(!plan.isEmpty(), qPrintable(r.out));
        const QJsonArray rows = plan.value(QStringLiteral("appointments")).toArray();
        QCOMPARE(rows.size(), 1);
        const QJsonObject visit = rows.first().toObject();
        QCOMPARE(visit.value(QStringLiteral("technician_id")).toString(), QStringLiteral("tokyo"));
        const QDateTime start = timefmt::parseIsoWithOffset(visit.value(QStringLiteral("start")).toString());
        QVERIFY2(start >= timefmt::parseIsoWithOffset(QStringLiteral("2026-03-01T23:00:00Z"))
                     && start.addSecs(3600) <= timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T08:00:00Z")),
                 qPrintable(r.out));
        QVERIFY(plan.value(QStringLiteral("travel_min")).toInt() > 0); // from Tokyo's home and back
    }

    // The refusal --apply relies on: a write after the day was read leaves everything as it was.
    void staleScheduleIsRefused_data() { test::addBackendRows(); }
    void staleScheduleIsRefused()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend, true);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        auto input = dayplan::DayPlanLoader(*db).load(QDate(2026, 3, 2), QString());
        QVERIFY(input.ok());
        const dayplan::DayPlan plan = dayplan::planDay(*input, {0.2, 1});
        QVERIFY(!plan.visits.empty());
        QVERIFY(db->run(QStringLiteral("UPDATE customers SET name = 'Acme Ltd' WHERE id = 'c1'")).ok());
        auto written = dayplan::writeDayPlan(*db, plan, input->changeSeq);
        QVERIFY(!written.ok());
        QCOMPARE(written.error().kind, Error::Kind::StaleVersion);
        QCOMPARE(countRows(*db, QStringLiteral("appointments")), 2);
        auto open = db->scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE status = 'open'"));
        QVERIFY(open.ok());
        QCOMPARE(open->toInt(), 5);
    }

    // --move-booked: Ana is booked far south at 10:00 while Carla, who lives there, is booked
    // at Ana's door; each does the other's job at home once they trade. A locked visit and a
    // started one stay, whatever they cost. Without the flag the JSON is the contract's four keys.
    void moveBookedReplansTheDay_data() { test::addBackendRows(); }
    void moveBookedReplansTheDay()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(runAll(*db, {
            "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')",
            "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
            "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('north', 'c1', -23.5505, -46.6333), "
            "('north2', 'c1', -23.4605, -46.6333), ('south', 'c1', -23.0505, -46.6333), ('south2', 'c1', -23.0605, -46.6333)",
            "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES "
            "('t1', 'Ana', -23.5505, -46.6333, 'UTC'), ('t3', 'Carla', -23.0505, -46.6333, 'UTC')",
            "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t3', 'hvac')",
            "INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES "
            "('w-far', 'south', 60, '2026-03-01T00:00:00Z', 'scheduled'), ('w-near', 'north', 60, '2026-03-01T00:00:00Z', 'scheduled'), "
            "('w-locked', 'north2', 60, '2026-03-01T00:00:00Z', 'scheduled'), ('w-started', 'south2', 60, '2026-03-01T00:00:00Z', 'in_progress')",
            "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w-far', 'hvac'), ('w-near', 'hvac')",
            "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, locked) VALUES "
            "('a-far', 'w-far', 't1', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', 'scheduled', false), "
            "('a-near', 'w-near', 't3', '2026-03-02T10:00:00Z', '2026-03-02T11:00:00Z', 'tentative', false), "
            "('a-locked', 'w-locked', 't3', '2026-03-02T15:00:00Z', '2026-03-02T16:00:00Z', 'scheduled', true), "
            "('a-started', 'w-started', 't1', '2026-03-02T13:30:00Z', '2026-03-02T14:30:00Z', 'en_route', false)",
        }).ok());
        const QStringList replan{"optimize", "--date", "2026-03-02", "--time-limit", "0.5", "--json", "--move-booked"};

        const test::CliRun plain = test::runCli(url, kPlanMonday);
        QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
        QCOMPARE(plain.out.trimmed(), QStringLiteral(R"({"assigned":0,"unassigned":[],"travel_min":0,"appointments":[]})"));

        const test::CliRun dry = test::runCli(url, replan);
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err));
        QVERIFY2(dry.out.startsWith(QLatin1String(R"({"assigned":0,"unassigned":[],"travel_min":0,"appointments":[],"moves":[)")),
                 qPrintable(dry.out));
        const QJsonObject doc = QJsonDocument::fromJson(dry.out.toUtf8()).object();
        QHash<QString, QJsonObject> moved;
        for (const QJsonValue &v : doc.value(QStringLiteral("moves")).toArray()) {
            const QJsonObject o = v.toObject();
            QCOMPARE(o.keys(), (QStringList{"appointment_id", "end", "from_start", "from_technician_id", "start", "technician_id", "work_order_id"}));
            moved.insert(o.value(QStringLiteral("appointment_id")).toString(), o);
        }
        QCOMPARE(QStringList(moved.keys()).size(), 2);
        QCOMPARE(moved["a-far"].value(QStringLiteral("from_technician_id")).toString(), QStringLiteral("t1"));
        QCOMPARE(moved["a-far"].value(QStringLiteral("technician_id")).toString(), QStringLiteral("t3"));
        QCOMPARE(moved["a-near"].value(QStringLiteral("technician_id")).toString(), QStringLiteral("t1"));
        QCOMPARE(moved["a-far"].value(QStringLiteral("from_start")).toString(), QStringLiteral("2026-03-02T10:00:00Z"));
        const int before = doc.value(QStringLiteral("day_travel_before_min")).toInt();
        const int after = doc.value(QStringLiteral("day_travel_after_min")).toInt();
        QVERIFY2(after < before, qPrintable(dry.out));
        QCOMPARE(test::runCli(url, kPlanMonday).out, plain.out); // nothing written

        const test::CliRun applied = test::runCli(url, replan + QStringList{"--apply"});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));
        const QJsonObject written = QJsonDocument::fromJson(applied.out.toUtf8()).object();
        for (const QJsonValue &v : written.value(QStringLiteral("moves")).toArray()) {
            const QJsonObject o = v.toObject();
            auto q = db->run(QStringLiteral("SELECT technician_id, start_at, end_at, version, status FROM appointments WHERE id = ?"),
                             {o.value(QStringLiteral("appointment_id")).toString()});
            QVERIFY(q.ok() && q->next());
            QCOMPARE(q->value(0).toString(), o.value(QStringLiteral("technician_id")).toString());
            QCOMPARE(q->value(1).toDateTime().toUTC(), timefmt::parseIsoWithOffset(o.value(QStringLiteral("start")).toString()));
            QCOMPARE(q->value(2).toDateTime().toUTC(), timefmt::parseIsoWithOffset(o.value(QStringLiteral("end")).toString()));
            QCOMPARE(q->value(3).toInt(), 2); // the same appointment, moved once
        }
        QCOMPARE(written.value(QStringLiteral("moves")).toArray().size(), 2);
        for (const char *kept : {"a-locked", "a-started"}) {
            auto q = db->run(QStringLiteral("SELECT version, start_at FROM appointments WHERE id = ?"), {QString::fromLatin1(kept)});
            QVERIFY(q.ok() && q->next());
            QCOMPARE(q->value(0).toInt(), 1);
        }
        auto statuses = db->scalar(QStringLiteral("SELECT status FROM appointments WHERE id = 'a-near'"));
        QVERIFY(statuses.ok());
        QCOMPARE(statuses->toString(), QStringLiteral("tentative")); // a move keeps the status
        auto logged = db->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'appointments' AND op = 'update'"));
        QVERIFY(logged.ok());
        QVERIFY(logged->toInt() >= 2);
        const test::CliRun check = test::runCli(url, {"conflicts", "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-03T00:00:00Z", "--json"});
        QCOMPARE(check.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(check.out.toUtf8()).object().value(QStringLiteral("violations")).toArray(), QJsonArray());
        // The day is as good as it gets now: planning it again moves nothing.
        const test::CliRun again = test::runCli(url, replan);
        QVERIFY2(again.out.contains(QLatin1String(R"("moves":[])")), qPrintable(again.out));
    }

    // Two visits trading places at the same hour: no order of two plain moves avoids a double
    // booking on the way, which the database refuses at every statement; the writer parks one.
    void tradedPlacesAreWrittenWithoutDoubleBooking_data() { test::addBackendRows(); }
    void tradedPlacesAreWrittenWithoutDoubleBooking()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend, true);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        QVERIFY(runAll(*db, {"INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                             "('a2', 'w-south', 't3', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', 'scheduled')"}).ok());
        auto input = dayplan::DayPlanLoader(*db).load(QDate(2026, 3, 2), QString());
        QVERIFY(input.ok());
        dayplan::DayPlan plan;
        const QDateTime eight = timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T08:00:00Z"));
        const QDateTime ten = eight.addSecs(7200);
        plan.moves = {{"a1", "booked", "t1", eight, ten, "t3", eight, ten}, {"a2", "w-south", "t3", eight, ten, "t1", eight, ten}};
        auto written = dayplan::writeDayPlan(*db, plan, input->changeSeq);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
        for (const auto &[id, tech] : {std::pair{"a1", "t3"}, std::pair{"a2", "t1"}}) {
            auto q = db->run(QStringLiteral("SELECT technician_id, start_at FROM appointments WHERE id = ?"), {QString::fromLatin1(id)});
            QVERIFY(q.ok() && q->next());
            QCOMPARE(q->value(0).toString(), QString::fromLatin1(tech));
            QCOMPARE(q->value(1).toDateTime().toUTC(), eight);
        }
        // The parking never reached the database's end state.
        auto parked = db->scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE start_at > '2100-01-01'"));
        QVERIFY(parked.ok());
        QCOMPARE(parked->toInt(), 0);
    }

    void summaryForPeople()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun r = test::runCli(url, {"optimize", "--date", "2026-03-02", "--time-limit", "0.3"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("2026-03-02: new visits: 4;")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Not placed: w-elec")) && r.out.contains(QLatin1String("Nothing written")), qPrintable(r.out));
        QCOMPARE(countRows(*db, QStringLiteral("appointments")), 2);
    }

    void badInputExitsTwoWithOneLine_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no date") << QStringList{"--json"} << "--date";
        QTest::newRow("date not a date") << QStringList{"--date", "tomorrow"} << "tomorrow";
        QTest::newRow("date out of range") << QStringList{"--date", "2026-02-30"} << "2026-02-30";
        QTest::newRow("date with a time") << QStringList{"--date", "2026-03-02T08:00"} << "2026-03-02T08:00";
        QTest::newRow("unknown territory") << QStringList{"--date", "2026-03-02", "--territory", "nowhere"} << "nowhere";
        QTest::newRow("time limit zero") << QStringList{"--date", "2026-03-02", "--time-limit", "0"} << "--time-limit";
        QTest::newRow("time limit negative") << QStringList{"--date", "2026-03-02", "--time-limit", "-1"} << "--time-limit";
        QTest::newRow("time limit not a number") << QStringList{"--date", "2026-03-02", "--time-limit", "soon"} << "soon";
        QTest::newRow("unknown option") << QStringList{"--date", "2026-03-02", "--bogus"} << "bogus";
    }
    void badInputExitsTwoWithOneLine()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*db).ok());
        const test::CliRun r = test::runCli(url, QStringList{"optimize"} + args + QStringList{"--apply"});
        QCOMPARE(r.exitCode, 2);
        const QString err = r.err.trimmed();
        QVERIFY2(err.startsWith(QLatin1String("error: ")) && !err.contains(QLatin1Char('\n')), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(countRows(*db, QStringLiteral("appointments")), 2);
    }
};

QTEST_GUILESS_MAIN(TestOptimizeCli)
#include "tst_optimize_cli.moc"
