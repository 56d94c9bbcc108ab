// CSV import at scale: 100,000 work orders and 100,000 appointments (2,000 technicians,
// no overlaps), generated into a temporary directory, imported into SQLite and into
// PostgreSQL, then imported again (every row an update) and exported. Prints figures only;
// targets (≤ 10 s SQLite, ≤ 20 s PostgreSQL for the first import) are read, not asserted.
// FIELDOPS_BENCH_SCALE (0 < s ≤ 1) shrinks the data for CI.
#include "BenchSupport.h"
#include "TestDatabases.h"
#include "interchange/Exporter.h"
#include "interchange/Importer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

using namespace fieldops;
using namespace fieldops::bench;

namespace {


bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text.toUtf8()) >= 0;
}

struct Sizes {
    int technicians, customers, sites, workOrders;
};

bool generate(const QString &dir, const Sizes &n)
{
    const QDateTime base(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
    QString skills = QStringLiteral("code,name\nhvac,HVAC\nelec,Electrical\nplumb,Plumbing\n");
    QString techs = QStringLiteral("id,name,employment,skills,home_lat,home_lon,time_zone\n");
    for (int t = 0; t < n.technicians; ++t)
        techs += QStringLiteral("t%1,Technician %1,employee,%2,%3,%4,America/Sao_Paulo\n")
                     .arg(t)
                     .arg(t % 2 ? QStringLiteral("hvac;elec") : QStringLiteral("plumb"))
                     .arg(-23.5 - (t % 100) * 0.002)
                     .arg(-46.6 - (t / 100) * 0.002);
    QString customers = QStringLiteral("id,name,phone,email\n");
    for (int c = 0; c < n.customers; ++c)
        customers += QStringLiteral("c%1,\"Customer %1, Ltda.\",+55 11 5555-%2,c%1@example.com\n").arg(c).arg(c % 10000, 4, 10, QLatin1Char('0'));
    QString sites = QStringLiteral("id,customer_id,name,address,lat,lon,time_zone\n");
    for (int s = 0; s < n.sites; ++s)
        sites += QStringLiteral("s%1,c%2,Site %1,\"Rua %1, São Paulo\",%3,%4,America/Sao_Paulo\n")
                     .arg(s).arg(s % n.customers).arg(-23.4 - (s % 300) * 0.001).arg(-46.5 - (s / 300) * 0.001);

    // Each technician does five one-hour visits a day, 90 minutes apart: never overlapping.
    QString orders = QStringLiteral("id,site_id,type,priority,required_skills,duration_min,window_start,window_end,created_at,sla_due,status,summary\n");
    QString appts = QStringLiteral("id,work_order_id,technician_id,start,end,status,arrived_at,completed_at,resolved\n");
    orders.reserve(n.workOrders * 200);
    appts.reserve(n.workOrders * 160);
    for (int i = 0; i < n.workOrders; ++i) {
        const int tech = i % n.technicians, k = i / n.technicians;
        const QDateTime start = base.addDays(k / 5).addSecs(qint64(k % 5) * 5400);
        const QDateTime end = start.addSecs(3600);
        const QString s = start.toString(Qt::ISODate), e = end.toString(Qt::ISODate);
        orders += QStringLiteral("w%1,s%2,corrective,%3,%4,60,%5,%6,%7,%8,scheduled,Job %1\n")
                      .arg(i).arg(i % n.sites).arg(1 + i % 4)
                      .arg(tech % 2 ? QStringLiteral("hvac") : QStringLiteral("plumb"))
                      .arg(start.addSecs(-7200).toString(Qt::ISODate), end.addSecs(7200).toString(Qt::ISODate),
                           start.addDays(-2).toString(Qt::ISODate), end.addDays(1).toString(Qt::ISODate));
        const bool done = k % 3 == 0;
        appts += QStringLiteral("a%1,w%1,t%2,%3,%4,%5,%6,%7,%8\n")
                     .arg(i).arg(tech).arg(s, e)
                     .arg(done ? QStringLiteral("completed") : QStringLiteral("scheduled"))
                     .arg(done ? start.addSecs(120).toString(Qt::ISODate) : QString())
                     .arg(done ? end.addSecs(-60).toString(Qt::ISODate) : QString())
                     .arg(done ? 1 : 0);
    }
    const QDir d(dir);
    return writeFile(d.filePath(QStringLiteral("skills.csv")), skills) && writeFile(d.filePath(QStringLiteral("technicians.csv")), techs)
        && writeFile(d.filePath(QStringLiteral("customers.csv")), customers) && writeFile(d.filePath(QStringLiteral("sites.csv")), sites)
        && writeFile(d.filePath(QStringLiteral("work_orders.csv")), orders)
        && writeFile(d.filePath(QStringLiteral("appointments.csv")), appts);
}

// CPU seconds, printed next to wall time because a shared CI machine makes wall time
// noisy: this process (parsing, checks, SQLite) and the PostgreSQL backend serving it.
double clientCpu()
{
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + double(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double serverCpu(Database &db)
{
    if (!db.isPostgres())
        return 0;
    auto pid = db.scalar(QStringLiteral("SELECT pg_backend_pid()"));
    if (!pid)
        return -1;
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid->toLongLong()));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QString stat = QString::fromLatin1(f.readAll());
    // Fields after the command name "(postgres)": utime and stime are the 12th and 13th.
    const QStringList fields = stat.mid(stat.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

// Times one import and prints where the time went.
bool timeImport(Database &db, const QString &dir, const QString &label)
{
    QElapsedTimer timer;
    const double cpu0 = clientCpu(), server0 = serverCpu(db);
    timer.start();
    qint64 checkedAt = 0, writingAt = 0;
    const auto report = interchange::Importer(db).importDirectory(dir, [&](int, const QString &stage) {
        if (!checkedAt && stage.startsWith(QLatin1String("checking")))
            checkedAt = timer.elapsed();
        if (!writingAt && stage == QLatin1String("writing"))
            writingAt = timer.elapsed();
        return true;
    });
    const qint64 total = timer.elapsed();
    const double cpu = clientCpu() - cpu0, server = serverCpu(db) - server0;
    if (!report.ok()) {
        std::printf("%s: FAILED: %s\n", qPrintable(label), qPrintable(report.summary()));
        return false;
    }
    int rows = 0;
    for (int n : report.rowsByFile)
        rows += n;
    std::printf("%-34s %7d rows  %7.2f s  (read+type %.2f s, cross-checks %.2f s, write+commit %.2f s)  %8.0f rows/s"
                "  cpu: client %.2f s%s\n",
                qPrintable(label), rows, total / 1000.0, checkedAt / 1000.0, (writingAt - checkedAt) / 1000.0,
                (total - writingAt) / 1000.0, rows * 1000.0 / std::max<qint64>(1, total), cpu,
                db.isPostgres() ? qPrintable(QStringLiteral(", server %1 s").arg(server, 0, 'f', 2)) : "");
    std::fflush(stdout);
    return true;
}

bool timeExport(Database &db, const QString &dir, const QString &label)
{
    QElapsedTimer timer;
    timer.start();
    auto counts = interchange::Exporter(db).exportDirectory(dir);
    if (!counts) {
        std::printf("%s: FAILED: %s\n", qPrintable(label), qPrintable(counts.error().message));
        return false;
    }
    int rows = 0;
    for (int n : *counts)
        rows += n;
    std::printf("%-34s %7d rows  %7.2f s\n", qPrintable(label), rows, timer.elapsed() / 1000.0);
    std::fflush(stdout);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const double scale = benchScale();
    const Sizes n{std::max(20, int(2000 * scale)), std::max(10, int(1000 * scale)), std::max(20, int(5000 * scale)),
                  std::max(100, int(100000 * scale))};
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("csv"));
    QDir().mkpath(dir);
    QElapsedTimer gen;
    gen.start();
    if (!generate(dir, n)) {
        std::printf("cannot write the CSV files\n");
        return 1;
    }
    std::printf("bench_import (scale %.3g): %d technicians, %d customers, %d sites, %d work orders, %d appointments; "
                "CSV generated in %.2f s\n",
                scale, n.technicians, n.customers, n.sites, n.workOrders, n.workOrders, gen.elapsed() / 1000.0);

    int failures = 0;
    for (const char *name : {"sqlite", "postgres"}) {
        const QString backend = QString::fromLatin1(name);
        // FIELDOPS_BENCH_BACKEND=sqlite|postgres runs one backend only (profiling).
        const QString only = qEnvironmentVariable("FIELDOPS_BENCH_BACKEND");
        if (!only.isEmpty() && only != backend)
            continue;
        auto db = test::freshDatabase(backend);
        if (!db) {
            std::printf("%s: cannot open a database: %s\n", qPrintable(backend), qPrintable(test::lastError()));
            ++failures;
            continue;
        }
        if (!timeImport(*db, dir, backend + QStringLiteral(" first import (inserts)")))
            ++failures;
        if (!timeImport(*db, dir, backend + QStringLiteral(" re-import (all updates)")))
            ++failures;
        if (!timeExport(*db, tmp.filePath(backend + QStringLiteral("-export")), backend + QStringLiteral(" export")))
            ++failures;
    }
    return failures ? 1 : 0;
}
