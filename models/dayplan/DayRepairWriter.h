#pragma once
// Writes the option of a day repair the dispatcher chose, in one transaction and with the
// board's own statements: a visit moved keeps its appointment (new technician, start and
// end, its version checked), a technician reported absent gets the absence, a visit sent back to the queue is cancelled and its work order
// reopened when nothing else is booked for it, a new visit is inserted and its work order
// scheduled. All or nothing: it refuses (StaleVersion) when anything was written since the
// day was read.
#include "dayplan/DayRepair.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::dayplan {

// Returns the ids of the new appointments (an urgent job's visit), in the option's order.
// `absence` (technicianId empty: none) is recorded in the same transaction.
Result<QStringList> writeDayRepair(Database &db, const RepairOption &option, const Absence &absence, qint64 expectedChangeSeq);

} // namespace fieldops::dayplan
