#include "storage/SequentialIds.h"

#include "storage/Database.h"

#include <QSqlQuery>
#include <algorithm>

namespace fieldops {

QString sequentialId(const QString &prefix, qlonglong n)
{
    return QStringLiteral("%1-%2").arg(prefix).arg(n, 6, 10, QLatin1Char('0'));
}

qlonglong sequentialNumber(const QString &prefix, const QString &id)
{
    if (!id.startsWith(prefix + QLatin1Char('-')))
        return 0;
    bool ok = false;
    const qlonglong n = id.mid(prefix.size() + 1).toLongLong(&ok);
    return ok && n > 0 ? n : 0;
}

Result<QString> nextSequentialId(Database &db, const QString &table, const QString &prefix)
{
    // The longest ids first hold the highest numbers; a few rows cover ids that are not
    // numbers after the prefix ("WO-A").
    auto q = db.run(QStringLiteral("SELECT id FROM %1 WHERE id LIKE ? ORDER BY length(id) DESC, id DESC LIMIT 50").arg(table),
                    {prefix + QStringLiteral("-%")});
    if (!q)
        return q.error();
    qlonglong highest = 0;
    while (q->next())
        highest = std::max(highest, sequentialNumber(prefix, q->value(0).toString()));
    return sequentialId(prefix, highest + 1);
}

} // namespace fieldops
