#pragma once
// The routing problem the optimiser solves: jobs with time windows, demand and service time,
// and a fleet of vehicles, each with its own start and end place, shift window and capacity.
// A Solomon instance fills it trivially (one depot, identical vehicles, every vehicle allowed);
// a field-service day maps technicians to vehicles, skills to allowed-vehicle sets, a locked
// visit to a set of one vehicle and a priority to the penalty for leaving a job unassigned.
#include <string>
#include <vector>

namespace fieldops::optimizer {

struct VrpJob {
    int location = 0; // index into the problem's travel matrix
    double demand = 0;
    double readyTime = 0; // service may begin no earlier …
    double dueTime = 0;   // … and no later than this
    double serviceTime = 0;
    std::vector<int> allowedVehicles; // vehicle indices; empty means any vehicle
    double unassignedPenalty = 0;     // added to the objective while the job is left out
    int externalId = 0;               // the caller's number for the job (Solomon: CUST NO.)
};

struct VrpVehicle {
    int startLocation = 0;
    int endLocation = 0;
    double capacity = 0;
    double earliestStart = 0; // leaves its start place no earlier
    double latestEnd = 0;     // and is back at its end place no later
};

enum class VrpObjective {
    Distance, // total distance; any number of vehicles up to the fleet
    Vehicles  // fewest vehicles first, then total distance
};

struct VrpProblem {
    std::string name;
    std::vector<VrpJob> jobs;
    std::vector<VrpVehicle> vehicles; // the fleet: at most one route per vehicle
    int locationCount = 0;
    // Row-major locationCount × locationCount. It is both the travel time and the cost of a leg,
    // as in the Solomon convention; a field-service day would convert minutes into one unit.
    std::vector<double> travel;

    double travelBetween(int from, int to) const { return travel[size_t(from) * size_t(locationCount) + size_t(to)]; }
    bool vehicleAllowed(int job, int vehicle) const;
};

inline bool VrpProblem::vehicleAllowed(int job, int vehicle) const
{
    const auto &allowed = jobs[size_t(job)].allowedVehicles;
    if (allowed.empty())
        return true;
    for (int v : allowed) {
        if (v == vehicle)
            return true;
    }
    return false;
}

} // namespace fieldops::optimizer
