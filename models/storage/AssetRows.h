#pragma once
// One reading of an asset row, shared by the work-order details and the intake's
// customer file, so a new column is added in one place.
#include "domain/Entities.h"

#include <QSqlQuery>
#include <QString>

namespace fieldops::rows {

// "a.id, a.site_id, …, a.version": the columns readAsset() expects, in order.
QString assetColumns(const QString &alias = QStringLiteral("a"));
constexpr int kAssetColumnCount = 7;
Asset readAsset(const QSqlQuery &q, int first = 0);

} // namespace fieldops::rows
