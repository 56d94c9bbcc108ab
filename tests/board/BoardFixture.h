#pragma once
// A small schedule for the board and command tests, written with real SQL on either
// backend: two territories, three technicians (UTC, 08:00–17:00 every day, so no test
// depends on the weekday), two customers, two booked visits and two open work orders.
//
//   t1 Ana   (north, hvac)        a1  2026-03-02 09:00–10:00  w1 Acme · Plant
//   t2 Bruno (north, electrical)  a2  2026-03-02 13:00–14:00  w2 Globex · Depot
//   t3 Carla (south, hvac)        —
//   w3, w4 open (60 and 90 min)
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QDateTime>
#include <QStringList>

namespace fieldops::test {

inline QDateTime utcAt(const char *iso) { return timefmt::parseIsoWithOffset(QString::fromLatin1(iso)); }
inline QDateTime boardFrom() { return utcAt("2026-03-01T00:00:00Z"); }
inline QDateTime boardTo() { return utcAt("2026-03-15T00:00:00Z"); }

inline Status seedBoard(Database &db)
{
    const QStringList stmts{
        QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('electrical', 'Electrical')"),
        QStringLiteral("INSERT INTO territories(id, name) VALUES ('north', 'North'), ('south', 'South')"),
        QStringLiteral("INSERT INTO technicians(id, name, employment, territory_id, home_lat, home_lon, time_zone, shift_start, "
                       "shift_end, work_days) VALUES "
                       "('t1', 'Ana', 'employee', 'north', -23.55, -46.63, 'UTC', '08:00', '17:00', 'Mon;Tue;Wed;Thu;Fri;Sat;Sun'),"
                       "('t2', 'Bruno', 'contractor', 'north', -23.55, -46.63, 'UTC', '08:00', '17:00', 'Mon;Tue;Wed;Thu;Fri;Sat;Sun'),"
                       "('t3', 'Carla', 'employee', 'south', -23.60, -46.70, 'UTC', '08:00', '17:00', 'Mon;Tue;Wed;Thu;Fri;Sat;Sun')"),
        QStringLiteral("INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'electrical'), "
                       "('t3', 'hvac')"),
        QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme'), ('c2', 'Globex')"),
        QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Plant', -23.55, -46.63), "
                       "('s2', 'c2', 'Depot', -23.551, -46.631)"),
        QStringLiteral("INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, status, summary) VALUES "
                       "('w1', 's1', 2, 60, '2026-02-20T08:00:00Z', 'scheduled', 'Chiller noise'),"
                       "('w2', 's2', 3, 60, '2026-02-20T08:00:00Z', 'scheduled', 'Panel check'),"
                       "('w3', 's1', 1, 60, '2026-02-21T08:00:00Z', 'open', 'Leak'),"
                       "('w4', 's2', 3, 90, '2026-02-21T08:00:00Z', 'open', 'Inspection')"),
        QStringLiteral("INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w1', 'hvac'), ('w3', 'hvac')"),
        QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                       "('a1', 'w1', 't1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'scheduled'),"
                       "('a2', 'w2', 't2', '2026-03-02T13:00:00Z', '2026-03-02T14:00:00Z', 'scheduled')"),
    };
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    for (const QString &s : stmts) {
        if (Status st = db.execDirect(s); !st)
            return st;
    }
    return tx.commit();
}

struct StoredAppointment {
    QString technician;
    QString start;
    QString end;
    QString status;
    int version = 0;
    bool exists = false;
    bool locked = false;
};

inline StoredAppointment stored(Database &db, const QString &id)
{
    StoredAppointment s;
    auto q = db.run(QStringLiteral("SELECT technician_id, start_at, end_at, status, version, locked FROM appointments WHERE id = ?"),
                    {id});
    if (q && q->next()) {
        s.exists = true;
        s.technician = q->value(0).toString();
        s.start = timefmt::toIsoUtc(timefmt::fromSql(q->value(1)));
        s.end = timefmt::toIsoUtc(timefmt::fromSql(q->value(2)));
        s.status = q->value(3).toString();
        s.version = q->value(4).toInt();
        s.locked = q->value(5).toBool();
    }
    return s;
}

inline QString workOrderStatus(Database &db, const QString &id)
{
    auto v = db.scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = ?"), {id});
    return v ? v->toString() : QString();
}

inline int appointmentCount(Database &db)
{
    auto v = db.scalar(QStringLiteral("SELECT count(*) FROM appointments"));
    return v ? v->toInt() : -1;
}

// Another console's write underneath: bumps the row's version as a real edit would.
inline Status touchAppointment(Database &other, const QString &id)
{
    Transaction tx(other);
    if (!tx.status())
        return tx.status();
    auto q = other.run(QStringLiteral("UPDATE appointments SET locked = NOT locked, version = version + 1 WHERE id = ?"), {id});
    if (!q)
        return q.error();
    return tx.commit();
}

} // namespace fieldops::test
