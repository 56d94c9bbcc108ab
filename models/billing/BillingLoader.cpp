#include "billing/BillingLoader.h"

#include "billing/TimeEntryLoader.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"


namespace fieldops::billing {

namespace {

std::optional<double> optionalDouble(const QVariant &v) { return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble()); }

// Whom a work order's time and parts are billed to.
const char *kBilledTo = "LEFT JOIN contracts k ON k.id = w.contract_id JOIN sites s ON s.id = w.site_id";
const char *kCustomer = "coalesce(k.customer_id, s.customer_id)";

} // namespace

Result<BillingInput> BillingLoader::load(const QDate &from, const QDate &to)
{
    BillingInput in;
    in.from = from;
    in.to = to;
    const auto [begin, end] = periodInstants(from, to);
    const QVariant b = timefmt::toSql(begin), e = timefmt::toSql(end);

    auto t = m_db.run(QStringLiteral("SELECT t.id, t.technician_id, t.work_order_id, t.start_at, t.end_at, "
                                     "CASE WHEN CAST(t.billable AS integer) = 1 THEN 1 ELSE 0 END, t.activity, t.comment, t.review_state, t.version, "
                                     "%1, coalesce(w.contract_id, '') FROM time_entries t JOIN work_orders w ON w.id = t.work_order_id %2 "
                                     "WHERE t.start_at >= ? AND t.start_at < ?")
                          .arg(QLatin1String(kCustomer), QLatin1String(kBilledTo)),
                      {b, e});
    if (!t)
        return t.error();
    while (t->next()) {
        BillingEntry be;
        be.entry.id = t->value(0).toLongLong();
        be.entry.technicianId = t->value(1).toString();
        be.entry.workOrderId = t->value(2).toString();
        be.entry.start = timefmt::fromSql(t->value(3));
        be.entry.end = timefmt::fromSql(t->value(4));
        be.entry.billable = t->value(5).toInt() == 1;
        be.entry.activity = t->value(6).toString();
        be.entry.comment = t->value(7).toString();
        be.entry.reviewState = t->value(8).toString();
        be.entry.version = t->value(9).toInt();
        be.customerId = t->value(10).toString();
        be.contractId = t->value(11).toString();
        in.entries.push_back(std::move(be));
    }
    t->finish();

    auto p = m_db.run(QStringLiteral("SELECT u.id, %1, coalesce(w.contract_id, ''), a.work_order_id, a.technician_id, u.sku, pt.name, "
                                     "u.quantity, pt.unit_cost, u.at FROM parts_used u JOIN appointments a ON a.id = u.appointment_id "
                                     "JOIN work_orders w ON w.id = a.work_order_id JOIN parts pt ON pt.sku = u.sku %2 "
                                     "WHERE u.at >= ? AND u.at < ?")
                          .arg(QLatin1String(kCustomer), QLatin1String(kBilledTo)),
                      {b, e});
    if (!p)
        return p.error();
    while (p->next()) {
        PartLine l;
        l.id = p->value(0).toLongLong();
        l.customerId = p->value(1).toString();
        l.contractId = p->value(2).toString();
        l.workOrderId = p->value(3).toString();
        l.technicianId = p->value(4).toString();
        l.sku = p->value(5).toString();
        l.partName = p->value(6).toString();
        l.quantity = p->value(7).toDouble();
        l.unitCost = optionalDouble(p->value(8));
        l.at = timefmt::fromSql(p->value(9));
        in.parts.push_back(std::move(l));
    }
    p->finish();

    // Running in the period, or billed in it after all (time on a contract already ended).
    auto c = m_db.run(QStringLiteral("SELECT id, customer_id, name, starts_on, ends_on, fee_period, fixed_fee, included_hours, hourly_rate, "
                                     "CASE WHEN CAST(parts_included AS integer) = 1 THEN 1 ELSE 0 END FROM contracts "
                                     "WHERE (starts_on <= ? AND ends_on >= ?) "
                                     "OR id IN (SELECT w.contract_id FROM time_entries t JOIN work_orders w ON w.id = t.work_order_id "
                                     "WHERE t.start_at >= ? AND t.start_at < ?) "
                                     "OR id IN (SELECT w.contract_id FROM parts_used u JOIN appointments a ON a.id = u.appointment_id "
                                     "JOIN work_orders w ON w.id = a.work_order_id WHERE u.at >= ? AND u.at < ?) ORDER BY id"),
                      {timefmt::toSql(to), timefmt::toSql(from), b, e, b, e});
    if (!c)
        return c.error();
    while (c->next()) {
        BillingContract k;
        k.id = c->value(0).toString();
        k.customerId = c->value(1).toString();
        k.name = c->value(2).toString();
        k.startsOn = timefmt::dateFromSql(c->value(3));
        k.endsOn = timefmt::dateFromSql(c->value(4));
        k.feePeriod = c->value(5).toString();
        k.fixedFee = optionalDouble(c->value(6));
        k.includedHours = optionalDouble(c->value(7));
        k.hourlyRate = optionalDouble(c->value(8));
        k.partsIncluded = c->value(9).toInt() == 1;
        in.contracts.push_back(std::move(k));
    }
    c->finish();

    auto n = m_db.run(QStringLiteral("SELECT id, name FROM customers"));
    if (!n)
        return n.error();
    while (n->next())
        in.customerNames[n->value(0).toString()] = n->value(1).toString();
    return in;
}

} // namespace fieldops::billing
