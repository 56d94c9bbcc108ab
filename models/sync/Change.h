#pragma once
// One row of the change log: "entity `entity_id` was inserted/updated/deleted by actor".
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace fieldops {

struct Change {
    qint64 seq = 0;
    QString entity;   // table name: appointments, work_orders, positions …
    QString entityId; // the row's id, or its owner's (technician for positions)
    QString op;       // insert | update | delete
    QString actor;
    QDateTime at;
};
using ChangeList = QList<Change>;

} // namespace fieldops

Q_DECLARE_METATYPE(fieldops::Change)
Q_DECLARE_METATYPE(fieldops::ChangeList)
