#include "repositories/WorkOrderStory.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QSqlQuery>
#include <map>

namespace fieldops {

Result<WorkOrderStory> readWorkOrderStory(Database &db, const QString &workOrderId)
{
    WorkOrderStory story;
    {
        // Summed here rather than in SQL: interval arithmetic differs between the dialects.
        auto q = db.run(QStringLiteral("SELECT t.name, e.activity, e.start_at, e.end_at, e.billable, e.review_state "
                                       "FROM time_entries e JOIN technicians t ON t.id = e.technician_id WHERE e.work_order_id = ?"),
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
    return story;
}

} // namespace fieldops
