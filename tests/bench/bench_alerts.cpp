// Alerts figures (printed, never asserted; the target from issue 14): every kind of alert
// recomputed for 2,000 technicians and 10,000 open work orders, the way each console's
// refresh does (AlertRepository::current with the thresholds read from the database):
// target ≤ 200 ms. On a SQLite file and on the harness's PostgreSQL server. The data: SLAs
// spread over two days around now, half the work orders booked today (scheduled, en route,
// on site, some completed unresolved, some with GPS arrivals and no status), and an hour
// of positions a minute for every technician, some of them silent for the last 40 minutes.
// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks every count.
#include "BenchSupport.h"
#include "TestDatabases.h"
#include "repositories/AlertRepository.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QTimeZone>
#include <cstdio>
#include <vector>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

const QDateTime kNow(QDate(2026, 3, 2), QTime(14, 0), QTimeZone::utc()); // a Monday afternoon

// Inserts rows in statements of a few hundred, one transaction for the whole table.
bool insertRows(Database &db, const QString &table, const QStringList &columns, const std::vector<QVariantList> &rows)
{
    constexpr size_t kBatch = 200;
    const QString one = QLatin1Char('(') + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(',')) + QLatin1Char(')');
    for (size_t i = 0; i < rows.size(); i += kBatch) {
        const size_t n = std::min(kBatch, rows.size() - i);
        QVariantList binds;
        for (size_t k = 0; k < n; ++k)
            binds += rows[i + k];
        auto q = db.run(QStringLiteral("INSERT INTO %1(%2) VALUES %3").arg(table, columns.join(QLatin1Char(',')), QStringList(qsizetype(n), one).join(QLatin1Char(','))),
                        binds);
        if (!q) {
            std::fprintf(stderr, "bench_alerts: %s: %s\n", qPrintable(table), qPrintable(q.error().message + q.error().detail));
            return false;
        }
    }
    return true;
}

QVariant ts(const QDateTime &t) { return timefmt::toSql(t); }

bool fill(Database &db, int techs, int orders)
{
    Transaction tx(db);
    if (!tx.status())
        return false;
    const QVariant yes = db.isPostgres() ? QVariant(true) : QVariant(1);
    const QVariant no = db.isPostgres() ? QVariant(false) : QVariant(0);
    std::vector<QVariantList> rows;
    const char *zones[] = {"America/Sao_Paulo", "UTC", "Europe/Madrid", "Asia/Shanghai"};
    for (int i = 0; i < techs; ++i)
        rows.push_back({QStringLiteral("t%1").arg(i), QStringLiteral("Technician %1").arg(i), -23.5 - (i % 40) * 0.01, -46.6,
                        QString::fromLatin1(zones[i % 4]), QStringLiteral("00:00"), QStringLiteral("24:00")});
    if (!insertRows(db, QStringLiteral("technicians"),
                    {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("home_lat"), QStringLiteral("home_lon"),
                     QStringLiteral("time_zone"), QStringLiteral("shift_start"), QStringLiteral("shift_end")},
                    rows))
        return false;
    rows.clear();
    rows.push_back({QStringLiteral("c1"), QStringLiteral("Customer")});
    if (!insertRows(db, QStringLiteral("customers"), {QStringLiteral("id"), QStringLiteral("name")}, rows))
        return false;
    rows.clear();
    const int sites = std::max(1, orders / 10);
    for (int i = 0; i < sites; ++i)
        rows.push_back({QStringLiteral("s%1").arg(i), QStringLiteral("c1"), QStringLiteral("Site %1").arg(i), -23.5, -46.6});
    if (!insertRows(db, QStringLiteral("sites"),
                    {QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("lat"), QStringLiteral("lon")}, rows))
        return false;
    rows.clear();
    std::vector<QVariantList> visits;
    for (int i = 0; i < orders; ++i) {
        const QString id = QStringLiteral("w%1").arg(i);
        const QDateTime sla = kNow.addSecs(qint64((i * 37) % (96 * 60) - 48 * 60) * 60); // ±2 days
        const bool booked = i % 2 == 0;
        rows.push_back({id, QStringLiteral("s%1").arg(i % sites), 1 + i % 4, 60, ts(kNow.addDays(-3)), ts(sla),
                        booked ? QStringLiteral("scheduled") : QStringLiteral("open")});
        if (!booked)
            continue;
        // Today, one after the other per technician: slot k of technician i % techs.
        const int tech = (i / 2) % techs, slot = (i / 2) / techs;
        const QDateTime start = QDateTime(kNow.date(), QTime(10, 30), QTimeZone::utc()).addSecs(qint64(slot) * 125 * 60);
        const QDateTime end = start.addSecs(120 * 60);
        QString status = QStringLiteral("scheduled");
        QVariant arrived, completed, inferred, resolved = no;
        if (end <= kNow && i % 6 == 0) {
            status = QStringLiteral("completed"); // left unresolved
            arrived = ts(start);
            completed = ts(end);
        } else if (end <= kNow) {
            status = QStringLiteral("completed");
            arrived = ts(start);
            completed = ts(end);
            resolved = yes;
        } else if (start <= kNow && i % 4 == 0) {
            status = QStringLiteral("on_site");
            arrived = ts(start.addSecs(-60 * 60)); // an hour early: overrunning by now
        } else if (start <= kNow && i % 8 == 2) {
            inferred = ts(start.addSecs(5 * 60)); // there by GPS, no status
        }
        visits.push_back({QStringLiteral("a%1").arg(i), id, QStringLiteral("t%1").arg(tech), ts(start), ts(end), status, arrived, completed,
                          resolved, inferred});
    }
    if (!insertRows(db, QStringLiteral("work_orders"),
                    {QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("priority"), QStringLiteral("duration_min"),
                     QStringLiteral("created_at"), QStringLiteral("sla_due"), QStringLiteral("status")},
                    rows))
        return false;
    if (!insertRows(db, QStringLiteral("appointments"),
                    {QStringLiteral("id"), QStringLiteral("work_order_id"), QStringLiteral("technician_id"), QStringLiteral("start_at"),
                     QStringLiteral("end_at"), QStringLiteral("status"), QStringLiteral("arrived_at"), QStringLiteral("completed_at"),
                     QStringLiteral("resolved"), QStringLiteral("inferred_arrived_at")},
                    visits))
        return false;
    rows.clear();
    for (int i = 0; i < techs; ++i) {
        const int quietMinutes = i % 10 == 0 ? 40 : 0; // a tenth of the phones went quiet
        for (int m = 60; m > quietMinutes; --m)
            rows.push_back({QStringLiteral("t%1").arg(i), ts(kNow.addSecs(-qint64(m) * 60)), -23.5, -46.6});
    }
    if (!insertRows(db, QStringLiteral("positions"), {QStringLiteral("technician_id"), QStringLiteral("at"), QStringLiteral("lat"), QStringLiteral("lon")},
                    rows))
        return false;
    return tx.commit().ok();
}

