// Condition rules at scale: 10,000 assets with the last 24 h of temperature readings, one
// a minute, and hourly runtime_hours readings, watched by four rules per asset model
// (threshold, rate, anomaly on temperature; usage on runtime hours); one asset in 200 runs
// hot for its last two hours. Prints the seconds of one evaluation (which opens the hot
// assets' episodes and work orders), of a second one (everything continues) and of a dry
// run, per backend. FIELDOPS_BENCH_SCALE (0 < s ≤ 1) scales the number of assets; the
// backends are the arguments (sqlite, postgres; default both). Target: ≤ 2 s at full scale.
// The CPU time of this thread is printed too, and on PostgreSQL the server's backend's: on a
// shared machine the wall clock also counts the neighbours' work (with SQLite all of the
// database's work is in this thread).
#include "BenchSupport.h"
#include "TestDatabases.h"

#include "conditions/ConditionEvaluation.h"
#include "demo/BatchInserter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>
#include <cstdio>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

constexpr int kFullAssets = 10000;
constexpr int kHotEvery = 200;
const QDateTime kAsOf(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);

QString at(const QDateTime &t) { return t.toString(Qt::ISODate); }

Status seed(Database &db, int assets)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    // Seeding only: the readings' change-log trigger would write one more row per reading
    // and doubles the seed's time without touching what is measured.
    if (Status s = db.execDirect(db.isPostgres() ? QStringLiteral("DROP TRIGGER asset_readings_track_insert ON asset_readings")
                                                 : QStringLiteral("DROP TRIGGER asset_readings_track_insert"));
        !s)
        return s;
    for (const QString &sql : {QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),

                               QStringLiteral("INSERT INTO condition_rules(id, asset_model, kind, reading_kind, comparison, threshold, sustain_minutes, task) VALUES "
                                              "('r-hot', 'CH', 'threshold', 'temperature', 'above', 8, 30, 'Check the chiller')"),
                               QStringLiteral("INSERT INTO condition_rules(id, asset_model, kind, reading_kind, comparison, rate_per_hour, window_minutes, task) VALUES "
                                              "('r-rise', 'CH', 'rate', 'temperature', 'above', 20, 60, 'Check the chiller, rising fast')"),
                               QStringLiteral("INSERT INTO condition_rules(id, asset_model, kind, reading_kind, band_sd, sustain_minutes, baseline_weeks, task) VALUES "
                                              "('r-odd', 'CH', 'anomaly', 'temperature', 100, 30, 3, 'Look at the chiller')"),
                               QStringLiteral("INSERT INTO condition_rules(id, asset_model, kind, reading_kind, usage_interval, task, work_order_type) VALUES "
                                              "('r-run', 'CH', 'usage', 'runtime_hours', 500, 'Service the chiller', 'preventive')"),
                               QStringLiteral("INSERT INTO condition_rule_skills(rule_id, skill_code) VALUES ('r-hot', 'hvac')")})
        if (Status s = db.execDirect(sql); !s)
            return s;
    // A customer (with a contract) per 100 assets, a site per 10: opening a work order reads
    // the customer's file, as the intake does.
    demo::BatchInserter customerRows(db, QStringLiteral("customers"), {QStringLiteral("id"), QStringLiteral("name")});
    demo::BatchInserter contractRows(db, QStringLiteral("contracts"),
                                     {QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("starts_on"),
                                      QStringLiteral("ends_on"), QStringLiteral("response_hours"), QStringLiteral("coverage")});
    demo::BatchInserter siteRows(db, QStringLiteral("sites"),
                                 {QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("lat"), QStringLiteral("lon")});
    demo::BatchInserter assetRows(db, QStringLiteral("assets"), {QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("model")});
    // Parents first: an inserter writes when its batch is full, whatever the others hold.
    for (int a = 0; a < assets; a += 100)
        if (Status s = customerRows.add({QStringLiteral("c%1").arg(a / 100), QStringLiteral("Customer %1").arg(a / 100)}); !s)
            return s;
    if (Status s = customerRows.flush(); !s)
        return s;
    for (int a = 0; a < assets; ++a) {
        const QString customer = QStringLiteral("c%1").arg(a / 100);
        if (a % 100 == 0) {
            if (Status s = contractRows.add({QStringLiteral("k%1").arg(a / 100), customer, QStringLiteral("24x7"), QStringLiteral("2026-01-01"),
                                             QStringLiteral("2026-12-31"), 6, QStringLiteral("24x7")});
                !s)
                return s;
        }
        if (a % 10 == 0)
            if (Status s = siteRows.add({QStringLiteral("s%1").arg(a / 10), customer, QStringLiteral("Site %1").arg(a / 10), -23.55, -46.63}); !s)
                return s;
    }
    for (demo::BatchInserter *b : {&contractRows, &siteRows})
        if (Status s = b->flush(); !s)
            return s;
    for (int a = 0; a < assets; ++a)
        if (Status s = assetRows.add({QStringLiteral("A%1").arg(a, 5, 10, QLatin1Char('0')), QStringLiteral("s%1").arg(a / 10), QStringLiteral("CH")}); !s)
            return s;
    if (Status s = assetRows.flush(); !s)
        return s;
    demo::BatchInserter readings(db, QStringLiteral("asset_readings"),
                                 {QStringLiteral("asset_id"), QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("value"), QStringLiteral("unit")});
    demo::BatchInserter hours(db, QStringLiteral("asset_reading_hours"),
                              {QStringLiteral("asset_id"), QStringLiteral("kind"), QStringLiteral("hour"), QStringLiteral("count"), QStringLiteral("min"),
                               QStringLiteral("max"), QStringLiteral("sum")});
    const QDateTime from = kAsOf.addSecs(-24 * 3600 + 60);
    for (int a = 0; a < assets; ++a) {
        const QString id = QStringLiteral("A%1").arg(a, 5, 10, QLatin1Char('0'));
        const bool hot = a % kHotEvery == 0;
        for (int m = 0; m < 24 * 60; ++m) {
            const double normal = 4.0 + (m % 7) * 0.1 + (a % 10) * 0.05;
            const double value = hot && m >= 22 * 60 ? 9.5 : normal;
            if (Status s = readings.add({id, at(from.addSecs(60LL * m)), QStringLiteral("temperature"), value, QStringLiteral("°C")}); !s)
                return s;
        }
        for (int h = 0; h < 24; ++h)
            if (Status s = readings.add({id, at(from.addSecs(3600LL * h)), QStringLiteral("runtime_hours"), 1000.0 + a % 400 + h,
                                         QStringLiteral("h")});
                !s)
                return s;
        // The baseline of the hours the last hour's readings fall in, three weeks back.
        for (int hourBack : {1, 0})
            for (int w = 1; w <= 3; ++w) {
                const QDateTime hour = kAsOf.addSecs(-3600LL * hourBack).addDays(-7 * w);
                if (Status s = hours.add({id, QStringLiteral("temperature"), at(hour), 60, 4.0, 4.6, 60 * (4.3 + 0.01 * w)}); !s)
                    return s;
            }
    }
    if (Status s = readings.flush(); !s)
        return s;
    if (Status s = hours.flush(); !s)
        return s;
    return tx.commit();
}

