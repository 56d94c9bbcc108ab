#include "MapView.h"

#include "MapInputHandler.h"
#include "map/MapModel.h"
#include "map/TileStore.h"
#include "selection/SelectionService.h"
#include "sync/RecentChanges.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

namespace fieldops::widgets {

MapView::MapView(map::MapModel *model, map::TileStore *tiles, QWidget *parent)
    : QWidget(parent), m_model(model), m_tiles(tiles), m_painter(model, tiles), m_input(new MapInputHandler(this))
{
    setObjectName(QStringLiteral("mapView"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setAccessibleName(tr("Map of technicians and jobs"));
    m_viewport.setSize(size());
    connect(m_model, &map::MapModel::changed, this, [this] {
        if (!m_fitted && !m_model->worldBounds().isNull()) {
            fitAll();
            return;
        }
        update();
    });
    connect(m_model, &map::MapModel::jobsChanged, this, [this] { m_painter.invalidate(); });
    if (m_tiles)
        connect(m_tiles, &map::TileStore::tilesChanged, this, qOverload<>(&QWidget::update));
}

MapView::~MapView() = default;

void MapView::setSelectionService(SelectionService *selection)
{
    m_selection = selection;
    if (selection) {
        connect(selection, &SelectionService::workOrderChanged, this, &MapView::onSharedSelection);
        connect(selection, &SelectionService::technicianChanged, this, &MapView::onSharedTechnician);
        onSharedSelection(selection->workOrderId());
    }
}

void MapView::setRecentChanges(const RecentChanges *recent)
{
    m_painter.setRecentChanges(recent);
    if (recent)
        connect(recent, &RecentChanges::changed, this, qOverload<>(&QWidget::update));
    update();
}

void MapView::setAttribution(const QString &text)
{
    m_state.attribution = text;
    update();
}

void MapView::setView(const QGeoCoordinate &center, double zoom)
{
    // A hidden widget gets its resize event only when shown: take the size from here.
    m_viewport.setSize(size());
    m_viewport.setZoom(zoom);
    m_viewport.setCenter(center);
    m_fitted = true;
    viewChanged();
}

QImage MapView::renderToImage()
{
    m_viewport.setSize(size());
    QImage img(size(), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&img);
    m_painter.paint(p, m_viewport, m_state);
    return img;
}

void MapView::zoomAt(const QPointF &screen, double zoom)
{
    m_viewport.zoomAround(screen, zoom);
    viewChanged();
}

void MapView::panBy(const QPointF &deltaPx)
{
    m_viewport.panByPixels(deltaPx);
    viewChanged();
}

void MapView::fitAll()
{
    const QRectF bounds = m_model->worldBounds();
    if (bounds.isNull())
        return;
    m_viewport.setSize(size());
    m_viewport.fitWorldRect(bounds);
    m_fitted = true;
    viewChanged();
}

void MapView::clickAt(const QPointF &screen, Qt::KeyboardModifiers mods)
{
    const MapHit hit = hitTest(screen);
    switch (hit.kind) {
    case MapHit::Kind::Technician:
        selectTechnician(hit.id);
        break;
    case MapHit::Kind::Job:
        selectJobs({hit.id}, mods & Qt::ControlModifier);
        break;
    case MapHit::Kind::Cluster:
        // A bubble opens up: zoom in around it.
        m_viewport.zoomAround(m_viewport.worldToScreen(hit.world), m_viewport.zoom() + 2);
        viewChanged();
        break;
    case MapHit::Kind::None:
        selectTechnician({});
        selectJobs({}, false);
        break;
    }
}

void MapView::selectJobs(const QStringList &ids, bool add)
{
    QSet<QString> next = add ? m_state.selectedJobs : QSet<QString>();
    for (const QString &id : ids)
        next.insert(id);
    if (next == m_state.selectedJobs)
        return;
    m_state.selectedJobs = next;
    update();
    const QStringList list(next.begin(), next.end());
    emit selectedJobsChanged(list);
    // The shared selection holds one work order: the one clicked, or the first of a band.
    if (m_selection)
        m_selection->selectWorkOrder(ids.isEmpty() ? (add ? m_selection->workOrderId() : QString()) : ids.first());
}

void MapView::selectTechnician(const QString &id)
{
    if (id == m_state.selectedTechnician)
        return;
    m_state.selectedTechnician = id;
    update();
    emit technicianSelected(id);
    if (m_selection)
        m_selection->selectTechnician(id);
}

void MapView::setHoveredTechnician(const QString &id)
{
    if (id == m_state.hoveredTechnician)
        return;
    m_state.hoveredTechnician = id;
    update();
}

void MapView::setRubberBand(const QRectF &screen)
{
    m_state.rubberBand = screen;
    update();
}

void MapView::setLasso(const QPolygonF &screen)
{
    m_state.lasso = screen;
    update();
}

void MapView::setAssignDrag(const QString &workOrderId, const QPointF &pos, const QString &overTechnician)
{
    m_state.draggedJob = workOrderId;
    m_state.dragPos = pos;
    m_state.dropTechnician = overTechnician;
    update();
}

void MapView::setMoving(bool moving)
{
    if (m_state.moving == moving)
        return;
    m_state.moving = moving;
    update();
}

void MapView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    m_painter.paint(p, m_viewport, m_state);
}

void MapView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_viewport.setSize(size());
    if (!m_fitted)
        fitAll();
    viewChanged();
}

bool MapView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const MapHit hit = hitTest(help->pos());
        QString text;
        if (hit.kind == MapHit::Kind::Technician) {
            if (const map::TechnicianMarker *t = m_model->technician(hit.id)) {
                text = tr("%1 — %2").arg(t->name, map::technicianStateName(t->state));
                if (t->prediction && t->prediction->late)
                    text += QLatin1Char('\n') + tr("expected %n minute(s) late for the next visit", nullptr, t->prediction->minutesLate);
            }
        } else if (hit.kind == MapHit::Kind::Job) {
            if (const map::JobPin *j = m_model->job(hit.id))
                text = tr("%1 · P%2 · %3\n%4").arg(j->job.workOrderId).arg(j->job.priority).arg(j->job.siteName, j->job.summary)
                       + (j->job.unassigned ? QLatin1Char('\n') + tr("unassigned: drag onto a technician to assign") : QString());
        } else if (hit.kind == MapHit::Kind::Cluster) {
            text = tr("%n job(s): click to zoom in", nullptr, hit.count);
        }
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, this);
        return true;
    }
    return QWidget::event(event);
}

