#include "storage/AssetRows.h"

#include "storage/ColumnList.h"
#include "util/TimeFormat.h"

namespace fieldops::rows {

QString assetColumns(const QString &alias)
{
    return qualifiedColumns(alias, {QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("serial"), QStringLiteral("model"),
                                    QStringLiteral("installed_on"), QStringLiteral("warranty_until"), QStringLiteral("version")});
}

Asset readAsset(const QSqlQuery &q, int first)
{
    Asset a;
    a.id = q.value(first + 0).toString();
    a.siteId = q.value(first + 1).toString();
    a.serial = q.value(first + 2).toString();
    a.model = q.value(first + 3).toString();
    a.installedOn = timefmt::dateFromSql(q.value(first + 4));
    a.warrantyUntil = timefmt::dateFromSql(q.value(first + 5));
    a.version = q.value(first + 6).toInt();
    return a;
}

} // namespace fieldops::rows
