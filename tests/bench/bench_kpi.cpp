// KPI figures (printed, never asserted): every KPI for 90 days over a database of
// 1,000,000 appointments (targets: ≤ 3 s on SQLite, ≤ 2 s on PostgreSQL): the CLI's plain
// load + compute; what the dashboard does when the period changes (one read of both
// periods, the period, the previous period, daily buckets and the breakdowns); and a
// filter switch inside the same period, which reuses that read. Per-read timings come
// from the fieldops.kpi.load category; CPU time is printed beside wall time because the
// shared machine's wall clock also counts waiting for a core (on PostgreSQL the server's
// work is in another process). FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the data set;
// FIELDOPS_BENCH_BACKEND=sqlite|postgres runs one backend.
//
// The rows are generated inside the database (a recursive CTE on SQLite, generate_series
// on PostgreSQL): a million client round trips would measure the loader of the bench, not
// the KPIs. The change-log and double-booking triggers are dropped/disabled first on this
// throw-away database for the same reason; the generated visits never overlap anyway.
#include "BenchSupport.h"
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

constexpr int kDaysOfHistory = 360;
const QDate kFirstDay(2025, 3, 1);

// One territory per 50 technicians; visits of one hour, each technician's visits evenly
// spaced over the year (never overlapping); one work order per visit, a fifth of them
// unresolved by it; a rating for every fourth, a time entry for every second.
QStringList generationSql(bool pg, int appointments, int technicians)
{
    const int perTech = std::max(1, appointments / technicians);
    const qint64 slotS = qint64(kDaysOfHistory) * 86400 / perTech;
    const QString n = QString::number(appointments), t = QString::number(technicians), slot = QString::number(slotS);
    // Seconds since the first day → the dialect's timestamp.
    auto ts = [&](const QString &secs) {
        return pg ? QStringLiteral("(timestamptz '2025-03-01 00:00:00+00' + make_interval(secs => %1))").arg(secs)
                  : QStringLiteral("strftime('%Y-%m-%dT%H:%M:%SZ', 1740787200 + (%1), 'unixepoch')").arg(secs);
    };
    // "WITH … SELECT … FROM s" on SQLite, "SELECT … FROM generate_series(…)" on PostgreSQL.
    auto with = [&](int count) {
        return pg ? QString() : QStringLiteral("WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i + 1 < %1) ").arg(count);
    };
    auto series = [&](int count) {
        return pg ? QStringLiteral("generate_series(0, %1 - 1) AS s(i)").arg(count) : QStringLiteral("s");
    };
    const QString yes = pg ? QStringLiteral("true") : QStringLiteral("1");
    const QString no = pg ? QStringLiteral("false") : QStringLiteral("0");
    // Appointment i: technician i % T, slot i / T, starting 08:00 + slot.
    const QString start = QStringLiteral("(8 * 3600 + (i / %1) * %2)").arg(t, slot);
    QStringList sql;
    sql << QStringLiteral("INSERT INTO territories(id, name) %1SELECT 'z' || i, 'Zone ' || i FROM %2")
               .arg(with(std::max(1, technicians / 50)), series(std::max(1, technicians / 50)));
    sql << QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon, territory_id, employment) %1"
                          "SELECT 't' || i, 'Tech ' || i, -23.5, -46.6, 'z' || (i % %3), "
                          "CASE i % 3 WHEN 0 THEN 'employee' WHEN 1 THEN 'part_time' ELSE 'contractor' END FROM %2")
               .arg(with(technicians), series(technicians)).arg(std::max(1, technicians / 50));
    sql << QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Bench')");
    sql << QStringLiteral("INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.55, -46.63)");
    sql << QStringLiteral("INSERT INTO work_orders(id, site_id, type, duration_min, created_at, sla_due) %1"
                          "SELECT 'w' || i, 's1', CASE i % 4 WHEN 0 THEN 'install' WHEN 1 THEN 'corrective' "
                          "WHEN 2 THEN 'preventive' ELSE 'inspection' END, 60, %3, %4 FROM %2")
               .arg(with(appointments), series(appointments), ts(start + QStringLiteral(" - 86400")),
                    ts(start + QStringLiteral(" + 3 * 3600 + (i % 5) * 3600")));
    sql << QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, "
                          "completed_at, resolved) %1"
                          "SELECT 'a' || i, 'w' || i, 't' || (i % %3), %4, %5, 'completed', %6, %5, "
                          "CASE WHEN i % 5 = 0 THEN %7 ELSE %8 END FROM %2")
               .arg(with(appointments), series(appointments), t, ts(start),
                    ts(start + QStringLiteral(" + 3600")), ts(start + QStringLiteral(" + (i % 4) * 600")), no, yes);
    sql << QStringLiteral("INSERT INTO ratings(work_order_id, score, rated_at, comment) %1"
                          "SELECT 'w' || i, 1 + (i * 7) % 5, %3, '' FROM %2 WHERE i % 4 = 0")
               .arg(with(appointments), series(appointments), ts(start + QStringLiteral(" + 7200")));
    sql << QStringLiteral("INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable) %1"
                          "SELECT 't' || (i % %3), 'w' || i, %4, %5, CASE WHEN i % 3 = 0 THEN %6 ELSE %7 END FROM %2 WHERE i % 2 = 0")
               .arg(with(appointments), series(appointments), t, ts(start), ts(start + QStringLiteral(" + 3600")), no, yes);
    return sql;
}

bool fill(Database &db, int appointments, int technicians)
{
    QStringList prep;
    if (db.isPostgres()) {
        for (const char *table : {"territories", "technicians", "customers", "sites", "work_orders", "appointments", "ratings", "time_entries"})
            prep << QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER USER").arg(QString::fromLatin1(table));
    } else {
        auto q = db.run(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger'"));
        if (!q)
            return false;
        while (q->next())
            prep << QStringLiteral("DROP TRIGGER \"%1\"").arg(q->value(0).toString());
    }
    for (const QString &s : prep)
        if (!db.execDirect(s).ok()) {
            out() << "failed: " << s << Qt::endl;
            return false;
        }
    Transaction tx(db);
    if (!tx.status())
        return false;
    for (const QString &s : generationSql(db.isPostgres(), appointments, technicians)) {
        if (!db.execDirect(s).ok()) {
            out() << "failed: " << s.left(300) << Qt::endl;
            return false;
        }
    }
    if (!tx.commit().ok())
        return false;
    return db.execDirect(QStringLiteral("ANALYZE")).ok();
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
    if (!filled && !fill(*db, appointments, technicians)) {
        out() << backend << ": fill failed" << Qt::endl;
        return;
    }
    out() << backend << ": generated " << appointments << " appointments, " << technicians << " technicians in "
          << clock.elapsed() << " ms" << Qt::endl;

    // The 90 days ending on the last day of history.
    const QDate to = kFirstDay.addDays(kDaysOfHistory - 1), from = to.addDays(-89);
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
        auto d = kpi::KpiService::compute(*db, q);
        const qint64 dashMs = clock.elapsed();
        if (!d) {
            out() << "dashboard failed: " << d.error().message << Qt::endl;
            return;
        }
        out() << backend << " round " << round + 1 << ": dashboard (period + previous 90 days, 90 daily buckets, "
              << "4 breakdowns): " << dashMs << " ms (this process's CPU " << cpuMs() << " ms; load " << d->loadMs << " ms, compute " << d->computeMs << " ms); target "
              << (backend == QLatin1String("postgres") ? "≤ 2000" : "≤ 3000") << " ms" << Qt::endl;

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
