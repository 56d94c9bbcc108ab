#pragma once
// The ruin step: remove a few strings of consecutive visits from routes near a random job
// (Christiaens & Vanden Berghe 2020, "Slack induction by string removals"). Removing nearby
// strings from several routes frees slack where the routes meet, which is where a better
// plan can be found; a split string keeps a few visits in the middle of the removed stretch.
#include "optimizer/Random.h"
#include "optimizer/WorkingPlan.h"

#include <vector>

namespace fieldops::optimizer {

struct StringRemovalSettings {
    double averageRemoved = 10; // c̄ in the paper
    int maxStringLength = 10;   // L_max
};

// The jobs to remove (not yet removed from the plan).
std::vector<int> chooseStrings(const WorkingPlan &plan, const StringRemovalSettings &settings, Random &random);

} // namespace fieldops::optimizer
