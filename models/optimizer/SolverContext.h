#pragma once
// What the optimiser works out once per problem and looks up in every move: each job's visit
// and each vehicle's start and end as time-window pieces, which vehicles a job may use, the
// jobs nearest each job, and which empty vehicles are interchangeable.
#include "optimizer/TimeWindowSegment.h"
#include "optimizer/VrpProblem.h"

#include <vector>

namespace fieldops::optimizer {

class SolverContext {
public:
    explicit SolverContext(const VrpProblem &problem);

    const VrpProblem &problem() const { return *m_problem; }
    int jobCount() const { return int(m_problem->jobs.size()); }
    int vehicleCount() const { return int(m_problem->vehicles.size()); }

    const TimeWindowSegment &visit(int job) const { return m_visits[size_t(job)]; }
    const TimeWindowSegment &start(int vehicle) const { return m_starts[size_t(vehicle)]; }
    const TimeWindowSegment &end(int vehicle) const { return m_ends[size_t(vehicle)]; }
    bool allowed(int job, int vehicle) const { return m_allowed[size_t(job) * m_problem->vehicles.size() + size_t(vehicle)]; }
    bool anyRestriction() const { return m_anyRestriction; }
    // Other jobs by increasing distance from this one.
    const std::vector<int> &neighbours(int job) const { return m_neighbours[size_t(job)]; }
    // Vehicles with equal start, end, window and capacity share a class: of several empty
    // vehicles of one class, trying one is enough.
    int vehicleClass(int vehicle) const { return m_vehicleClass[size_t(vehicle)]; }
    double distance(int fromLocation, int toLocation) const { return m_problem->travelBetween(fromLocation, toLocation); }
    int location(int job) const { return m_problem->jobs[size_t(job)].location; }
    // No fleet can serve the jobs with fewer vehicles than this (total demand over the
    // largest capacity).
    int vehicleLowerBound() const { return m_vehicleLowerBound; }
    // Distance from the nearest vehicle start: what "far" and "close" mean when ordering
    // jobs for insertion.
    double remoteness(int job) const { return m_remoteness[size_t(job)]; }

private:
    const VrpProblem *m_problem;
    std::vector<TimeWindowSegment> m_visits, m_starts, m_ends;
    std::vector<char> m_allowed;
    bool m_anyRestriction = false;
    std::vector<std::vector<int>> m_neighbours;
    std::vector<int> m_vehicleClass;
    int m_vehicleLowerBound = 0;
    std::vector<double> m_remoteness;
};

} // namespace fieldops::optimizer
