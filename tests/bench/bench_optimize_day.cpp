// Day planning figures (printed, never asserted): the optimiser plans an empty day of the
// busy-day city (BusyDayData.h, no visits booked yet) for the queue, as `fieldops-cli
// optimize` does once the day is read. Two sizes from the issue: the demo's 60 technicians
// with 400 jobs (target: a good plan in ≤ 5 s) and 500 technicians with 4,000 jobs (≤ 60 s).
// Each size is planned at a few time limits and once at a longer reference limit; "good"
// is read off the gap: jobs placed and driving minutes against the reference's.
// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the fleet, the queue and the time limits.
#include "BenchSupport.h"
#include "BusyDayData.h"
#include "dayplan/DayPlanner.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace fieldops;
using namespace fieldops::bench;
using namespace fieldops::dayplan;

namespace {

struct Size {
    int technicians;
    int jobs;
    std::vector<double> limits; // seconds; the last one is the reference
};

struct Run {
    double limit = 0, wall = 0;
    int placed = 0, unassigned = 0, travel = 0;
};

Run plan(const DayPlanInput &in, double limit)
{
    DayPlanOptions options;
    options.timeLimitSeconds = limit;
    const auto t0 = Clock::now();
    const DayPlan p = planDay(in, options);
    return Run{limit, msSince(t0) / 1000, int(p.visits.size()), int(p.unassigned.size()), p.travelMin};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    out << QStringLiteral("bench_optimize_day: scale %1, an empty day planned for the queue\n").arg(scale);
    const std::vector<Size> sizes{{60, 400, {1, 2, 5, 30}}, {500, 4000, {15, 30, 60, 120}}};
    for (const Size &size : sizes) {
        const int techs = std::max(10, int(size.technicians * scale));
        const int jobs = std::max(40, int(size.jobs * scale));
        const BusyDay day = makeBusyDay(techs, jobs, 23, false);
        const DayPlanInput in = dayPlanInputOf(day);

        std::vector<Run> runs;
        for (const double limit : size.limits)
            runs.push_back(plan(in, std::max(0.2, limit * scale)));
        const Run &ref = runs.back();
        out << QStringLiteral("  %1 technicians, %2 jobs:\n").arg(techs).arg(jobs);
        for (const Run &r : runs) {
            const double travelGap = ref.travel > 0 ? 100.0 * (r.travel - ref.travel) / ref.travel : 0;
            out << QStringLiteral("    limit %1 s: %2 s wall, %3 placed, %4 unassigned, %5 travel min (%6 placed, %7 % travel vs the %8 s reference)\n")
                       .arg(r.limit, 0, 'f', 1).arg(r.wall, 0, 'f', 2).arg(r.placed).arg(r.unassigned).arg(r.travel)
                       .arg(r.placed - ref.placed, 0, 10).arg(travelGap, 0, 'f', 1).arg(ref.limit, 0, 'f', 1);
        }
        out.flush();
    }
    return 0;
}