void MapView::viewChanged()
{
    requestTiles();
    update();
    emit viewportChanged();
}

void MapView::onSharedSelection(const QString &workOrderId)
{
    const QSet<QString> next = workOrderId.isEmpty() ? QSet<QString>() : QSet<QString>{workOrderId};
    if (m_state.selectedJobs.contains(workOrderId) && !workOrderId.isEmpty())
        return; // our own choice coming back
    m_state.selectedJobs = next;
    update();
}

void MapView::onSharedTechnician(const QString &technicianId)
{
    if (technicianId == m_state.selectedTechnician)
        return; // our own choice coming back
    m_state.selectedTechnician = technicianId;
    emit technicianSelected(technicianId);
    // Chosen elsewhere (an alert): bring them on screen if they are not.
    const map::TechnicianMarker *t = technicianId.isEmpty() ? nullptr : m_model->technician(technicianId);
    if (t && t->hasFix && !QRectF(QPointF(0, 0), QSizeF(size())).contains(m_viewport.worldToScreen(t->world))) {
        m_viewport.setCenter(t->world);
        viewChanged();
        return;
    }
    update();
}

void MapView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    requestTiles();
}

void MapView::requestTiles()
{
    // A hidden map (another tab in front) asks for nothing: no traffic nobody sees.
    if (m_tiles && isVisible())
        m_tiles->request(MapPainter::visibleTiles(m_viewport, m_maxTileZoom));
}

} // namespace fieldops::widgets
