#pragma once
// What every benchmark needs to measure and report: the scale it runs at, wall and thread
// CPU time, percentiles and resident memory. Figures only; benchmarks never assert a time.
#include <QByteArray>
#include <QFile>
#include <QtGlobal>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <unistd.h>
#include <vector>

namespace fieldops::bench {

using Clock = std::chrono::steady_clock;

// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks every data set; CI runs at 0.05.
inline double benchScale()
{
    bool ok = false;
    const double s = qEnvironmentVariable("FIELDOPS_BENCH_SCALE").toDouble(&ok);
    return ok && s > 0 && s <= 1 ? s : 1.0;
}

inline double msSince(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// CPU time of this thread: on a shared machine wall-clock also counts the neighbours' work.
inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// CPU time of this whole process (every thread, e.g. QtConcurrent helpers).
inline double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// CPU time of another local process (a PostgreSQL server's backend for this connection)
// from /proc, or -1 when it cannot be read (another machine, another user's process).
inline double otherProcessCpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the command name in brackets: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) * 1000.0 / ticks;
}

// The p-quantile (0…1) by nearest rank.
inline double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}
inline double median(std::vector<double> v) { return percentile(std::move(v), 0.5); }
inline double p95(std::vector<double> v) { return percentile(std::move(v), 0.95); }

inline double residentMb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

} // namespace fieldops::bench
