#pragma once
// Plans one day with the route optimiser, then keeps only what the rule checks accept.
//
// The model: a vehicle per technician working that day (home to home within the shift of
// day D on their own clock); a technician absent for any part of that shift is left out
// rather than modelled around the absence. Visits already booked that day are jobs fixed
// to their technician and start (zero-width window), so new visits route around them and
// they never move; only new visits are proposed — unless the options ask to re-plan the
// whole day (moveBooked), when the booked visits that may move are jobs like the new ones. A work order's window is the customer's
// window; its allowed vehicles hold every required skill; leaving it out costs ten times
// more per priority step, so one urgent visit outweighs several normal ones.
//
// The guarantee: every proposed visit then goes through RuleGate, the rule checks
// `conflicts` applies; one that fails is reported unassigned.
#include "dayplan/DayPlan.h"
#include "scheduling/TravelTime.h"

#include <cstdint>
#include <functional>
#include <memory>

namespace fieldops::dayplan {

struct DayPlanOptions {
    double timeLimitSeconds = 5;
    std::uint64_t seed = 1;
    // > 0: the optimiser stops after this many iterations (the time limit still applies):
    // a repair plans a handful of visits and needs no more than a moment.
    long long maxIterations = 0;
    // Polled while the optimiser searches; true stops it with its best plan so far (which
    // still goes through the rule checks). The console's Cancel; the CLI leaves it empty.
    std::function<bool()> cancelled = nullptr;
    // The share of the time limit spent, in [0, 1], a few times a second while searching
    // and 1 at the end; called on the planning thread.
    std::function<void(double)> progress = nullptr;
    // Travel between places for the whole plan, its rule checks included (a routing
    // service's, PlanningTravelTime); empty: the straight-line model. Shared, as the plan may
    // be made on a worker thread.
    std::shared_ptr<const scheduling::TravelTimeProvider> travel = nullptr;
    // Re-plan the whole day: visits already booked that day which are neither locked nor
    // started (tentative or scheduled) may move to another time or qualified technician.
    // The search starts from the day as booked and never leaves one of them out, so the
    // plan is at least as good; DayPlan::moves lists what moves. Off: they stay put.
    bool moveBooked = false;
};

DayPlan planDay(const DayPlanInput &input, const DayPlanOptions &options);

} // namespace fieldops::dayplan
