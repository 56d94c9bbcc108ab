#include "scheduling/LearnedSpeedTravelTime.h"

#include <cmath>

namespace fieldops::scheduling {

namespace {
// Whole minutes, rounded up as the model rounds; the hair of tolerance keeps 12 × 1.5 = 18
// computed as 18.000000001 at 18.
int scaled(int minutes, double factor)
{
    return factor == 1.0 ? minutes : int(std::ceil(minutes * factor - 1e-9));
}
} // namespace

LearnedSpeedTravelTime::LearnedSpeedTravelTime(const TravelSpeeds &speeds) : m_territoryOfSite(speeds.siteTerritory)
{
    for (const TerritorySpeed &t : speeds.territories)
        if (t.learned)
            m_factorOfTerritory.insert(t.territoryId, t.factor);
}

double LearnedSpeedTravelTime::factorFor(const GeoPlace &from, const GeoPlace &to) const
{
    QString territory = to.siteId.isEmpty() ? QString() : m_territoryOfSite.value(to.siteId);
    if (territory.isEmpty() && to.siteId.isEmpty() && !from.siteId.isEmpty())
        territory = m_territoryOfSite.value(from.siteId);
    return m_factorOfTerritory.value(territory, 1.0);
}

int LearnedSpeedTravelTime::minutes(const GeoPlace &from, const GeoPlace &to) const
{
    return scaled(defaultTravelTime().minutes(from, to), factorFor(from, to));
}

// The model's bound is never below its minutes, so the same bound scaled by the same factor
// is never below the scaled minutes.
int LearnedSpeedTravelTime::upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const
{
    return scaled(defaultTravelTime().upperBoundMinutes(from, to), factorFor(from, to));
}

} // namespace fieldops::scheduling
