// The asset health view's chart of a year: one chiller with a year of one-a-minute
// temperature readings (FIELDOPS_BENCH_SCALE thins them out) and their hourly aggregates,
// a threshold rule and a visit a month. Prints, per backend, the read of the chart
// (loadAssetChart: a year of hourly means, the band from four weeks of hours, the rule and
// the visits) and the read plus drawing it in the view (setChart + grab), median and p95 of
// 7 runs, and the same for 7 days of raw readings. Target: a year opens in ≤ 300 ms.
#include "BenchSupport.h"
#include "TestDatabases.h"

#include "conditions/AssetHealth.h"
#include "conditions/AssetHealthView.h"
#include "demo/BatchInserter.h"

#include <QApplication>
#include <QDateTime>
#include <QTimeZone>
#include <cmath>
#include <cstdio>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

const QDateTime kNow(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);
constexpr qint64 kYearMs = 365LL * 24 * 3600 * 1000;

QString at(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate); }

// A daily cycle around 5 °C with a slow drift.
double temperature(qint64 ms)
{
    const double hour = double(ms % (24 * 3600 * 1000LL)) / 3600000.0;
    return 5 + 1.5 * std::sin(hour / 24 * 2 * M_PI) + double(ms % kYearMs) / kYearMs;
}

Status seed(Database &db, int stepMinutes)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    if (Status s = db.execDirect(db.isPostgres() ? QStringLiteral("DROP TRIGGER asset_readings_track_insert ON asset_readings")
                                                 : QStringLiteral("DROP TRIGGER asset_readings_track_insert"));
        !s)
        return s;
    for (const QString &sql :
         {QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"),
          QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Plant', -23.55, -46.63)"),
          QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.5, -46.6)"),
          QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH')"),
          QStringLiteral("INSERT INTO condition_rules(id, asset_model, kind, reading_kind, comparison, threshold, sustain_minutes, task) VALUES "
                         "('r-hot', 'CH', 'threshold', 'temperature', 'above', 8, 30, 'Check')")})
        if (Status s = db.execDirect(sql); !s)
            return s;
    const qint64 end = kNow.toMSecsSinceEpoch(), start = end - kYearMs;
    demo::BatchInserter readings(db, QStringLiteral("asset_readings"),
                                 {QStringLiteral("asset_id"), QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("value"), QStringLiteral("unit")});
    demo::BatchInserter hours(db, QStringLiteral("asset_reading_hours"),
                              {QStringLiteral("asset_id"), QStringLiteral("kind"), QStringLiteral("hour"), QStringLiteral("count"), QStringLiteral("min"),
                               QStringLiteral("max"), QStringLiteral("sum")});
    for (qint64 h = start; h < end; h += 3600000) {
        int n = 0;
        double sum = 0, lo = 1e9, hi = -1e9;
        for (qint64 t = h; t < h + 3600000; t += stepMinutes * 60000LL) {
            const double v = temperature(t);
            if (Status s = readings.add({QStringLiteral("a1"), at(t), QStringLiteral("temperature"), v, QStringLiteral("°C")}); !s)
                return s;
            ++n;
            sum += v;
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
        if (Status s = hours.add({QStringLiteral("a1"), QStringLiteral("temperature"), at(h), n, lo, hi, sum}); !s)
            return s;
    }
    if (Status s = readings.flush(); !s)
        return s;
    if (Status s = hours.flush(); !s)
        return s;
    demo::BatchInserter orders(db, QStringLiteral("work_orders"),
                               {QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("asset_id"), QStringLiteral("type"), QStringLiteral("duration_min"), QStringLiteral("created_at")});
    demo::BatchInserter visits(db, QStringLiteral("appointments"),
                               {QStringLiteral("id"), QStringLiteral("work_order_id"), QStringLiteral("technician_id"), QStringLiteral("start_at"),
                                QStringLiteral("end_at"), QStringLiteral("status"), QStringLiteral("arrived_at"), QStringLiteral("completed_at")});
    for (int m = 0; m < 12; ++m) {
        const qint64 t = start + m * 30LL * 24 * 3600 * 1000;
        const QString id = QStringLiteral("w%1").arg(m);
        if (Status s = orders.add({id, QStringLiteral("s1"), QStringLiteral("a1"), QStringLiteral("preventive"), 60, at(t)}); !s)
            return s;
        if (Status s = visits.add({QStringLiteral("v%1").arg(m), id, QStringLiteral("t1"), at(t), at(t + 3600000), QStringLiteral("completed"), at(t),
                                   at(t + 3600000)});
            !s)
            return s;
    }
    if (Status s = orders.flush(); !s)
        return s;
    if (Status s = visits.flush(); !s)
        return s;
    return tx.commit();
}

bool runBackend(const QString &backend, int stepMinutes)
{
    auto db = test::freshDatabase(backend);
    if (!db) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(backend), qPrintable(test::lastError()));
        return false;
    }
    const auto t0 = Clock::now();
    if (Status s = seed(*db, stepMinutes); !s) {
        std::fprintf(stderr, "%s: seed: %s\n", qPrintable(backend), qPrintable(s.error().message));
        return false;
    }
    if (db->isPostgres())
        (void)db->execDirect(QStringLiteral("ANALYZE"));
    std::printf("%s: a year of readings every %d min (%lld) seeded in %.1f s\n", qPrintable(backend), stepMinutes,
                qlonglong(kYearMs / (stepMinutes * 60000LL)), msSince(t0) / 1000);
    widgets::AssetHealthView view;
    view.resize(1600, 900);
    const qint64 end = kNow.toMSecsSinceEpoch();
    for (const auto &[label, span] : {std::pair{"1 year", kYearMs}, std::pair{"7 days", 7LL * 24 * 3600 * 1000}}) {
        std::vector<double> read, shown;
        qsizetype points = 0, band = 0;
        for (int i = 0; i < 7; ++i) {
            const auto t = Clock::now();
            auto chart = conditions::loadAssetChart(*db, QStringLiteral("a1"), QStringLiteral("temperature"), end - span, end);
            if (!chart) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(backend), qPrintable(chart.error().message));
                return false;
            }
            read.push_back(msSince(t));
            view.setChart(*chart);
            (void)view.grab();
            shown.push_back(msSince(t));
            points = chart->readings.size();
            band = chart->band.size();
        }
        std::printf("%s: %-7s read median %.1f ms p95 %.1f ms; read and drawn median %.1f ms p95 %.1f ms (%lld points, %lld band hours; target 300 ms)\n",
                    qPrintable(backend), label, median(read), p95(read), median(shown), p95(shown), qlonglong(points), qlonglong(band));
    }
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int step = std::max(1, int(std::lround(1.0 / benchScale())));
    QStringList backends = app.arguments().mid(1);
    if (backends.isEmpty())
        backends = {QStringLiteral("sqlite"), QStringLiteral("postgres")};
    bool ok = true;
    for (const QString &b : backends)
        ok = runBackend(b, step) && ok;
    return ok ? 0 : 1;
}
