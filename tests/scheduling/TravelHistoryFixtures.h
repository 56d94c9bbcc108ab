#pragma once
// A small history of drives written with plain SQL, shared by the travel speed tests (the
// loader, planning's travel times, `fieldops-cli travel-speeds`). Everything is on UTC; the
// day planned is Monday 2026-03-02, whose history is 2025-12-02 … 2026-03-01.
//
// North: s1 (-23.5505, -46.6333) and s2 (-23.4605, -46.6333) are 20 min apart in the
// straight-line model; s6 is 2 min from s1. Henrique (th, no skill: never a candidate) visits
// s1, s2, s1, s2 on each of 2026-02-01 … 02-10, one hour each, driving 28, 30 and 33 min:
// 30 legs whose drive ÷ model median is 30 ÷ 20 = 1.5. The arrival is the tap when there is
// one (even days also carry an inferred arrival 20 min later, which must not count), else the
// inferred one (odd days have only that for the second visit). Set aside, two legs: on 02-11
// a 2 h drive (over 2 × 20 + 20 = 60 min: a wait), on 02-15 a 2-minute one (too short).
// Not legs at all: on 02-12 the departure is not recorded; 02-13 23:50 to 02-14 00:20 is
// overnight; on 02-16 the second visit's site s5 has no territory; the first visit of 02-17
// was cancelled; 2025-11-20 is before the history and 2026-03-02 the day itself (both with
// drives three times the model).
// South: s3 and s4, 20 min apart; Sofia (ts) drives 24 min from s3 to s4 on 02-02 … 02-06:
// 5 legs at 1.2, too few. East: no history.
//
// The day: Eva (t5, hvac, north, home at s1's place) has b1 08:00–09:00 at s1; the queue has
// `job` (hvac, 60 min) at s2.
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fieldops::test {

namespace travelhistory {

inline QDateTime at(const QString &isoUtc) { return QDateTime::fromString(isoUtc, Qt::ISODate); }

// One visit with its own work order; times are "YYYY-MM-DDTHH:MM:SSZ" or empty for none.
inline Status visit(Database &db, const QString &id, const QString &tech, const QString &site, const QString &start,
                    const QString &arrived, const QString &departed, const QString &inferredArrived = {},
                    const QString &status = QStringLiteral("completed"))
{
    const QString wo = QStringLiteral("w-") + id;
    if (auto q = db.run(QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES (?, ?, 60, ?, ?)"),
                        {wo, site, timefmt::toSql(at(start).addDays(-1)),
                         status == QLatin1String("completed") ? QStringLiteral("done") : QStringLiteral("cancelled")});
        !q)
        return q.error();
    const QDateTime s = at(start);
    auto q = db.run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, "
                                   "departed_at, inferred_arrived_at, completed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {id, wo, tech, timefmt::toSql(s), timefmt::toSql(s.addSecs(3600)), status,
                     timefmt::toSql(arrived.isEmpty() ? QDateTime() : at(arrived)),
                     timefmt::toSql(departed.isEmpty() ? QDateTime() : at(departed)),
                     timefmt::toSql(inferredArrived.isEmpty() ? QDateTime() : at(inferredArrived)),
                     timefmt::toSql(status == QLatin1String("completed") ? s.addSecs(3600) : QDateTime())});
    if (!q)
        return q.error();
    return {};
}

inline QString on(const QString &day, const char *clock) { return day + QLatin1Char('T') + QLatin1String(clock) + QLatin1Char('Z'); }

} // namespace travelhistory

