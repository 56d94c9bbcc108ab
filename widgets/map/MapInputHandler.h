#pragma once
// The map's mouse and keyboard, apart from the widget (the README's developers' section): wheel zooms around
// the pointer, a drag pans, Shift+drag draws a rubber band, Ctrl+drag a lasso, a drag
// that starts on an unassigned job's pin carries it onto a technician; + / − / arrows /
// Home (fit all) on the keyboard. It changes the view's viewport and paint state and asks
// the view to act; it never paints.
#include <QObject>
#include <QPoint>
#include <QPolygonF>

class QKeyEvent;
class QMouseEvent;
class QWheelEvent;

namespace fieldops::widgets {
class MapView;

class MapInputHandler : public QObject {
    Q_OBJECT
public:
    explicit MapInputHandler(MapView *view);

    // Pixels the pointer must travel before a press becomes a drag (a click otherwise).
    static constexpr int kDragThreshold = 4;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    enum class Mode { None, Pressed, Panning, RubberBand, Lasso, AssignDrag };
    void press(QMouseEvent *e);
    void move(QMouseEvent *e);
    void release(QMouseEvent *e);
    void wheel(QWheelEvent *e);
    bool key(QKeyEvent *e);

    MapView *m_view;
    Mode m_mode = Mode::None;
    Qt::KeyboardModifiers m_pressMods;
    QPoint m_pressPos;
    QPoint m_lastPos;
    QString m_pressJob; // an unassigned pin under the press
    QPolygonF m_lasso;
};

} // namespace fieldops::widgets
