#include "billing/TimeEntryLoader.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QTimeZone>

namespace fieldops::billing {

std::pair<QDateTime, QDateTime> periodInstants(const QDate &from, const QDate &to)
{
    return {from.startOfDay(QTimeZone::utc()), to.addDays(1).startOfDay(QTimeZone::utc())};
}

Result<TimeEntryListing> TimeEntryLoader::load(const QDate &from, const QDate &to, const QString &technicianId)
{
    const auto [begin, end] = periodInstants(from, to);
    const QString techFilter = technicianId.isEmpty() ? QString() : QStringLiteral(" AND e.technician_id = ?");
    QVariantList binds{timefmt::toSql(begin.addDays(-1)), timefmt::toSql(end.addDays(1))};
    if (!technicianId.isEmpty())
        binds << technicianId;
    auto q = m_db.run(QStringLiteral("SELECT e.id, e.technician_id, e.work_order_id, e.start_at, e.end_at, "
                                     "CASE WHEN CAST(e.billable AS integer) = 1 THEN 1 ELSE 0 END, e.activity, e.comment, e.review_state, e.version "
                                     "FROM time_entries e WHERE e.start_at >= ? AND e.start_at < ?%1 "
                                     "ORDER BY e.technician_id, e.start_at, e.id")
                          .arg(techFilter),
                      binds);
    if (!q)
        return q.error();
    std::vector<TimeEntry> around;
    while (q->next()) {
        TimeEntry e;
        e.id = q->value(0).toLongLong();
        e.technicianId = q->value(1).toString();
        e.workOrderId = q->value(2).toString();
        e.start = timefmt::fromSql(q->value(3));
        e.end = timefmt::fromSql(q->value(4));
        e.billable = q->value(5).toInt() == 1;
        e.activity = q->value(6).toString();
        e.comment = q->value(7).toString();
        e.reviewState = q->value(8).toString();
        e.version = q->value(9).toInt();
        around.push_back(std::move(e));
    }
    q->finish();

    // The visits of the work orders and technicians the period's entries name, in one read.
    QVariantList vbinds{timefmt::toSql(begin), timefmt::toSql(end)};
    if (!technicianId.isEmpty())
        vbinds << technicianId;
    auto v = m_db.run(QStringLiteral("SELECT a.work_order_id, a.technician_id, coalesce(a.arrived_at, a.start_at), coalesce(a.completed_at, a.end_at), "
                                     "a.inferred_arrived_at, a.inferred_departed_at FROM appointments a WHERE a.status <> 'cancelled' AND EXISTS (SELECT 1 FROM time_entries e "
                                     "WHERE e.work_order_id = a.work_order_id AND e.technician_id = a.technician_id "
                                     "AND e.start_at >= ? AND e.start_at < ?%1)")
                          .arg(techFilter),
                      vbinds);
    if (!v)
        return v.error();
    std::vector<VisitSpan> visits;
    while (v->next()) {
        VisitSpan s;
        s.workOrderId = v->value(0).toString();
        s.technicianId = v->value(1).toString();
        s.begin = timefmt::fromSql(v->value(2));
        s.end = timefmt::fromSql(v->value(3));
        if (!v->value(4).isNull())
            s.inferredArrival = timefmt::fromSql(v->value(4));
        if (!v->value(5).isNull())
            s.inferredDeparture = timefmt::fromSql(v->value(5));
        visits.push_back(std::move(s));
    }

    TimeEntryListing listing;
    auto flags = flagEntries(around, visits, m_options);
    for (TimeEntry &e : around) {
        if (e.start < begin || e.start >= end)
            continue;
        if (auto f = flags.find(e.id); f != flags.end())
            listing.flags[e.id] = f->second;
        listing.entries.push_back(std::move(e));
    }
    return listing;
}

} // namespace fieldops::billing
