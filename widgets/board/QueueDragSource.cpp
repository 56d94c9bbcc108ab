#include "QueueDragSource.h"

#include "board/BoardMime.h"
#include "itemmodels/ItemRoles.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>

namespace fieldops::widgets {

QueueDragSource::QueueDragSource(QAbstractItemView *view) : QObject(view), m_view(view)
{
    view->viewport()->installEventFilter(this);
}

QMimeData *QueueDragSource::mimeFor(const QModelIndex &index)
{
    const QString id = index.data(roles::WorkOrderId).toString();
    if (id.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(board::workOrderMimeType(), id.toUtf8());
    mime->setText(id);
    return mime;
}

bool QueueDragSource::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress) {
        auto *e = static_cast<QMouseEvent *>(event);
        if (e->button() == Qt::LeftButton) {
            m_pressPos = e->position().toPoint();
            m_pressed = m_view->indexAt(m_pressPos);
        }
    } else if (event->type() == QEvent::MouseMove && m_pressed.isValid()) {
        auto *e = static_cast<QMouseEvent *>(event);
        if ((e->buttons() & Qt::LeftButton)
            && (e->position().toPoint() - m_pressPos).manhattanLength() >= QApplication::startDragDistance()) {
            QMimeData *mime = mimeFor(m_pressed);
            m_pressed = QPersistentModelIndex();
            if (mime) {
                const QString id = QString::fromUtf8(mime->data(board::workOrderMimeType()));
                auto *drag = new QDrag(m_view);
                drag->setMimeData(mime);
                emit dragStarted(id);
                drag->exec(Qt::CopyAction | Qt::MoveAction, Qt::CopyAction);
                emit dragFinished(id);
                return true;
            }
        }
    } else if (event->type() == QEvent::MouseButtonRelease) {
        m_pressed = QPersistentModelIndex();
    }
    return QObject::eventFilter(watched, event);
}

} // namespace fieldops::widgets
