#include "optimizer/VrptwSolver.h"

#include "optimizer/Insertion.h"
#include "optimizer/LocalSearch.h"
#include "optimizer/Random.h"
#include "optimizer/SolverContext.h"
#include "optimizer/StringRemoval.h"
#include "optimizer/WorkingPlan.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

namespace fieldops::optimizer {

namespace {

using Clock = std::chrono::steady_clock;

// The blink rate is the string-removal paper's. The temperatures are relative to the plan's
// cost per job, so that they suit any distance unit; 3 and 0.01 did best on a sample of Solomon
// instances at 3 s (0.1 → 0.001 left the long routes of R2 and RC2 some 5 % above the best
// known, 10 → 0.1 stalled on RC1).
constexpr double kBlinkRate = 0.01;
constexpr double kStartTemperaturePerJobCost = 3;
constexpr double kEndTemperaturePerJobCost = 0.01;
// With the vehicles objective, at most this share of the budget goes to removing vehicles (it
// ends sooner at the lower bound). 0.8 rather than 0.5 saved a vehicle on R104 and RC102 at 5 s;
// vehicles come first, the distance phase gets what is left.
constexpr double kFleetPhaseShare = 0.8;

class Search {
public:
    Search(const VrpProblem &problem, const VrpSolverOptions &options)
        : m_context(problem)
        , m_options(options)
        , m_random(options.seed)
        , m_best(m_context)
        , m_started(Clock::now())
        , m_cpuStarted(std::clock())
    {
    }

    VrpSolverResult run()
    {
        const int fleet = m_context.vehicleCount();
        WorkingPlan plan(m_context);
        for (size_t v = 0; v < m_options.initialRoutes.size() && int(v) < fleet; ++v) {
            if (!m_options.initialRoutes[v].empty())
                plan.replaceRoute(int(v), m_options.initialRoutes[v]);
        }
        reinsertUnassigned(plan, fleet, 0.0, m_random);
        descend(plan, fleet);
        offer(plan);

        int maxVehicles = fleet;
        if (m_options.objective == VrpObjective::Vehicles) {
            removeVehicles();
            maxVehicles = m_best.vehiclesUsed();
        }
        anneal(maxVehicles);

        VrpSolverResult result;
        result.solution = m_best.toSolution();
        result.iterations = m_iterations;
        result.seconds = elapsed();
        result.cancelled = m_cancelled;
        return result;
    }

private:
    double elapsed() const
    {
        if (m_options.cpuTimeLimit)
            return double(std::clock() - m_cpuStarted) / CLOCKS_PER_SEC;
        return std::chrono::duration<double>(Clock::now() - m_started).count();
    }

    // Share of the budget spent, by iterations when they bound the run.
    double spent() const
    {
        const double byTime = m_options.timeLimitSeconds > 0 ? elapsed() / m_options.timeLimitSeconds : 1.0;
        return m_options.maxIterations > 0 ? double(m_iterations) / double(m_options.maxIterations) : byTime;
    }

    bool shouldStop()
    {
        if (m_cancelled)
            return true;
        if ((m_iterations & 15) == 0 && m_options.cancelled && m_options.cancelled())
            m_cancelled = true;
        if (m_options.maxIterations > 0 && m_iterations >= m_options.maxIterations)
            return true;
        return m_cancelled || elapsed() >= m_options.timeLimitSeconds;
    }

    // Distance: less distance plus penalties, so a job may be left out when serving it costs
    // more than its penalty. Vehicles: penalties first, as saving a vehicle by leaving jobs
    // out is no saving; then fewer vehicles, then less distance.
    bool better(const WorkingPlan &a, const WorkingPlan &b) const
    {
        if (m_options.objective == VrpObjective::Distance)
            return a.cost() < b.cost() - 1e-9;
        if (std::abs(a.penalty() - b.penalty()) > 1e-9)
            return a.penalty() < b.penalty();
        if (a.vehiclesUsed() != b.vehiclesUsed())
            return a.vehiclesUsed() < b.vehiclesUsed();
        return a.distance() < b.distance() - 1e-9;
    }

    void offer(const WorkingPlan &plan)
    {
        if (!m_hasBest || better(plan, m_best)) {
            m_best = plan;
            m_hasBest = true;
            if (m_options.progress)
                m_options.progress({elapsed(), m_iterations, m_best.vehiclesUsed(), m_best.distance(),
                                    int(m_best.unassigned().size())});
        }
    }

