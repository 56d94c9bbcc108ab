#include "board/BoardGeometry.h"

#include <algorithm>

namespace fieldops::board {

QRectF BoardGeometry::barRect(const BoardItem &item, int row) const
{
    // On the bar's own row: its technician's clock places it.
    const double x1 = m_scale.xOf(item.technician, item.startMs), x2 = m_scale.xOf(item.technician, item.endMs);
    const double top = m_rows.top(row) + kBarInset;
    return QRectF(x1, top, std::max(x2 - x1, 2.0), m_rows.height(row) - 2 * kBarInset);
}

QRectF BoardGeometry::rowRect(int row, double width) const { return QRectF(0, m_rows.top(row), width, m_rows.height(row)); }

BoardHit BoardGeometry::hitTest(const QPointF &content, bool showCancelled) const
{
    BoardHit hit;
    hit.row = m_rows.rowAt(int(content.y()));
    if (hit.row < 0)
        return hit;
    const BoardRow &r = m_rows.row(hit.row);
    if (r.kind != BoardRow::Kind::Technician)
        return hit;
    const qint64 grip = qint64(kEdgeGrip * double(m_scale.msPerPx()));
    const qint64 at = m_scale.msAt(r.technician, content.x());
    std::vector<int> near;
    m_model.itemsBetween(r.technician, at - grip, at + grip + 1, near);
    // The last drawn bar is on top: search from the end.
    for (auto it = near.rbegin(); it != near.rend(); ++it) {
        const BoardItem &b = m_model.items()[size_t(*it)];
        if (b.isCancelled() && !showCancelled)
            continue;
        const QRectF rect = barRect(b, hit.row);
        if (!rect.adjusted(-kEdgeGrip, 0, kEdgeGrip, 0).contains(content))
            continue;
        hit.item = *it;
        if (rect.width() >= 3 * kEdgeGrip && content.x() <= rect.left() + kEdgeGrip)
            hit.part = BoardHit::Part::LeftEdge;
        else if (rect.width() >= 3 * kEdgeGrip && content.x() >= rect.right() - kEdgeGrip)
            hit.part = BoardHit::Part::RightEdge;
        else if (rect.contains(content))
            hit.part = BoardHit::Part::Body;
        else {
            hit.item = -1;
            continue;
        }
        return hit;
    }
    return hit;
}

} // namespace fieldops::board
