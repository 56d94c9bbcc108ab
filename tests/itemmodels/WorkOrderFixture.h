#pragma once
// A small, hand-written operation used by the item-model, repository, session and GUI
// tests: six work orders whose priorities, SLAs, statuses and appointments exercise every
// rule of the table, the unassigned queue and the alerts at kNow.
//
//   w1 P1 corrective open, SLA breached (10:00), no appointment        → queue, alert breached
//   w2 P3 install    open, SLA due 14:00 (within 4 h)                  → queue, alert due soon
//   w3 P1 preventive open, no SLA                                      → queue
//   w4 P2 inspection scheduled, visit 11:00 by Bruno, nobody arrived   → alert late arrival
//   w5 P4 corrective done, SLA in the past (done: no alert)
//   w6 P2 corrective open, one completed-unresolved and one cancelled visit → queue
#include "storage/Database.h"
#include "TestDatabases.h"

#include <QDateTime>
#include <QStringList>

namespace fieldops::test {

inline QDateTime fixtureNow() { return QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC); }

inline QStringList workOrderFixtureSql()
{
    return {
        QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('elec', 'Electrical')"),
        QStringLiteral("INSERT INTO customers(id, name, phone, email) VALUES ('c1', 'Acme Foods', '+55 11 5555-0101', 'ops@acme.example'), ('c2', 'Beta Labs', '', '')"),
        QStringLiteral("INSERT INTO sites(id, customer_id, name, address, lat, lon, time_zone) VALUES "
                       "('s1', 'c1', 'Acme Plant', 'Rua A 1, Sao Paulo', -23.55, -46.63, 'America/Sao_Paulo'), "
                       "('s2', 'c2', 'Beta HQ', 'Av B 2, Sao Paulo', -23.60, -46.70, 'America/Sao_Paulo')"),
        QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana Souza', -23.5, -46.6), ('t2', 'Bruno Lima', -23.6, -46.7)"),
        QStringLiteral("INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'elec'), ('t2', 'hvac')"),
        QStringLiteral("INSERT INTO assets(id, site_id, serial, model, installed_on, warranty_until) VALUES ('a1', 's1', 'SN-1', 'Carrier 30RB', '2020-01-10', '2027-01-10')"),
        QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES ('k1', 'c1', 'Acme Gold', '2026-01-01', '2026-12-31', 4, '24x7')"),
        QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, contract_id, type, priority, duration_min, window_start, window_end, created_at, sla_due, status, summary) VALUES "
                       "('w1', 's1', 'a1', 'k1', 'corrective', 1, 90, '2026-03-02T09:00:00Z', '2026-03-02T18:00:00Z', '2026-03-01T09:00:00Z', '2026-03-02T10:00:00Z', 'open', 'Chiller down in cold room'), "
                       "('w2', 's2', NULL, NULL, 'install', 3, 120, NULL, NULL, '2026-02-28T08:00:00Z', '2026-03-02T14:00:00Z', 'open', 'Install badge readers'), "
                       "('w3', 's1', NULL, 'k1', 'preventive', 1, 60, NULL, NULL, '2026-03-01T12:00:00Z', NULL, 'open', 'Quarterly filter change'), "
                       "('w4', 's2', NULL, NULL, 'inspection', 2, 90, NULL, NULL, '2026-03-01T15:00:00Z', '2026-03-03T12:00:00Z', 'scheduled', 'Fire panel inspection'), "
                       "('w5', 's1', 'a1', 'k1', 'corrective', 4, 60, NULL, NULL, '2026-02-27T10:00:00Z', '2026-03-01T12:00:00Z', 'done', 'Noisy fan'), "
                       "('w6', 's2', NULL, NULL, 'corrective', 2, 45, NULL, NULL, '2026-02-26T10:00:00Z', '2026-03-05T00:00:00Z', 'open', 'Leaking valve, revisit')"),
        QStringLiteral("INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w1', 'hvac'), ('w1', 'elec'), ('w4', 'elec')"),
        QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) VALUES "
                       "('ap1', 'w4', 't2', '2026-03-02T11:00:00Z', '2026-03-02T12:30:00Z', 'scheduled', NULL, NULL, %1), "
                       "('ap2', 'w5', 't1', '2026-03-01T08:00:00Z', '2026-03-01T09:00:00Z', 'completed', '2026-03-01T08:05:00Z', '2026-03-01T09:00:00Z', %2), "
                       "('ap3', 'w6', 't1', '2026-02-27T10:00:00Z', '2026-02-27T11:00:00Z', 'completed', '2026-02-27T10:10:00Z', '2026-02-27T11:00:00Z', %1), "
                       "('ap4', 'w6', 't2', '2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z', 'cancelled', NULL, NULL, %1)"),
    };
}

// Inserts the fixture in one transaction; returns an empty string or what failed.
inline QString insertWorkOrderFixture(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error().message;
    const QString no = db.isPostgres() ? QStringLiteral("false") : QStringLiteral("0");
    const QString yes = db.isPostgres() ? QStringLiteral("true") : QStringLiteral("1");
    for (QString sql : workOrderFixtureSql()) {
        if (sql.contains(QLatin1String("%1")))
            sql = sql.arg(no, yes);
        if (Status s = db.execDirect(sql); !s)
            return s.error().message + QStringLiteral(" in ") + sql;
    }
    if (Status s = tx.commit(); !s)
        return s.error().message;
    return {};
}

// A fresh database of the backend with the fixture and then `extraSql` (run in order);
// nullptr when any of it failed, with the reason in a warning.
inline std::unique_ptr<Database> openFixtureDatabase(const QString &backend, QString *urlOut, const QStringList &extraSql = {})
{
    auto db = freshDatabase(backend, true, urlOut);
    if (!db)
        return nullptr;
    QString failed = insertWorkOrderFixture(*db);
    for (const QString &sql : extraSql) {
        if (!failed.isEmpty())
            break;
        if (Status s = db->execDirect(sql); !s)
            failed = s.error().message + QStringLiteral(" in ") + sql;
    }
    if (!failed.isEmpty()) {
        qWarning("%s", qPrintable(failed));
        return nullptr;
    }
    return db;
}

} // namespace fieldops::test
