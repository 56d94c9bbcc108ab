#include "map/SpatialIndex.h"

namespace fieldops::map {

namespace bgi = boost::geometry::index;

void SpatialIndex::rebuild(const std::vector<std::pair<QPointF, int>> &points)
{
    std::vector<Value> values;
    values.reserve(points.size());
    for (const auto &[p, id] : points)
        values.emplace_back(toPoint(p), id);
    m_tree = decltype(m_tree)(values.begin(), values.end());
}

void SpatialIndex::move(const QPointF &from, const QPointF &to, int id)
{
    m_tree.remove(Value(toPoint(from), id));
    m_tree.insert(Value(toPoint(to), id));
}

std::vector<int> SpatialIndex::inRect(const QRectF &world) const
{
    std::vector<int> out;
    forEachIn(world.normalized(), [&out](int id, const QPointF &) { out.push_back(id); });
    return out;
}

std::vector<int> SpatialIndex::inPolygon(const QPolygonF &world) const
{
    std::vector<int> out;
    forEachIn(world.boundingRect(), [&](int id, const QPointF &p) {
        if (world.containsPoint(p, Qt::OddEvenFill))
            out.push_back(id);
    });
    return out;
}

std::optional<int> SpatialIndex::nearest(const QPointF &p, double maxDistance) const
{
    if (m_tree.empty())
        return std::nullopt;
    // The box query bounds the search; nearest() alone would find a point a continent away.
    const Box box(toPoint(p - QPointF(maxDistance, maxDistance)), toPoint(p + QPointF(maxDistance, maxDistance)));
    std::optional<int> best;
    double bestD2 = maxDistance * maxDistance;
    for (auto it = m_tree.qbegin(bgi::covered_by(box) && bgi::nearest(toPoint(p), 4)); it != m_tree.qend(); ++it) {
        const double dx = it->first.get<0>() - p.x();
        const double dy = it->first.get<1>() - p.y();
        const double d2 = dx * dx + dy * dy;
        if (d2 <= bestD2) {
            bestD2 = d2;
            best = it->second;
        }
    }
    return best;
}

} // namespace fieldops::map
