#pragma once
// Job pins grouped by a grid in screen space when zoomed out: one bubble per cell with
// the count, at the members' mean position; a cell holding one pin stays a pin. The grid
// is anchored to the world (not the screen), so bubbles do not jump while panning; each
// zoom level has its own grid, so clusters expand as the zoom grows.
#include <QPointF>
#include <QRectF>

#include <vector>

namespace fieldops::map {
class SpatialIndex;

struct Cluster {
    QPointF world;      // mean of the members (world coordinates)
    int count = 0;
    int firstId = -1;   // a member (the one pin when count == 1)
    int worstRank = 99; // the most urgent member's rank (lower = more urgent), for colour
    int flagged = 0;    // members whose rank came negative (the map: unassigned jobs)
};

class GridClusterer {
public:
    explicit GridClusterer(double cellPx = 60) : m_cellPx(cellPx) {}
    double cellPx() const { return m_cellPx; }

    // Points of `index` inside `visibleWorld` at `zoom`; rankOf(id) gives each point's
    // rank (its priority), negated to flag it. Cost follows the visible points.
    template <typename RankOf>
    std::vector<Cluster> cluster(const SpatialIndex &index, const QRectF &visibleWorld, double zoom, RankOf rankOf) const;

private:
    double m_cellPx;
};

} // namespace fieldops::map

#include "map/GridClusterer_impl.h"
