#pragma once
// One reading of a site row, shared by every query that selects whole sites (the
// schedule loader, the board's loader, the work-order details), so a new column is added
// in one place.
#include "domain/Entities.h"

#include <QSqlQuery>
#include <QString>

namespace fieldops::rows {

// "s.id, s.customer_id, …, s.version": the columns readSite() expects, in order.
QString siteColumns(const QString &alias = QStringLiteral("s"));
constexpr int kSiteColumnCount = 8;
// Reads the site from columns [first, first + kSiteColumnCount).
Site readSite(const QSqlQuery &q, int first = 0);

// The same columns without the id, for joins that already select it (the board's rows
// carry w.site_id): reading it twice would cost a conversion per row on its largest read.
QString siteColumnsAfterId(const QString &alias = QStringLiteral("s"));
constexpr int kSiteColumnsAfterIdCount = kSiteColumnCount - 1;
// Reads all but the id from columns [first, first + kSiteColumnsAfterIdCount) into s.
void readSiteAfterId(const QSqlQuery &q, int first, Site &s);

} // namespace fieldops::rows
