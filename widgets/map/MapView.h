#pragma once
// The live map widget: a thin shell over MapPainter (paint) and MapInputHandler (input).
// It holds the viewport and the transient view state, asks the tile store for what is on
// screen, and shares the selected work order with the board, the queue and the inspector
// through the SelectionService. A drop of an unassigned pin on a technician becomes
// assignRequested(); deciding the slot and writing it belong to the caller.
#include "MapPaintState.h"
#include "MapPainter.h"
#include "map/MapViewport.h"

#include <QWidget>
#include <memory>

namespace fieldops {
class RecentChanges;
class SelectionService;
}
namespace fieldops::map {
class MapModel;
class TileStore;
}

namespace fieldops::widgets {
class MapInputHandler;

class MapView : public QWidget {
    Q_OBJECT
public:
    MapView(map::MapModel *model, map::TileStore *tiles, QWidget *parent = nullptr);
    ~MapView() override;

    map::MapModel *model() const { return m_model; }
    map::TileStore *tiles() const { return m_tiles; }
    void setSelectionService(SelectionService *selection);
    // Outline what other people changed a moment ago, with their name.
    void setRecentChanges(const RecentChanges *recent);
    void setAttribution(const QString &text);
    void setMaxTileZoom(int z) { m_maxTileZoom = z; }
    // The tile source changed: ask for what is on screen again and repaint.
    void refreshTiles()
    {
        requestTiles();
        update();
    }

    const map::MapViewport &viewport() const { return m_viewport; }
    void setView(const QGeoCoordinate &center, double zoom);
    const MapPaintState &paintState() const { return m_state; }
    MapPainter &painter() { return m_painter; }

    // Renders the current view into an image of the widget's size (tests, screenshots).
    QImage renderToImage();

    MapHit hitTest(const QPointF &screen) const { return m_painter.hitTest(m_viewport, screen); }
    QStringList jobsIn(const QRectF &screenRect) const { return m_painter.jobsIn(m_viewport, screenRect); }
    QStringList jobsIn(const QPolygonF &screenPolygon) const { return m_painter.jobsIn(m_viewport, screenPolygon); }
    QStringList selectedJobs() const { return QStringList(m_state.selectedJobs.begin(), m_state.selectedJobs.end()); }
    QString selectedTechnician() const { return m_state.selectedTechnician; }
    QPointF screenPosOf(const QGeoCoordinate &c) const { return m_viewport.coordToScreen(c); }

    // Actions (the input handler and the tab's toolbar call these).
    void zoomAt(const QPointF &screen, double zoom);
    void panBy(const QPointF &deltaPx);
    void fitAll();
    void clickAt(const QPointF &screen, Qt::KeyboardModifiers mods);
    void selectJobs(const QStringList &ids, bool add);
    void selectTechnician(const QString &id);
    void setHoveredTechnician(const QString &id);
    void setRubberBand(const QRectF &screen);
    void setLasso(const QPolygonF &screen);
    void setAssignDrag(const QString &workOrderId, const QPointF &pos, const QString &overTechnician);
    void setMoving(bool moving);

signals:
    // An unassigned job's pin was dropped on a technician.
    void assignRequested(const QString &workOrderId, const QString &technicianId);
    void technicianSelected(const QString &technicianId);
    void selectedJobsChanged(const QStringList &workOrderIds);
    void viewportChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool event(QEvent *event) override;

private:
    void viewChanged();
    void onSharedSelection(const QString &workOrderId);
    void onSharedTechnician(const QString &technicianId);
    void requestTiles();

    map::MapModel *m_model;
    map::TileStore *m_tiles;
    SelectionService *m_selection = nullptr;
    map::MapViewport m_viewport;
    MapPainter m_painter;
    MapPaintState m_state;
    MapInputHandler *m_input;
    int m_maxTileZoom = 19;
    bool m_fitted = false; // the first data fits the view once; later updates never move it
};

} // namespace fieldops::widgets
