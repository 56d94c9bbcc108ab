#pragma once
// A plan for a VrpProblem: one job sequence per vehicle (empty when the vehicle stays home)
// and the jobs left out.
#include <vector>

namespace fieldops::optimizer {

struct VrpSolution {
    std::vector<std::vector<int>> routes; // routes[v] = job indices in visiting order
    std::vector<int> unassigned;          // job indices
    double distance = 0;                  // sum of the legs, depot legs included
    int vehiclesUsed = 0;                 // non-empty routes
};

} // namespace fieldops::optimizer