bool runOne(const QString &backend, int techs, int orders)
{
    auto db = test::freshDatabase(backend);
    if (!db) {
        std::printf("%s: %s\n", qPrintable(backend), qPrintable(test::lastError()));
        return false;
    }
    const auto t0 = Clock::now();
    if (!fill(*db, techs, orders))
        return false;
    const double fillS = msSince(t0) / 1000.0;
    if (db->isPostgres())
        (void)db->execDirect(QStringLiteral("ANALYZE"));
    std::vector<double> wall, cpu;
    std::vector<int> counts(int(Alert::Kind::PredictedLate) + 1, 0);
    for (int run = 0; run < 7; ++run) {
        const auto t = Clock::now();
        const double c = threadCpuMs();
        auto rules = loadAlertRules(*db);
        auto alerts = rules ? AlertRepository(*db).current(kNow, *rules) : Result<std::vector<Alert>>(rules.error());
        cpu.push_back(threadCpuMs() - c);
        wall.push_back(msSince(t));
        if (!alerts) {
            std::printf("%s: %s\n", qPrintable(backend), qPrintable(alerts.error().message));
            return false;
        }
        if (run == 0)
            for (const Alert &a : *alerts)
                counts[size_t(a.kind)]++;
    }
    std::printf("%-8s %d technicians, %d open work orders (filled in %.1f s)\n", qPrintable(backend), techs, orders, fillS);
    std::printf("  alerts recomputed: median %.1f ms wall, %.1f ms CPU in this process, p95 %.1f ms (target <= 200 ms)\n",
                percentile(wall, 0.5), percentile(cpu, 0.5), percentile(wall, 0.95));
    QStringList kinds;
    for (size_t k = 0; k < counts.size(); ++k)
        if (counts[k] > 0)
            kinds << QStringLiteral("%1 %2").arg(counts[k]).arg(Alert::kindCode(Alert::Kind(k)));
    std::printf("  alerts: %s\n", qPrintable(kinds.join(QStringLiteral(", "))));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double s = benchScale();
    const int techs = std::max(20, int(2000 * s));
    const int orders = std::max(100, int(10000 * s));
    std::printf("bench_alerts (scale %.2f)\n", s);
    bool ok = true;
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")})
        ok = runOne(backend, techs, orders) && ok;
    return ok ? 0 : 1;
}