    // Route elimination: eject the smallest route's jobs into the unassigned pool and ruin
    // and recreate without opening a vehicle until the pool is empty. A candidate is kept
    // when it leaves fewer jobs out, or jobs that were left out less often so far: the jobs
    // that are hard to place get placed first (the paper's absence counters).
    void removeVehicles()
    {
        std::vector<long long> absences(size_t(m_context.jobCount()), 0);
        auto absenceSum = [&](const WorkingPlan &plan) {
            long long sum = 0;
            for (int job : plan.unassigned())
                sum += absences[size_t(job)];
            return sum;
        };
        WorkingPlan plan = m_best;
        WorkingPlan candidate = m_best;
        if (!plan.unassigned().empty())
            return;
        const StringRemovalSettings settings;
        while (m_best.vehiclesUsed() > m_context.vehicleLowerBound() && spent() < kFleetPhaseShare && !shouldStop()) {
            if (plan.unassigned().empty()) {
                ejectSmallestRoute(plan);
                candidate = plan;
                plan.markUnchanged();
                candidate.markUnchanged();
            }
            const int maxVehicles = m_best.vehiclesUsed() - 1;
            candidate.remove(chooseStrings(candidate, settings, m_random));
            reinsertUnassigned(candidate, maxVehicles, kBlinkRate, m_random);
            ++m_iterations;
            for (int job : candidate.unassigned())
                ++absences[size_t(job)];
            if (candidate.unassigned().size() < plan.unassigned().size() || absenceSum(candidate) < absenceSum(plan))
                plan.adoptChangesOf(candidate);
            else
                candidate.undoChanges(plan);
            if (plan.unassigned().empty()) {
                descend(plan, maxVehicles);
                offer(plan);
            }
        }
    }

    void ejectSmallestRoute(WorkingPlan &plan)
    {
        int smallest = -1;
        for (int v = 0; v < plan.routeCount(); ++v) {
            const int size = plan.route(v).size();
            if (size > 0 && (smallest < 0 || size < plan.route(smallest).size()))
                smallest = v;
        }
        if (smallest >= 0)
            plan.remove(plan.route(smallest).jobs);
    }

    // Simulated annealing over ruin and recreate, cooling geometrically over what is left
    // of the budget.
    void anneal(int maxVehicles)
    {
        WorkingPlan current = m_best;
        WorkingPlan candidate = m_best;
        const double costPerJob = m_best.distance() / std::max(1, m_context.jobCount());
        const double hot = kStartTemperaturePerJobCost * costPerJob;
        const double cold = kEndTemperaturePerJobCost * costPerJob;
        const double from = std::min(spent(), 0.999);
        const StringRemovalSettings settings;
        current.markUnchanged();
        candidate.markUnchanged();
        while (!shouldStop()) {
            candidate.remove(chooseStrings(candidate, settings, m_random));
            reinsertUnassigned(candidate, maxVehicles, kBlinkRate, m_random);
            ++m_iterations;
            const double progress = std::clamp((spent() - from) / (1.0 - from), 0.0, 1.0);
            const double temperature = hot * std::pow(cold / hot, progress);
            if (better(candidate, m_best)) {
                descend(candidate, maxVehicles);
                offer(candidate);
                current.adoptChangesOf(candidate);
            } else if (candidate.cost() < current.cost() - temperature * std::log(std::max(m_random.unit(), 1e-300))) {
                current.adoptChangesOf(candidate);
            } else {
                candidate.undoChanges(current);
            }
        }
    }

    SolverContext m_context;
    const VrpSolverOptions &m_options;
    Random m_random;
    WorkingPlan m_best;
    bool m_hasBest = false;
    bool m_cancelled = false;
    long long m_iterations = 0;
    Clock::time_point m_started;
    std::clock_t m_cpuStarted;
};

} // namespace

VrpSolverResult solveVrp(const VrpProblem &problem, const VrpSolverOptions &options)
{
    if (problem.jobs.empty() || problem.vehicles.empty()) {
        VrpSolverResult result;
        result.solution.routes.assign(problem.vehicles.size(), {});
        for (int job = 0; job < int(problem.jobs.size()); ++job)
            result.solution.unassigned.push_back(job);
        return result;
    }
    return Search(problem, options).run();
}

} // namespace fieldops::optimizer
