#include "repositories/WorkOrderStory.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QSqlQuery>
#include <map>

namespace fieldops {

TimeBooked totalTime(const WorkOrderStory &story)
{
    TimeBooked total;
    for (const TimeBooked &t : story.time) {
        total.minutes += t.minutes;
        total.billableMinutes += t.billableMinutes;
        total.pendingMinutes += t.pendingMinutes;
    }
    return total;
}

Result<WorkOrderStory> readWorkOrderStory(Database &db, const QString &workOrderId)
{
    WorkOrderStory story;
    {
        // Summed here rather than in SQL: interval arithmetic differs between the dialects.
        auto q = db.run(QStringLiteral("SELECT t.name, e.activity, e.start_at, e.end_at, e.billable, e.review_state, e.comment "
                                       "FROM time_entries e JOIN technicians t ON t.id = e.technician_id WHERE e.work_order_id = ? "
                                       "ORDER BY e.start_at, e.id"),
                        {workOrderId});
        if (!q)
            return q.error();
        std::map<std::pair<QString, QString>, TimeBooked> sums;
        while (q->next()) {
            TimeBooked &b = sums[{q->value(0).toString(), q->value(1).toString()}];
            b.technicianName = q->value(0).toString();
            b.activity = q->value(1).toString();
            const qint64 minutes = timefmt::fromSql(q->value(2)).secsTo(timefmt::fromSql(q->value(3))) / 60;
            b.minutes += minutes;
            if (q->value(4).toBool())
                b.billableMinutes += minutes;
            if (q->value(5).toString() == QLatin1String("pending"))
                b.pendingMinutes += minutes;
            story.entries.push_back({b.technicianName, timefmt::fromSql(q->value(2)), timefmt::fromSql(q->value(3)), b.activity,
                                     q->value(4).toBool(), q->value(5).toString(), q->value(6).toString()});
        }
        for (auto &[key, booked] : sums)
            story.time.push_back(booked);
    }
    {
        auto q = db.run(QStringLiteral("SELECT u.appointment_id, u.sku, p.name, u.quantity, u.location FROM parts_used u "
                                       "JOIN parts p ON p.sku = u.sku JOIN appointments a ON a.id = u.appointment_id "
                                       "WHERE a.work_order_id = ? ORDER BY u.at, u.id"),
                        {workOrderId});
        if (!q)
            return q.error();
        while (q->next())
            story.parts.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toDouble(),
                                   q->value(4).toString()});
    }
    {
        auto q = db.run(QStringLiteral("SELECT id, score, comment, rated_at FROM ratings WHERE work_order_id = ? ORDER BY rated_at, id"),
                        {workOrderId});
        if (!q)
            return q.error();
        while (q->next()) {
            Rating r;
            r.rowId = q->value(0).toLongLong();
            r.workOrderId = workOrderId;
            r.score = q->value(1).toInt();
            r.comment = q->value(2).toString();
            r.ratedAt = timefmt::fromSql(q->value(3));
            story.ratings.push_back(r);
        }
    }
    {
        auto q = db.run(QStringLiteral("SELECT t.name, o.body, o.created_at, o.delivered_at, o.read_at FROM technician_outbox o "
                                       "JOIN technicians t ON t.id = o.technician_id WHERE o.work_order_id = ? ORDER BY o.created_at, o.id"),
                        {workOrderId});
        if (!q)
            return q.error();
        while (q->next())
            story.notices.push_back({q->value(0).toString(), q->value(1).toString(), timefmt::fromSql(q->value(2)),
                                     timefmt::fromSql(q->value(3)), timefmt::fromSql(q->value(4))});
    }
    {
        auto q = db.run(QStringLiteral("SELECT w.sku, p.name, w.quantity, w.reserved_location FROM work_order_parts w "
                                       "JOIN parts p ON p.sku = w.sku WHERE w.work_order_id = ? ORDER BY w.sku"),
                        {workOrderId});
        if (!q)
            return q.error();
        while (q->next())
            story.partsNeeded.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toDouble(), q->value(3).toString()});
    }
    {
        auto q = db.run(QStringLiteral("SELECT description, cancel_reason FROM work_orders WHERE id = ?"), {workOrderId});
        if (!q)
            return q.error();
        if (q->next()) {
            story.description = q->value(0).toString();
            story.cancelReason = q->value(1).toString();
        }
    }
    {
        // The chain around it: what it follows, and what follows it.
        auto q = db.run(QStringLiteral("SELECT o.id, o.status, o.summary FROM work_orders w JOIN work_orders o ON o.id = w.follow_up_of WHERE w.id = ?"),
                        {workOrderId});
        if (!q)
            return q.error();
        if (q->next())
            story.followUpOf = LinkedOrder{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
        q->finish();
        auto f = db.run(QStringLiteral("SELECT id, status, summary FROM work_orders WHERE follow_up_of = ? ORDER BY id"), {workOrderId});
        if (!f)
            return f.error();
        while (f->next())
            story.followUps.push_back({f->value(0).toString(), f->value(1).toString(), f->value(2).toString()});
    }
    return story;
}

} // namespace fieldops
