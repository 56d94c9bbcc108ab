#pragma once
// What part of the world a map shows: a centre (world coordinates, [0, 1]²), a zoom
// (fractional: wheel zoom is smooth) and the screen size. Pure maths, no widget, so the
// paint engine, the input handler, tests and the benchmark share one definition.
#include "map/MapProjection.h"

#include <QGeoCoordinate>
#include <QGeoRectangle>
#include <QPointF>
#include <QRectF>
#include <QSize>

namespace fieldops::map {

class MapViewport {
public:
    MapViewport() = default;
    MapViewport(const QPointF &centerWorld, double zoom, const QSize &size);

    QPointF center() const { return m_center; }
    double zoom() const { return m_zoom; }
    QSize size() const { return m_size; }
    double scale() const { return worldSizePx(m_zoom); } // pixels per world unit

    void setSize(const QSize &size) { m_size = size; }
    void setCenter(const QPointF &world);
    void setCenter(const QGeoCoordinate &c) { setCenter(toWorld(c)); }
    void setZoom(double zoom);

    QPointF worldToScreen(const QPointF &world) const
    {
        return (world - m_center) * scale() + QPointF(m_size.width() / 2.0, m_size.height() / 2.0);
    }
    QPointF screenToWorld(const QPointF &screen) const
    {
        return (screen - QPointF(m_size.width() / 2.0, m_size.height() / 2.0)) / scale() + m_center;
    }
    QPointF coordToScreen(const QGeoCoordinate &c) const { return worldToScreen(toWorld(c)); }
    QGeoCoordinate screenToCoord(const QPointF &screen) const { return fromWorld(screenToWorld(screen)); }
    // The world rectangle on screen (may reach past the world's edges).
    QRectF visibleWorldRect() const;
    QRectF screenRectToWorld(const QRectF &screen) const;

    // Moves the map so the content follows the pointer by (dx, dy) pixels.
    void panByPixels(const QPointF &delta);
    // Changes the zoom keeping the world point under `screenAnchor` where it is.
    void zoomAround(const QPointF &screenAnchor, double newZoom);
    // Centres and zooms so the world rectangle fits with a margin (pixels) around it.
    void fitWorldRect(const QRectF &world, int marginPx = 40);
    void fitGeoRect(const QGeoRectangle &rect, int marginPx = 40);

private:
    QPointF m_center{0.5, 0.5};
    double m_zoom = 3;
    QSize m_size{800, 600};
};

} // namespace fieldops::map
