#pragma once
// One small operation written straight into a database with plain SQL (no repositories),
// shared by the loader and CLI tests. Horizon of interest: Monday 2026-03-02 (UTC).
//
// t1 (UTC, hvac): p0 far past · p1 Sunday evening · a1 09:00 s1 (SLA 09:30) · a2 10:10 s2
//   (absence 10:30–12:00) · a3 23:00–01:00 · o1 00:30–01:30 overlapping a3 (old data) ·
//   n2 Wednesday · far a week later · x1 cancelled on top of a1
// t2 (São Paulo, hvac+gas, 07:00–16:00): b0 Friday before · b1 09:00 local needs gas ·
//   b2 16:30 local
// t3 (Berlin): nothing booked
#include "storage/Database.h"

#include <QStringList>

namespace fieldops::test {

// The overlap kind reports double bookings that reached the database through other paths
// (old data): to have one, the guard is lifted for the test database only.
inline Status allowOldDoubleBookings(Database &db)
{
    if (db.isPostgres())
        return db.execDirect(QStringLiteral("ALTER TABLE appointments DROP CONSTRAINT appointments_no_double_booking"));
    return db.execDirect(QStringLiteral("DROP TRIGGER appointments_no_double_booking_insert"));
}

inline Status seedSchedule(Database &db)
{
    if (Status s = allowOldDoubleBookings(db); !s)
        return s;
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    auto run = [&](const char *sql, const QVariantList &binds = {}) -> Status {
        auto q = db.run(QString::fromLatin1(sql), binds);
        if (!q)
            return q.error();
        return {};
    };
    const char *fixed[] = {
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('gas', 'Gas'), ('electrical', 'Electrical')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5505, -46.6333), "
        "('s2', 'c1', -23.4605, -46.6333), ('s3', 'c1', -23.0505, -46.6333)",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5, -46.6, 'UTC')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, shift_start, shift_end, work_days) "
        "VALUES ('t2', 'Bruno', -23.5, -46.6, 'America/Sao_Paulo', '07:00', '16:00', 'Mon;Tue;Wed;Thu;Fri;Sat')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t3', 'Carla', 52.5, 13.4, 'Europe/Berlin')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'hvac'), ('t2', 'gas')",
    };
    for (const char *sql : fixed) {
        if (Status s = run(sql); !s)
            return s;
    }
    struct Row {
        const char *id, *tech, *site, *start, *end, *status;
    };
    const Row rows[] = {
        {"p0", "t1", "s1", "2026-02-20T09:00:00Z", "2026-02-20T10:00:00Z", "completed"},
        {"p1", "t1", "s1", "2026-03-01T20:00:00Z", "2026-03-01T21:00:00Z", "completed"},
        {"a1", "t1", "s1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "scheduled"},
        {"a2", "t1", "s2", "2026-03-02T10:10:00Z", "2026-03-02T11:00:00Z", "tentative"},
        {"a3", "t1", "s1", "2026-03-02T23:00:00Z", "2026-03-03T01:00:00Z", "scheduled"},
        {"o1", "t1", "s3", "2026-03-03T00:30:00Z", "2026-03-03T01:30:00Z", "scheduled"},
        {"n2", "t1", "s1", "2026-03-04T09:00:00Z", "2026-03-04T10:00:00Z", "scheduled"},
        {"far", "t1", "s1", "2026-03-10T09:00:00Z", "2026-03-10T10:00:00Z", "scheduled"},
        {"x1", "t1", "s3", "2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z", "cancelled"},
        {"b0", "t2", "s1", "2026-02-27T12:00:00Z", "2026-02-27T13:00:00Z", "completed"},
        {"b1", "t2", "s1", "2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z", "en_route"},
        {"b2", "t2", "s1", "2026-03-02T19:30:00Z", "2026-03-02T20:30:00Z", "scheduled"},
    };
    for (const Row &r : rows) {
        const QString wo = QStringLiteral("w") + QString::fromLatin1(r.id);
        if (Status s = run("INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES (?, ?, 60, '2026-02-01T00:00:00Z')",
                           {wo, QString::fromLatin1(r.site)});
            !s)
            return s;
        if (Status s = run("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES (?, ?, ?, ?, ?, ?)",
                           {QString::fromLatin1(r.id), wo, QString::fromLatin1(r.tech), QString::fromLatin1(r.start),
                            QString::fromLatin1(r.end), QString::fromLatin1(r.status)});
            !s)
            return s;
    }
    const char *details[] = {
        "UPDATE work_orders SET sla_due = '2026-03-02T09:30:00Z' WHERE id = 'wa1'",
        "UPDATE work_orders SET window_start = '2026-03-02T08:00:00Z', window_end = '2026-03-02T12:00:00Z' WHERE id = 'wa2'",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('wa2', 'hvac'), ('wb1', 'gas'), ('wb1', 'hvac'), "
        "('wp1', 'electrical')",
        "INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES ('t1', '2026-03-02T10:30:00Z', '2026-03-02T12:00:00Z', 'doctor'), "
        "('t1', '2026-01-10T00:00:00Z', '2026-01-11T00:00:00Z', 'old'), ('t2', '2026-03-05T00:00:00Z', '2026-03-06T00:00:00Z', 'later')",
    };
    for (const char *sql : details) {
        if (Status s = run(sql); !s)
            return s;
    }
    return tx.commit();
}

// What the rules must find for appointments intersecting Monday 2026-03-02 (UTC).
inline QStringList expectedMondayViolations()
{
    return {QStringLiteral("travel:a1,a2"), QStringLiteral("sla:a1"), QStringLiteral("absence:a2"),
            QStringLiteral("overlap:a3,o1"), QStringLiteral("shift:a3"), QStringLiteral("shift:b2")};
}

} // namespace fieldops::test
