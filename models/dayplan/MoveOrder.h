#pragma once
// The order in which a set of visit changes is written. The database refuses a double
// booking at every statement (PostgreSQL's exclusion constraint, SQLite's trigger), so no
// write may land on a place another visit still occupies: visits sent to the queue go
// first, then each move as soon as no visit still waiting to move sits where it lands, then
// new visits. Moves that wait on each other in a circle (two visits trading places) are
// untied by parking one of them: it is first written to a place nothing uses (its own
// technician, far in the future, kParkingDate) and to its real place once the others have
// moved. The transaction commits only the final places, and the notices to technicians
// compare the visits before and after the whole change, so nobody sees the parking.
#include "dayplan/DayPlan.h"

#include <vector>

namespace fieldops::dayplan {

inline const QDate kParkingDate{9000, 1, 1};

// Steps to write in this order. Each step is a change from its `from…` place to its `to…`
// place; a parked visit has two steps (to the parking place, then from it to where it goes).
// Undo writes each step from its `to…` place back to its `from…` place, last step first.
std::vector<VisitMove> writeOrder(const std::vector<VisitMove> &changes);

// A day plan as changes to write: the booked visits it moves, then its new visits.
std::vector<VisitMove> changesOf(const DayPlan &plan);

} // namespace fieldops::dayplan
