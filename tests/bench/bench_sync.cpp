// Many consoles on one database (issue 4), printed, never asserted:
//  (a) propagation: console A moves a visit through the real AppointmentWriter; console
//      B (a ConsoleSession's change feed on its own thread, applied by B's BoardEditor to
//      B's BoardModel, as the Schedule tab does) shows the new time. p50/p95 over 1,000
//      edits on PostgreSQL (target p95 ≤ 250 ms over loopback) and SQLite (≤ 1 s).
//  (b) soak: 20 simulated consoles, each a ChangeFeed + cursor on its own thread and
//      connection, while a writer produces 200 changes/s (positions from the phones and
//      appointment status changes) for 5 minutes: missed and duplicated changes per
//      console (must be 0), PostgreSQL server CPU (from /proc of its processes) and the
//      consoles' memory.
// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) scales the edit count and the soak's duration.
#include "BenchSupport.h"
#include "../board/BoardFixture.h"
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"
#include "document/ScheduleDocument.h"
#include "repositories/AppointmentWriter.h"
#include "session/ConsoleSession.h"
#include "storage/Database.h"
#include "sync/ChangeFeed.h"
#include "util/TimeFormat.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace fieldops;
using namespace fieldops::bench;

namespace {




long rssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return 0;
}

// utime + stime of the postmaster and its children, in seconds.
double serverCpuSeconds(qint64 postmaster)
{
    const double tick = double(sysconf(_SC_CLK_TCK));
    double total = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        bool isPid = false;
        const qint64 id = pid.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        // Fields after the command name (which may hold spaces) start after the last ')'.
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            continue;
        const qint64 ppid = fields[1].toLongLong();
        if (id != postmaster && ppid != postmaster)
            continue;
        total += double(fields[11].toLongLong() + fields[12].toLongLong()) / tick;
    }
    return total;
}

qint64 postmasterPid(Database &db)
{
    auto dir = db.scalar(QStringLiteral("SELECT current_setting('data_directory')"));
    if (!dir)
        return -1;
    QFile f(QDir(dir->toString()).filePath(QStringLiteral("postmaster.pid")));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    return f.readLine().trimmed().toLongLong();
}

// ---------------------------------------------------------------- (a) propagation

