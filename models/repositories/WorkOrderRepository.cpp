#include "repositories/WorkOrderRepository.h"

#include "audit/LostRaceExplainer.h"
#include "parts/StockRepository.h"
#include "scheduling/DurationHistory.h"
#include "storage/Database.h"
#include "storage/AssetRows.h"
#include "storage/SiteRows.h"
#include "storage/WorkOrderRows.h"
#include "util/TimeFormat.h"
#include "workorders/SlaExplanation.h"

#include <QHash>
#include <QObject>

namespace fieldops {

Result<std::vector<WorkOrderListRow>> WorkOrderRepository::listRows()
{
    // Three plain reads folded in C++ rather than one query with correlated subqueries:
    // string aggregation differs between the dialects, and per-row subqueries cost more
    // than one pass over the appointments (measured by bench_work_order_table).
    QHash<QString, QStringList> skills;
    {
        auto q = m_db.run(QStringLiteral("SELECT work_order_id, skill_code FROM work_order_skills ORDER BY work_order_id, skill_code"));
        if (!q)
            return q.error();
        while (q->next())
            skills[q->value(0).toString()] << q->value(1).toString();
    }
    struct Visits {
        QString technicianName;   // of the latest non-cancelled appointment
        QDateTime latestStart;
        int active = 0;
        QDateTime nextStart;      // earliest active start
    };
    QHash<QString, Visits> visits;
    {
        auto q = m_db.run(QStringLiteral(
            "SELECT a.work_order_id, a.start_at, a.status, t.name FROM appointments a "
            "JOIN technicians t ON t.id = a.technician_id WHERE a.status <> 'cancelled'"));
        if (!q)
            return q.error();
        while (q->next()) {
            Visits &v = visits[q->value(0).toString()];
            const QDateTime start = timefmt::fromSql(q->value(1));
            if (!v.latestStart.isValid() || start > v.latestStart) {
                v.latestStart = start;
                v.technicianName = q->value(3).toString();
            }
            if (q->value(2).toString() != QLatin1String("completed")) {
                ++v.active;
                if (!v.nextStart.isValid() || start < v.nextStart)
                    v.nextStart = start;
            }
        }
    }
    auto q = m_db.run(QStringLiteral("SELECT %1, s.name, c.name FROM work_orders w "
                                     "JOIN sites s ON s.id = w.site_id JOIN customers c ON c.id = s.customer_id "
                                     "ORDER BY w.id").arg(rows::workOrderColumns()));
    if (!q)
        return q.error();
    std::vector<WorkOrderListRow> rows;
    while (q->next()) {
        WorkOrderListRow r;
        r.order = rows::readWorkOrder(*q);
        r.order.requiredSkills = skills.value(r.order.id);
        r.siteName = q->value(rows::kWorkOrderColumnCount).toString();
        r.customerName = q->value(rows::kWorkOrderColumnCount + 1).toString();
        const auto v = visits.constFind(r.order.id);
        if (v != visits.constEnd()) {
            r.technicianName = v->technicianName;
            r.activeAppointments = v->active;
            r.nextStart = v->nextStart;
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

Result<QStringList> WorkOrderRepository::skillsOf(const QString &workOrderId)
{
    auto q = m_db.run(QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = ? ORDER BY skill_code"),
                      {workOrderId});
    if (!q)
        return q.error();
    QStringList out;
    while (q->next())
        out << q->value(0).toString();
    return out;
}

Result<WorkOrderDetails> WorkOrderRepository::details(const QString &workOrderId)
{
    WorkOrderDetails d;
    {
        const QString sql = QStringLiteral(
            "SELECT %1, %2, c.id, c.name, c.phone, c.email, k.name "
            "FROM work_orders w JOIN sites s ON s.id = w.site_id JOIN customers c ON c.id = s.customer_id "
            "LEFT JOIN contracts k ON k.id = w.contract_id WHERE w.id = ?").arg(rows::workOrderColumns(), rows::siteColumns());
        auto q = m_db.run(sql, {workOrderId});
        if (!q)
            return q.error();
        if (!q->next())
            return Error{Error::Kind::NotFound, QObject::tr("work order %1 does not exist").arg(workOrderId), {}};
        d.order = rows::readWorkOrder(*q);
        d.site = rows::readSite(*q, rows::kWorkOrderColumnCount);
        int c = rows::kWorkOrderColumnCount + rows::kSiteColumnCount;
        d.customer.id = q->value(c++).toString();
        d.customer.name = q->value(c++).toString();
        d.customer.phone = q->value(c++).toString();
        d.customer.email = q->value(c++).toString();
        d.contractName = q->value(c++).toString();
    }
    auto skills = skillsOf(workOrderId);
    if (!skills)
        return skills.error();
    d.order.requiredSkills = *skills;
    auto sla = workorders::readSlaExplanation(m_db, workOrderId);
    if (!sla)
        return sla.error();
    d.slaRule = sla->rule;
    d.responseDue = sla->responseDue;
    d.warrantyNote = sla->warrantyNote;

    if (!d.order.assetId.isEmpty()) {
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM assets a WHERE a.id = ?").arg(rows::assetColumns()), {d.order.assetId});
        if (!q)
            return q.error();
        if (q->next())
            d.asset = rows::readAsset(*q);
    }

    auto q = m_db.run(QStringLiteral(
        "SELECT a.id, a.technician_id, a.start_at, a.end_at, a.status, a.arrived_at, a.completed_at, a.resolved, "
        "  a.locked, a.version, t.name, a.departed_at, a.outcome_reason, a.outcome_notes, a.signed_by "
        "FROM appointments a JOIN technicians t ON t.id = a.technician_id "
        "WHERE a.work_order_id = ? ORDER BY a.start_at, a.id"), {workOrderId});
    if (!q)
        return q.error();
    while (q->next()) {
        AppointmentSummary s;
        Appointment &a = s.appointment;
        a.id = q->value(0).toString();
        a.workOrderId = workOrderId;
        a.technicianId = q->value(1).toString();
        a.start = timefmt::fromSql(q->value(2));
        a.end = timefmt::fromSql(q->value(3));
        a.status = q->value(4).toString();
        a.arrivedAt = timefmt::fromSql(q->value(5));
        a.completedAt = timefmt::fromSql(q->value(6));
        a.resolved = q->value(7).toBool();
        a.locked = q->value(8).toBool();
        a.version = q->value(9).toInt();
        s.technicianName = q->value(10).toString();
        s.departedAt = timefmt::fromSql(q->value(11));
        s.outcomeReason = q->value(12).toString();
        s.outcomeNotes = q->value(13).toString();
        s.signedBy = q->value(14).toString();
        d.appointments.push_back(std::move(s));
    }
    q->finish();
    {
        // The visit still to come decides whose pace counts.
        QString technicianId;
        for (const AppointmentSummary &s : d.appointments) {
            const QString &status = s.appointment.status;
            if (status != QLatin1String("cancelled") && status != QLatin1String("completed")) {
                technicianId = s.appointment.technicianId;
                d.durationTechnicianName = s.technicianName.isEmpty() ? technicianId : s.technicianName;
            }
        }
        auto predicted = scheduling::predictWorkOrderDurations(m_db, workOrderId, technicianId.isEmpty() ? QStringList() : QStringList{technicianId});
        if (!predicted)
            return predicted.error();
        d.duration = predicted->value(technicianId);
    }
    auto story = readWorkOrderStory(m_db, workOrderId);
    if (!story)
        return story.error();
    d.story = std::move(*story);

    parts::StockRepository stock(m_db);
    auto needs = stock.partsNeeded(workOrderId);
    if (!needs)
        return needs.error();
    d.partsNeeded = std::move(*needs);
    if (!d.partsNeeded.empty()) {
        QStringList seen;
        for (const AppointmentSummary &s : d.appointments) {
            const Appointment &a = s.appointment;
            if (a.status == QLatin1String("cancelled") || a.status == QLatin1String("completed") || seen.contains(a.technicianId))
                continue;
            seen << a.technicianId;
            auto lacking = stock.vanShortage(workOrderId, a.technicianId);
            if (!lacking)
                return lacking.error();
            if (!lacking->empty())
                d.vanShortages.push_back({a.technicianId, s.technicianName, parts::shortageWords(*lacking)});
        }
    }
    return d;
}

Result<int> WorkOrderRepository::updateStatus(const QString &workOrderId, int expectedVersion, const QString &status)
{
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    auto q = m_db.run(QStringLiteral("UPDATE work_orders SET status = ?, version = version + 1 WHERE id = ? AND version = ?"),
                      {status, workOrderId, expectedVersion});
    if (!q)
        return q.error();
    if (q->numRowsAffected() != 1) {
        // Tell "gone" from "changed underneath" so the caller can word its message.
        auto exists = m_db.scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = ?"), {workOrderId});
        if (!exists)
            return exists.error();
        const QString generic = exists->toInt() == 0
            ? QObject::tr("work order %1 does not exist").arg(workOrderId)
            : QObject::tr("work order %1 was changed by someone else; it has been reloaded").arg(workOrderId);
        const Error::Kind kind = exists->toInt() == 0 ? Error::Kind::NotFound : Error::Kind::StaleVersion;
        return LostRaceExplainer(m_db).refusal(kind, QStringLiteral("work_orders"), workOrderId, expectedVersion, generic);
    }
    if (Status s = tx.commit(); !s)
        return s.error();
    return expectedVersion + 1;
}

} // namespace fieldops
