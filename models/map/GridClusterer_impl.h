#pragma once
// Template body of GridClusterer::cluster (kept apart so the header reads as an interface).
#include "map/MapProjection.h"
#include "map/SpatialIndex.h"

#include <QHash>
#include <cmath>
#include <cstdlib>

namespace fieldops::map {

template <typename RankOf>
std::vector<Cluster> GridClusterer::cluster(const SpatialIndex &index, const QRectF &visibleWorld, double zoom,
                                            RankOf rankOf) const
{
    // Whole zoom levels pick the grid, so a cell means the same ground while zooming
    // between two levels.
    const double cellWorld = m_cellPx / worldSizePx(std::floor(zoom));
    const double cellsPerRow = std::ceil(1.0 / cellWorld) + 1;
    struct Acc {
        double sx = 0, sy = 0;
        int count = 0, firstId = -1, worst = 99, flagged = 0;
    };
    QHash<qint64, int> slotOf;
    std::vector<Acc> acc;
    slotOf.reserve(1024);
    index.forEachIn(visibleWorld, [&](int id, const QPointF &p) {
        const qint64 cx = qint64(p.x() / cellWorld);
        const qint64 cy = qint64(p.y() / cellWorld);
        const qint64 cell = cy * qint64(cellsPerRow) + cx;
        auto it = slotOf.find(cell);
        if (it == slotOf.end()) {
            it = slotOf.insert(cell, int(acc.size()));
            acc.push_back({});
            acc.back().firstId = id;
        }
        Acc &a = acc[size_t(*it)];
        a.sx += p.x();
        a.sy += p.y();
        ++a.count;
        const int r = rankOf(id);
        if (r < 0)
            ++a.flagged;
        if (std::abs(r) < a.worst)
            a.worst = std::abs(r);
    });
    std::vector<Cluster> out;
    out.reserve(acc.size());
    for (const Acc &a : acc)
        out.push_back({QPointF(a.sx / a.count, a.sy / a.count), a.count, a.firstId, a.worst, a.flagged});
    return out;
}

} // namespace fieldops::map
