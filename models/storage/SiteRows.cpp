#include "storage/SiteRows.h"

#include <QStringList>

namespace fieldops::rows {

QString siteColumnsAfterId(const QString &alias)
{
    static const QStringList columns{QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("address"),
                                     QStringLiteral("lat"),         QStringLiteral("lon"),  QStringLiteral("time_zone"),
                                     QStringLiteral("version")};
    const QString p = alias.isEmpty() ? QString() : alias + QLatin1Char('.');
    return p + columns.join(QStringLiteral(", ") + p);
}

QString siteColumns(const QString &alias)
{
    return (alias.isEmpty() ? QString() : alias + QLatin1Char('.')) + QStringLiteral("id, ") + siteColumnsAfterId(alias);
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
