// Arrival and departure inferred from GPS for a whole crew's day: 2,000 technicians, each
// phone reporting every 10 s for 24 hours (8,640 fixes), six visits each in a 30 km city,
// with drift (fixes 100–400 m off) and gaps of a few minutes. Prints the time of the
// inference alone (the tracks are built beforehand), on one thread and on Qt's thread
// pool; the target is at most 2 s on one core. FIELDOPS_BENCH_SCALE shrinks the crew.
#include "BenchSupport.h"

#include "field/ArrivalInference.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QThreadPool>
#include <QTimeZone>

#include <cmath>
#include <cstdio>
#include <numbers>

using namespace fieldops;
using namespace fieldops::bench;
using namespace fieldops::field;

namespace {

constexpr int kTechnicians = 2000;
constexpr int kEverySecs = 10;
constexpr int kVisits = 6;
constexpr double kCentreLat = -23.55;
constexpr double kCentreLon = -46.63;
constexpr double kMetresPerDegree = 6371008.8 * std::numbers::pi / 180.0;

struct Point {
    double lat;
    double lon;
};

Point offset(Point p, double eastM, double northM)
{
    return {p.lat + northM / kMetresPerDegree, p.lon + eastM / (kMetresPerDegree * std::cos(p.lat * std::numbers::pi / 180.0))};
}

Point somewhere(QRandomGenerator &rng) { return offset({kCentreLat, kCentreLon}, rng.bounded(30000.0) - 15000, rng.bounded(30000.0) - 15000); }

// One technician's day: home until 08:00, then each visit (drive at 30 km/h, 45–90 min on
// site), home again; a position every 10 s all day.
TechnicianDay makeDay(QRandomGenerator &rng, qint64 dayStart)
{
    TechnicianDay day;
    const Point home = somewhere(rng);
    struct Leg {
        qint64 from, to;
        Point a, b;
    };
    std::vector<Leg> legs;
    qint64 t = dayStart + 8 * 3600;
    legs.push_back({dayStart, t, home, home});
    Point here = home;
    for (int v = 0; v < kVisits; ++v) {
        const Point site = somewhere(rng);
        const double km = nearbyDistanceM(here.lat, here.lon, site.lat, site.lon) / 1000.0;
        const qint64 drive = qint64(km / 30.0 * 3600.0) + 60;
        const qint64 work = 45 * 60 + qint64(rng.bounded(45 * 60));
        legs.push_back({t, t + drive, here, site});
        day.visits.push_back({QStringLiteral("a%1").arg(v), site.lat, site.lon, t + drive - 600 + qint64(rng.bounded(1200)),
                              t + drive + work});
        legs.push_back({t + drive, t + drive + work, site, site});
        t += drive + work;
        here = site;
    }
    const double km = nearbyDistanceM(here.lat, here.lon, home.lat, home.lon) / 1000.0;
    const qint64 drive = qint64(km / 30.0 * 3600.0) + 60;
    legs.push_back({t, t + drive, here, home});
    legs.push_back({t + drive, dayStart + 86400, home, home});

    day.fixes.reserve(86400 / kEverySecs);
    size_t leg = 0;
    qint64 gapUntil = 0;
    for (qint64 at = dayStart; at < dayStart + 86400; at += kEverySecs) {
        while (leg + 1 < legs.size() && at >= legs[leg].to)
            ++leg;
        if (at < gapUntil)
            continue;
        if (rng.bounded(2000) == 0) { // now and then a few minutes without a fix
            gapUntil = at + 120 + rng.bounded(600);
            continue;
        }
        const Leg &l = legs[leg];
        const double f = l.to > l.from ? double(at - l.from) / double(l.to - l.from) : 0;
        Point p{l.a.lat + (l.b.lat - l.a.lat) * f, l.a.lon + (l.b.lon - l.a.lon) * f};
        p = offset(p, rng.bounded(16.0) - 8, rng.bounded(16.0) - 8);
        if (rng.bounded(100) == 0) { // drift: 100–400 m off
            const double r = 100 + rng.bounded(300.0), a = rng.bounded(2 * std::numbers::pi);
            p = offset(p, r * std::cos(a), r * std::sin(a));
        }
        day.fixes.push_back({at, p.lat, p.lon, float(4 + rng.bounded(20))});
    }
    return day;
}

struct Tally {
    int arrived = 0;
    int departed = 0;
};

Tally tally(const std::vector<TechnicianDay> &days)
{
    Tally t;
    for (const TechnicianDay &d : days)
        for (const InferredVisit &v : d.inferred) {
            t.arrived += v.arrivedAt ? 1 : 0;
            t.departed += v.departedAt ? 1 : 0;
        }
    return t;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int technicians = std::max(1, int(kTechnicians * benchScale()));
    const qint64 dayStart = QDateTime(QDate(2026, 3, 2), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    QRandomGenerator rng(14);
    std::vector<TechnicianDay> days;
    days.reserve(size_t(technicians));
    for (int i = 0; i < technicians; ++i)
        days.push_back(makeDay(rng, dayStart));
    qint64 fixes = 0;
    for (const TechnicianDay &d : days)
        fixes += qint64(d.fixes.size());
    std::printf("arrival inference: %d technicians, %lld fixes (a fix every %d s for 24 h), %d visits each (scale %.2f)\n", technicians,
                fixes, kEverySecs, kVisits, benchScale());

    const InferenceOptions options;
    // Once untimed, so the first timed run does not pay for first touches of the memory.
    inferArrivalsForAll(days, options, false);

    std::vector<double> oneThread;
    double oneThreadCpu = 0;
    for (int run = 0; run < 3; ++run) {
        const double cpu0 = threadCpuMs();
        const auto t0 = Clock::now();
        inferArrivalsForAll(days, options, false);
        oneThread.push_back(msSince(t0));
        oneThreadCpu = threadCpuMs() - cpu0;
    }
    const Tally found = tally(days);
    std::printf("one thread:  %8.1f ms wall (median of 3), %8.1f ms CPU; %.1f M fixes/s\n", median(oneThread), oneThreadCpu,
                double(fixes) / median(oneThread) / 1000.0);

    std::vector<double> pooled;
    for (int run = 0; run < 3; ++run) {
        const auto t0 = Clock::now();
        inferArrivalsForAll(days, options, true);
        pooled.push_back(msSince(t0));
    }
    std::printf("thread pool: %8.1f ms wall (median of 3) on %d threads\n", median(pooled), QThreadPool::globalInstance()->maxThreadCount());
    const int visits = technicians * kVisits;
    std::printf("visits: %d, with an inferred arrival %d (%.1f %%), with a departure %d (%.1f %%); resident %.0f MB\n", visits, found.arrived,
                100.0 * found.arrived / visits, found.departed, 100.0 * found.departed / visits, residentMb());
    return 0;
}
