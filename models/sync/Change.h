#pragma once
// One row of the change log: "entity `entity_id` was inserted/updated/deleted by actor".
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

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

// The tables a batch touched, each once, in the order first seen: views re-read per table.
inline QStringList changedTables(const ChangeList &changes)
{
    QStringList tables;
    for (const Change &c : changes)
        if (!tables.contains(c.entity))
            tables << c.entity;
    return tables;
}

} // namespace fieldops

Q_DECLARE_METATYPE(fieldops::Change)
Q_DECLARE_METATYPE(fieldops::ChangeList)
