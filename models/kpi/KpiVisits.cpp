#include "kpi/KpiVisits.h"

#include "repositories/AlertRules.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QDateTime>

namespace fieldops::kpi {

std::optional<bool> TechnicianVisit::onTime() const
{
    if (!arrivedMs)
        return std::nullopt;
    return *arrivedMs <= startMs + onTimeGraceMs;
}

Result<std::vector<TechnicianVisit>> loadTechnicianVisits(Database &db, const QString &technicianId, const KpiPeriod &period)
{
    if (!period.from.isValid() || !period.to.isValid() || period.to < period.from)
        return Error::invalid(QObject::tr("the period must have a start date on or before its end date"));
    auto rules = loadAlertRules(db);
    if (!rules)
        return rules.error();
    const qint64 graceMs = qint64(rules->lateGraceMinutes) * 60'000;
    const QString from = timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(period.fromMs(), Qt::UTC));
    const QString to = timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(period.toMs(), Qt::UTC));
    auto q = db.run(QStringLiteral("SELECT a.id, a.work_order_id, w.type, s.name, a.status, a.start_at, a.arrived_at, a.completed_at, "
                                   "CASE WHEN CAST(a.resolved AS integer) = 1 THEN 1 ELSE 0 END "
                                   "FROM appointments a JOIN work_orders w ON w.id = a.work_order_id "
                                   "LEFT JOIN sites s ON s.id = w.site_id "
                                   "WHERE a.technician_id = ? AND a.status <> 'cancelled' AND ((a.start_at >= ? AND a.start_at < ?) "
                                   "OR (a.arrived_at >= ? AND a.arrived_at < ?) OR (a.completed_at >= ? AND a.completed_at < ?)) "
                                   "ORDER BY a.start_at, a.id"),
                    {technicianId, from, to, from, to, from, to});
    if (!q)
        return q.error();
    std::vector<TechnicianVisit> out;
    while (q->next()) {
        TechnicianVisit v;
        v.onTimeGraceMs = graceMs;
        v.appointmentId = q->value(0).toString();
        v.workOrderId = q->value(1).toString();
        v.workOrderType = q->value(2).toString();
        v.siteName = q->value(3).toString();
        v.status = q->value(4).toString();
        v.startMs = timefmt::msFromSql(q->value(5)).value_or(0);
        v.arrivedMs = timefmt::msFromSql(q->value(6));
        v.completedMs = timefmt::msFromSql(q->value(7));
        v.resolved = q->value(8).toInt() == 1;
        out.push_back(std::move(v));
    }
    return out;
}

} // namespace fieldops::kpi
