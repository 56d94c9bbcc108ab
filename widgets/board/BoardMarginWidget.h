#pragma once
// The row header (left) and the time ruler (top) of the board: thin widgets in the scroll
// area's margins that ask the board's paint engine to draw their part, so they stay
// aligned with the timeline by construction.
#include <QWidget>

namespace fieldops::widgets {
class ScheduleBoard;

class BoardMarginWidget : public QWidget {
    Q_OBJECT
public:
    enum class Side { RowHeader, Ruler };
    BoardMarginWidget(ScheduleBoard *board, Side side);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    ScheduleBoard *m_board;
    Side m_side;
};

} // namespace fieldops::widgets
