#include "optimizer/WorkingPlan.h"

#include <algorithm>

namespace fieldops::optimizer {

WorkingPlan::WorkingPlan(const SolverContext &context)
    : m_context(&context)
    , m_routes(size_t(context.vehicleCount()))
    , m_routeOf(size_t(context.jobCount()), -1)
    , m_positionOf(size_t(context.jobCount()), -1)
{
    for (int job = 0; job < context.jobCount(); ++job) {
        m_unassigned.push_back(job);
        m_penalty += context.problem().jobs[size_t(job)].unassignedPenalty;
    }
    for (int v = 0; v < context.vehicleCount(); ++v)
        rebuild(v);
}

void WorkingPlan::insert(int job, int vehicle, int position)
{
    auto &jobs = m_routes[size_t(vehicle)].jobs;
    jobs.insert(jobs.begin() + position, job);
    forgetUnassigned(job);
    rebuild(vehicle);
}

void WorkingPlan::forgetUnassigned(int job)
{
    auto it = std::find(m_unassigned.begin(), m_unassigned.end(), job);
    if (it != m_unassigned.end()) {
        m_unassigned.erase(it);
        m_penalty -= m_context->problem().jobs[size_t(job)].unassignedPenalty;
    }
}

void WorkingPlan::remove(const std::vector<int> &jobs)
{
    std::vector<int> touched;
    for (int job : jobs) {
        const int v = m_routeOf[size_t(job)];
        if (v < 0)
            continue;
        m_routeOf[size_t(job)] = -1; // marks it for the sweep below
        m_unassigned.push_back(job);
        m_penalty += m_context->problem().jobs[size_t(job)].unassignedPenalty;
        if (std::find(touched.begin(), touched.end(), v) == touched.end())
            touched.push_back(v);
    }
    for (int v : touched) {
        auto &route = m_routes[size_t(v)].jobs;
        std::erase_if(route, [&](int job) { return m_routeOf[size_t(job)] < 0; });
        rebuild(v);
    }
}

void WorkingPlan::replaceRoute(int vehicle, std::vector<int> jobs)
{
    for (int job : jobs)
        forgetUnassigned(job);
    m_routes[size_t(vehicle)].jobs = std::move(jobs);
    rebuild(vehicle);
}

void WorkingPlan::rebuild(int vehicle)
{
    const SolverContext &ctx = *m_context;
    const auto &problem = ctx.problem();
    PlannedRoute &r = m_routes[size_t(vehicle)];
    const int n = r.size();
    if (std::find(m_changedRoutes.begin(), m_changedRoutes.end(), vehicle) == m_changedRoutes.end())
        m_changedRoutes.push_back(vehicle);
    const bool wasUsed = r.headLoad.size() > 1; // summaries of at least one job

    r.head.resize(size_t(n) + 1);
    r.tail.resize(size_t(n) + 1);
    r.headLoad.resize(size_t(n) + 1);
    r.headDistance.resize(size_t(n) + 1);
    r.tailDistance.resize(size_t(n) + 1);

    r.head[0] = ctx.start(vehicle);
    r.headLoad[0] = 0;
    r.headDistance[0] = 0;
    int at = problem.vehicles[size_t(vehicle)].startLocation;
    for (int k = 0; k < n; ++k) {
        const int job = r.jobs[size_t(k)];
        m_routeOf[size_t(job)] = vehicle;
        m_positionOf[size_t(job)] = k;
        r.head[size_t(k) + 1] = join(r.head[size_t(k)], ctx.visit(job), problem);
        r.headLoad[size_t(k) + 1] = r.headLoad[size_t(k)] + problem.jobs[size_t(job)].demand;
        r.headDistance[size_t(k) + 1] = r.headDistance[size_t(k)] + ctx.distance(at, ctx.location(job));
        at = ctx.location(job);
    }
    r.tail[size_t(n)] = TimeWindowSegment{};
    r.tailDistance[size_t(n)] = 0;
    for (int k = n - 1; k >= 0; --k) {
        const int job = r.jobs[size_t(k)];
        r.tail[size_t(k)] = join(ctx.visit(job), r.tail[size_t(k) + 1], problem);
        r.tailDistance[size_t(k)] =
            k + 1 < n ? ctx.distance(ctx.location(job), ctx.location(r.jobs[size_t(k) + 1])) + r.tailDistance[size_t(k) + 1] : 0;
    }

    r.load = r.headLoad[size_t(n)];
    r.distance = n == 0 ? 0 : r.headDistance[size_t(n)] + ctx.distance(at, problem.vehicles[size_t(vehicle)].endLocation);
    // Summed afresh rather than adjusted by differences, which drift over a million moves.
    m_distance = 0;
    for (const auto &other : m_routes)
        m_distance += other.distance;
    m_vehiclesUsed += (n > 0 ? 1 : 0) - (wasUsed ? 1 : 0);
}

void WorkingPlan::copyRoutesAndTotals(const WorkingPlan &from, const std::vector<int> &vehicles)
{
    for (int v : vehicles)
        m_routes[size_t(v)] = from.m_routes[size_t(v)];
    m_routeOf = from.m_routeOf;
    m_positionOf = from.m_positionOf;
    m_unassigned = from.m_unassigned;
    m_distance = from.m_distance;
    m_penalty = from.m_penalty;
    m_vehiclesUsed = from.m_vehiclesUsed;
}

void WorkingPlan::adoptChangesOf(WorkingPlan &changed)
{
    copyRoutesAndTotals(changed, changed.m_changedRoutes);
    changed.m_changedRoutes.clear();
    m_changedRoutes.clear();
}

void WorkingPlan::undoChanges(const WorkingPlan &original)
{
    copyRoutesAndTotals(original, m_changedRoutes);
    m_changedRoutes.clear();
}

VrpSolution WorkingPlan::toSolution() const
{
    VrpSolution solution;
    for (const auto &r : m_routes)
        solution.routes.push_back(r.jobs);
    solution.unassigned = m_unassigned;
    std::sort(solution.unassigned.begin(), solution.unassigned.end());
    solution.distance = m_distance;
    solution.vehiclesUsed = m_vehiclesUsed;
    return solution;
}

} // namespace fieldops::optimizer