inline Status seedTravelHistory(Database &db)
{
    using travelhistory::on;
    using travelhistory::visit;
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    const char *statements[] = {
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')",
        "INSERT INTO territories(id, name) VALUES ('east', 'East'), ('north', 'North'), ('south', 'South')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon, territory_id) VALUES ('s1', 'c1', -23.5505, -46.6333, 'north'), "
        "('s2', 'c1', -23.4605, -46.6333, 'north'), ('s3', 'c1', -23.9505, -46.6333, 'south'), "
        "('s4', 'c1', -23.8605, -46.6333, 'south'), ('s6', 'c1', -23.5455, -46.6333, 'north')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s5', 'c1', -23.4605, -46.5333)",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, territory_id) VALUES "
        "('th', 'Henrique', -23.5505, -46.6333, 'UTC', 'north'), ('ts', 'Sofia', -23.9505, -46.6333, 'UTC', 'south'), "
        "('t5', 'Eva', -23.5505, -46.6333, 'UTC', 'north')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t5', 'hvac')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES ('wb1', 's1', 60, '2026-03-01T00:00:00Z', 'scheduled')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('job', 's2', 60, '2026-03-01T00:00:00Z')",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('job', 'hvac')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
        "('b1', 'wb1', 't5', '2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', 'scheduled')",
    };
    for (const char *sql : statements) {
        if (auto q = db.run(QString::fromLatin1(sql)); !q)
            return q.error();
    }
    const auto add = [&db](const QString &id, const char *tech, const char *site, const QString &start, const QString &arrived,
                           const QString &departed, const QString &inferred = {}, const QString &status = QStringLiteral("completed")) {
        return visit(db, id, QLatin1String(tech), QLatin1String(site), start, arrived, departed, inferred, status);
    };
    for (int d = 1; d <= 10; ++d) {
        const QString day = QDate(2026, 2, d).toString(Qt::ISODate);
        const QString n = QString::number(d);
        const bool even = d % 2 == 0;
        Status s = add(QStringLiteral("h%1a").arg(n), "th", "s1", on(day, "08:00:00"), on(day, "08:00:00"), on(day, "09:00:00"));
        if (s)
            s = even ? add(QStringLiteral("h%1b").arg(n), "th", "s2", on(day, "09:30:00"), on(day, "09:28:00"), on(day, "10:30:00"),
                           on(day, "09:48:00"))
                     : add(QStringLiteral("h%1b").arg(n), "th", "s2", on(day, "09:30:00"), QString(), on(day, "10:30:00"),
                           on(day, "09:28:00"));
        if (s)
            s = add(QStringLiteral("h%1c").arg(n), "th", "s1", on(day, "11:00:00"), on(day, "11:00:00"), on(day, "12:00:00"));
        if (s)
            s = add(QStringLiteral("h%1d").arg(n), "th", "s2", on(day, "12:30:00"), on(day, "12:33:00"), on(day, "13:33:00"));
        if (!s)
            return s;
    }
    for (int d = 2; d <= 6; ++d) {
        const QString day = QDate(2026, 2, d).toString(Qt::ISODate);
        Status s = add(QStringLiteral("s%1a").arg(d), "ts", "s3", on(day, "08:00:00"), on(day, "08:00:00"), on(day, "09:00:00"));
        if (s)
            s = add(QStringLiteral("s%1b").arg(d), "ts", "s4", on(day, "09:30:00"), on(day, "09:24:00"), on(day, "10:30:00"));
        if (!s)
            return s;
    }
    struct Row {
        const char *id, *site, *start, *arrived, *departed;
        const char *status = "completed";
    };
    const Row rows[] = {
        // A wait: 2 h for 20 min of road.
        {"w1", "s1", "2026-02-11T08:00:00Z", "2026-02-11T08:00:00Z", "2026-02-11T09:00:00Z"},
        {"w2", "s2", "2026-02-11T11:00:00Z", "2026-02-11T11:00:00Z", "2026-02-11T12:00:00Z"},
        // No departure recorded.
        {"n1", "s1", "2026-02-12T08:00:00Z", "2026-02-12T08:00:00Z", ""},
        {"n2", "s2", "2026-02-12T09:30:00Z", "2026-02-12T09:30:00Z", "2026-02-12T10:30:00Z"},
        // Overnight.
        {"o1", "s1", "2026-02-13T22:00:00Z", "2026-02-13T22:00:00Z", "2026-02-13T23:50:00Z"},
        {"o2", "s2", "2026-02-14T00:20:00Z", "2026-02-14T00:20:00Z", "2026-02-14T01:20:00Z"},
        // Too short: s1 to s6 is 2 min in the model.
        {"k1", "s1", "2026-02-15T08:00:00Z", "2026-02-15T08:00:00Z", "2026-02-15T09:00:00Z"},
        {"k2", "s6", "2026-02-15T09:30:00Z", "2026-02-15T09:03:00Z", "2026-02-15T10:30:00Z"},
        // To a site without a territory.
        {"u1", "s1", "2026-02-16T08:00:00Z", "2026-02-16T08:00:00Z", "2026-02-16T09:00:00Z"},
        {"u2", "s5", "2026-02-16T09:30:00Z", "2026-02-16T09:30:00Z", "2026-02-16T10:30:00Z"},
        // The first visit was cancelled: nothing to pair.
        {"x1", "s1", "2026-02-17T08:00:00Z", "", "", "cancelled"},
        {"x2", "s2", "2026-02-17T09:30:00Z", "2026-02-17T09:30:00Z", "2026-02-17T10:30:00Z"},
        // Outside the history: 60 min drives.
        {"e1", "s1", "2025-11-20T08:00:00Z", "2025-11-20T08:00:00Z", "2025-11-20T09:00:00Z"},
        {"e2", "s2", "2025-11-20T10:00:00Z", "2025-11-20T10:00:00Z", "2025-11-20T11:00:00Z"},
        {"d1", "s3", "2026-03-02T08:00:00Z", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z"},
        {"d2", "s4", "2026-03-02T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"},
    };
    for (const Row &r : rows) {
        const char *tech = QByteArray(r.id).startsWith('d') ? "ts" : "th";
        if (Status s = add(QLatin1String(r.id), tech, r.site, QLatin1String(r.start), QLatin1String(r.arrived), QLatin1String(r.departed),
                           QString(), QLatin1String(r.status));
            !s)
            return s;
    }
    return tx.commit();
}

} // namespace fieldops::test
