#include "storage/AppointmentRows.h"

#include "storage/ColumnList.h"
#include "util/TimeFormat.h"

#include <QStringList>

namespace fieldops::rows {

QString appointmentColumns(const QString &alias)
{
    static const QStringList columns{QStringLiteral("id"),         QStringLiteral("work_order_id"), QStringLiteral("technician_id"),
                                     QStringLiteral("start_at"),   QStringLiteral("end_at"),        QStringLiteral("status"),
                                     QStringLiteral("arrived_at"), QStringLiteral("completed_at"),  QStringLiteral("resolved"),
                                     QStringLiteral("locked"),     QStringLiteral("version")};
    return qualifiedColumns(alias, columns);
}

Appointment readAppointment(const QSqlQuery &q, int first)
{
    Appointment a;
    a.id = q.value(first + 0).toString();
    a.workOrderId = q.value(first + 1).toString();
    a.technicianId = q.value(first + 2).toString();
    a.start = timefmt::fromSql(q.value(first + 3));
    a.end = timefmt::fromSql(q.value(first + 4));
    a.status = q.value(first + 5).toString();
    a.arrivedAt = timefmt::fromSql(q.value(first + 6));
    a.completedAt = timefmt::fromSql(q.value(first + 7));
    a.resolved = q.value(first + 8).toBool();
    a.locked = q.value(first + 9).toBool();
    a.version = q.value(first + 10).toInt();
    return a;
}

} // namespace fieldops::rows
