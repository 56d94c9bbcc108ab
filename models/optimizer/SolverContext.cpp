#include "optimizer/SolverContext.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fieldops::optimizer {

SolverContext::SolverContext(const VrpProblem &problem)
    : m_problem(&problem)
{
    const size_t jobs = problem.jobs.size();
    const size_t vehicles = problem.vehicles.size();
    for (const VrpJob &job : problem.jobs)
        m_visits.push_back(TimeWindowSegment::visit(job.location, job.readyTime, job.dueTime, job.serviceTime));
    for (const VrpVehicle &vehicle : problem.vehicles) {
        m_starts.push_back(TimeWindowSegment::visit(vehicle.startLocation, vehicle.earliestStart, vehicle.latestEnd, 0));
        m_ends.push_back(TimeWindowSegment::visit(vehicle.endLocation, vehicle.earliestStart, vehicle.latestEnd, 0));
    }

    m_allowed.assign(jobs * vehicles, 0);
    for (size_t j = 0; j < jobs; ++j) {
        for (size_t v = 0; v < vehicles; ++v)
            m_allowed[j * vehicles + v] = problem.vehicleAllowed(int(j), int(v)) ? 1 : 0;
        m_anyRestriction = m_anyRestriction || !problem.jobs[j].allowedVehicles.empty();
    }

    m_neighbours.resize(jobs);
    for (size_t j = 0; j < jobs; ++j) {
        auto &near = m_neighbours[j];
        near.resize(jobs);
        std::iota(near.begin(), near.end(), 0);
        near.erase(near.begin() + long(j));
        const int from = problem.jobs[j].location;
        std::stable_sort(near.begin(), near.end(), [&](int a, int b) {
            return problem.travelBetween(from, location(a)) < problem.travelBetween(from, location(b));
        });
    }

    for (size_t v = 0; v < vehicles; ++v) {
        const VrpVehicle &mine = problem.vehicles[v];
        int cls = int(v);
        for (size_t w = 0; w < v; ++w) {
            const VrpVehicle &other = problem.vehicles[w];
            const bool sameVehicle = other.startLocation == mine.startLocation && other.endLocation == mine.endLocation
                && other.capacity == mine.capacity && other.earliestStart == mine.earliestStart
                && other.latestEnd == mine.latestEnd;
            if (sameVehicle) {
                cls = m_vehicleClass[w];
                break;
            }
        }
        m_vehicleClass.push_back(cls);
    }
    // Classes stay interchangeable only while no job tells their vehicles apart.
    if (m_anyRestriction)
        std::iota(m_vehicleClass.begin(), m_vehicleClass.end(), 0);

    for (const VrpJob &job : problem.jobs) {
        double nearest = vehicles == 0 ? 0 : problem.travelBetween(problem.vehicles[0].startLocation, job.location);
        for (const VrpVehicle &vehicle : problem.vehicles)
            nearest = std::min(nearest, problem.travelBetween(vehicle.startLocation, job.location));
        m_remoteness.push_back(nearest);
    }

    double demand = 0;
    double capacity = 0;
    for (const VrpJob &job : problem.jobs)
        demand += job.demand;
    for (const VrpVehicle &vehicle : problem.vehicles)
        capacity = std::max(capacity, vehicle.capacity);
    m_vehicleLowerBound = jobs == 0 ? 0 : std::max(1, capacity > 0 ? int(std::ceil(demand / capacity - 1e-9)) : 1);
}

} // namespace fieldops::optimizer
