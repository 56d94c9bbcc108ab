#include "customers/SitePinMap.h"

#include "map/MapModel.h"
#include "map/MapProjection.h"
#include "map/TileStore.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QWheelEvent>

namespace fieldops::widgets {

namespace {
constexpr double kPinGrabPx = 14;
constexpr double kDragThresholdPx = 4;
} // namespace

SitePinMap::SitePinMap(QWidget *parent)
    : QWidget(parent), m_empty(std::make_unique<map::MapModel>()), m_painter(std::make_unique<MapPainter>(m_empty.get(), nullptr))
{
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(240, 160);
    setCursor(Qt::CrossCursor);
    m_viewport = map::MapViewport(map::toWorld(-15.0, -50.0), 3, size());
}

SitePinMap::~SitePinMap() = default;

void SitePinMap::setTileStore(map::TileStore *tiles)
{
    m_tiles = tiles;
    m_painter = std::make_unique<MapPainter>(m_empty.get(), tiles);
    if (tiles)
        connect(tiles, &map::TileStore::tilesChanged, this, qOverload<>(&QWidget::update));
    requestTiles();
    update();
}

void SitePinMap::setPin(const QGeoCoordinate &pin, bool keepView)
{
    m_pin = pin;
    // Kept only while the pin stays in sight: typed coordinates far away move the view.
    const bool inSight = rect().contains(m_viewport.coordToScreen(pin).toPoint());
    if (pin.isValid() && (!keepView || !inSight)) {
        m_viewport.setCenter(pin);
        if (m_viewport.zoom() < 12)
            m_viewport.setZoom(15);
        requestTiles();
    }
    update();
}

void SitePinMap::requestTiles()
{
    if (m_tiles && m_tiles->hasSource())
        m_tiles->request(MapPainter::visibleTiles(m_viewport));
}

void SitePinMap::resizeEvent(QResizeEvent *)
{
    m_viewport.setSize(size());
    requestTiles();
}

void SitePinMap::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    m_painter->paint(p, m_viewport, MapPaintState());
    if (m_pin.isValid()) {
        const QPointF at = m_viewport.coordToScreen(m_pin);
        // A drop-shaped pin whose point is the site.
        QPainterPath pin;
        pin.moveTo(at);
        pin.cubicTo(at + QPointF(-10, -12), at + QPointF(-10, -26), at + QPointF(0, -26));
        pin.cubicTo(at + QPointF(10, -26), at + QPointF(10, -12), at);
        p.setPen(QPen(QColor(0x7a, 0x10, 0x10), 1.5));
        p.setBrush(QColor(0xd3, 0x2f, 0x2f));
        p.drawPath(pin);
        p.setBrush(Qt::white);
        p.drawEllipse(at + QPointF(0, -18), 3.5, 3.5);
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight(), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(1, 1, -1, -1));
    }
}

void SitePinMap::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressAt = m_last = event->position();
    m_moved = false;
    const bool onPin = m_pin.isValid()
        && QLineF(m_viewport.coordToScreen(m_pin) + QPointF(0, -13), event->position()).length() <= kPinGrabPx;
    m_drag = onPin && m_interactive ? Drag::Pin : Drag::Pan;
}

void SitePinMap::mouseMoveEvent(QMouseEvent *event)
{
    if (m_drag == Drag::None)
        return;
    if (QLineF(m_pressAt, event->position()).length() > kDragThresholdPx)
        m_moved = true;
    if (m_drag == Drag::Pan) {
        m_viewport.panByPixels(event->position() - m_last);
        requestTiles();
    } else if (m_moved) {
        m_pin = m_viewport.screenToCoord(event->position());
    }
    m_last = event->position();
    update();
}

void SitePinMap::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_drag == Drag::None)
        return;
    const Drag drag = m_drag;
    m_drag = Drag::None;
    if (!m_interactive)
        return;
    // A click (no drag) puts the pin; a dragged pin lands where it was let go.
    if ((drag == Drag::Pan && !m_moved) || (drag == Drag::Pin && m_moved)) {
        m_pin = m_viewport.screenToCoord(event->position());
        update();
        emit pinMoved(m_pin);
    }
}

void SitePinMap::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    m_viewport.zoomAround(event->position(), std::clamp(m_viewport.zoom() + steps, 1.0, 19.0));
    requestTiles();
    update();
}

void SitePinMap::keyPressEvent(QKeyEvent *event)
{
    const QPointF middle(width() / 2.0, height() / 2.0);
    if (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal)
        m_viewport.zoomAround(middle, std::min(19.0, m_viewport.zoom() + 1));
    else if (event->key() == Qt::Key_Minus)
        m_viewport.zoomAround(middle, std::max(1.0, m_viewport.zoom() - 1));
    else {
        QWidget::keyPressEvent(event);
        return;
    }
    requestTiles();
    update();
}

} // namespace fieldops::widgets
