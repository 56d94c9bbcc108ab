#pragma once
// Travel time between sites. The rules ask one pair at a time; route planners (suggestions,
// the optimizer) ask whole matrices, which is what a routing service such as OSRM's
// `table` endpoint answers in one request, so the interface offers both.
#include <QString>
#include <vector>

namespace fieldops::scheduling {

struct GeoPlace {
    QString siteId; // equal non-empty ids mean the same site: 0 minutes apart
    double lat = 0;
    double lon = 0;
};

class TravelTimeProvider {
public:
    virtual ~TravelTimeProvider() = default;
    // Whole minutes from `from` to `to` (never negative).
    virtual int minutes(const GeoPlace &from, const GeoPlace &to) const = 0;
    // A cheap bound never below minutes(): a gap at least this long needs no exact answer,
    // which keeps the full rule sweep from asking for every consecutive pair. The default
    // is the exact answer itself.
    virtual int upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const { return minutes(from, to); }
    // Row-major |from| × |to| minutes. The default asks pair by pair; a network provider
    // overrides it with one batch request.
    virtual std::vector<int> matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const;
};

// the README's rule checks default: great-circle distance (earth radius 6371 km) × 1.3 road
// factor at 40 km/h, rounded up to whole minutes; the same site is 0 minutes away.
class HaversineTravelTime final : public TravelTimeProvider {
public:
    static constexpr double kEarthRadiusKm = 6371.0;
    static constexpr double kRoadFactor = 1.3;
    static constexpr double kSpeedKmh = 40.0;

    int minutes(const GeoPlace &from, const GeoPlace &to) const override;
    // Along a parallel then a meridian, with cos(lat) taken as 1: no trigonometry at all.
    int upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const override;
    static double greatCircleKm(double lat1, double lon1, double lat2, double lon2);
};

// The provider the rules use when nothing else is configured.
const TravelTimeProvider &defaultTravelTime();

} // namespace fieldops::scheduling
