#pragma once
// Putting unassigned jobs back: each at its cheapest feasible place, in one of several orders
// (Christiaens & Vanden Berghe 2020, "Slack induction by string removals", greedy insertion
// with blinks: a position is skipped now and then, which diversifies the search at no cost).
#include "optimizer/Random.h"
#include "optimizer/WorkingPlan.h"

#include <limits>

namespace fieldops::optimizer {

struct InsertionSpot {
    int vehicle = -1; // -1: no feasible place
    int position = 0;
    double addedDistance = std::numeric_limits<double>::infinity();
};

// Whether the job fits there: capacity, allowed vehicle and every time window of the route.
bool insertionFeasible(const WorkingPlan &plan, int job, int vehicle, int position);

// maxVehicles: an empty vehicle is opened only while fewer vehicles are in use.
InsertionSpot cheapestInsertion(const WorkingPlan &plan, int job, int maxVehicles, double blinkRate, Random &random);

// Inserts every unassigned job that fits somewhere for less than its penalty; the rest stay
// unassigned.
void reinsertUnassigned(WorkingPlan &plan, int maxVehicles, double blinkRate, Random &random);

} // namespace fieldops::optimizer
