#pragma once
// A small schedule for the audit tests: one customer and site, technicians Nina (t1) and
// Otto (t2), work order w1 with visit a1 on 2 Mar 2026 09:00–10:00 UTC held by Nina.
// Consoles are independent connections that sign their writes with a person's name.
#include "TestDatabases.h"
#include "storage/Database.h"

#include <QStringList>
#include <memory>

namespace fieldops::test {

inline Status writeAll(Database &db, const QStringList &statements)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    for (const QString &sql : statements) {
        auto q = db.run(sql);
        if (!q)
            return q.error();
    }
    return tx.commit();
}

inline Status seedAuditSchedule(Database &db)
{
    return writeAll(db, {
        QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"),
        QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES ('s1', 'c1', 'Acme HQ', -23.5, -46.6, 'America/Sao_Paulo')"),
        QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Nina', -23.5, -46.6), ('t2', 'Otto', -23.6, -46.7)"),
        QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, summary) VALUES ('w1', 's1', 60, '2026-03-01T08:00:00Z', 'Chiller noise')"),
        QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, version) VALUES ('a1', 'w1', 't1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'scheduled', 1)"),
    });
}

// A second console on the same database, writing as `actor`.
inline std::unique_ptr<Database> openAs(const QString &url, const QString &actor)
{
    auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return nullptr;
    auto db = Database::open(*parsed, actor);
    if (!db)
        return nullptr;
    return std::move(db).value();
}

} // namespace fieldops::test
