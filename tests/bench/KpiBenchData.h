#pragma once
// The KPI benchmarks' data set: one territory per 50 technicians, a year of one-hour
// visits, one work order per visit (a fifth unresolved by it), a rating for every fourth,
// a time entry for every second.
//
// The rows are generated inside the database (a recursive CTE on SQLite, generate_series
// on PostgreSQL): a million client round trips would measure the loader of the bench, not
// the KPIs. The change-log and double-booking triggers are dropped/disabled first on this
// throw-away database for the same reason; the generated visits never overlap anyway.
#include "storage/Database.h"

#include <QDate>
#include <QStringList>
#include <QTextStream>
#include <algorithm>

namespace fieldops::bench {

constexpr int kDaysOfHistory = 360;
inline const QDate kFirstDay(2025, 3, 1);
inline const QDate kKpiBenchLastDay = kFirstDay.addDays(kDaysOfHistory - 1);

// One territory per 50 technicians; visits of one hour, each technician's visits evenly
// spaced over the year (never overlapping); one work order per visit, a fifth of them
// unresolved by it; a rating for every fourth, a time entry for every second.
inline QStringList kpiBenchSql(bool pg, int appointments, int technicians)
{
    const int perTech = std::max(1, appointments / technicians);
    const qint64 slotS = qint64(kDaysOfHistory) * 86400 / perTech;
    const QString n = QString::number(appointments), t = QString::number(technicians), slot = QString::number(slotS);
    // Seconds since the first day → the dialect's timestamp.
    auto ts = [&](const QString &secs) {
        return pg ? QStringLiteral("(timestamptz '2025-03-01 00:00:00+00' + make_interval(secs => %1))").arg(secs)
                  : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%SZ', 1740787200 + (%1), 'unixepoch')").arg(secs);
    };
    // "WITH … SELECT … FROM s" on SQLite, "SELECT … FROM generate_series(…)" on PostgreSQL.
    auto with = [&](int count) {
        return pg ? QString() : QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < %1) ").arg(count);
    };
    auto series = [&](int count) {
        return pg ? QStringLiteral("generate_series(0, %1 - 1) AS s(i)").arg(count) : QStringLiteral("s");
    };
    const QString yes = pg ? QStringLiteral("true") : QStringLiteral("1");
    const QString no = pg ? QStringLiteral("false") : QStringLiteral("0");
    // Appointment i: technician i % T, slot i / T, starting 08:00 + slot.
    const QString start = QStringLiteral("(8 * 3600 + (i / %1) * %2)").arg(t, slot);
    QStringList sql;
    sql << QStringLiteral("INSERT INTO territories(id, name) %1SELECT 'z' || i, 'Zone ' || i FROM %2")
               .arg(with(std::max(1, technicians / 50)), series(std::max(1, technicians / 50)));
    sql << QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon, territory_id, employment) %1"
                          "SELECT 't' || i, 'Tech ' || i, -23.5, -46.6, 'z' || (i % %3), "
                          "CASE i % 3 WHEN 0 THEN 'employee' WHEN 1 THEN 'part_time' ELSE 'contractor' END FROM %2")
               .arg(with(technicians), series(technicians)).arg(std::max(1, technicians / 50));
    sql << QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Bench')");
    sql << QStringLiteral("INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.55, -46.63)");
    sql << QStringLiteral("INSERT INTO work_orders(id, site_id, type, duration_min, created_at, sla_due) %1"
                          "SELECT 'w' || i, 's1', CASE i % 4 WHEN 0 THEN 'install' WHEN 1 THEN 'corrective' "
                          "WHEN 2 THEN 'preventive' ELSE 'inspection' END, 60, %3, %4 FROM %2")
               .arg(with(appointments), series(appointments), ts(start + QStringLiteral(" - 86400")),
                    ts(start + QStringLiteral(" + 3 * 3600 + (i % 5) * 3600")));
    sql << QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, "
                          "completed_at, resolved) %1"
                          "SELECT 'a' || i, 'w' || i, 't' || (i % %3), %4, %5, 'completed', %6, %5, "
                          "CASE WHEN i % 5 = 0 THEN %7 ELSE %8 END FROM %2")
               .arg(with(appointments), series(appointments), t, ts(start),
                    ts(start + QStringLiteral(" + 3600")), ts(start + QStringLiteral(" + (i % 4) * 600")), no, yes);
    sql << QStringLiteral("INSERT INTO ratings(work_order_id, score, rated_at, comment) %1"
                          "SELECT 'w' || i, 1 + (i * 7) % 5, %3, '' FROM %2 WHERE i % 4 = 0")
               .arg(with(appointments), series(appointments), ts(start + QStringLiteral(" + 7200")));
    sql << QStringLiteral("INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable) %1"
                          "SELECT 't' || (i % %3), 'w' || i, %4, %5, CASE WHEN i % 3 = 0 THEN %6 ELSE %7 END FROM %2 WHERE i % 2 = 0")
               .arg(with(appointments), series(appointments), t, ts(start), ts(start + QStringLiteral(" + 3600")), no, yes);
    return sql;
}

// Fills a fresh database with `appointments` visits of `technicians` people; false (with
// the failing statement on `log`) when a statement fails.
inline bool fillKpiBenchData(Database &db, int appointments, int technicians, QTextStream &log)
{
    QStringList prep;
    if (db.isPostgres()) {
        for (const char *table : {"territories", "technicians", "customers", "sites", "work_orders", "appointments", "ratings", "time_entries"})
            prep << QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(QString::fromLatin1(table));
    } else {
        auto q = db.run(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"));
        if (!q)
            return false;
        while (q->next())
            prep << QStringLiteral("DROP TRIGGER \"%1\"").arg(q->value(0).toString());
    }
    for (const QString &s : prep)
        if (!db.execDirect(s).ok()) {
            log << "failed: " << s << Qt::endl;
            return false;
        }
    Transaction tx(db);
    if (!tx.status())
        return false;
    for (const QString &s : kpiBenchSql(db.isPostgres(), appointments, technicians)) {
        if (!db.execDirect(s).ok()) {
            log << "failed: " << s.left(300) << Qt::endl;
            return false;
        }
    }
    if (!tx.commit().ok())
        return false;
    return db.execDirect(QStringLiteral("ANALYZE")).ok();
}

} // namespace fieldops::bench
