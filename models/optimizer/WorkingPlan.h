#pragma once
// The solver's mutable plan: routes with, at every cut, the time-window piece, load and
// distance before and after it, so that a move is judged in O(1). Changing a route rebuilds
// its summaries (O(route length)).
#include "optimizer/SolverContext.h"
#include "optimizer/VrpSolution.h"

#include <vector>

namespace fieldops::optimizer {

struct PlannedRoute {
    std::vector<int> jobs;
    std::vector<TimeWindowSegment> head; // head[k]: vehicle start and the first k jobs
    std::vector<TimeWindowSegment> tail; // tail[k]: jobs k… without the vehicle end
    std::vector<double> headLoad;        // load of the first k jobs
    std::vector<double> headDistance;    // from the start through the first k jobs
    std::vector<double> tailDistance;    // along jobs k… without the leg to the end
    double load = 0;
    double distance = 0; // 0 for a vehicle that stays home

    int size() const { return int(jobs.size()); }
};

class WorkingPlan {
public:
    explicit WorkingPlan(const SolverContext &context); // every job unassigned

    const SolverContext &context() const { return *m_context; }
    const PlannedRoute &route(int vehicle) const { return m_routes[size_t(vehicle)]; }
    int routeCount() const { return int(m_routes.size()); }
    int routeOf(int job) const { return m_routeOf[size_t(job)]; } // -1 while unassigned
    int positionOf(int job) const { return m_positionOf[size_t(job)]; }
    const std::vector<int> &unassigned() const { return m_unassigned; }

    double distance() const { return m_distance; }
    double penalty() const { return m_penalty; }
    double cost() const { return m_distance + m_penalty; }
    int vehiclesUsed() const { return m_vehiclesUsed; }

    void insert(int job, int vehicle, int position);
    void remove(const std::vector<int> &jobs); // into the unassigned list
    void replaceRoute(int vehicle, std::vector<int> jobs);

    VrpSolution toSolution() const;

    // Search loops change a copy of a plan and then keep or drop the change. Copying the whole
    // plan each time costs more than the change itself; these copy only the routes the copy
    // changed since the last call. Both plans must have been equal before the change.
    void adoptChangesOf(WorkingPlan &changed); // this plan becomes `changed`
    void undoChanges(const WorkingPlan &original); // this plan becomes `original` again
    void markUnchanged() { m_changedRoutes.clear(); } // after a full copy

private:
    void rebuild(int vehicle);
    void forgetUnassigned(int job);
    void copyRoutesAndTotals(const WorkingPlan &from, const std::vector<int> &vehicles);

    const SolverContext *m_context;
    std::vector<PlannedRoute> m_routes;
    std::vector<int> m_routeOf, m_positionOf;
    std::vector<int> m_unassigned;
    double m_distance = 0;
    double m_penalty = 0;
    int m_vehiclesUsed = 0;
    std::vector<int> m_changedRoutes; // since the last adoptChangesOf or undoChanges
};

} // namespace fieldops::optimizer
