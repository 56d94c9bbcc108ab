// Suggestion figures (printed, never asserted): `suggest` over 2,000 technicians on a busy
// day (target: ≤ 30 ms per suggestion, the database read excluded). Technicians live and
// work in districts of about 8 km around São Paulo, hold one or two of four skills and
// have 5–7 visits that day from 08:00 local; probe work orders sit at random sites with
// one skill, some with an SLA later that day, some with a customer's window.
// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the fleet.
#include "BenchSupport.h"
#include "scheduling/CompiledSchedule.h"
#include "scheduling/SuggestionRanker.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimeZone>

using namespace fieldops;
using namespace fieldops::bench;
using namespace fieldops::scheduling;

namespace {

const QDateTime kDay(QDate(2026, 3, 24), QTime(0, 0), Qt::UTC); // a Tuesday

struct Board {
    ScheduleSnapshot snap;
    std::vector<WorkOrder> probes;
};

Board makeBusyDay(int technicians, int probes, quint32 seed)
{
    QRandomGenerator rng(seed);
    Board b;
    ScheduleSnapshot &s = b.snap;
    s.from = kDay;
    s.to = kDay.addDays(1);
    const QStringList skills{QStringLiteral("hvac"), QStringLiteral("gas"), QStringLiteral("electrical"), QStringLiteral("plumbing")};
    const int districts = std::max(1, technicians / 10);
    const int sitesPerDistrict = 40;
    std::vector<std::pair<double, double>> centre;
    for (int d = 0; d < districts; ++d) {
        const double lat = -24.0 + rng.generateDouble() * 1.0, lon = -47.0 + rng.generateDouble() * 1.0;
        centre.emplace_back(lat, lon);
        for (int i = 0; i < sitesPerDistrict; ++i) {
            Site site;
            site.id = QStringLiteral("s%1").arg(d * sitesPerDistrict + i);
            site.lat = lat + rng.generateDouble() * 0.07;
            site.lon = lon + rng.generateDouble() * 0.07;
            s.sites.push_back(site);
        }
    }
    const QTimeZone zone("America/Sao_Paulo");
    int n = 0;
    for (int i = 0; i < technicians; ++i) {
        const int district = std::min(i / 10, districts - 1);
        Technician t;
        t.id = QStringLiteral("t%1").arg(i, 5, 10, QLatin1Char('0'));
        t.name = t.id;
        t.timeZone = QStringLiteral("America/Sao_Paulo");
        t.skills = {skills[i % 4]};
        if (i % 3 == 0)
            t.skills << skills[(i + 1) % 4];
        t.homeLat = centre[size_t(district)].first + rng.generateDouble() * 0.1;
        t.homeLon = centre[size_t(district)].second + rng.generateDouble() * 0.1;
        s.technicians.push_back(t);
        if (i % 20 == 0) {
            Absence a;
            a.technicianId = t.id;
            a.start = QDateTime(kDay.date(), QTime(8 + rng.bounded(6), 0), zone).toUTC();
            a.end = a.start.addSecs(3600 * (2 + rng.bounded(4)));
            s.absences.push_back(a);
        }
        QDateTime cursor(kDay.date(), QTime(8, 0), zone);
        const int visits = 5 + rng.bounded(3);
        for (int k = 0; k < visits; ++k, ++n) {
            WorkOrder w;
            w.id = QStringLiteral("w%1").arg(n);
            w.siteId = s.sites[size_t(district * sitesPerDistrict + rng.bounded(sitesPerDistrict))].id;
            w.requiredSkills = {t.skills.first()};
            Appointment a;
            a.id = QStringLiteral("a%1").arg(n, 7, 10, QLatin1Char('0'));
            a.workOrderId = w.id;
            a.technicianId = t.id;
            a.start = cursor.addSecs(k ? 60 * (15 + 5 * rng.bounded(7)) : 0).toUTC();
            a.end = a.start.addSecs(60 * (30 + 15 * rng.bounded(4)));
            cursor = a.end.toTimeZone(zone);
            s.workOrders.push_back(w);
            s.appointments.push_back(a);
        }
    }
    for (int p = 0; p < probes; ++p) {
        WorkOrder w;
        w.id = QStringLiteral("probe%1").arg(p);
        w.siteId = s.sites[size_t(rng.bounded(int(s.sites.size())))].id;
        w.requiredSkills = {skills[rng.bounded(4)]};
        w.durationMin = 30 + 15 * rng.bounded(5);
        if (rng.bounded(2))
            w.slaDue = QDateTime(kDay.date(), QTime(12 + rng.bounded(8), 0), zone).toUTC();
        if (rng.bounded(4) == 0) {
            w.windowStart = QDateTime(kDay.date(), QTime(9 + rng.bounded(4), 0), zone).toUTC();
            w.windowEnd = w.windowStart.addSecs(4 * 3600);
        }
        s.workOrders.push_back(w);
        b.probes.push_back(w);
    }
    return b;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int techs = std::max(50, int(2000 * scale));
    const int probes = std::max(20, int(200 * scale));
    out << QStringLiteral("bench_suggest: scale %1\n").arg(scale);

    const Board board = makeBusyDay(techs, probes, 17);
    auto t0 = Clock::now();
    double c0 = threadCpuMs();
    const CompiledSchedule schedule(board.snap);
    const SuggestionRanker ranker(schedule, SuggestionRanker::basesOf(board.snap));
    out << QStringLiteral("  build: %1 technicians, %2 appointments: %3 ms (%4 ms CPU), once per read\n")
               .arg(techs).arg(board.snap.appointments.size()).arg(msSince(t0), 0, 'f', 1).arg(threadCpuMs() - c0, 0, 'f', 1);

    // The busy day from 07:00 local (10:00 UTC), and a whole week from the same instant.
    const QDateTime from = kDay.addSecs(10 * 3600);
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
