#include "repositories/AlertRepository.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <algorithm>

namespace fieldops {

Result<std::vector<Alert>> AlertRepository::current(const QDateTime &now, const AlertRules &rules)
{
    std::vector<Alert> out;
    {
        auto q = m_db.run(QStringLiteral(
            "SELECT w.id, s.name, w.priority, w.sla_due FROM work_orders w JOIN sites s ON s.id = w.site_id "
            "WHERE w.sla_due IS NOT NULL AND w.sla_due <= ? AND w.status NOT IN ('done', 'cancelled') "
            "ORDER BY w.sla_due, w.id"),
            {timefmt::toSql(now.addSecs(qint64(rules.slaHorizonHours) * 3600))});
        if (!q)
            return q.error();
        while (q->next()) {
            Alert a;
            a.workOrderId = q->value(0).toString();
            a.siteName = q->value(1).toString();
            a.priority = q->value(2).toInt();
            a.at = timefmt::fromSql(q->value(3));
            a.kind = a.at <= now ? Alert::Kind::SlaBreached : Alert::Kind::SlaDueSoon;
            out.push_back(std::move(a));
        }
    }
    {
        auto q = m_db.run(QStringLiteral(
            "SELECT a.id, a.work_order_id, t.name, s.name, w.priority, a.start_at "
            "FROM appointments a JOIN technicians t ON t.id = a.technician_id "
            "JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id "
            "WHERE a.arrived_at IS NULL AND a.status IN ('tentative', 'scheduled', 'en_route') "
            "  AND a.start_at <= ? AND a.start_at > ? "
            "ORDER BY a.start_at, a.id"),
            {timefmt::toSql(now.addSecs(-qint64(rules.lateGraceMinutes) * 60)),
             timefmt::toSql(now.addSecs(-qint64(rules.lookbackHours) * 3600))});
        if (!q)
            return q.error();
        while (q->next()) {
            Alert a;
            a.kind = Alert::Kind::LateArrival;
            a.appointmentId = q->value(0).toString();
            a.workOrderId = q->value(1).toString();
            a.technicianName = q->value(2).toString();
            a.siteName = q->value(3).toString();
            a.priority = q->value(4).toInt();
            a.at = timefmt::fromSql(q->value(5));
            out.push_back(std::move(a));
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const Alert &x, const Alert &y) { return int(x.kind) < int(y.kind); });
    return out;
}

} // namespace fieldops
