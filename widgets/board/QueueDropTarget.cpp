#include "QueueDropTarget.h"

#include "board/BoardMime.h"

#include <QAbstractItemView>
#include <QDropEvent>
#include <QMimeData>

namespace fieldops::widgets {

namespace {
QStringList appointmentIds(const QMimeData *mime)
{
    if (!mime || !mime->hasFormat(board::appointmentMimeType()))
        return {};
    return QString::fromUtf8(mime->data(board::appointmentMimeType())).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}
} // namespace

QueueDropTarget::QueueDropTarget(QAbstractItemView *view) : QObject(view), m_view(view)
{
    view->setAcceptDrops(true);
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(this);
}

bool QueueDropTarget::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *e = static_cast<QDragMoveEvent *>(event);
        if (appointmentIds(e->mimeData()).isEmpty())
            return QObject::eventFilter(watched, event);
        e->setDropAction(Qt::MoveAction);
        e->accept();
        return true;
    }
    case QEvent::Drop: {
        auto *e = static_cast<QDropEvent *>(event);
        const QStringList ids = appointmentIds(e->mimeData());
        if (ids.isEmpty())
            return QObject::eventFilter(watched, event);
        e->setDropAction(Qt::MoveAction);
        e->accept();
        emit appointmentsDropped(ids);
        return true;
    }
    default:
        return QObject::eventFilter(watched, event);
    }
}

} // namespace fieldops::widgets
