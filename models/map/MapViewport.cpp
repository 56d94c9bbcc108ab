#include "map/MapViewport.h"

#include <algorithm>
#include <cmath>

namespace fieldops::map {

MapViewport::MapViewport(const QPointF &centerWorld, double zoom, const QSize &size) : m_size(size)
{
    setZoom(zoom);
    setCenter(centerWorld);
}

void MapViewport::setCenter(const QPointF &world)
{
    // The centre may not leave the world, or the map would scroll off into nothing.
    m_center = QPointF(std::clamp(world.x(), 0.0, 1.0), std::clamp(world.y(), 0.0, 1.0));
}

void MapViewport::setZoom(double zoom) { m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom); }

QRectF MapViewport::visibleWorldRect() const
{
    return QRectF(screenToWorld(QPointF(0, 0)), screenToWorld(QPointF(m_size.width(), m_size.height())));
}

QRectF MapViewport::screenRectToWorld(const QRectF &screen) const
{
    return QRectF(screenToWorld(screen.topLeft()), screenToWorld(screen.bottomRight())).normalized();
}

void MapViewport::panByPixels(const QPointF &delta) { setCenter(m_center - delta / scale()); }

void MapViewport::zoomAround(const QPointF &screenAnchor, double newZoom)
{
    const QPointF anchorWorld = screenToWorld(screenAnchor);
    setZoom(newZoom);
    // Put anchorWorld back under the anchor: centre = anchor − (anchor − half) / scale.
    const QPointF half(m_size.width() / 2.0, m_size.height() / 2.0);
    setCenter(anchorWorld - (screenAnchor - half) / scale());
}

void MapViewport::fitWorldRect(const QRectF &world, int marginPx)
{
    if (world.width() <= 0 && world.height() <= 0) { // one point: a street-level view of it
        setCenter(world.center());
        setZoom(15);
        return;
    }
    const double w = std::max(1, m_size.width() - 2 * marginPx);
    const double h = std::max(1, m_size.height() - 2 * marginPx);
    const double zx = world.width() > 0 ? std::log2(w / (world.width() * kTileSize)) : kMaxZoom;
    const double zy = world.height() > 0 ? std::log2(h / (world.height() * kTileSize)) : kMaxZoom;
    setZoom(std::min({zx, zy, 17.0}));
    setCenter(world.center());
}

void MapViewport::fitGeoRect(const QGeoRectangle &rect, int marginPx)
{
    fitWorldRect(QRectF(toWorld(rect.topLeft()), toWorld(rect.bottomRight())).normalized(), marginPx);
}

} // namespace fieldops::map
