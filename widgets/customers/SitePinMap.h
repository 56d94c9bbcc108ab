#pragma once
// A small map for placing one site: the console's map paint engine (tiles when a source
// is set, else the plain graticule) with one pin. Click to put the pin, drag it to move
// it, wheel or +/− to zoom, drag elsewhere to pan. The coordinates it reports are what the
// site form stores; typed coordinates move the pin here.
#include "map/MapPainter.h"
#include "map/MapViewport.h"

#include <QGeoCoordinate>
#include <QWidget>
#include <memory>

namespace fieldops::map {
class MapModel;
class TileStore;
}

namespace fieldops::widgets {

class SitePinMap : public QWidget {
    Q_OBJECT
public:
    explicit SitePinMap(QWidget *parent = nullptr);
    ~SitePinMap() override;

    // Tiles to draw under the pin (shared with the map tab); nullptr: the graticule.
    void setTileStore(map::TileStore *tiles);
    // An invalid coordinate hides the pin; a valid one centres it unless `keepView`.
    void setPin(const QGeoCoordinate &pin, bool keepView = false);
    QGeoCoordinate pin() const { return m_pin; }
    void setInteractive(bool interactive) { m_interactive = interactive; }
    const map::MapViewport &viewport() const { return m_viewport; }
    QPointF screenPosOf(const QGeoCoordinate &c) const { return m_viewport.coordToScreen(c); }
    QSize sizeHint() const override { return {360, 220}; }

signals:
    // The user put or dragged the pin here.
    void pinMoved(const QGeoCoordinate &pin);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void requestTiles();
    std::unique_ptr<map::MapModel> m_empty; // nothing but the pin is drawn
    map::TileStore *m_tiles = nullptr;
    std::unique_ptr<MapPainter> m_painter;
    map::MapViewport m_viewport;
    QGeoCoordinate m_pin;
    bool m_interactive = true;
    enum class Drag { None, Pin, Pan } m_drag = Drag::None;
    QPointF m_pressAt, m_last;
    bool m_moved = false;
};

} // namespace fieldops::widgets
