// Asset readings at the shared server's scale: 1,000,000 one-a-minute readings of 1,000
// assets taken in by the real `fieldops-cli ingest` as one batch (target ≤ 20 s), what a
// raw reading and an hourly sum cost on disk with their indexes, what that makes for
// 10,000 assets reading once a minute (a day of raw readings, a year of hourly sums, the
// raw readings a 35-day retention keeps), and how long `prune-readings` takes to drop a
// week as large as the ingested batch. PostgreSQL only: SQLite is the one-person file.
// Prints figures; asserts only that everything was taken in and pruned.
// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the batch for CI.
#include "BenchSupport.h"
#include "CliRunner.h"
#include "TestDatabases.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

constexpr int kAssets = 1000;

Status seed(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    for (const char *sql : {"INSERT INTO customers(id, name) VALUES ('c1', 'Bench customer')",
                            "INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Plant', -23.55, -46.63)"})
        if (Status s = db.execDirect(QString::fromLatin1(sql)); !s)
            return s;
    if (Status s = db.execDirect(QStringLiteral("INSERT INTO assets(id, site_id, model) SELECT 'asset-' || lpad(g::text, 5, '0'), 's1', 'CH-200' "
                                                "FROM generate_series(1, %1) g")
                                     .arg(kAssets));
        !s)
        return s;
    return tx.commit();
}

// `readings` lines: every asset's temperature once a minute, ending a minute ago.
bool writeReadings(const QString &path, int readings, const QDateTime &now)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const int minutes = (readings + kAssets - 1) / kAssets;
    const QDateTime first = now.addSecs(-60LL * minutes);
    QByteArray out;
    out.reserve(qsizetype(readings) * 110);
    for (int i = 0; i < readings; ++i) {
        const int minute = i / kAssets, asset = i % kAssets + 1;
        out += QStringLiteral(R"({"kind":"reading","asset_id":"asset-%1","at":"%2","reading":"temperature","value":%3,"source":"gateway"})")
                   .arg(asset, 5, 10, QLatin1Char('0'))
                   .arg(first.addSecs(60LL * minute).toString(Qt::ISODate))
                   .arg(6.0 + (i % 37) * 0.1)
                   .toUtf8();
        out += '\n';
    }
    return f.write(out) == out.size();
}

qint64 scalar(Database &db, const QString &sql) { return db.scalar(sql).value().toLongLong(); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int readings = std::max(10000, int(1000000 * benchScale()));
    QString url;
    auto db = test::freshDatabase(QStringLiteral("postgres"), true, &url);
    if (!db) {
        std::printf("postgres: %s\n", qPrintable(test::lastError()));
        return 1;
    }
    if (Status s = seed(*db); !s) {
        std::printf("seed: %s\n", qPrintable(s.error().message));
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("readings.jsonl"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!dir.isValid() || !writeReadings(path, readings, now)) {
        std::printf("cannot write the readings file\n");
        return 1;
    }
    std::printf("asset readings on PostgreSQL, %d readings of %d assets (scale %.2f)\n", readings, kAssets, benchScale());

    QElapsedTimer timer;
    timer.start();
    const test::CliRun r = test::runCli(url, {QStringLiteral("ingest"), path});
    const double ingestSecs = double(timer.elapsed()) / 1000.0;
    if (r.exitCode != 0) {
        std::printf("ingest failed (%d): %s\n", r.exitCode, qPrintable(r.err));
        return 1;
    }
    const qint64 raw = scalar(*db, QStringLiteral("SELECT count(*) FROM asset_readings"));
    const qint64 hours = scalar(*db, QStringLiteral("SELECT count(*) FROM asset_reading_hours"));
    std::printf("ingest     %8d readings in %6.2f s: %8.0f readings/s (%lld stored, %lld hourly sums; target 1,000,000 in 20 s)\n", readings,
                ingestSecs, double(readings) / ingestSecs, raw, hours);
    if (raw != readings)
        return 1;

    // On disk, tables with their indexes and TOAST, after VACUUM so the figures are the
    // rows' and not dead space's.
    if (!db->execDirect(QStringLiteral("VACUUM ANALYZE asset_readings")) || !db->execDirect(QStringLiteral("VACUUM ANALYZE asset_reading_hours")))
        return 1;
    const qint64 rawBytes = scalar(*db, QStringLiteral("SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits "
                                                       "WHERE inhparent = 'asset_readings'::regclass"));
    const qint64 hourBytes = scalar(*db, QStringLiteral("SELECT pg_total_relation_size('asset_reading_hours')"));
    const double perRaw = double(rawBytes) / double(raw), perHour = double(hourBytes) / double(hours);
    const double gib = 1024.0 * 1024.0 * 1024.0, rawPerDay = 10000.0 * 1440.0;
    std::printf("on disk    %6.1f bytes a raw reading, %6.1f bytes an hourly sum (indexes included)\n", perRaw, perHour);
    std::printf("10,000 assets a minute: %5.1f GiB of raw readings a day, %6.1f GiB kept with --keep-days 35 (up to 42 days),\n"
                "                        %5.1f GiB of hourly sums a year\n",
                rawPerDay * perRaw / gib, rawPerDay * 42 * perRaw / gib, 10000.0 * 24 * 365 * perHour / gib);

    // A week of readings as large as the batch, three weeks back, dropped by the pruning.
    const QDateTime old = now.addDays(-21);
    if (!db->execDirect(QStringLiteral("SELECT fieldops_reading_partitions('%1', '%1')").arg(old.toString(Qt::ISODate)))
        || !db->execDirect(QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) "
                                          "SELECT 'asset-' || lpad((g % %1 + 1)::text, 5, '0'), '%2'::timestamptz + (g / %1) * interval '1 minute', "
                                          "'temperature', 6.5, '°C' FROM generate_series(0, %3) g")
                               .arg(kAssets)
                               .arg(old.toString(Qt::ISODate))
                               .arg(readings - 1))) {
        std::printf("cannot write the old week\n");
        return 1;
    }
    timer.restart();
    const test::CliRun p = test::runCli(url, {QStringLiteral("prune-readings"), QStringLiteral("--keep-days"), QStringLiteral("14")});
    const double pruneSecs = double(timer.elapsed()) / 1000.0;
    if (p.exitCode != 0) {
        std::printf("prune-readings failed (%d): %s\n", p.exitCode, qPrintable(p.err));
        return 1;
    }
    const qint64 left = scalar(*db, QStringLiteral("SELECT count(*) FROM asset_readings"));
    std::printf("prune      %8d readings of a week three weeks back in %6.2f s (%lld left: the batch, and none of that week)\n", readings,
                pruneSecs, left);
    std::fflush(stdout);
    return left == raw ? 0 : 1;
}
