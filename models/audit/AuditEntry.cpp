#include "audit/AuditEntry.h"

#include <QStringList>

namespace fieldops {

QStringList AuditEntry::changedColumns() const
{
    // QJsonObject keys come sorted; that is stable enough for display and tests.
    QStringList cols;
    const QJsonObject &shape = newValues.isEmpty() ? oldValues : newValues;
    for (auto it = shape.begin(); it != shape.end(); ++it) {
        if (op != QLatin1String("update") || oldValues.value(it.key()) != newValues.value(it.key()))
            cols << it.key();
    }
    return cols;
}

} // namespace fieldops
