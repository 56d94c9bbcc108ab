#include "storage/SiteRows.h"

#include "storage/ColumnList.h"

namespace fieldops::rows {

QString siteColumnsAfterId(const QString &alias)
{
    static const QStringList columns{QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("address"),
                                     QStringLiteral("lat"),         QStringLiteral("lon"),  QStringLiteral("time_zone"),
                                     QStringLiteral("version")};
    return qualifiedColumns(alias, columns);
}

QString siteColumns(const QString &alias)
{
    return qualifiedColumns(alias, {QStringLiteral("id")}) + QStringLiteral(", ") + siteColumnsAfterId(alias);
}

Site readSite(const QSqlQuery &q, int first)
{
    Site s;
    s.id = q.value(first).toString();
    readSiteAfterId(q, first + 1, s);
    return s;
}

void readSiteAfterId(const QSqlQuery &q, int first, Site &s)
{
    s.customerId = q.value(first + 0).toString();
    s.name = q.value(first + 1).toString();
    s.address = q.value(first + 2).toString();
    s.lat = q.value(first + 3).toDouble();
    s.lon = q.value(first + 4).toDouble();
    s.timeZone = q.value(first + 5).toString();
    s.version = q.value(first + 6).toInt();
}

} // namespace fieldops::rows
