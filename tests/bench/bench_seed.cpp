// `seed-demo --technicians 500 --days 365` on SQLite: the target is ≤ 60 s (read,
// not asserted). Prints the time to generate the operation in memory, the time of the
// whole seed (generation + writing in one transaction), every table's row count, and for
// reference the default demo (60 technicians × 90 days) seeded into PostgreSQL.
// Wall and CPU seconds both: on a shared machine the wall clock mostly measures the
// neighbours. FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks technicians and days for CI.
#include "BenchSupport.h"
#include "TestDatabases.h"
#include "demo/DemoDataSet.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoSeeder.h"
#include "demo/DemoWriter.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <cmath>
#include <cstdio>
#include <sys/resource.h>

using namespace fieldops;
using namespace fieldops::bench;

namespace {


// CPU seconds of this process: on a shared machine wall time says more about the neighbours.
double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

long peakRssMb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss / 1024;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double scale = benchScale();
    DemoOptions options;
    options.technicians = std::max(1, int(std::lround(500 * scale)));
    options.days = std::max(1, int(std::lround(365 * scale)));
    options.today = QDate(2026, 3, 2);
    std::printf("bench_seed: scale %.3g → --technicians %d --days %d (customers %d, %d days ahead)\n", scale,
                options.technicians, options.days, options.customers, options.futureDays);

    QElapsedTimer timer;
    timer.start();
    const double generateCpu = cpuSeconds();
    {
        demo::DemoDataSet data;
        if (!demo::generateDemo(options, data)) {
            std::fprintf(stderr, "generation stopped\n");
            return 1;
        }
        std::printf("  generate in memory: %8.2f s  (%.2f s CPU), %lld rows\n", timer.nsecsElapsed() / 1e9,
                    cpuSeconds() - generateCpu, static_cast<long long>(demo::rowCount(data)));
    }

    auto db = test::freshDatabase(QStringLiteral("sqlite"));
    if (!db) {
        std::fprintf(stderr, "no database: %s\n", qPrintable(test::lastError()));
        return 1;
    }
    timer.restart();
    const double cpuBefore = cpuSeconds();
    DemoSeeder seeder(*db);
    auto summary = seeder.seed(options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSeconds() - cpuBefore;
    if (!summary) {
        std::fprintf(stderr, "seed failed: %s\n%s\n", qPrintable(summary.error().message), qPrintable(summary.error().detail));
        return 1;
    }
    std::printf("  seed-demo on SQLite: %7.2f s  (%.2f s CPU; target ≤ 60 s at scale 1), %lld rows, peak RSS %ld MB\n",
                seconds, cpu, static_cast<long long>(summary->rows), peakRssMb());
    for (const char *table : {"technicians", "technician_skills", "absences", "customers", "sites", "assets", "contracts",
                              "maintenance_plans", "work_orders", "work_order_skills", "appointments", "ratings",
                              "time_entries", "parts", "stock", "positions", "change_log", "audit_log"}) {
        auto n = db->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)));
        std::printf("    %-20s %10lld\n", table, n ? static_cast<long long>(n->toLongLong()) : -1LL);
    }
    db.reset();

    DemoOptions pgOptions;
    pgOptions.technicians = std::max(1, int(std::lround(pgOptions.technicians * scale)));
    pgOptions.days = std::max(1, int(std::lround(pgOptions.days * scale)));
    pgOptions.today = options.today;
    auto pg = test::freshDatabase(QStringLiteral("postgres"));
    if (!pg) {
        std::fprintf(stderr, "no PostgreSQL: %s\n", qPrintable(test::lastError()));
        return 1;
    }
    timer.restart();
    const double pgCpuBefore = cpuSeconds();
    auto pgSummary = DemoSeeder(*pg).seed(pgOptions);
    if (!pgSummary) {
        std::fprintf(stderr, "PostgreSQL seed failed: %s\n", qPrintable(pgSummary.error().message));
        return 1;
    }
    std::printf("  default demo (--technicians %d --days %d) on PostgreSQL: %.2f s (%.2f s CPU in the client), %lld rows\n",
                pgOptions.technicians, pgOptions.days, timer.nsecsElapsed() / 1e9, cpuSeconds() - pgCpuBefore,
                static_cast<long long>(pgSummary->rows));
    return 0;
}
