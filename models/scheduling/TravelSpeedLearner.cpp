#include "scheduling/TravelSpeedLearner.h"

#include <QHash>
#include <algorithm>

namespace fieldops::scheduling {

namespace {
double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
} // namespace

LegUse TravelSpeedLearner::judge(const ObservedLeg &leg)
{
    if (leg.modelMinutes < kShortestModelMinutes)
        return LegUse::TooShort;
    if (leg.drivenMinutes <= 0)
        return LegUse::NotADrive;
    if (leg.drivenMinutes > kWaitRatio * leg.modelMinutes + kWaitSlackMinutes)
        return LegUse::Waited;
    return LegUse::Counted;
}

std::vector<TerritorySpeed> TravelSpeedLearner::learn(const std::vector<ObservedLeg> &legs, const QStringList &territoryIds)
{
    std::vector<TerritorySpeed> out(size_t(territoryIds.size()));
    QHash<QString, size_t> row;
    for (qsizetype i = 0; i < territoryIds.size(); ++i) {
        out[size_t(i)].territoryId = territoryIds[i];
        row.insert(territoryIds[i], size_t(i));
    }
    std::vector<std::vector<double>> ratios(out.size());
    for (const ObservedLeg &leg : legs) {
        const auto it = row.constFind(leg.territoryId);
        if (it == row.cend())
            continue;
        if (judge(leg) != LegUse::Counted) {
            ++out[*it].setAside;
            continue;
        }
        ratios[*it].push_back(leg.drivenMinutes / leg.modelMinutes);
    }
    for (size_t i = 0; i < out.size(); ++i) {
        TerritorySpeed &t = out[i];
        t.legs = int(ratios[i].size());
        if (t.legs > 0)
            t.factor = std::clamp(median(std::move(ratios[i])), kMinFactor, kMaxFactor);
        t.learned = t.legs >= kMinLegs;
    }
    return out;
}

} // namespace fieldops::scheduling
