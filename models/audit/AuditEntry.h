#pragma once
// One row of the audit log as the console reads it: who wrote which row, when, and the
// row's values before and after (absent before an insert, absent after a delete).
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <vector>

namespace fieldops {

struct AuditEntry {
    qint64 id = 0;
    QDateTime at; // UTC
    QString actor;
    QString entity;   // table name
    QString entityId; // the row's id, or its owner's (work order of a rating)
    QString op;       // insert | update | delete
    QJsonObject oldValues;
    QJsonObject newValues;

    // Columns whose value differs between before and after (for an insert or a delete:
    // every column present), in the order of the row.
    QStringList changedColumns() const;
};
using AuditEntries = std::vector<AuditEntry>;

} // namespace fieldops

Q_DECLARE_METATYPE(fieldops::AuditEntry)
