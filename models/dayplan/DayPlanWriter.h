#pragma once
// Writes a day plan in one transaction: a re-plan's moves as the board's moves (the same
// appointment, its version checked), and new visits with the statements the board's drop from the queue
// uses (AssignWorkOrderCommand: AppointmentWriter::insert, then the work order from open to
// scheduled), so versions and the change log are kept as for any assignment. All or
// nothing: it refuses (StaleVersion) when anything was written since the day was read, or
// when a work order is no longer open.
#include "dayplan/DayPlan.h"
#include "util/Result.h"

#include <QDateTime>

namespace fieldops {
class AppointmentWriter;
class Database;
}

namespace fieldops::dayplan {

// Returns the new appointment ids, in the plan's order.
Result<QStringList> writeDayPlan(Database &db, const DayPlan &plan, qint64 expectedChangeSeq);

// What writeDayPlan and the repair's writer share, inside their write transaction:
// refuses (StaleVersion, `refusal`) when anything was written since `expectedChangeSeq`.
Status checkNothingWrittenSince(Database &db, qint64 expectedChangeSeq, const QString &refusal);
// Books a new visit as a drop from the queue does and schedules its work order; refuses
// (StaleVersion, `notOpen` with the id for %1) when the work order is no longer open.
Result<QString> bookNewVisit(AppointmentWriter &writer, const QString &workOrderId, const QString &technicianId, const QDateTime &start,
                             const QDateTime &end, const QString &notOpen);

} // namespace fieldops::dayplan
