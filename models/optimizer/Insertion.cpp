#include "optimizer/Insertion.h"

#include <algorithm>

namespace fieldops::optimizer {

namespace {

bool timeWindowsHold(const WorkingPlan &plan, int job, int vehicle, int position)
{
    const SolverContext &ctx = plan.context();
    const PlannedRoute &route = plan.route(vehicle);
    const auto &problem = ctx.problem();
    const TimeWindowSegment joined =
        join(join(join(route.head[size_t(position)], ctx.visit(job), problem), route.tail[size_t(position)], problem),
             ctx.end(vehicle), problem);
    return joined.timeWarp <= kWarpTolerance;
}

} // namespace

bool insertionFeasible(const WorkingPlan &plan, int job, int vehicle, int position)
{
    const SolverContext &ctx = plan.context();
    const auto &problem = ctx.problem();
    return ctx.allowed(job, vehicle)
        && plan.route(vehicle).load + problem.jobs[size_t(job)].demand <= problem.vehicles[size_t(vehicle)].capacity
        && timeWindowsHold(plan, job, vehicle, position);
}

InsertionSpot cheapestInsertion(const WorkingPlan &plan, int job, int maxVehicles, double blinkRate, Random &random)
{
    const SolverContext &ctx = plan.context();
    const auto &problem = ctx.problem();
    const VrpJob &jobData = problem.jobs[size_t(job)];
    const double demand = jobData.demand;
    const int at = ctx.location(job);
    InsertionSpot best;
    std::vector<int> emptyClassesTried;
    int untilBlink = random.trialsBeforeSuccess(blinkRate);
    for (int v = 0; v < ctx.vehicleCount(); ++v) {
        if (!ctx.allowed(job, v))
            continue;
        const PlannedRoute &route = plan.route(v);
        const VrpVehicle &vehicle = problem.vehicles[size_t(v)];
        if (route.load + demand > vehicle.capacity)
            continue;
        const int n = route.size();
        if (n == 0) {
            if (plan.vehiclesUsed() >= maxVehicles)
                continue;
            const int cls = ctx.vehicleClass(v);
            if (std::find(emptyClassesTried.begin(), emptyClassesTried.end(), cls) != emptyClassesTried.end())
                continue;
            emptyClassesTried.push_back(cls);
        }
        int previous = vehicle.startLocation;
        for (int k = 0; k <= n; ++k) {
            const int next = k < n ? ctx.location(route.jobs[size_t(k)]) : vehicle.endLocation;
            if (untilBlink-- == 0) {
                untilBlink = random.trialsBeforeSuccess(blinkRate);
                previous = next;
                continue;
            }
            // Arriving after the job's due time here means arriving after it at every later
            // place too (travel obeys the triangle inequality; where it does not, this only
            // skips some places).
            const TimeWindowSegment &head = route.head[size_t(k)];
            if (head.earliest + head.duration + ctx.distance(previous, at) > jobData.dueTime + kWarpTolerance)
                break;
            const double added =
                ctx.distance(previous, at) + ctx.distance(at, next) - (n == 0 ? 0 : ctx.distance(previous, next));
            // Distance first: the time-window join is needed only for a place that would win.
            if (added < best.addedDistance && timeWindowsHold(plan, job, v, k))
                best = {v, k, added};
            previous = next;
        }
    }
    return best;
}

void reinsertUnassigned(WorkingPlan &plan, int maxVehicles, double blinkRate, Random &random)
{
    const SolverContext &ctx = plan.context();
    const auto &problem = ctx.problem();
    std::vector<int> pending = plan.unassigned();
    std::shuffle(pending.begin(), pending.end(), random.engine());
    // The orders and their weights 4 : 4 : 2 : 1 are those of the string-removal paper.
    const int order = random.between(0, 10);
    if (order >= 4 && order < 8) {
        std::stable_sort(pending.begin(), pending.end(),
                         [&](int a, int b) { return problem.jobs[size_t(a)].demand > problem.jobs[size_t(b)].demand; });
    } else if (order >= 8 && order < 10) {
        std::stable_sort(pending.begin(), pending.end(), [&](int a, int b) { return ctx.remoteness(a) > ctx.remoteness(b); });
    } else if (order == 10) {
        std::stable_sort(pending.begin(), pending.end(), [&](int a, int b) { return ctx.remoteness(a) < ctx.remoteness(b); });
    }
    for (int job : pending) {
        const InsertionSpot spot = cheapestInsertion(plan, job, maxVehicles, blinkRate, random);
        // A job whose cheapest place costs more than its penalty is cheaper left out.
        if (spot.vehicle >= 0 && spot.addedDistance < problem.jobs[size_t(job)].unassignedPenalty)
            plan.insert(job, spot.vehicle, spot.position);
    }
}

} // namespace fieldops::optimizer
