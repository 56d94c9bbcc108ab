#include "BoardMarginWidget.h"

#include "ScheduleBoard.h"

#include <QMouseEvent>
#include <QPaintEvent>
#include <QPainter>

namespace fieldops::widgets {

BoardMarginWidget::BoardMarginWidget(ScheduleBoard *board, Side side) : QWidget(board), m_board(board), m_side(side)
{
    setObjectName(side == Side::RowHeader ? QStringLiteral("boardRowHeader") : QStringLiteral("boardRuler"));
}

void BoardMarginWidget::paintEvent(QPaintEvent *event)
{
    QPainter p(this);
    const BoardPaintContext c = m_board->paintContext();
    if (m_side == Side::RowHeader)
        m_board->m_painter.paintRowHeader(p, event->rect(), c, width());
    else
        m_board->m_painter.paintRuler(p, event->rect(), c, height());
}

void BoardMarginWidget::mousePressEvent(QMouseEvent *event)
{
    // A click on a group's header row collapses or expands the territory.
    if (m_side == Side::RowHeader && event->button() == Qt::LeftButton)
        m_board->headerClicked(event->position().toPoint());
    QWidget::mousePressEvent(event);
}

} // namespace fieldops::widgets
