#pragma once
// "a.id, a.name, …": a table's columns qualified by the alias a query gives the table
// (none when empty). Shared by the row readers (AppointmentRows, WorkOrderRows, …).
#include <QString>
#include <QStringList>

namespace fieldops::rows {

inline QString qualifiedColumns(const QString &alias, const QStringList &columns)
{
    const QString p = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    return p + columns.join(QStringLiteral(", ") + p);
}

} // namespace fieldops::rows
