#pragma once
// Points (world coordinates) with integer ids in a Boost.Geometry R-tree: the map's hit
// tests, rubber-band and lasso selection and "what is on screen" are tree queries, so
// their cost follows the answer, not the data set.
#include <QPointF>
#include <QPolygonF>
#include <QRectF>

#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <optional>
#include <utility>
#include <vector>

namespace fieldops::map {

class SpatialIndex {
public:
    using Point = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
    using Box = boost::geometry::model::box<Point>;
    using Value = std::pair<Point, int>;

    // Bulk load (packing): much faster than inserting one by one, and a better tree.
    void rebuild(const std::vector<std::pair<QPointF, int>> &points);
    void clear() { m_tree.clear(); }
    void insert(const QPointF &p, int id) { m_tree.insert(Value(toPoint(p), id)); }
    // Needs the point the id was inserted with.
    bool remove(const QPointF &p, int id) { return m_tree.remove(Value(toPoint(p), id)) > 0; }
    void move(const QPointF &from, const QPointF &to, int id);
    size_t size() const { return m_tree.size(); }

    std::vector<int> inRect(const QRectF &world) const;
    // Inside the polygon (a lasso); the polygon's bounding box prunes first.
    std::vector<int> inPolygon(const QPolygonF &world) const;
    // The nearest id within maxDistance (world units) of p.
    std::optional<int> nearest(const QPointF &p, double maxDistance) const;
    // Calls f(id, point) for each point inside the rectangle, without building a vector.
    template <typename F>
    void forEachIn(const QRectF &world, F &&f) const
    {
        const Box box(toPoint(world.topLeft()), toPoint(world.bottomRight()));
        for (auto it = m_tree.qbegin(boost::geometry::index::covered_by(box)); it != m_tree.qend(); ++it)
            f(it->second, QPointF(it->first.get<0>(), it->first.get<1>()));
    }

private:
    static Point toPoint(const QPointF &p) { return Point(p.x(), p.y()); }
    boost::geometry::index::rtree<Value, boost::geometry::index::quadratic<16>> m_tree;
};

} // namespace fieldops::map