void propagation(const QString &backend, int edits)
{
    QString url;
    auto a = test::freshDatabase(backend, true, &url);
    if (!a || !test::seedBoard(*a).ok()) {
        std::printf("propagation %s: cannot prepare the database: %s\n", qPrintable(backend), qPrintable(test::lastError()));
        return;
    }
    a->setActor(QStringLiteral("console A"));
    // Console B: the session's feed thread delivers, B's editor applies to B's board.
    auto bDb = test::openUrl(url);
    ConsoleSession session;
    ScheduleDocument document;
    board::BoardModel model;
    if (!bDb || !model.load(*bDb, test::boardFrom(), test::boardTo()).ok()) {
        std::printf("propagation %s: cannot load console B's board\n", qPrintable(backend));
        return;
    }
    BoardEditor editor(bDb.get(), &document, &model);
    QObject::connect(&session, &ConsoleSession::changesArrived, &editor, &BoardEditor::applyChanges);
    session.connectTo(*DatabaseUrl::parse(url));
    QElapsedTimer ready;
    ready.start();
    while (session.state() != ConsoleSession::State::Connected && ready.elapsed() < 15000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    QThread::msleep(300); // the feed's own connection and LISTEN are up

    const QDateTime day = test::utcAt("2026-03-02T00:00:00Z");
    std::vector<double> lat;
    int version = 1;
    int lost = 0;
    quint32 jitter = 12345;
    for (int i = 0; i < edits; ++i) {
        // A pause of 0–99 ms first, so edits land anywhere in SQLite's poll cycle as a
        // dispatcher's would, not always just after the previous poll.
        jitter = jitter * 1103515245u + 12345u;
        QThread::msleep((jitter >> 16) % 100);
        // Alternate between two hours so every edit is a real move.
        const QDateTime start = day.addSecs(3600 * (i % 2 == 0 ? 11 : 9));
        {
            Transaction tx(*a);
            auto v = AppointmentWriter(*a).setInterval(QStringLiteral("a1"), version, QStringLiteral("t1"), start, start.addSecs(3600));
            if (!v || !tx.commit()) {
                std::printf("propagation %s: edit %d refused\n", qPrintable(backend), i);
                return;
            }
            version = *v;
        }
        const auto t0 = Clock::now();
        while (true) {
            const board::BoardItem *item = model.item(QStringLiteral("a1"));
            if (item && item->appointment.start == start && item->appointment.version == version)
                break;
            if (msSince(t0) > 10000) {
                ++lost;
                break;
            }
            QCoreApplication::processEvents();
            QThread::usleep(200); // leave the core to the feed thread between looks
        }
        lat.push_back(msSince(t0));
    }
    std::printf("propagation %-8s edits %5d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  not seen within 10 s: %d  (target p95 <= %s)\n",
                qPrintable(backend), edits, percentile(lat, 0.5), percentile(lat, 0.95), percentile(lat, 1.0), lost,
                backend == QLatin1String("postgres") ? "250 ms" : "1 s");
    std::fflush(stdout);
}

// ---------------------------------------------------------------- (b) soak

struct SimulatedConsole {
    QThread thread;
    QObject *context = nullptr;
    ChangeFeed *feed = nullptr;
    // Written by the feed's thread only, read after it stopped.
    QSet<qint64> seen;
    int duplicates = 0;
    std::atomic<qint64> maxSeq{0};
};

void soak(const QString &backend, int consoles, int seconds, int changesPerSecond)
{
    QString url;
    auto db = test::freshDatabase(backend, true, &url);
    if (!db || !test::seedBoard(*db).ok()) {
        std::printf("soak %s: cannot prepare the database: %s\n", qPrintable(backend), qPrintable(test::lastError()));
        return;
    }
    const DatabaseUrl parsed = *DatabaseUrl::parse(url);
    const qint64 startSeq = db->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log")).value().toLongLong();

    const long rssBefore = rssKb();
    std::vector<std::unique_ptr<SimulatedConsole>> all;
    for (int i = 0; i < consoles; ++i) {
        auto c = std::make_unique<SimulatedConsole>();
        c->context = new QObject;
        c->context->moveToThread(&c->thread);
        QObject::connect(&c->thread, &QThread::finished, c->context, &QObject::deleteLater);
        c->thread.start();
        SimulatedConsole *raw = c.get();
        QMetaObject::invokeMethod(
            c->context,
            [raw, parsed] {
                raw->feed = new ChangeFeed(parsed);
                QObject::connect(raw->feed, &ChangeFeed::changesArrived, raw->feed, [raw](const ChangeList &changes) {
                    for (const Change &ch : changes) {
                        if (raw->seen.contains(ch.seq))
                            ++raw->duplicates;
                        raw->seen.insert(ch.seq);
                        raw->maxSeq = std::max(raw->maxSeq.load(), ch.seq);
                    }
                });
                raw->feed->start();
            },
            Qt::BlockingQueuedConnection);
        all.push_back(std::move(c));
    }
    QThread::msleep(500);
    const long rssConsoles = rssKb();

    const qint64 postmaster = backend == QLatin1String("postgres") ? postmasterPid(*db) : -1;
    const double cpu0 = postmaster > 0 ? serverCpuSeconds(postmaster) : 0;
    const auto t0 = Clock::now();

    // The writer: the phones' positions plus status changes, in small transactions every
    // 25 ms, on its own thread and connection, paced against the clock.
    std::atomic<int> written{0};
    std::atomic<int> failed{0};
    std::thread writer([&] {
        auto w = test::openUrl(url);
        if (!w) {
            failed = -1;
            return;
        }
        w->setActor(QStringLiteral("field simulator"));
        const int perTx = std::max(1, changesPerSecond / 40);
        const auto begin = Clock::now();
        int version = 1;
        qint64 n = 0;
        const QDateTime base = test::utcAt("2026-03-02T08:00:00Z");
        while (msSince(begin) < seconds * 1000.0) {
            Transaction tx(*w);
            bool ok = tx.status().ok();
            for (int k = 0; ok && k < perTx; ++k, ++n) {
                if (n % 10 == 9) {
                    auto v = AppointmentWriter(*w).setStatus(QStringLiteral("a2"), version,
                                                             (n / 10) % 2 ? QStringLiteral("en_route") : QStringLiteral("scheduled"));
                    ok = v.ok();
                    if (ok)
                        version = *v;
                } else {
                    ok = w->run(QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon) VALUES (?, ?, ?, ?)"),
                                {QStringLiteral("t%1").arg(1 + n % 3), timefmt::toSql(base.addMSecs(n * 10)),
                                 -23.55 + double(n % 100) * 1e-4, -46.63})
                             .ok();
                }
            }
            if (ok && tx.commit().ok())
                written += perTx;
            else
                ++failed;
            const double due = double(written.load()) * 1000.0 / changesPerSecond;
            const double ahead = due - msSince(begin);
            if (ahead > 0)
                std::this_thread::sleep_for(std::chrono::microseconds(qint64(ahead * 1000)));
        }
    });
    writer.join();
    const double writeSeconds = msSince(t0) / 1000.0;

    const qint64 lastSeq = db->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log")).value().toLongLong();
    // Let every console catch up (bounded), then stop them and compare with the log.
    const auto drain = Clock::now();
    while (msSince(drain) < 20000) {
        bool all_done = true;
        for (const auto &c : all)
            all_done = all_done && c->maxSeq.load() >= lastSeq;
        if (all_done)
            break;
        QThread::msleep(20);
    }
    const double cpu1 = postmaster > 0 ? serverCpuSeconds(postmaster) : 0;
    const double wall = msSince(t0) / 1000.0;
    QSet<qint64> expected;
    auto q = db->run(QStringLiteral("SELECT seq FROM change_log WHERE seq > ? AND seq <= ?"), {startSeq, lastSeq});
    while (q && q->next())
        expected.insert(q->value(0).toLongLong());
    for (auto &c : all) {
        SimulatedConsole *raw = c.get();
        QMetaObject::invokeMethod(c->context, [raw] { delete raw->feed; raw->feed = nullptr; }, Qt::BlockingQueuedConnection);
        c->thread.quit();
        c->thread.wait();
    }
    int worstMissed = 0, worstDup = 0, totalMissed = 0, totalDup = 0;
    for (const auto &c : all) {
        int missed = 0;
        for (qint64 s : expected)
            missed += c->seen.contains(s) ? 0 : 1;
        worstMissed = std::max(worstMissed, missed);
        worstDup = std::max(worstDup, c->duplicates);
        totalMissed += missed;
        totalDup += c->duplicates;
    }
    std::printf("soak %-8s consoles %d  writer %.0f changes/s for %.1f s: %d changes (%zu in the log), %d failed transactions\n",
                qPrintable(backend), consoles, written.load() / writeSeconds, writeSeconds, written.load(), size_t(expected.size()),
                failed.load());
    std::printf("soak %-8s missed per console: max %d (total %d)  duplicated per console: max %d (total %d)  [must be 0]\n",
                qPrintable(backend), worstMissed, totalMissed, worstDup, totalDup);
    if (postmaster > 0)
        std::printf("soak %-8s server CPU %.1f s over %.1f s = %.1f%% of one core (postmaster %lld and its backends)\n",
                    qPrintable(backend), cpu1 - cpu0, wall, 100.0 * (cpu1 - cpu0) / wall, postmaster);
    std::printf("soak %-8s console memory: %.1f MB for %d feeds (%.2f MB each), process RSS %.1f MB at the end\n",
                qPrintable(backend), double(rssConsoles - rssBefore) / 1024.0, consoles,
                double(rssConsoles - rssBefore) / 1024.0 / consoles, double(rssKb()) / 1024.0);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const double scale = benchScale();
    const int edits = std::max(20, int(1000 * scale));
    const int soakSeconds = std::max(10, int(300 * scale));
    // SQLite's soak is shorter: one file, the same guarantees, less to learn from length.
    std::printf("bench_sync: scale %.2f\n", scale);
    propagation(QStringLiteral("postgres"), edits);
    propagation(QStringLiteral("sqlite"), edits);
    soak(QStringLiteral("postgres"), 20, soakSeconds, 200);
    soak(QStringLiteral("sqlite"), 20, std::max(5, soakSeconds / 5), 200);
    return 0;
}
