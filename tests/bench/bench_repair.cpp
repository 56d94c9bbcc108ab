// Repair figures (printed, never asserted): a technician reports sick at 10:00 on the busy
// day of BusyDayData.h (2,000 technicians; target: ≤ 1 s per repair, the database read
// excluded), and urgent jobs arriving on that day. Each repair is timed from the day in
// memory to its options. FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the fleet.
#include "BenchSupport.h"
#include "BusyDayData.h"
#include "dayplan/DayRepair.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace fieldops;
using namespace fieldops::bench;
using namespace fieldops::dayplan;

namespace {

// Repairs of one kind: wall time per repair, and what the cheapest options did.
struct Tally {
    std::vector<double> wall;
    int displaced = 0, moved = 0, queued = 0, placed = 0, options = 0;
};

void add(Tally &t, const DayRepair &r)
{
    t.displaced += int(r.displaced.size());
    t.options += int(r.options.size());
    if (r.options.empty())
        return;
    t.moved += r.options.front().visitsMoved;
    t.queued += r.options.front().backToQueue;
    t.placed += r.options.front().newVisits;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int techs = std::max(50, int(2000 * scale));
    const int repairs = std::max(5, int(40 * scale));
    out << QStringLiteral("bench_repair: scale %1, %2 technicians on a busy day\n").arg(scale).arg(techs);

    const BusyDay day = makeBusyDay(techs, repairs, 17);
    const DayPlanInput in = dayPlanInputOf(day);
    DayPlanOptions options;
    options.timeLimitSeconds = 0.5;
    options.maxIterations = 4000;

    Tally sick;
    const QDateTime tenLocal(kBusyDay.date(), QTime(10, 0), QTimeZone("America/Sao_Paulo"));
    for (int i = 0; i < repairs; ++i) {
        Disruption d;
        d.kind = Disruption::Kind::Absence;
        d.technicianId = day.snap.technicians[size_t((i * 7919) % techs)].id;
        d.from = tenLocal.toUTC();
        const auto t0 = Clock::now();
        const auto r = repairDay(in, d, options);
        sick.wall.push_back(msSince(t0));
        if (r)
            add(sick, *r);
    }
    out << QStringLiteral("  absence from 10:00: %1 repairs, median %2 ms, p95 %3 ms, max %4 ms (target ≤ 1000 ms); "
                          "%5 visits displaced, the cheapest options moved %6 and sent %7 to the queue\n")
               .arg(sick.wall.size()).arg(median(sick.wall), 0, 'f', 1).arg(p95(sick.wall), 0, 'f', 1)
               .arg(percentile(sick.wall, 1.0), 0, 'f', 1).arg(sick.displaced).arg(sick.moved).arg(sick.queued);

    Tally urgent;
    for (const WorkOrder &w : day.probes) {
        Disruption d;
        d.kind = Disruption::Kind::UrgentJob;
        d.workOrderId = w.id;
        const auto t0 = Clock::now();
        const auto r = repairDay(in, d, options);
        urgent.wall.push_back(msSince(t0));
        if (r)
            add(urgent, *r);
    }
    out << QStringLiteral("  urgent job: %1 repairs, median %2 ms, p95 %3 ms, max %4 ms; the cheapest options booked %5 "
                          "and moved %6 others\n")
               .arg(urgent.wall.size()).arg(median(urgent.wall), 0, 'f', 1).arg(p95(urgent.wall), 0, 'f', 1)
               .arg(percentile(urgent.wall, 1.0), 0, 'f', 1).arg(urgent.placed).arg(urgent.moved);
    return 0;
}
