#include "kpi/KpiTargets.h"

#include "kpi/KpiFormat.h"
#include "kpi/KpiKeys.h"

#include <cmath>

namespace fieldops::kpi {

KpiRag ragState(const QString &key, const std::optional<double> &value, const KpiTarget *target)
{
    if (!value || !target)
        return KpiRag::None;
    // Oriented so that larger is better whatever the KPI.
    const double sign = higherIsBetter(key) ? 1.0 : -1.0;
    const double v = sign * *value;
    if (v >= sign * target->target)
        return KpiRag::Green;
    if (target->amberThreshold && v >= sign * *target->amberThreshold)
        return KpiRag::Amber;
    return KpiRag::Red;
}

const KpiTarget *targetFor(const std::vector<KpiTarget> &targets, const QString &key, const QString &territoryId)
{
    const KpiTarget *everywhere = nullptr;
    for (const KpiTarget &t : targets) {
        if (t.kpiKey != key)
            continue;
        if (!territoryId.isEmpty() && t.territoryId == territoryId)
            return &t;
        if (t.territoryId.isEmpty())
            everywhere = &t;
    }
    return everywhere;
}

QString KpiTargetRules::problem(const KpiTarget &t)
{
    if (!keys().contains(t.kpiKey))
        return tr("unknown KPI \"%1\"").arg(t.kpiKey);
    const QString title = titleOf(t.kpiKey);
    auto bad = [](double v) { return !std::isfinite(v); };
    if (bad(t.target) || (t.amberThreshold && bad(*t.amberThreshold)))
        return tr("%1: the target must be a number").arg(title);
    auto outOfRange = [&](double v) {
        switch (unitOf(t.kpiKey)) {
        case KpiUnit::Rate:
            return v < 0 || v > 1;
        case KpiUnit::Rating:
            return v < 1 || v > 5;
        default:
            return v < 0;
        }
    };
    const QString range = unitOf(t.kpiKey) == KpiUnit::Rate     ? tr("between 0% and 100%")
                          : unitOf(t.kpiKey) == KpiUnit::Rating ? tr("between 1 and 5")
                                                                : tr("zero or more");
    if (outOfRange(t.target))
        return tr("%1: the target must be %2").arg(title, range);
    if (t.amberThreshold) {
        if (outOfRange(*t.amberThreshold))
            return tr("%1: the amber threshold must be %2").arg(title, range);
        const bool worse = higherIsBetter(t.kpiKey) ? *t.amberThreshold <= t.target : *t.amberThreshold >= t.target;
        if (!worse)
            return higherIsBetter(t.kpiKey) ? tr("%1: the amber threshold must not be above the target (higher is better)").arg(title)
                                            : tr("%1: the amber threshold must not be below the target (lower is better)").arg(title);
    }
    return {};
}

QString KpiTargetRules::ragText(KpiRag state)
{
    switch (state) {
    case KpiRag::Green:
        return tr("on target");
    case KpiRag::Amber:
        return tr("near target");
    case KpiRag::Red:
        return tr("off target");
    case KpiRag::None:
        break;
    }
    return {};
}

} // namespace fieldops::kpi
