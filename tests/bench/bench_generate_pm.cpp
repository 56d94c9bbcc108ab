// Preventive work-order generation: 20,000 maintenance plans (weekly, monthly on the 31st
// and on the last Friday, quarterly in season, every 90 and 365 days; half with a preferred
// local start; holidays in every territory) over a 90-day horizon, on SQLite and
// PostgreSQL. Prints the seconds of the first run (tens of thousands of work orders in
// one transaction) and of the second (creates nothing); the target is 5 s each.
// Beside the wall clock: the CPU seconds of this process and, on PostgreSQL, of the
// server's backend for the connection (when the server runs on this machine).
// Figures only, nothing asserted. FIELDOPS_BENCH_SCALE shrinks the plan count (CI: 0.05).
#include "BenchSupport.h"
#include "PmBenchData.h"
#include "TestDatabases.h"
#include "planning/PmGenerator.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimeZone>

using namespace fieldops;
using namespace fieldops::bench;


int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int plans = std::max(500, int(20000 * scale));
    out << "bench_generate_pm: scale " << scale << ", " << plans << " maintenance plans, 90-day horizon from 2026-03-01 (target: 5 s per run)\n";
    out << "backend   first run s   CPU s   server CPU s   work orders   skipped   second run s   created   RSS MB\n";
    out.flush();
    for (const char *backend : {"sqlite", "postgres"}) {
        auto db = test::freshDatabase(QString::fromLatin1(backend));
        if (!db) {
            out << backend << ": " << test::lastError() << '\n';
            return 1;
        }
        if (Status s = fillMaintenancePlans(*db, plans); !s) {
            out << backend << ": " << s.error().message << '\n';
            return 1;
        }
        planning::PmGenerateOptions options;
        options.now = QDateTime(QDate(2026, 3, 1), QTime(6, 0), QTimeZone::utc());
        options.today = QDate(2026, 3, 1);
        options.horizonDays = 90;
        // The server's side on PostgreSQL: this connection's backend, when it runs here.
        qint64 backendPid = 0;
        if (db->isPostgres())
            if (auto pid = db->scalar(QStringLiteral("SELECT pg_backend_pid()")))
                backendPid = pid->toLongLong();
        auto t0 = Clock::now();
        const double cpu0 = processCpuMs();
        const double server0 = otherProcessCpuMs(backendPid);
        auto first = planning::PmGenerator(*db).run(options);
        const double firstS = msSince(t0) / 1000.0;
        // On a shared machine the wall clock also counts the neighbours' work; the CPU
        // seconds of this process (all threads) and of the server's backend do not.
        const double firstCpuS = (processCpuMs() - cpu0) / 1000.0;
        const double server1 = otherProcessCpuMs(backendPid);
        const QString serverCpu = server0 >= 0 && server1 >= 0 ? QString::number((server1 - server0) / 1000.0, 'f', 2) : QStringLiteral("-");
        if (!first) {
            out << backend << ": " << first.error().message << '\n';
            return 1;
        }
        t0 = Clock::now();
        auto second = planning::PmGenerator(*db).run(options);
        const double secondS = msSince(t0) / 1000.0;
        if (!second) {
            out << backend << ": " << second.error().message << '\n';
            return 1;
        }
        out << QString::fromLatin1(backend).leftJustified(10) << QString::number(firstS, 'f', 2).rightJustified(11) << QString::number(firstCpuS, 'f', 2).rightJustified(8) << serverCpu.rightJustified(15)
            << QString::number(first->created.size()).rightJustified(14) << QString::number(first->skipped.size()).rightJustified(10)
            << QString::number(secondS, 'f', 2).rightJustified(15) << QString::number(second->created.size()).rightJustified(10)
            << QString::number(residentMb(), 'f', 0).rightJustified(9) << '\n';
        out.flush();
    }
    return 0;
}
