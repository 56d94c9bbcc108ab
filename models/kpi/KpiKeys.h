#pragma once
// The KPI keys of the README's KPI formulas, in the order the CLI and the dashboard list them.
#include <QString>
#include <QStringList>

namespace fieldops::kpi {

inline const QStringList &keys()
{
    static const QStringList k{QStringLiteral("work_orders_closed"),     QStringLiteral("first_time_fix_rate"),
                               QStringLiteral("on_time_arrival_rate"),   QStringLiteral("sla_compliance_rate"),
                               QStringLiteral("mean_time_to_resolve_h"), QStringLiteral("utilization"),
                               QStringLiteral("billable_ratio"),         QStringLiteral("avg_rating"),
                               QStringLiteral("ratings_count"),          QStringLiteral("jobs_per_technician_day")};
    return k;
}

// Counts are always numbers; every other key is null when its denominator is empty.
inline bool isCount(const QString &key)
{
    return key == QLatin1String("work_orders_closed") || key == QLatin1String("ratings_count");
}

} // namespace fieldops::kpi
