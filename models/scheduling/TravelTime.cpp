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

namespace {
int roadMinutes(double greatCircleKm)
{
    const double exact = greatCircleKm * HaversineTravelTime::kRoadFactor / HaversineTravelTime::kSpeedKmh * 60.0;
    // A hair of tolerance so that an exact whole number computed as 12.000000001 stays 12.
    return int(std::ceil(exact - 1e-9));
}
} // namespace

int HaversineTravelTime::minutes(const GeoPlace &from, const GeoPlace &to) const
{
    if (!from.siteId.isEmpty() && from.siteId == to.siteId)
        return 0;
    return roadMinutes(greatCircleKm(from.lat, from.lon, to.lat, to.lon));
}

int HaversineTravelTime::upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const
{
    if (!from.siteId.isEmpty() && from.siteId == to.siteId)
        return 0;
    constexpr double rad = std::numbers::pi / 180.0;
    double dLon = std::abs(to.lon - from.lon);
    if (dLon > 180)
        dLon = 360 - dLon;
    // A path along the parallel then the meridian is never shorter than the great circle,
    // and with cos(lat) ≤ 1 the parallel leg is overestimated too. +1 absorbs rounding.
    const double km = kEarthRadiusKm * (std::abs(to.lat - from.lat) + dLon) * rad;
    return roadMinutes(km) + 1;
}

const TravelTimeProvider &defaultTravelTime()
{
    static const HaversineTravelTime provider;
    return provider;
}

} // namespace fieldops::scheduling
