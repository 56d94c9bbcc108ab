#pragma once
// Writes a day plan in one transaction with the statements the board's drop from the queue
// uses (AssignWorkOrderCommand: AppointmentWriter::insert, then the work order from open to
// scheduled), so versions and the change log are kept as for any assignment. All or
// nothing: it refuses (StaleVersion) when anything was written since the day was read, or
// when a work order is no longer open.
#include "dayplan/DayPlan.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::dayplan {

// Returns the new appointment ids, in the plan's order.
Result<QStringList> writeDayPlan(Database &db, const DayPlan &plan, qint64 expectedChangeSeq);

} // namespace fieldops::dayplan
