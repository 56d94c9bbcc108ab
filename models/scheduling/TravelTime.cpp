#include "scheduling/TravelTime.h"

#include <cmath>
#include <numbers>

namespace fieldops::scheduling {

std::vector<int> TravelTimeProvider::matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const
{
    std::vector<int> out;
    out.reserve(from.size() * to.size());
    for (const GeoPlace &f : from) {
        for (const GeoPlace &t : to)
            out.push_back(minutes(f, t));
    }
    return out;
}

double HaversineTravelTime::greatCircleKm(double lat1, double lon1, double lat2, double lon2)
{
    constexpr double rad = std::numbers::pi / 180.0;
    const double dLat = (lat2 - lat1) * rad;
    const double dLon = (lon2 - lon1) * rad;
    const double s = std::sin(dLat / 2), t = std::sin(dLon / 2);
    const double h = s * s + std::cos(lat1 * rad) * std::cos(lat2 * rad) * t * t;
    // min() guards asin against rounding just above 1 for antipodal points.
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

int HaversineTravelTime::minutes(const GeoPlace &from, const GeoPlace &to) const
{
    if (!from.siteId.isEmpty() && from.siteId == to.siteId)
        return 0;
    const double km = greatCircleKm(from.lat, from.lon, to.lat, to.lon) * kRoadFactor;
    const double exact = km / kSpeedKmh * 60.0;
    // A hair of tolerance so that an exact whole number computed as 12.000000001 stays 12.
    return int(std::ceil(exact - 1e-9));
}

const TravelTimeProvider &defaultTravelTime()
{
    static const HaversineTravelTime provider;
    return provider;
}

} // namespace fieldops::scheduling
