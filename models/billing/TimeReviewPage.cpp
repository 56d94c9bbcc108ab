#include "billing/TimeReviewPage.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>

namespace fieldops::billing {

Result<TimeReviewPage> loadTimeReviewPage(Database &db, const QDate &from, const QDate &to, const QString &technicianId)
{
    auto listing = TimeEntryLoader(db).load(from, to, technicianId);
    if (!listing)
        return listing.error();
    TimeReviewPage page;
    page.from = from;
    page.to = to;
    QHash<QString, QString> technicianNames;
    auto t = db.run(QStringLiteral("SELECT id, name FROM technicians ORDER BY name, id"));
    if (!t)
        return t.error();
    while (t->next()) {
        page.technicians.push_back({t->value(0).toString(), t->value(1).toString()});
        technicianNames.insert(t->value(0).toString(), t->value(1).toString());
    }
    t->finish();
    const auto [begin, end] = periodInstants(from, to);
    auto c = db.run(QStringLiteral("SELECT DISTINCT w.id, cu.name FROM time_entries e JOIN work_orders w ON w.id = e.work_order_id "
                                   "JOIN sites s ON s.id = w.site_id LEFT JOIN contracts k ON k.id = w.contract_id "
                                   "JOIN customers cu ON cu.id = coalesce(k.customer_id, s.customer_id) "
                                   "WHERE e.start_at >= ? AND e.start_at < ?"),
                    {timefmt::toSql(begin), timefmt::toSql(end)});
    if (!c)
        return c.error();
    QHash<QString, QString> customerOf;
    while (c->next())
        customerOf.insert(c->value(0).toString(), c->value(1).toString());
    c->finish();
    for (TimeEntry &e : listing->entries) {
        TimeReviewRow row;
        row.technicianName = technicianNames.value(e.technicianId, e.technicianId);
        row.customerName = customerOf.value(e.workOrderId);
        if (auto f = listing->flags.find(e.id); f != listing->flags.end())
            row.flags = f->second;
        row.entry = std::move(e);
        page.rows.push_back(std::move(row));
    }
    return page;
}

} // namespace fieldops::billing
