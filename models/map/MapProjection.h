#pragma once
// Web Mercator (EPSG:3857) as slippy maps use it: the world is a square of 256 × 2^zoom
// pixels, x grows east, y grows south. "World" coordinates are that square scaled to
// [0, 1], so they do not depend on the zoom and the spatial index can store them once.
#include <QGeoCoordinate>
#include <QPointF>
#include <QRectF>
#include <cmath>

namespace fieldops::map {

constexpr int kTileSize = 256;
// Beyond this latitude Mercator runs to infinity; every slippy map stops here.
constexpr double kMaxLatitude = 85.0511287798066;
constexpr double kMinZoom = 1.0;
constexpr double kMaxZoom = 19.0;

// World size in pixels at a (possibly fractional) zoom.
inline double worldSizePx(double zoom) { return kTileSize * std::exp2(zoom); }

// lat/lon → [0, 1]² (latitude clamped to the Mercator range).
QPointF toWorld(double lat, double lon);
inline QPointF toWorld(const QGeoCoordinate &c) { return toWorld(c.latitude(), c.longitude()); }
// [0, 1]² → lat/lon.
QGeoCoordinate fromWorld(const QPointF &world);

inline QPointF toPixel(const QGeoCoordinate &c, double zoom) { return toWorld(c) * worldSizePx(zoom); }
inline QGeoCoordinate fromPixel(const QPointF &px, double zoom) { return fromWorld(px / worldSizePx(zoom)); }

// Ground metres covered by one screen pixel at a latitude (the scale bar's basis).
double metresPerPixel(double lat, double zoom);

} // namespace fieldops::map
