#include "optimizer/LocalSearch.h"

#include <algorithm>

namespace fieldops::optimizer {

namespace {

constexpr double kImprovement = 1e-7; // smaller gains are rounding and would loop forever

bool feasible(const TimeWindowSegment &head, const TimeWindowSegment &tail, const TimeWindowSegment &end,
              const VrpProblem &problem)
{
    return join(join(head, tail, problem), end, problem).timeWarp <= kWarpTolerance;
}

bool allAllowed(const SolverContext &ctx, const std::vector<int> &jobs, size_t from, int vehicle)
{
    if (!ctx.anyRestriction())
        return true;
    for (size_t k = from; k < jobs.size(); ++k) {
        if (!ctx.allowed(jobs[k], vehicle))
            return false;
    }
    return true;
}

// Length of a route made of the first `head` jobs of one route followed by the jobs from
// `tailFrom` of another, driven by `vehicle`.
double joinedDistance(const SolverContext &ctx, int vehicle, const PlannedRoute &first, int head,
                      const PlannedRoute &second, int tailFrom)
{
    const auto &problem = ctx.problem();
    const VrpVehicle &v = problem.vehicles[size_t(vehicle)];
    const bool noTail = tailFrom >= second.size();
    if (head == 0 && noTail)
        return 0;
    const int last = head == 0 ? v.startLocation : ctx.location(first.jobs[size_t(head) - 1]);
    if (noTail)
        return first.headDistance[size_t(head)] + ctx.distance(last, v.endLocation);
    return first.headDistance[size_t(head)] + ctx.distance(last, ctx.location(second.jobs[size_t(tailFrom)]))
        + second.tailDistance[size_t(tailFrom)] + ctx.distance(ctx.location(second.jobs.back()), v.endLocation);
}

bool tryTwoOptStar(WorkingPlan &plan, int a, int b, int maxVehicles)
{
    const SolverContext &ctx = plan.context();
    const auto &problem = ctx.problem();
    const PlannedRoute &ra = plan.route(a);
    const PlannedRoute &rb = plan.route(b);
    const double before = ra.distance + rb.distance;
    const double capA = problem.vehicles[size_t(a)].capacity;
    const double capB = problem.vehicles[size_t(b)].capacity;
    for (int i = 0; i <= ra.size(); ++i) {
        for (int j = 0; j <= rb.size(); ++j) {
            const int newA = i + rb.size() - j;
            const int newB = j + ra.size() - i;
            const int usedChange = (newA > 0) + (newB > 0) - (ra.size() > 0) - (rb.size() > 0);
            if (usedChange > 0 && plan.vehiclesUsed() + usedChange > maxVehicles)
                continue;
            const double after = joinedDistance(ctx, a, ra, i, rb, j) + joinedDistance(ctx, b, rb, j, ra, i);
            if (after > before - kImprovement)
                continue;
            if (ra.headLoad[size_t(i)] + rb.load - rb.headLoad[size_t(j)] > capA
                || rb.headLoad[size_t(j)] + ra.load - ra.headLoad[size_t(i)] > capB)
                continue;
            if (!feasible(ra.head[size_t(i)], rb.tail[size_t(j)], ctx.end(a), problem)
                || !feasible(rb.head[size_t(j)], ra.tail[size_t(i)], ctx.end(b), problem))
                continue;
            if (!allAllowed(ctx, rb.jobs, size_t(j), a) || !allAllowed(ctx, ra.jobs, size_t(i), b))
                continue;
            std::vector<int> jobsA(ra.jobs.begin(), ra.jobs.begin() + i);
            jobsA.insert(jobsA.end(), rb.jobs.begin() + j, rb.jobs.end());
            std::vector<int> jobsB(rb.jobs.begin(), rb.jobs.begin() + j);
            jobsB.insert(jobsB.end(), ra.jobs.begin() + i, ra.jobs.end());
            plan.replaceRoute(a, std::move(jobsA));
            plan.replaceRoute(b, std::move(jobsB));
            return true;
        }
    }
    return false;
}

bool tryRelocate(WorkingPlan &plan, int job, int maxVehicles)
{
    const SolverContext &ctx = plan.context();
    const auto &problem = ctx.problem();
    const int from = plan.routeOf(job);
    const PlannedRoute &source = plan.route(from);
    const int pos = plan.positionOf(job);
    const VrpVehicle &sourceVehicle = problem.vehicles[size_t(from)];
    const int prev = pos == 0 ? sourceVehicle.startLocation : ctx.location(source.jobs[size_t(pos) - 1]);
    const int next = pos + 1 == source.size() ? sourceVehicle.endLocation : ctx.location(source.jobs[size_t(pos) + 1]);
    const int at = ctx.location(job);
    const double saved = source.size() == 1 ? source.distance
                                            : ctx.distance(prev, at) + ctx.distance(at, next) - ctx.distance(prev, next);
    if (!feasible(source.head[size_t(pos)], source.tail[size_t(pos) + 1], ctx.end(from), problem))
        return false;
    const double demand = problem.jobs[size_t(job)].demand;
    const int usedAfterRemoval = plan.vehiclesUsed() - (source.size() == 1 ? 1 : 0);

    int bestVehicle = -1, bestPosition = 0;
    double bestAdded = saved - kImprovement;
    for (int v = 0; v < ctx.vehicleCount(); ++v) {
        const PlannedRoute &target = plan.route(v);
        if (v == from || !ctx.allowed(job, v) || target.load + demand > problem.vehicles[size_t(v)].capacity)
            continue;
        if (target.size() == 0 && usedAfterRemoval >= maxVehicles)
            continue;
        const VrpVehicle &vehicle = problem.vehicles[size_t(v)];
        int before = vehicle.startLocation;
        for (int k = 0; k <= target.size(); ++k) {
            const int after = k < target.size() ? ctx.location(target.jobs[size_t(k)]) : vehicle.endLocation;
            const double added = ctx.distance(before, at) + ctx.distance(at, after)
                - (target.size() == 0 ? 0 : ctx.distance(before, after));
            if (added < bestAdded
                && feasible(join(target.head[size_t(k)], ctx.visit(job), problem), target.tail[size_t(k)], ctx.end(v),
                            problem)) {
                bestAdded = added;
                bestVehicle = v;
                bestPosition = k;
            }
            before = after;
        }
    }
    if (bestVehicle < 0)
        return false;
    plan.remove({job});
    plan.insert(job, bestVehicle, bestPosition);
    return true;
}

} // namespace

void descend(WorkingPlan &plan, int maxVehicles)
{
    const SolverContext &ctx = plan.context();
    bool improved = true;
    while (improved) {
        improved = false;
        for (int job = 0; job < ctx.jobCount(); ++job) {
            if (plan.routeOf(job) >= 0 && tryRelocate(plan, job, maxVehicles))
                improved = true;
        }
        for (int a = 0; a < ctx.vehicleCount(); ++a) {
            for (int b = a + 1; b < ctx.vehicleCount(); ++b) {
                if (plan.route(a).size() + plan.route(b).size() > 0 && tryTwoOptStar(plan, a, b, maxVehicles))
                    improved = true;
            }
        }
    }
}

} // namespace fieldops::optimizer
