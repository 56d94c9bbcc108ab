#pragma once
// The day plan's guarantee, apart from the model that proposed it: each proposed visit
// passes the rule checks `conflicts` applies (SlotFinder::acceptedByRules: overlap, travel,
// shift, absence, skill, window), in time order, against the schedule with the visits
// accepted before it; one that fails is dropped. Whatever the optimiser's model simplifies,
// what comes out is what `conflicts` would accept once booked (the SLA aside).
#include "dayplan/DayPlan.h"
#include "scheduling/CompiledSchedule.h"

#include <vector>

namespace fieldops::dayplan {

// Accepted visits are added to `schedule` as appointments "new-0", "new-1", … in the order
// returned (by start, then technician).
std::vector<PlannedVisit> keepWhatRulesAccept(scheduling::CompiledSchedule &schedule, std::vector<scheduling::Visit> proposed);

inline QString acceptedId(size_t n) { return QStringLiteral("new-%1").arg(n); }

} // namespace fieldops::dayplan
