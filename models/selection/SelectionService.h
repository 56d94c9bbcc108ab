#pragma once
// The one shared selection of the console (the README's developers' section): the table,
// the queue, the inspector (and later the board and the map) all read and write the
// selected work order here, so selecting in one place selects everywhere. Setting the
// same id again emits nothing, which is what stops views from echoing each other.
#include <QObject>
#include <QString>

namespace fieldops {

class SelectionService : public QObject {
    Q_OBJECT
public:
    explicit SelectionService(QObject *parent = nullptr) : QObject(parent) {}
    QString workOrderId() const { return m_workOrderId; }
    // A technician in focus (the map, the alerts dock), beside the work order.
    QString technicianId() const { return m_technicianId; }

public slots:
    void selectWorkOrder(const QString &id)
    {
        if (id == m_workOrderId)
            return;
        m_workOrderId = id;
        emit workOrderChanged(id);
    }
    void clear() { selectWorkOrder(QString()); }
    void selectTechnician(const QString &id)
    {
        if (id == m_technicianId)
            return;
        m_technicianId = id;
        emit technicianChanged(id);
    }

signals:
    void workOrderChanged(const QString &workOrderId);
    void technicianChanged(const QString &technicianId);

private:
    QString m_workOrderId;
    QString m_technicianId;
};

} // namespace fieldops
