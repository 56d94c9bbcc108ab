// Conflict engine figures (printed, never asserted): the drag verdict on a 2,000-technician,
// 14-day board of 40,000 appointments (target: median ≤ 50 µs) and the full rule sweep of
// 100,000 appointments (target ≤ 100 ms). FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the data.
#include "BenchSupport.h"
#include "scheduling/ConflictChecker.h"
#include "scheduling/ConflictIndex.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTextStream>
#include <QTimeZone>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

using namespace fieldops;
using namespace fieldops::bench;
using namespace fieldops::scheduling;

namespace {




const QDateTime kStart(QDate(2026, 3, 23), QTime(0, 0), Qt::UTC); // the Berlin DST change inside

// A realistic board: technicians in three zones with one or two of four skills, each
// working the sites of one district (ten technicians share a district of about 8 km
// around São Paulo), and each work day filled from 08:00 local with visits
// of 30–120 minutes separated by 15–45 minute gaps. Most visits are clean; some break a
// rule (a skill, an SLA, a window, a short gap, a long day past the shift, an absence),
// and a few are cancelled: roughly what a real board looks like.
ScheduleSnapshot makeBoard(int technicians, int appointments, int days, quint32 seed)
{
    QRandomGenerator rng(seed);
    ScheduleSnapshot s;
    s.from = kStart;
    s.to = kStart.addDays(days);
    const QStringList skills{QStringLiteral("hvac"), QStringLiteral("gas"), QStringLiteral("electrical"), QStringLiteral("plumbing")};
    const QStringList zones{QStringLiteral("America/Sao_Paulo"), QStringLiteral("Europe/Berlin"), QStringLiteral("UTC")};
    const int districts = std::max(1, technicians / 10);
    const int sitesPerDistrict = 40;
    for (int d = 0; d < districts; ++d) {
        const double lat = -24.5 + rng.generateDouble() * 2, lon = -47.5 + rng.generateDouble() * 2;
        for (int i = 0; i < sitesPerDistrict; ++i) {
            Site site;
            site.id = QStringLiteral("s%1").arg(d * sitesPerDistrict + i);
            site.lat = lat + rng.generateDouble() * 0.07;
            site.lon = lon + rng.generateDouble() * 0.07;
            s.sites.push_back(site);
        }
    }
    for (int i = 0; i < technicians; ++i) {
        Technician t;
        t.id = QStringLiteral("t%1").arg(i, 5, 10, QLatin1Char('0'));
        t.name = t.id;
        t.timeZone = zones[i % zones.size()];
        t.skills = {skills[i % 4]};
        if (i % 3 == 0)
            t.skills << skills[(i + 1) % 4];
        s.technicians.push_back(t);
        if (i % 20 == 0) {
            Absence a;
            a.technicianId = t.id;
            a.start = kStart.addDays(rng.bounded(days)).addSecs(3600 * rng.bounded(24));
            a.end = a.start.addSecs(3600 * (2 + rng.bounded(8)));
            s.absences.push_back(a);
        }
    }
    int workDays = 0;
    for (int d = 0; d < days; ++d)
        workDays += kStart.date().addDays(d).dayOfWeek() <= 5;
    const int perDay = std::max(1, (appointments + technicians * workDays - 1) / (technicians * workDays));
    int n = 0;
    for (int ti = 0; ti < technicians && n < appointments; ++ti) {
        const Technician &tech = s.technicians[size_t(ti)];
        const QTimeZone zone(tech.timeZone.toUtf8());
        for (int d = 0; d < days && n < appointments; ++d) {
            const QDate date = kStart.date().addDays(d);
            if (date.dayOfWeek() > 5)
                continue;
            QDateTime cursor(date, QTime(8, 0), zone);
            for (int k = 0; k < perDay && n < appointments; ++k, ++n) {
                WorkOrder w;
                w.id = QStringLiteral("w%1").arg(n);
                const int district = std::min(ti / 10, districts - 1);
                w.siteId = s.sites[size_t(district * sitesPerDistrict + rng.bounded(sitesPerDistrict))].id;
                w.requiredSkills = {rng.bounded(10) == 0 ? skills[rng.bounded(4)] : tech.skills.first()};
                Appointment a;
                a.id = QStringLiteral("a%1").arg(n, 7, 10, QLatin1Char('0'));
                a.workOrderId = w.id;
                a.technicianId = tech.id;
                a.start = cursor.addSecs(k ? 60 * (15 + 5 * rng.bounded(7)) : 0).toUTC();
                a.end = a.start.addSecs(60 * (30 + 15 * rng.bounded(7)));
                cursor = a.end.toTimeZone(zone);
                if (rng.bounded(10) == 0)
                    w.slaDue = a.start.addSecs(3600 * rng.bounded(6));
                if (rng.bounded(10) == 0) {
                    w.windowStart = a.start.addSecs(-3600 * rng.bounded(3));
                    w.windowEnd = w.windowStart.addSecs(4 * 3600);
                }
                if (rng.bounded(50) == 0)
                    a.status = QStringLiteral("cancelled");
                s.workOrders.push_back(w);
                s.appointments.push_back(a);
            }
        }
    }
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int techs = std::max(20, int(2000 * scale));
    out << QStringLiteral("bench_conflicts: scale %1\n").arg(scale);

    // 1. Drag verdicts on the 14-day board.
    {
        const int appts = std::max(400, int(40000 * scale));
        const ScheduleSnapshot board = makeBoard(techs, appts, 14, 7);
        auto t0 = Clock::now();
        double c0 = threadCpuMs();
        const ConflictIndex index(board);
        out << QStringLiteral("  index build: %1 technicians, %2 appointments: %3 ms (%4 ms CPU)\n")
                   .arg(techs).arg(board.appointments.size()).arg(msSince(t0), 0, 'f', 1).arg(threadCpuMs() - c0, 0, 'f', 1);

        QRandomGenerator rng(11);
        const int probes = std::max(2000, int(20000 * scale));
        std::vector<ProposedMove> moves;
        moves.reserve(size_t(probes));
        for (int i = 0; i < probes; ++i) {
            const Appointment &a = board.appointments[size_t(rng.bounded(int(board.appointments.size())))];
            const QDateTime start = kStart.addSecs(300 * rng.bounded(14 * 288));
            moves.push_back({a.id, board.technicians[size_t(rng.bounded(techs))].id, start,
                             start.addSecs(a.start.secsTo(a.end)), a.workOrderId});
        }
        std::vector<double> us;
        us.reserve(moves.size());
        size_t hard = 0, soft = 0;
        for (const ProposedMove &m : moves) {
            const auto s0 = Clock::now();
            const Verdict v = index.verdict(m);
            us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s0).count());
            hard += v.hard.size();
            soft += v.soft.size();
        }
        std::sort(us.begin(), us.end());
        out << QStringLiteral("  verdict: %1 probes, median %2 µs, p95 %3 µs, max %4 µs (target median ≤ 50 µs); "
                              "%5 hard and %6 soft findings\n")
                   .arg(us.size()).arg(us[us.size() / 2], 0, 'f', 2).arg(us[us.size() * 95 / 100], 0, 'f', 2)
                   .arg(us.back(), 0, 'f', 1).arg(hard).arg(soft);
    }

    // 2. The full sweep over 100,000 appointments.
    {
        const int appts = std::max(1000, int(100000 * scale));
        const ScheduleSnapshot board = makeBoard(techs, appts, 14, 13);
        auto t0 = Clock::now();
        double c0 = threadCpuMs();
        const CompiledSchedule schedule(board);
        const double buildMs = msSince(t0), buildCpu = threadCpuMs() - c0;
        std::vector<double> runs, cpu;
        size_t found = 0;
        for (int r = 0; r < 5; ++r) {
            t0 = Clock::now();
            c0 = threadCpuMs();
            found = ConflictChecker::check(schedule, board.from, board.to).size();
            runs.push_back(msSince(t0));
            cpu.push_back(threadCpuMs() - c0);
        }
        std::sort(runs.begin(), runs.end());
        std::sort(cpu.begin(), cpu.end());
        out << QStringLiteral("  full check: %1 appointments, %2 violations: median %3 ms (%4 ms CPU), best %5 ms "
                              "(target ≤ 100 ms); index build %6 ms (%7 ms CPU)\n")
                   .arg(board.appointments.size()).arg(found).arg(runs[runs.size() / 2], 0, 'f', 1)
                   .arg(cpu[cpu.size() / 2], 0, 'f', 1).arg(runs.front(), 0, 'f', 1).arg(buildMs, 0, 'f', 1)
                   .arg(buildCpu, 0, 'f', 1);
    }
    out.flush();
    return 0;
}
