#include "contracts/ContractConsumption.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTimeZone>

namespace fieldops::contracts {

std::optional<double> ContractConsumption::slaCompliance() const
{
    if (slaDue == 0)
        return std::nullopt;
    return double(slaMet) / slaDue;
}

std::pair<QDate, QDate> billingPeriod(const QString &feePeriod, const QDate &day)
{
    if (feePeriod == QLatin1String("year"))
        return {QDate(day.year(), 1, 1), QDate(day.year(), 12, 31)};
    if (feePeriod == QLatin1String("quarter")) {
        const QDate first(day.year(), (day.month() - 1) / 3 * 3 + 1, 1);
        return {first, first.addMonths(3).addDays(-1)};
    }
    const QDate first(day.year(), day.month(), 1);
    return {first, first.addMonths(1).addDays(-1)};
}

namespace {

// [from 00:00, to+1 00:00) in UTC, as bound.
QVariantList span(const QDate &from, const QDate &to)
{
    return {timefmt::toSql(from.startOfDay(QTimeZone::utc())), timefmt::toSql(to.addDays(1).startOfDay(QTimeZone::utc()))};
}

// Hours of the contract's time entries starting in [from, to]: all, and billable.
Result<std::pair<double, double>> hoursBetween(Database &db, const QString &id, const QDate &from, const QDate &to)
{
    QVariantList binds{id};
    binds << span(from, to);
    auto q = db.run(QStringLiteral("SELECT t.start_at, t.end_at, t.billable FROM time_entries t JOIN work_orders w ON w.id = t.work_order_id "
                                   "WHERE w.contract_id = ? AND t.start_at >= ? AND t.start_at < ?"),
                    binds);
    if (!q)
        return q.error();
    double all = 0, billable = 0;
    while (q->next()) {
        const double h = timefmt::fromSql(q->value(0)).secsTo(timefmt::fromSql(q->value(1))) / 3600.0;
        all += h;
        const QVariant b = q->value(2);
        if (b.metaType().id() == QMetaType::Bool ? b.toBool() : b.toInt() != 0)
            billable += h;
    }
    return std::make_pair(all, billable);
}

} // namespace

Result<ContractConsumption> readConsumption(Database &db, const QString &contractId, const QDate &today)
{
    ContractConsumption c;
    auto k = db.run(QStringLiteral("SELECT starts_on, ends_on, fee_period, included_hours FROM contracts WHERE id = ?"), {contractId});
    if (!k)
        return k.error();
    if (!k->next())
        return Error{Error::Kind::NotFound, QCoreApplication::translate("ContractPage", "contract %1 does not exist").arg(contractId), {}};
    c.from = timefmt::dateFromSql(k->value(0));
    const QDate ends = timefmt::dateFromSql(k->value(1));
    const QString feePeriod = k->value(2).toString();
    if (!k->value(3).isNull())
        c.includedHours = k->value(3).toDouble();
    k->finish();
    c.to = std::min(ends, today);
    if (c.to < c.from)
        c.to = c.from; // not started yet: nothing used

    auto w = db.run(QStringLiteral("SELECT count(*), coalesce(sum(CASE WHEN status IN ('open','scheduled','in_progress') THEN 1 ELSE 0 END), 0) "
                                   "FROM work_orders WHERE contract_id = ?"),
                    {contractId});
    if (!w)
        return w.error();
    if (w->next()) {
        c.workOrders = w->value(0).toInt();
        c.openWorkOrders = w->value(1).toInt();
    }
    w->finish();

    QVariantList binds{contractId};
    binds << span(c.from, c.to);
    auto v = db.run(QStringLiteral("SELECT count(*) FROM appointments a JOIN work_orders w ON w.id = a.work_order_id "
                                   "WHERE w.contract_id = ? AND a.status <> 'cancelled' AND a.arrived_at IS NOT NULL "
                                   "AND a.arrived_at >= ? AND a.arrived_at < ?"),
                    binds);
    if (!v)
        return v.error();
    if (v->next())
        c.visits = v->value(0).toInt();
    v->finish();

    auto parts = db.run(QStringLiteral("SELECT count(*), coalesce(sum(u.quantity), 0), coalesce(sum(u.quantity * p.unit_cost), 0), "
                                       "coalesce(sum(CASE WHEN p.unit_cost IS NULL THEN 1 ELSE 0 END), 0) "
                                       "FROM parts_used u JOIN appointments a ON a.id = u.appointment_id "
                                       "JOIN work_orders w ON w.id = a.work_order_id JOIN parts p ON p.sku = u.sku "
                                       "WHERE w.contract_id = ? AND u.at >= ? AND u.at < ?"),
                        binds);
    if (!parts)
        return parts.error();
    if (parts->next()) {
        c.partLines = parts->value(0).toInt();
        c.partQuantity = parts->value(1).toDouble();
        c.partCost = parts->value(2).toDouble();
        c.partsWithoutCost = parts->value(3).toInt();
    }
    parts->finish();

    // The dashboard's SLA formula: closed by the first resolving visit, not cancelled.
    auto s = db.run(QStringLiteral("SELECT w.sla_due, (SELECT min(a.completed_at) FROM appointments a WHERE a.work_order_id = w.id "
                                   "AND a.status <> 'cancelled' AND a.resolved = ? AND a.completed_at IS NOT NULL) "
                                   "FROM work_orders w WHERE w.contract_id = ? AND w.sla_due >= ? AND w.sla_due < ?"),
                    QVariantList{true} + binds);
    if (!s)
        return s.error();
    while (s->next()) {
        ++c.slaDue;
        const QDateTime due = timefmt::fromSql(s->value(0));
        const QDateTime closed = timefmt::fromSql(s->value(1));
        if (closed.isValid() && closed <= due)
            ++c.slaMet;
    }
    s->finish();

    auto all = hoursBetween(db, contractId, c.from, c.to);
    if (!all)
        return all.error();
    c.hours = all->first;
    c.billableHours = all->second;
    const auto [pFrom, pTo] = billingPeriod(feePeriod, c.to);
    c.periodFrom = std::max(pFrom, c.from);
    c.periodTo = std::min(pTo, ends);
    auto period = hoursBetween(db, contractId, c.periodFrom, c.periodTo);
    if (!period)
        return period.error();
    c.periodHours = period->first;

    auto pm = db.run(QStringLiteral("SELECT w.status, w.pm_due FROM work_orders w JOIN maintenance_plans p ON p.id = w.pm_plan_id "
                                    "WHERE p.contract_id = ?"),
                     {contractId});
    if (!pm)
        return pm.error();
    while (pm->next()) {
        const QString status = pm->value(0).toString();
        const QDate due = timefmt::dateFromSql(pm->value(1));
        if (status == QLatin1String("done"))
            ++c.pmDone;
        else if (status == QLatin1String("cancelled") || (due.isValid() && due < today))
            ++c.pmMissed;
        else
            ++c.pmDue;
    }
    return c;
}

} // namespace fieldops::contracts
