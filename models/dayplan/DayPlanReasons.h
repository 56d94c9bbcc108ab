#pragma once
// Why the day plan left a work order out, in terms the dispatcher can act on (assign a
// skill, move an absence, widen the window). Judged from the day's input alone, apart from
// the optimiser's model, so the reason stays true whatever the search did.
#include "dayplan/DayPlan.h"
#include "scheduling/CompiledSchedule.h"

namespace fieldops::dayplan {

// `proposed`: the optimiser had placed it and the rule checks refused it.
UnplacedReason whyUnplaced(const DayPlanInput &input, const scheduling::CompiledSchedule &schedule,
                           const QString &workOrderId, bool proposed);

} // namespace fieldops::dayplan
