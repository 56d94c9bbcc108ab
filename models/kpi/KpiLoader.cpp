#include "kpi/KpiLoader.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QDateTime>

namespace fieldops::kpi {

qint64 KpiPeriod::fromMs() const { return QDateTime(from, QTime(0, 0), zone).toMSecsSinceEpoch(); }
qint64 KpiPeriod::toMs() const { return QDateTime(to.addDays(1), QTime(0, 0), zone).toMSecsSinceEpoch(); }

namespace {

QString iso(qint64 ms) { return timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)); }

qint64 ms(const QVariant &v) { return timefmt::msFromSql(v).value_or(0); }

// Work orders any formula may touch in the period (as a sub-select with 6 parameters).
const QString kScopeSql = QStringLiteral(
    "SELECT id FROM work_orders WHERE sla_due >= ? AND sla_due < ? "
    "UNION SELECT work_order_id FROM appointments WHERE CAST(resolved AS integer) = 1 AND status <> 'cancelled' "
    "AND completed_at >= ? AND completed_at < ? "
    "UNION SELECT work_order_id FROM ratings WHERE rated_at >= ? AND rated_at < ?");

AppointmentIn appointmentFrom(const QSqlQuery &q)
{
    AppointmentIn a;
    a.id = q.value(0).toString();
    a.workOrderId = q.value(1).toString();
    a.technicianId = q.value(2).toString();
    a.status = q.value(3).toString();
    a.startMs = ms(q.value(4));
    a.arrivedMs = timefmt::msFromSql(q.value(5));
    a.completedMs = timefmt::msFromSql(q.value(6));
    a.resolved = q.value(7).toBool();
    a.workOrderType = q.value(8).toString();
    return a;
}

const QString kAppointmentColumns = QStringLiteral(
    "a.id, a.work_order_id, a.technician_id, a.status, a.start_at, a.arrived_at, a.completed_at, a.resolved, w.type");
// The work order's type travels with each appointment (the type filter); a join on the key.
const QString kAppointmentFrom = QStringLiteral("appointments a LEFT JOIN work_orders w ON w.id = a.work_order_id");

} // namespace

Result<KpiInputs> loadKpiInputs(Database &db, const KpiPeriod &period)
{
    if (!period.from.isValid() || !period.to.isValid() || period.to < period.from)
        return Error::invalid(QObject::tr("the period must have a start date on or before its end date"));
    KpiInputs in;
    in.fromMs = period.fromMs();
    in.toMs = period.toMs();
    in.calendarDays = period.calendarDays();
    const QString from = iso(in.fromMs), to = iso(in.toMs);
    const QVariantList scopeBinds{from, to, from, to, from, to};

    {
        auto q = db.run(QStringLiteral("SELECT id, territory_id, employment, time_zone, shift_start, shift_end, work_days "
                                       "FROM technicians ORDER BY id"));
        if (!q)
            return q.error();
        while (q->next()) {
            TechnicianIn t;
            t.id = q->value(0).toString();
            t.territoryId = q->value(1).toString();
            t.employment = q->value(2).toString();
            t.timeZone = q->value(3).toString();
            t.shiftStart = timefmt::parseClock(q->value(4).toString()).value_or(QTime(8, 0));
            t.shiftEnd = timefmt::parseClock(q->value(5).toString()).value_or(QTime(17, 0));
            t.workDays = q->value(6).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
            in.technicians.push_back(std::move(t));
        }
    }
    {
        auto q = db.run(QStringLiteral("SELECT technician_id, start_at, end_at FROM absences WHERE start_at < ? AND end_at > ?"),
                        {to, from});
        if (!q)
            return q.error();
        while (q->next())
            in.absences.push_back({q->value(0).toString(), ms(q->value(1)), ms(q->value(2))});
    }
    {
        auto q = db.run(QStringLiteral("SELECT id, type, created_at, sla_due FROM work_orders WHERE id IN (%1)").arg(kScopeSql),
                        scopeBinds);
        if (!q)
            return q.error();
        while (q->next())
            in.workOrders.push_back({q->value(0).toString(), q->value(1).toString(), ms(q->value(2)),
                                     timefmt::msFromSql(q->value(3))});
    }
    {
        auto q = db.run(QStringLiteral("SELECT %1 FROM %2 WHERE a.status <> 'cancelled' AND a.work_order_id IN (%3)")
                            .arg(kAppointmentColumns, kAppointmentFrom, kScopeSql),
                        scopeBinds);
        if (!q)
            return q.error();
        while (q->next())
            in.appointments.push_back(appointmentFrom(*q));
    }
    {
        auto q = db.run(QStringLiteral("SELECT %1 FROM %2 WHERE a.status <> 'cancelled' "
                                       "AND a.arrived_at >= ? AND a.arrived_at < ?").arg(kAppointmentColumns, kAppointmentFrom),
                        {from, to});
        if (!q)
            return q.error();
        while (q->next())
            in.arrivals.push_back(appointmentFrom(*q));
    }
    {
        auto q = db.run(QStringLiteral("SELECT %1 FROM %2 WHERE a.status = 'completed' "
                                       "AND a.completed_at >= ? AND a.completed_at < ?").arg(kAppointmentColumns, kAppointmentFrom),
                        {from, to});
        if (!q)
            return q.error();
        while (q->next())
            in.completions.push_back(appointmentFrom(*q));
    }
    {
        auto q = db.run(QStringLiteral("SELECT work_order_id, score, rated_at, comment FROM ratings WHERE rated_at >= ? AND rated_at < ?"),
                        {from, to});
        if (!q)
            return q.error();
        while (q->next())
            in.ratings.push_back({q->value(0).toString(), q->value(1).toInt(), ms(q->value(2)), q->value(3).toString()});
    }
    {
        auto q = db.run(QStringLiteral("SELECT e.technician_id, e.start_at, e.end_at, e.billable, e.work_order_id, w.type "
                                       "FROM time_entries e LEFT JOIN work_orders w ON w.id = e.work_order_id "
                                       "WHERE e.start_at >= ? AND e.start_at < ?"),
                        {from, to});
        if (!q)
            return q.error();
        while (q->next())
            in.timeEntries.push_back({q->value(0).toString(), ms(q->value(1)), ms(q->value(2)), q->value(3).toBool(),
                                      q->value(4).toString(), q->value(5).toString()});
    }
    return in;
}

} // namespace fieldops::kpi
