// Suggestion figures (printed, never asserted): `suggest` over 2,000 technicians on a busy
// day (target: ≤ 30 ms per suggestion, the database read excluded), the day of
// BusyDayData.h. FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the fleet.
#include "BenchSupport.h"
#include "BusyDayData.h"
#include "scheduling/CompiledSchedule.h"
#include "scheduling/SuggestionRanker.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimeZone>

using namespace fieldops;
using namespace fieldops::bench;
using namespace fieldops::scheduling;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int techs = std::max(50, int(2000 * scale));
    const int probes = std::max(20, int(200 * scale));
    out << QStringLiteral("bench_suggest: scale %1\n").arg(scale);

    const BusyDay board = makeBusyDay(techs, probes, 17);
    auto t0 = Clock::now();
    double c0 = threadCpuMs();
    const CompiledSchedule schedule(board.snap);
    const SuggestionRanker ranker(schedule, SuggestionRanker::basesOf(board.snap));
    out << QStringLiteral("  build: %1 technicians, %2 appointments: %3 ms (%4 ms CPU), once per read\n")
               .arg(techs).arg(board.snap.appointments.size()).arg(msSince(t0), 0, 'f', 1).arg(threadCpuMs() - c0, 0, 'f', 1);

    // The busy day from 07:00 local (10:00 UTC), and a whole week from the same instant.
    const QDateTime from = kBusyDay.addSecs(10 * 3600);
    for (const auto &[label, days, top] : {std::tuple{"busy day, top 5", 1, 5}, std::tuple{"busy day, top 20", 1, 20},
                                           std::tuple{"7 days, top 5", 7, 5}}) {
        std::vector<double> wall, cpu;
        size_t found = 0, none = 0;
        QString example;
        for (const WorkOrder &w : board.probes) {
            t0 = Clock::now();
            c0 = threadCpuMs();
            const SuggestionResult r = ranker.suggest({w.id, w.durationMin, from, from.addDays(days), top});
            wall.push_back(msSince(t0));
            cpu.push_back(threadCpuMs() - c0);
            found += r.candidates.size();
            none += r.candidates.empty();
            if (example.isEmpty() && r.candidates.empty())
                example = r.whyNone;
        }
        out << QStringLiteral("  suggest (%1): %2 work orders, median %3 ms (%4 ms CPU), p95 %5 ms (%6 ms CPU), max %7 ms "
                              "(target ≤ 30 ms); %8 candidates, %9 without any%10\n")
                   .arg(QString::fromLatin1(label)).arg(wall.size()).arg(median(wall), 0, 'f', 2).arg(median(cpu), 0, 'f', 2)
                   .arg(p95(wall), 0, 'f', 2).arg(p95(cpu), 0, 'f', 2).arg(percentile(wall, 1.0), 0, 'f', 2).arg(found).arg(none)
                   .arg(example.isEmpty() ? QString() : QStringLiteral(" (e.g. %1)").arg(example));
    }
    out.flush();
    return 0;
}
