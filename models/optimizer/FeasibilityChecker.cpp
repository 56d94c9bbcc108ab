#include "optimizer/FeasibilityChecker.h"

#include <algorithm>

namespace fieldops::optimizer {

namespace {

// Times are sums of unrounded square roots; a plan may meet a window only up to rounding.
constexpr double kTimeTolerance = 1e-6;

std::string jobName(const VrpProblem &problem, int job)
{
    return "job " + std::to_string(problem.jobs[size_t(job)].externalId);
}

} // namespace

FeasibilityReport checkFeasibility(const VrpProblem &problem, const VrpSolution &solution, bool allowUnassigned)
{
    FeasibilityReport report;
    const int jobCount = int(problem.jobs.size());
    std::vector<int> timesPlaced(size_t(jobCount), 0);

    if (solution.routes.size() > problem.vehicles.size())
        report.problems.push_back(std::to_string(solution.routes.size()) + " routes for a fleet of "
                                  + std::to_string(problem.vehicles.size()) + " vehicles");

    for (size_t v = 0; v < solution.routes.size(); ++v) {
        const auto &route = solution.routes[v];
        if (route.empty())
            continue;
        ++report.vehiclesUsed;
        if (v >= problem.vehicles.size())
            continue; // already reported as over the fleet
        const VrpVehicle &vehicle = problem.vehicles[v];
        const std::string routeName = "route of vehicle " + std::to_string(v + 1);
        double time = vehicle.earliestStart;
        double load = 0;
        int at = vehicle.startLocation;
        for (int job : route) {
            if (job < 0 || job >= jobCount) {
                report.problems.push_back(routeName + " visits unknown job index " + std::to_string(job));
                continue;
            }
            const VrpJob &j = problem.jobs[size_t(job)];
            ++timesPlaced[size_t(job)];
            const double leg = problem.travelBetween(at, j.location);
            report.distance += leg;
            const double start = std::max(time + leg, j.readyTime);
            if (start > j.dueTime + kTimeTolerance)
                report.problems.push_back(routeName + " begins " + jobName(problem, job) + " at "
                                          + std::to_string(start) + ", after its due time "
                                          + std::to_string(j.dueTime));
            if (!problem.vehicleAllowed(job, int(v)))
                report.problems.push_back(routeName + " may not serve " + jobName(problem, job));
            load += j.demand;
            time = start + j.serviceTime;
            at = j.location;
        }
        const double lastLeg = problem.travelBetween(at, vehicle.endLocation);
        report.distance += lastLeg;
        if (time + lastLeg > vehicle.latestEnd + kTimeTolerance)
            report.problems.push_back(routeName + " ends at " + std::to_string(time + lastLeg) + ", after "
                                      + std::to_string(vehicle.latestEnd));
        if (load > vehicle.capacity + 1e-9)
            report.problems.push_back(routeName + " carries " + std::to_string(load) + ", over its capacity "
                                      + std::to_string(vehicle.capacity));
    }

    for (int job : solution.unassigned) {
        if (job < 0 || job >= jobCount) {
            report.problems.push_back("unknown unassigned job index " + std::to_string(job));
            continue;
        }
        if (!allowUnassigned)
            report.problems.push_back(jobName(problem, job) + " is not visited");
        ++timesPlaced[size_t(job)];
    }
    for (int job = 0; job < jobCount; ++job) {
        if (timesPlaced[size_t(job)] == 0)
            report.problems.push_back(jobName(problem, job) + " is missing from the plan");
        else if (timesPlaced[size_t(job)] > 1)
            report.problems.push_back(jobName(problem, job) + " is placed "
                                      + std::to_string(timesPlaced[size_t(job)]) + " times");
    }
    return report;
}

} // namespace fieldops::optimizer
