#pragma once
// Small worlds for the map tests: a few technicians, sites and visits around São Paulo,
// written to a real database (either backend) with plain bound INSERTs.
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QDateTime>
#include <QtTest>

namespace fieldops::test {

inline Status execAll(Database &db, const QList<QPair<QString, QVariantList>> &stmts)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    for (const auto &[sql, binds] : stmts) {
        auto q = db.run(sql, binds);
        if (!q)
            return q.error();
    }
    return tx.commit();
}

// Two technicians (t1 Ana, t2 Bruno), three sites, w1 visited by t1 at `now` + 1 h,
// w2 open (unassigned), one position per technician a minute before `now`.
inline Status seedMapWorld(Database &db, const QDateTime &now)
{
    using timefmt::toSql;
    return execAll(
        db, {
                {QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"), {}},
                {QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES (?, 'c1', ?, ?, ?, 'America/Sao_Paulo')"),
                 {QStringLiteral("s1"), QStringLiteral("Paulista"), -23.5614, -46.6559}},
                {QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES (?, 'c1', ?, ?, ?, 'America/Sao_Paulo')"),
                 {QStringLiteral("s2"), QStringLiteral("Pinheiros"), -23.5670, -46.6930}},
                {QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES (?, 'c1', ?, ?, ?, 'America/Sao_Paulo')"),
                 {QStringLiteral("s3"), QStringLiteral("Santana"), -23.5020, -46.6250}},
                {QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, shift_start, shift_end, work_days) "
                                "VALUES (?, ?, ?, ?, 'UTC', '00:00', '24:00', 'Mon;Tue;Wed;Thu;Fri;Sat;Sun')"),
                 {QStringLiteral("t1"), QStringLiteral("Ana Souza"), -23.55, -46.64}},
                {QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, shift_start, shift_end, work_days) "
                                "VALUES (?, ?, ?, ?, 'UTC', '00:00', '24:00', 'Mon;Tue;Wed;Thu;Fri;Sat;Sun')"),
                 {QStringLiteral("t2"), QStringLiteral("Bruno Lima"), -23.60, -46.70}},
                {QStringLiteral("INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, status, summary) VALUES (?, ?, ?, 60, ?, ?, ?)"),
                 {QStringLiteral("w1"), QStringLiteral("s1"), 2, toSql(now.addDays(-1)), QStringLiteral("scheduled"), QStringLiteral("Chiller noise")}},
                {QStringLiteral("INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, status, summary) VALUES (?, ?, ?, 60, ?, ?, ?)"),
                 {QStringLiteral("w2"), QStringLiteral("s2"), 1, toSql(now.addDays(-1)), QStringLiteral("open"), QStringLiteral("Leak")}},
                {QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES (?, ?, ?, ?, ?, 'scheduled')"),
                 {QStringLiteral("a1"), QStringLiteral("w1"), QStringLiteral("t1"), toSql(now.addSecs(3600)), toSql(now.addSecs(7200))}},
                {QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon, heading_deg) VALUES (?, ?, ?, ?, ?)"),
                 {QStringLiteral("t1"), toSql(now.addSecs(-60)), -23.55, -46.64, 90.0}},
                {QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon, heading_deg) VALUES (?, ?, ?, ?, ?)"),
                 {QStringLiteral("t2"), toSql(now.addSecs(-60)), -23.60, -46.70, 0.0}},
            });
}

// "Now" for the map tests: today (so the day's visits are today's), whole seconds.
inline QDateTime mapTestNow()
{
    const QDateTime local = QDateTime::currentDateTime();
    // Noon local time keeps now ± 2 h inside today in every zone.
    return QDateTime(local.date(), QTime(12, 0)).toUTC();
}

} // namespace fieldops::test
