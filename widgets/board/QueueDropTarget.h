#pragma once
// Lets the unassigned queue take bars dragged off the board: dropping them there
// unassigns them (one undoable command, written by whoever listens to the signal).
#include <QObject>
#include <QStringList>

class QAbstractItemView;

namespace fieldops::widgets {

class QueueDropTarget : public QObject {
    Q_OBJECT
public:
    explicit QueueDropTarget(QAbstractItemView *view);

signals:
    void appointmentsDropped(const QStringList &appointmentIds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
};

} // namespace fieldops::widgets
