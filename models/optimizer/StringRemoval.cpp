#include "optimizer/StringRemoval.h"

#include <algorithm>
#include <cmath>

namespace fieldops::optimizer {

namespace {

// Start index of a stretch of `length` visits that contains `position` in a route of `size`.
int stretchStart(int position, int length, int size, Random &random)
{
    return random.between(std::max(0, position - length + 1), std::min(position, size - length));
}

void takeString(const PlannedRoute &route, int position, int length, Random &random, std::vector<int> &removed)
{
    const int start = stretchStart(position, length, route.size(), random);
    for (int k = start; k < start + length; ++k)
        removed.push_back(route.jobs[size_t(k)]);
}

// Removes `length` visits of a stretch of length + kept around `position`, keeping `kept`
// consecutive visits inside the stretch.
void takeSplitString(const PlannedRoute &route, int position, int length, Random &random, std::vector<int> &removed)
{
    int kept = 1;
    while (length + kept < route.size() && random.unit() < 0.5)
        ++kept;
    const int span = length + kept;
    const int start = stretchStart(position, span, route.size(), random);
    const int keptFrom = start + random.between(0, length);
    for (int k = start; k < start + span; ++k) {
        if (k < keptFrom || k >= keptFrom + kept)
            removed.push_back(route.jobs[size_t(k)]);
    }
}

} // namespace

std::vector<int> chooseStrings(const WorkingPlan &plan, const StringRemovalSettings &settings, Random &random)
{
    const SolverContext &ctx = plan.context();
    const int routed = ctx.jobCount() - int(plan.unassigned().size());
    if (routed == 0 || plan.vehiclesUsed() == 0)
        return {};
    const double averageRouteSize = double(routed) / plan.vehiclesUsed();
    const double maxLength = std::min(double(settings.maxStringLength), averageRouteSize);
    const double maxStrings = 4.0 * settings.averageRemoved / (1.0 + maxLength) - 1.0;
    const int strings = int(std::floor(1.0 + random.unit() * maxStrings));

    int seed = random.between(0, ctx.jobCount() - 1);
    while (plan.routeOf(seed) < 0)
        seed = random.between(0, ctx.jobCount() - 1);

    std::vector<int> removed;
    std::vector<int> ruinedRoutes;
    auto visit = [&](int job) {
        const int v = plan.routeOf(job);
        if (v < 0 || std::find(ruinedRoutes.begin(), ruinedRoutes.end(), v) != ruinedRoutes.end())
            return;
        const PlannedRoute &route = plan.route(v);
        const double lengthCap = std::min(double(route.size()), maxLength);
        const int length = std::clamp(int(std::floor(1.0 + random.unit() * lengthCap)), 1, route.size());
        if (length == route.size() || random.unit() < 0.5)
            takeString(route, plan.positionOf(job), length, random, removed);
        else
            takeSplitString(route, plan.positionOf(job), length, random, removed);
        ruinedRoutes.push_back(v);
    };
    visit(seed);
    for (int job : ctx.neighbours(seed)) {
        if (int(ruinedRoutes.size()) >= strings)
            break;
        visit(job);
    }
    return removed;
}

} // namespace fieldops::optimizer
