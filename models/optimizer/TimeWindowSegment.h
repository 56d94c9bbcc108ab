#pragma once
// A piece of a route summarised so that joining two pieces tells in O(1) whether the joined
// piece can meet every time window (Vidal et al. 2013, "A hybrid genetic algorithm with
// adaptive diversity management", concatenation with time warp). Every move of the optimiser
// is judged by joining at most four such pieces instead of walking the route again.
#include "optimizer/VrpProblem.h"

#include <algorithm>

namespace fieldops::optimizer {

struct TimeWindowSegment {
    int firstLocation = -1; // -1: the empty piece
    int lastLocation = -1;
    double duration = 0;    // service and travel and waiting, from first service start to last service end
    double earliest = 0;    // earliest start of service at the first visit
    double latest = 0;      // latest start of service at the first visit without lateness
    double timeWarp = 0;    // lateness that cannot be avoided; 0 means feasible

    bool empty() const { return firstLocation < 0; }

    static TimeWindowSegment visit(int location, double ready, double due, double service)
    {
        return {location, location, service, ready, due, 0};
    }
};

inline TimeWindowSegment join(const TimeWindowSegment &a, const TimeWindowSegment &b, const VrpProblem &problem)
{
    if (a.empty())
        return b;
    if (b.empty())
        return a;
    const double travel = problem.travelBetween(a.lastLocation, b.firstLocation);
    const double delta = a.duration - a.timeWarp + travel;
    const double waiting = std::max(b.earliest - delta - a.latest, 0.0);
    const double warp = std::max(a.earliest + delta - b.latest, 0.0);
    return {a.firstLocation,
            b.lastLocation,
            a.duration + b.duration + travel + waiting,
            std::max(b.earliest - delta, a.earliest) - waiting,
            std::min(b.latest - delta, a.latest) + warp,
            a.timeWarp + b.timeWarp + warp};
}

// The solver's own tolerance is tighter than the checker's, so what it accepts the checker does.
inline constexpr double kWarpTolerance = 1e-9;

} // namespace fieldops::optimizer
