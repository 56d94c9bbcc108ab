#include "map/MapProjection.h"

#include <algorithm>
#include <numbers>

namespace fieldops::map {

namespace {
constexpr double kEarthCircumferenceM = 2 * std::numbers::pi * 6378137.0; // WGS 84 equator
}

QPointF toWorld(double lat, double lon)
{
    const double clampedLat = std::clamp(lat, -kMaxLatitude, kMaxLatitude);
    const double phi = clampedLat * std::numbers::pi / 180.0;
    const double x = (lon + 180.0) / 360.0;
    const double y = 0.5 - std::log(std::tan(std::numbers::pi / 4 + phi / 2)) / (2 * std::numbers::pi);
    return {x, y};
}

QGeoCoordinate fromWorld(const QPointF &world)
{
    const double lon = world.x() * 360.0 - 180.0;
    const double n = std::numbers::pi * (1.0 - 2.0 * world.y());
    const double lat = std::atan(std::sinh(n)) * 180.0 / std::numbers::pi;
    return QGeoCoordinate(lat, lon);
}

double metresPerPixel(double lat, double zoom)
{
    return kEarthCircumferenceM * std::cos(lat * std::numbers::pi / 180.0) / worldSizePx(zoom);
}

} // namespace fieldops::map