bool runBackend(const QString &backend, int assets)
{
    auto db = test::freshDatabase(backend);
    if (!db) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(backend), qPrintable(test::lastError()));
        return false;
    }
    const auto t0 = Clock::now();
    if (Status s = seed(*db, assets); !s) {
        std::fprintf(stderr, "%s: seed: %s\n", qPrintable(backend), qPrintable(s.error().message));
        return false;
    }
    if (db->isPostgres())
        (void)db->execDirect(QStringLiteral("ANALYZE"));
    std::printf("%s: %d assets, %d readings seeded in %.1f s\n", qPrintable(backend), assets, assets * (24 * 60 + 24), msSince(t0) / 1000);
    qint64 backendPid = 0;
    if (db->isPostgres())
        if (auto pid = db->scalar(QStringLiteral("SELECT pg_backend_pid()")))
            backendPid = pid->toLongLong();
    for (const char *label : {"first run", "second run", "dry run"}) {
        const bool dry = QLatin1String(label) == QLatin1String("dry run");
        const auto t = Clock::now();
        const double cpu0 = threadCpuMs(), server0 = otherProcessCpuMs(backendPid);
        auto report = conditions::ConditionEvaluation(*db).run(kAsOf, dry);
        const double seconds = msSince(t) / 1000, cpuSeconds = (threadCpuMs() - cpu0) / 1000;
        const double server1 = otherProcessCpuMs(backendPid);
        const QString serverCpu = server0 >= 0 && server1 >= 0 ? QStringLiteral(", %1 s CPU of the server").arg((server1 - server0) / 1000, 0, 'f', 3) : QString();
        if (!report) {
            std::fprintf(stderr, "%s: %s: %s\n", qPrintable(backend), label, qPrintable(report.error().message));
            return false;
        }
        std::printf("%s: %-10s %.3f s wall, %.3f s CPU of this thread%s  (%d rules, %d assets: %lld opened, %lld continued, %lld cleared)\n", qPrintable(backend), label, seconds, cpuSeconds, qPrintable(serverCpu),
                    report->evaluatedRules, report->assets, qlonglong(report->opened.size()), qlonglong(report->continued.size()),
                    qlonglong(report->cleared.size()));
    }
    std::printf("%s: resident %.0f MB\n", qPrintable(backend), residentMb());
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int assets = std::max(50, int(kFullAssets * benchScale()));
    QStringList backends = app.arguments().mid(1);
    if (backends.isEmpty())
        backends = {QStringLiteral("sqlite"), QStringLiteral("postgres")};
    bool ok = true;
    for (const QString &b : backends)
        ok = runBackend(b, assets) && ok;
    return ok ? 0 : 1;
}
