// KPI figures (printed, never asserted): every KPI for 90 days over a database of
// 1,000,000 appointments (targets: ≤ 3 s on SQLite, ≤ 2 s on PostgreSQL): the CLI's plain
// load + compute; what the dashboard does when the period changes (first the period with
// its daily buckets and breakdowns, the comparison pending; then complete, with the
// previous period read too); and a filter switch inside the same period, which reuses
// the read. Per-read timings come
// from the fieldops.kpi.load category; CPU time is printed beside wall time because the
// shared machine's wall clock also counts waiting for a core (on PostgreSQL the server's
// work is in another process). FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the data set;
// FIELDOPS_BENCH_BACKEND=sqlite|postgres runs one backend.
// The data set is KpiBenchData.h's.
#include "BenchSupport.h"
#include "KpiBenchData.h"
#include "TestDatabases.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiLoader.h"
#include "kpi/KpiService.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>
#include <cstdio>
#include <ctime>

using namespace fieldops;
using namespace fieldops::bench;

namespace {


QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

void run(const QString &backend, double scale)
{
    const int appointments = std::max(1000, int(1'000'000 * scale));
    const int technicians = std::max(10, int(500 * scale));
    // FIELDOPS_BENCH_PG_URL: an existing PostgreSQL database (schema applied with
    // `fieldops-cli init`), filled once and kept, so the queries can be studied with psql.
    const QString kept = backend == QLatin1String("postgres") ? qEnvironmentVariable("FIELDOPS_BENCH_PG_URL") : QString();
    auto db = kept.isEmpty() ? test::freshDatabase(backend) : test::openUrl(kept);
    if (!db) {
        out() << backend << ": no database: " << test::lastError() << Qt::endl;
        return;
    }
    QElapsedTimer clock;
    clock.start();
    bool filled = false;
    if (!kept.isEmpty())
        if (auto q = db->run(QStringLiteral("SELECT count(*) FROM appointments")); q && q->next())
            filled = q->value(0).toLongLong() > 0;
    if (!filled && !fillKpiBenchData(*db, appointments, technicians, out())) {
        out() << backend << ": fill failed" << Qt::endl;
        return;
    }
    out() << backend << ": generated " << appointments << " appointments, " << technicians << " technicians in "
          << clock.elapsed() << " ms" << Qt::endl;

    // The 90 days ending on the last day of history.
    const QDate to = kKpiBenchLastDay, from = to.addDays(-89);
    const kpi::KpiPeriod period{from, to, QTimeZone::utc()};
    for (int round = 0; round < 2; ++round) { // the second round runs on a warm cache
        clock.restart();
        std::clock_t cpu = std::clock();
        auto cpuMs = [&cpu] {
            const std::clock_t now = std::clock();
            const qint64 ms = qint64(now - cpu) * 1000 / CLOCKS_PER_SEC;
            cpu = now;
            return ms;
        };
        auto in = kpi::loadKpiInputs(*db, period);
        const qint64 loadMs = clock.restart();
        if (!in) {
            out() << "load failed: " << in.error().message << Qt::endl;
            return;
        }
        const kpi::KpiReport r = kpi::computeKpis(*in);
        const qint64 computeMs = clock.restart();
        out() << backend << " round " << round + 1 << ": CLI kpi (90 days, by technician too): load " << loadMs
              << " ms + compute " << computeMs << " ms = " << loadMs + computeMs << " ms (this process's CPU " << cpuMs()
              << " ms); closed "
              << r.overall.value(QStringLiteral("work_orders_closed")).value_or(-1) << ", first-time fix "
              << r.overall.value(QStringLiteral("first_time_fix_rate")).value_or(-1) << Qt::endl;

        kpi::KpiQuery q{period, kpi::BucketSize::Day, {}, {}, {}, {}};
        // What the dashboard shows first: the period itself, the comparison pending.
        {
            auto first = kpi::KpiService::load(*db, q, false);
            if (!first) {
                out() << "dashboard first answer failed: " << first.error().message << Qt::endl;
                return;
            }
            const kpi::KpiDashboardData partial = kpi::KpiService::compute(**first, q);
            out() << backend << " round " << round + 1 << ": dashboard first answer (the period, 90 daily buckets, "
                  << "4 breakdowns; the previous period still pending): " << clock.restart() << " ms (this process's CPU "
                  << cpuMs() << " ms); target " << (backend == QLatin1String("postgres") ? "≤ 2000" : "≤ 3000") << " ms"
                  << Qt::endl;
        }
        auto d = kpi::KpiService::compute(*db, q);
        const qint64 dashMs = clock.elapsed();
        if (!d) {
            out() << "dashboard failed: " << d.error().message << Qt::endl;
            return;
        }
        out() << backend << " round " << round + 1 << ": dashboard complete (period + previous 90 days, 90 daily buckets, "
              << "4 breakdowns): " << dashMs << " ms (this process's CPU " << cpuMs() << " ms; load " << d->loadMs << " ms, compute "
              << d->computeMs << " ms)" << Qt::endl;

        // A filter switch inside the same period: the dashboard reuses the read.
        auto load = kpi::KpiService::load(*db, q);
        if (!load)
            return;
        clock.restart();
        cpuMs();
        kpi::KpiQuery filtered = q;
        filtered.territoryId = QStringLiteral("z1"); // z0's visits are all unresolved by construction
        const kpi::KpiDashboardData f = kpi::KpiService::compute(**load, filtered);
        out() << backend << " round " << round + 1 << ": filter switch on the same period (read reused): " << clock.elapsed()
              << " ms (this process's CPU " << cpuMs() << " ms); territory z1 closed "
              << f.current.overall.value(QStringLiteral("work_orders_closed")).value_or(-1) << Qt::endl;
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // The loader's per-read timings: where the time goes.
    QLoggingCategory::setFilterRules(QStringLiteral("fieldops.kpi.load.debug=true"));
    const double scale = benchScale();
    out() << "bench_kpi scale " << scale << Qt::endl;
    // FIELDOPS_BENCH_BACKEND=sqlite|postgres runs one (profiling one backend).
    const QString only = qEnvironmentVariable("FIELDOPS_BENCH_BACKEND");
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")})
        if (only.isEmpty() || only == backend)
            run(backend, scale);
    return 0;
}
