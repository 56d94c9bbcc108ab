#pragma once
// Where a bar is and what is under the pointer, in content coordinates (x from the
// horizon's start on the TimeScale, y from the first row). The painter and the input
// handler both use these, so what is drawn is exactly what is hit.
#include "board/BoardModel.h"
#include "board/RowLayout.h"
#include "board/TimeScale.h"

#include <QPointF>
#include <QRectF>

namespace fieldops::board {

struct BoardHit {
    enum class Part { None, Body, LeftEdge, RightEdge };
    int row = -1;
    int item = -1;
    Part part = Part::None;
};

class BoardGeometry {
public:
    static constexpr double kBarInset = 5.0;  // gap above and below a bar within its row
    static constexpr double kEdgeGrip = 5.0;  // px at each end that resize instead of move

    BoardGeometry(const BoardModel &model, const RowLayout &rows, const TimeScale &scale)
        : m_model(model), m_rows(rows), m_scale(scale)
    {
    }

    QRectF barRect(const BoardItem &item, int row) const;
    QRectF rowRect(int row, double width) const;
    BoardHit hitTest(const QPointF &content, bool showCancelled) const;

private:
    const BoardModel &m_model;
    const RowLayout &m_rows;
    const TimeScale &m_scale;
};

} // namespace fieldops::board
