#pragma once
// How a KPI reads on screen: rates as percentages, hours with one decimal, ratings with
// two, null as "—" (never 0 or NaN). The cards, the breakdown table and the trend chart's
// hover all use this, so they agree.
#include <QString>
#include <optional>

namespace fieldops::kpi {

enum class KpiUnit { Count, Rate, Hours, Rating, PerDay };

KpiUnit unitOf(const QString &key);
QString titleOf(const QString &key);       // translated, short ("First-time fix")
QString descriptionOf(const QString &key); // translated, one line for tooltips
QString formatKpi(const QString &key, const std::optional<double> &value);
// The change against the previous period: points for rates ("+3.2 pts"), a relative
// change otherwise ("+12%"); empty when either side is null.
QString formatChange(const QString &key, const std::optional<double> &now, const std::optional<double> &before);
// Higher is better for every key but the time to resolve.
bool higherIsBetter(const QString &key);
// The value as plotted: percentages for rates, the value otherwise.
double plotValue(const QString &key, double value);

} // namespace fieldops::kpi
