#pragma once
// Makes a list of work orders (the unassigned queue) a drag source for the board without
// touching the list's own code: it watches the view's mouse, and past the drag distance
// starts a QDrag carrying the work order id under the board's mime type, announcing its
// start and end.
#include <QModelIndex>
#include <QObject>
#include <QPoint>

class QAbstractItemView;
class QMimeData;

namespace fieldops::widgets {

class QueueDragSource : public QObject {
    Q_OBJECT
public:
    // Installs itself on `view` (and is owned by it).
    explicit QueueDragSource(QAbstractItemView *view);
    // The payload for a row: roles::WorkOrderId under board::workOrderMimeType().
    static QMimeData *mimeFor(const QModelIndex &index);

signals:
    // Around the drag (which runs its own event loop): the suggestion panel ranks the
    // work order meanwhile and the board shades the suggested slots.
    void dragStarted(const QString &workOrderId);
    void dragFinished(const QString &workOrderId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    QPoint m_pressPos;
    QPersistentModelIndex m_pressed;
};

} // namespace fieldops::widgets
