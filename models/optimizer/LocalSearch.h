#pragma once
// Descent to a local optimum with two inter-route moves, each judged in O(1) by joining
// route summaries: relocate (one job to its cheapest place in another route) and 2-opt*
// (two routes exchange their ends). Used on a construction and on every new best plan, where
// it finishes what ruin-and-recreate leaves just short of a local optimum.
#include "optimizer/WorkingPlan.h"

namespace fieldops::optimizer {

// maxVehicles: moves may not put a job in an empty vehicle while this many are in use.
void descend(WorkingPlan &plan, int maxVehicles);

} // namespace fieldops::optimizer
