#include "storage/WorkOrderRows.h"

#include "util/TimeFormat.h"

#include "storage/ColumnList.h"

namespace fieldops::rows {

QString workOrderColumnsAfterId(const QString &alias)
{
    static const QStringList columns{QStringLiteral("site_id"),      QStringLiteral("asset_id"),     QStringLiteral("contract_id"),
                                     QStringLiteral("type"),         QStringLiteral("priority"),     QStringLiteral("duration_min"),
                                     QStringLiteral("window_start"), QStringLiteral("window_end"),   QStringLiteral("created_at"),
                                     QStringLiteral("sla_due"),      QStringLiteral("status"),       QStringLiteral("summary"),
                                     QStringLiteral("version")};
    return qualifiedColumns(alias, columns);
}

QString workOrderColumns(const QString &alias)
{
    return qualifiedColumns(alias, {QStringLiteral("id")}) + QStringLiteral(", ") + workOrderColumnsAfterId(alias);
}

WorkOrder readWorkOrder(const QSqlQuery &q, int first)
{
    WorkOrder w;
    w.id = q.value(first).toString();
    readWorkOrderAfterId(q, first + 1, w);
    return w;
}

void readWorkOrderAfterId(const QSqlQuery &q, int first, WorkOrder &w)
{
    w.siteId = q.value(first + 0).toString();
    w.assetId = q.value(first + 1).toString();
    w.contractId = q.value(first + 2).toString();
    w.type = q.value(first + 3).toString();
    w.priority = q.value(first + 4).toInt();
    w.durationMin = q.value(first + 5).toInt();
    w.windowStart = timefmt::fromSql(q.value(first + 6));
    w.windowEnd = timefmt::fromSql(q.value(first + 7));
    w.createdAt = timefmt::fromSql(q.value(first + 8));
    w.slaDue = timefmt::fromSql(q.value(first + 9));
    w.status = q.value(first + 10).toString();
    w.summary = q.value(first + 11).toString();
    w.version = q.value(first + 12).toInt();
}

} // namespace fieldops::rows
