#pragma once
// An independent check of a plan, written plainly so that it can be trusted more than the
// solver's incremental bookkeeping: it walks every route from scratch and recomputes the
// distance, the service start times and the loads.
#include "optimizer/VrpProblem.h"
#include "optimizer/VrpSolution.h"

#include <string>
#include <vector>

namespace fieldops::optimizer {

struct FeasibilityReport {
    std::vector<std::string> problems; // one sentence each; empty when the plan is feasible
    double distance = 0;
    int vehiclesUsed = 0;
    bool feasible() const { return problems.empty(); }
};

// allowUnassigned: a job listed as unassigned counts as placed (field-service days may leave
// jobs out at a penalty); benchmarks require every job routed.
FeasibilityReport checkFeasibility(const VrpProblem &problem, const VrpSolution &solution, bool allowUnassigned = false);

} // namespace fieldops::optimizer
