// The field gateway's intake at scale: 100,000 event lines (positions of 200 technicians
// and readings of 500 assets, half each) taken in by the real `fieldops-cli ingest` as one
// batch, into SQLite and into PostgreSQL. Prints lines per second; nothing is asserted
// but that the batch was taken in whole. FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the
// batch for CI.
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

constexpr int kTechnicians = 200;
constexpr int kAssets = 500;

Status seed(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    const QStringList fixed{QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Bench customer')"),
                            QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Plant', -23.55, -46.63)")};
    for (const QString &sql : fixed)
        if (Status s = db.execDirect(sql); !s)
            return s;
    for (int t = 0; t < kTechnicians; ++t)
        if (auto q = db.run(QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES (?, ?, -23.5, -46.6)"),
                            {QStringLiteral("t%1").arg(t), QStringLiteral("Technician %1").arg(t)});
            !q)
            return q.error();
    for (int a = 0; a < kAssets; ++a)
        if (auto q = db.run(QStringLiteral("INSERT INTO assets(id, site_id) VALUES (?, 's1')"), {QStringLiteral("a%1").arg(a)}); !q)
            return q.error();
    return tx.commit();
}

// Even lines are positions, odd ones readings of the five standard kinds, a minute apart
// per technician or asset, in the past.
bool writeEvents(const QString &path, int lines)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QDateTime base(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC);
    static const char *kinds[] = {"runtime_hours", "cycles", "temperature", "pressure", "vibration"};
    QByteArray out;
    out.reserve(lines * 150);
    for (int i = 0; i < lines; ++i) {
        const int n = i / 2;
        if (i % 2 == 0) {
            const QString at = base.addSecs(60LL * (n / kTechnicians)).toString(Qt::ISODate);
            out += QStringLiteral(R"({"kind":"position","technician_id":"t%1","at":"%2","lat":%3,"lon":%4,"speed_kmh":%5,"heading_deg":%6,"accuracy_m":8})")
                       .arg(n % kTechnicians)
                       .arg(at)
                       .arg(-23.5 - (n % 97) * 0.001)
                       .arg(-46.6 - (n % 89) * 0.001)
                       .arg(n % 60)
                       .arg(n % 360)
                       .toUtf8();
        } else {
            const QString at = base.addSecs(60LL * (n / kAssets)).toString(Qt::ISODate);
            out += QStringLiteral(R"({"kind":"reading","asset_id":"a%1","at":"%2","reading":"%3","value":%4,"source":"gateway"})")
                       .arg(n % kAssets)
                       .arg(at, QString::fromLatin1(kinds[n % 5]))
                       .arg(20.0 + (n % 50) * 0.5)
                       .toUtf8();
        }
        out += '\n';
    }
    return f.write(out) == out.size();
}

bool runOne(const QString &backend, const QString &path, int lines)
{
    QString url;
    auto db = test::freshDatabase(backend, true, &url);
    if (!db) {
        std::printf("%s: %s\n", qPrintable(backend), qPrintable(test::lastError()));
        return false;
    }
    if (Status s = seed(*db); !s) {
        std::printf("%s: seed: %s\n", qPrintable(backend), qPrintable(s.error().message));
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const test::CliRun r = test::runCli(url, {QStringLiteral("ingest"), path});
    const double secs = double(timer.elapsed()) / 1000.0;
    if (r.exitCode != 0) {
        std::printf("%s: ingest failed (%d): %s\n", qPrintable(backend), r.exitCode, qPrintable(r.err));
        return false;
    }
    const qint64 positions = db->scalar(QStringLiteral("SELECT count(*) FROM positions")).value().toLongLong();
    const qint64 readings = db->scalar(QStringLiteral("SELECT count(*) FROM asset_readings")).value().toLongLong();
    const qint64 hours = db->scalar(QStringLiteral("SELECT count(*) FROM asset_reading_hours")).value().toLongLong();
    std::printf("%-8s %7d lines in %7.2f s: %8.0f lines/s (%lld positions, %lld readings, %lld hourly sums)\n", qPrintable(backend), lines,
                secs, double(lines) / secs, positions, readings, hours);
    std::fflush(stdout);
    return positions + readings == lines;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int lines = std::max(1000, int(100000 * benchScale()));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("events.jsonl"));
    if (!dir.isValid() || !writeEvents(path, lines)) {
        std::printf("cannot write the events file\n");
        return 1;
    }
    std::printf("fieldops-cli ingest, one batch of %d lines (scale %.2f)\n", lines, benchScale());
    bool ok = true;
    for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")})
        ok = runOne(backend, path, lines) && ok;
    return ok ? 0 : 1;
}
