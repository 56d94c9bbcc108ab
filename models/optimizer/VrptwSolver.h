#pragma once
// The route optimiser: ruin and recreate by string removals with simulated annealing (SISR,
// Christiaens & Vanden Berghe 2020), local descent on every new best plan, and for the
// vehicles objective a first phase that empties the smallest route through a pool of
// ejected jobs. Deterministic for a seed when bounded by iterations; a time limit stops it
// wherever the clock finds it.
#include "optimizer/VrpProblem.h"
#include "optimizer/VrpSolution.h"

#include <cstdint>
#include <functional>

namespace fieldops::optimizer {

struct VrpProgress {
    double seconds = 0;
    long long iterations = 0;
    int vehiclesUsed = 0;
    double distance = 0; // of the best plan so far
    int unassigned = 0;
};

struct VrpSolverOptions {
    VrpObjective objective = VrpObjective::Distance;
    double timeLimitSeconds = 10;
    // > 0: stop after this many iterations, and cool by iterations rather than by the clock,
    // so the same seed gives the same plan on any machine (the time limit still applies).
    long long maxIterations = 0;
    std::uint64_t seed = 1;
    // Count the time limit in the process's CPU time rather than on the wall clock: a
    // benchmark on a machine busy with other work then gets the search it asked for.
    bool cpuTimeLimit = false;
    std::function<bool()> cancelled; // polled between iterations; true stops with the best so far
    std::function<void(const VrpProgress &)> progress; // on every new best plan
    // Routes to start from (job indices per vehicle), e.g. the day as booked: the search
    // only ever keeps a plan at least as good, so a job placed here is never dropped for a
    // worse penalty. Each route must be feasible (checkFeasibility); the rest start empty.
    std::vector<std::vector<int>> initialRoutes;
};

struct VrpSolverResult {
    VrpSolution solution;
    long long iterations = 0;
    double seconds = 0;
    bool cancelled = false;
};

VrpSolverResult solveVrp(const VrpProblem &problem, const VrpSolverOptions &options);

} // namespace fieldops::optimizer
