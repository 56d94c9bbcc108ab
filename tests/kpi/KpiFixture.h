#pragma once
// The hand-built KPI dataset of tst_kpi (every value known) with territories, employment
// types and work-order types added, so filters and buckets have known values too:
//   t1 Ana   (UTC, 08–17, territory north, employee)
//   t2 Bruno (São Paulo, 08–12, territory south, contractor)
//   w1 corrective, w2 install, w3 corrective, w4 preventive
// Period of interest: 2026-03-02 … 2026-03-03 (UTC); 2026-03-02 is a Monday.
#include "storage/Database.h"

#include <QDebug>
#include <QString>

namespace fieldops::test {

inline const char *const kKpiFixture[] = {
    "INSERT INTO territories(id, name) VALUES ('north', 'Zona Norte'), ('south', 'Zona Sul')",
    "INSERT INTO customers(id, name) VALUES ('c1', 'Padaria Estrela')",
    "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.55, -46.63)",
    "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, shift_start, shift_end, territory_id, employment) VALUES "
    "('t1', 'Ana', -23.5, -46.6, 'UTC', '08:00', '17:00', 'north', 'employee'), "
    "('t2', 'Bruno', -23.5, -46.6, 'America/Sao_Paulo', '08:00', '12:00', 'south', 'contractor')",
    "INSERT INTO absences(technician_id, start_at, end_at) VALUES ('t1', '2026-03-03T08:00:00Z', '2026-03-03T10:00:00Z'), "
    "('t1', '2026-03-03T09:00:00Z', '2026-03-03T11:00:00Z')",
    "INSERT INTO work_orders(id, site_id, type, duration_min, created_at, sla_due) VALUES "
    "('w1', 's1', 'corrective', 60, '2026-03-01T10:00:00Z', '2026-03-02T18:00:00Z'), "
    "('w2', 's1', 'install', 60, '2026-03-02T08:00:00Z', '2026-03-03T12:00:00Z'), "
    "('w3', 's1', 'corrective', 60, '2026-03-02T09:00:00Z', '2026-03-03T20:00:00Z'), "
    "('w4', 's1', 'preventive', 60, '2026-02-20T09:00:00Z', '2026-03-10T20:00:00Z')",
    "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) VALUES "
    "('a1', 'w1', 't1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'completed', '2026-03-02T09:10:00Z', '2026-03-02T10:00:00Z', 1), "
    "('a2', 'w2', 't2', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', 'completed', '2026-03-02T11:30:00Z', '2026-03-02T12:00:00Z', 0), "
    "('a3', 'w2', 't1', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', 'completed', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', 1), "
    "('a4', 'w3', 't2', '2026-03-03T12:00:00Z', '2026-03-03T13:00:00Z', 'scheduled', NULL, NULL, 0), "
    "('a5', 'w3', 't1', '2026-03-03T16:00:00Z', '2026-03-03T17:00:00Z', 'cancelled', NULL, NULL, 0), "
    "('a6', 'w4', 't2', '2026-02-25T11:00:00Z', '2026-02-25T12:00:00Z', 'completed', '2026-02-25T11:00:00Z', '2026-02-25T12:00:00Z', 1)",
    "INSERT INTO ratings(work_order_id, score, rated_at, comment) VALUES ('w1', 5, '2026-03-02T20:00:00Z', 'Rápido e educado'), "
    "('w2', 4, '2026-03-04T00:30:00Z', ''), ('w4', 2, '2026-03-02T12:00:00Z', 'Voltou duas vezes')",
    "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable) VALUES "
    "('t1', 'w1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 1), "
    "('t1', 'w1', '2026-03-02T08:30:00Z', '2026-03-02T09:00:00Z', 0), "
    "('t2', 'w2', '2026-03-02T11:30:00Z', '2026-03-02T12:00:00Z', 1), "
    "('t2', 'w2', '2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z', 1)",
};

inline bool loadKpiFixture(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return false;
    for (const char *sql : kKpiFixture) {
        QString s = QString::fromUtf8(sql);
        if (db.isPostgres()) // booleans: 1/0 literals are integers on PostgreSQL
            s.replace(QStringLiteral(", 1)"), QStringLiteral(", true)")).replace(QStringLiteral(", 0)"), QStringLiteral(", false)"))
             .replace(QStringLiteral(", 1), "), QStringLiteral(", true), ")).replace(QStringLiteral(", 0), "), QStringLiteral(", false), "));
        if (!db.run(s).ok()) {
            qWarning() << "fixture failed:" << s;
            return false;
        }
    }
    return tx.commit().ok();
}

} // namespace fieldops::test
