#include "kpi/KpiProactive.h"

#include "kpi/KpiReadParts.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QSet>
#include <QTimeZone>
#include <algorithm>

namespace fieldops::kpi {

namespace {

constexpr double kDayMs = 24.0 * 3600 * 1000;

// Length of the union of (c, c + 30 d] over the completions, clipped to [from, to).
qint64 coveredMs(std::vector<qint64> completions, qint64 fromMs, qint64 toMs)
{
    std::sort(completions.begin(), completions.end());
    qint64 total = 0, reach = fromMs; // everything before `reach` is counted
    for (qint64 c : completions) {
        const qint64 start = std::max(c, reach), end = std::min(c + kProactiveCoverMs, toMs);
        if (end > start) {
            total += end - start;
            reach = end;
        }
    }
    return total;
}

bool coveredAt(const std::vector<qint64> &completions, qint64 t)
{
    return std::any_of(completions.begin(), completions.end(), [t](qint64 c) { return c < t && t <= c + kProactiveCoverMs; });
}

} // namespace

ProactiveKpis computeProactiveKpis(const ProactiveIn &in, qint64 fromMs, qint64 toMs, const KpiFilter &filter)
{
    ProactiveKpis k;
    const QSet<QString> watched(in.watchedAssets.begin(), in.watchedAssets.end());
    static const std::vector<qint64> none;
    for (const ProactiveWorkOrderIn &w : in.workOrders) {
        if (w.createdMs < fromMs || w.createdMs >= toMs)
            continue;
        if (!filter.workOrderType.isEmpty() && w.type != filter.workOrderType)
            continue;
        if (filter.technicians && (w.technicianId.isEmpty() || !filter.technicians->contains(w.technicianId)))
            continue;
        ++k.workOrders;
        if (w.proactive)
            ++k.proactive;
        if (w.type != QLatin1String("corrective") || !watched.contains(w.assetId))
            continue;
        const auto it = in.proactiveCompletions.constFind(w.assetId);
        if (coveredAt(it == in.proactiveCompletions.cend() ? none : *it, w.createdMs))
            ++k.correctiveWith;
        else
            ++k.correctiveWithout;
    }
    if (k.workOrders > 0)
        k.proactiveShare = double(k.proactive) / k.workOrders;

    qint64 covered = 0;
    for (const QString &asset : watched) {
        const auto it = in.proactiveCompletions.constFind(asset);
        if (it != in.proactiveCompletions.cend())
            covered += coveredMs(*it, fromMs, toMs);
    }
    k.coveredAssetDays = covered / kDayMs;
    k.uncoveredAssetDays = double(watched.size()) * (toMs - fromMs) / kDayMs - k.coveredAssetDays;
    if (k.coveredAssetDays > 0)
        k.rateWith = k.correctiveWith / k.coveredAssetDays * 30;
    if (k.uncoveredAssetDays > 0)
        k.rateWithout = k.correctiveWithout / k.uncoveredAssetDays * 30;
    if (k.rateWith && k.rateWithout)
        k.failuresPrevented = (*k.rateWithout - *k.rateWith) * k.coveredAssetDays / 30;
    return k;
}

Result<ProactiveIn> loadProactiveInputs(Database &db, const KpiPeriod &period)
{
    using namespace detail;
    const Instants t(db.isPostgres());
    const auto sqlText = [](qint64 ms) { return timefmt::toSql(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())); };
    const QVariant from = sqlText(period.fromMs()), to = sqlText(period.toMs()), coverFrom = sqlText(period.fromMs() - kProactiveCoverMs);
    ProactiveIn in;
    // The episodes' work orders joined once (no index leads from a work order to its
    // episode; a correlated EXISTS would scan them per work order on SQLite).
    auto q = bulkSelect(db, QStringLiteral("SELECT coalesce(w.asset_id, ''), w.type, %1, CASE WHEN e.work_order_id IS NULL THEN 0 ELSE 1 END, w.id "
                                           "FROM work_orders w LEFT JOIN (SELECT DISTINCT work_order_id FROM condition_episodes) e "
                                           "ON e.work_order_id = w.id WHERE w.created_at >= ? AND w.created_at < ?")
                                .arg(t.column(QStringLiteral("w.created_at"))),
                        {from, to});
    if (!q)
        return q.error();
    QHash<QString, size_t> index; // work order id → its place in in.workOrders
    while (q->next()) {
        index.insert(q->value(4).toString(), in.workOrders.size());
        in.workOrders.push_back({q->value(0).toString(), q->value(1).toString(), t.required(q->value(2)), q->value(3).toInt() == 1, QString()});
    }

    // The technician of each one's visit: the first resolving appointment by start, else the latest.
    q = bulkSelect(db, QStringLiteral("SELECT a.work_order_id, a.technician_id, CASE WHEN CAST(a.resolved AS integer) = 1 THEN 1 ELSE 0 END FROM appointments a JOIN work_orders w ON w.id = a.work_order_id "
                                      "WHERE w.created_at >= ? AND w.created_at < ? AND a.status <> 'cancelled' ORDER BY a.work_order_id, a.start_at, a.id"),
                   {from, to});
    if (!q)
        return q.error();
    QSet<QString> closed;
    while (q->next()) {
        const QString wo = q->value(0).toString();
        const auto at = index.constFind(wo);
        if (at == index.cend() || closed.contains(wo))
            continue;
        in.workOrders[*at].technicianId = q->value(1).toString();
        if (q->value(2).toInt() == 1)
            closed.insert(wo);
    }

    q = bulkSelect(db, QStringLiteral("SELECT DISTINCT a.id FROM assets a JOIN condition_rules r ON r.active "
                                      "AND (r.asset_id = a.id OR r.asset_model = a.model) ORDER BY a.id"));
    if (!q)
        return q.error();
    while (q->next())
        in.watchedAssets << q->value(0).toString();

    q = bulkSelect(db, QStringLiteral("SELECT w.asset_id, %1 FROM appointments a JOIN work_orders w ON w.id = a.work_order_id "
                                      "JOIN (SELECT DISTINCT work_order_id FROM condition_episodes) e ON e.work_order_id = w.id "
                                      "WHERE a.status = 'completed' AND a.completed_at >= ? AND a.completed_at < ? AND w.asset_id IS NOT NULL")
                           .arg(t.column(QStringLiteral("a.completed_at"))),
                   {coverFrom, to});
    if (!q)
        return q.error();
    while (q->next())
        in.proactiveCompletions[q->value(0).toString()].push_back(t.required(q->value(1)));
    return in;
}

} // namespace fieldops::kpi
