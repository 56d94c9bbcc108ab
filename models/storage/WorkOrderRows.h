#pragma once
// One reading of a work-order row, shared by every query that selects whole work
// orders (the repository's list and details, the schedule loader, the board's loader),
// so a new column is added in one place.
#include "domain/Entities.h"

#include <QSqlQuery>
#include <QString>

namespace fieldops::rows {

// "w.id, w.site_id, …, w.version": the columns readWorkOrder() expects, in order.
QString workOrderColumns(const QString &alias = QStringLiteral("w"));
constexpr int kWorkOrderColumnCount = 14;
// Reads the work order from columns [first, first + kWorkOrderColumnCount).
WorkOrder readWorkOrder(const QSqlQuery &q, int first = 0);

// The same columns without the id, for joins that already select it (the board's
// appointment rows carry a.work_order_id): reading it twice would cost a conversion
// per row on the board's largest read.
QString workOrderColumnsAfterId(const QString &alias = QStringLiteral("w"));
constexpr int kWorkOrderColumnsAfterIdCount = kWorkOrderColumnCount - 1;
// Reads all but the id from columns [first, first + kWorkOrderColumnsAfterIdCount) into w.
void readWorkOrderAfterId(const QSqlQuery &q, int first, WorkOrder &w);

} // namespace fieldops::rows
