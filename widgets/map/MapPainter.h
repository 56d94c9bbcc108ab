#pragma once
// The map's paint engine: background and graticule, tiles (a lower zoom scaled while the
// right ones load), job pins clustered with counts, technicians with state colour,
// heading and (zoomed in) names, the selected technician's trail and route, the scale
// bar and the attribution. It paints on any QPainter, so the widget, offscreen tests,
// screenshots and the benchmark share it. Cost follows what is on screen: the spatial
// indexes answer "what is visible", never a loop over the whole data set.
#include "MapPaintState.h"
#include "MapSprites.h"
#include "map/GridClusterer.h"
#include "map/MapViewport.h"
#include "map/TileKey.h"

#include <QColor>
#include <QHash>
#include <QPixmap>
#include <optional>
#include <vector>

class QPainter;

namespace fieldops {
class RecentChanges;
}
namespace fieldops::map {
class MapModel;
class TileStore;
enum class TechnicianState;
}

namespace fieldops::widgets {

struct MapHit {
    enum class Kind { None, Technician, Job, Cluster };
    Kind kind = Kind::None;
    QString id;       // technician or work-order id
    int count = 0;    // cluster size
    QPointF world;    // where the hit thing is
};

class MapPainter {
public:
    MapPainter(const map::MapModel *model, map::TileStore *tiles);

    void paint(QPainter &p, const map::MapViewport &vp, const MapPaintState &state);
    // The tiles the viewport needs at its zoom level (to request them).
    static QList<map::TileKey> visibleTiles(const map::MapViewport &vp, int maxZoom = 19);
    // What is under a screen point: a technician first (they sit on top), then a pin or a
    // cluster as the last paint grouped them.
    MapHit hitTest(const map::MapViewport &vp, const QPointF &screen) const;
    // Job ids inside a screen rectangle or polygon (rubber band, lasso).
    QStringList jobsIn(const map::MapViewport &vp, const QRectF &screenRect) const;
    QStringList jobsIn(const map::MapViewport &vp, const QPolygonF &screenPolygon) const;

    // Rows other people changed a moment ago are outlined with their name (nullptr: none).
    void setRecentChanges(const RecentChanges *recent) { m_recent = recent; }
    static QColor recentChangeColor() { return QColor(0xFF, 0x6F, 0x00); }

    static QColor stateColor(map::TechnicianState s);
    static QColor priorityColor(int priority);
    // Names appear from this zoom on.
    static constexpr double kLabelZoom = 13.0;

private:
    const std::vector<map::Cluster> &clustersFor(const map::MapViewport &vp) const;
    void paintBackground(QPainter &p, const map::MapViewport &vp) const;
    void paintTiles(QPainter &p, const map::MapViewport &vp) const;
    void paintJobs(QPainter &p, const map::MapViewport &vp, const MapPaintState &state) const;
    void paintRoute(QPainter &p, const map::MapViewport &vp, const QString &technicianId, bool withTrail) const;
    void paintTechnicians(QPainter &p, const map::MapViewport &vp, const MapPaintState &state) const;
    void paintOverlay(QPainter &p, const map::MapViewport &vp, const MapPaintState &state) const;
    void paintRecentChanges(QPainter &p, const map::MapViewport &vp) const;
    void outlineChange(QPainter &p, const QPointF &at, double radius, const QString &actor, double remaining) const;

    // Clusters of one whole zoom level over an area larger than the screen, snapped to
    // the level's grid so every cell in it is complete: pans and fractional zooms within
    // reuse it, and going back to a level seen before costs nothing.
    struct ClusterCache {
        QRectF area;
        std::vector<map::Cluster> clusters;
    };

    const map::MapModel *m_model;
    map::TileStore *m_tiles;
    map::GridClusterer m_clusterer;
    mutable QHash<int, ClusterCache> m_clusterCache;
    mutable MapSprites m_sprites;
    const RecentChanges *m_recent = nullptr;

public:
    // The view calls it when the pins changed, so cached clusters are rebuilt.
    void invalidate() const { m_clusterCache.clear(); }
};

} // namespace fieldops::widgets
