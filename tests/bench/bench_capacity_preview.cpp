// The planner's capacity preview at full size: 20,000 maintenance plans (PmBenchData.h) and
// 2,000 technicians in ten territories (three skill mixes, two time zones, two shift
// patterns, a three-day absence each, two booked appointments a week each) over a 13-week
// horizon, on SQLite and PostgreSQL. Prints the seconds of the read (plans, generator's
// dry run, technicians, absences, appointments; in brackets the plans and dry run alone),
// of the computation alone, of both, and of levelling; then levelling under stress (every
// duration ×8, so many weeks overload). The target: ≤ 1 s for the preview.
// Figures only, nothing asserted.
// FIELDOPS_BENCH_SCALE shrinks plans and technicians (CI: 0.05).
#include "BenchSupport.h"
#include "PmBenchData.h"
#include "TestDatabases.h"
#include "planning/CapacityLeveller.h"
#include "planning/CapacityReader.h"
#include "planning/PmGenerator.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

const QDate kToday(2026, 3, 2); // a Monday: 91 days are 13 whole ISO weeks
constexpr int kHorizonDays = 90;
constexpr int kWeeks = 13;
constexpr int kStress = 8;

Status fillTechnicians(Database &db, int technicians)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    auto tech = db.prepare(QStringLiteral("INSERT INTO technicians(id, name, territory_id, home_lat, home_lon, time_zone, shift_start, shift_end, work_days) "
                                          "VALUES (?, ?, ?, -23.5, -46.6, ?, ?, ?, ?)"));
    auto skill = db.prepare(QStringLiteral("INSERT INTO technician_skills(technician_id, skill_code) VALUES (?, ?)"));
    auto absence = db.prepare(QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES (?, ?, ?, 'leave')"));
    auto order = db.prepare(QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES (?, 's1', 120, '2026-02-01T10:00:00Z', 'scheduled')"));
    auto appointment = db.prepare(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES (?, ?, ?, ?, ?, 'scheduled')"));
    for (auto *q : {&tech, &skill, &absence, &order, &appointment})
        if (!*q)
            return q->error();
    const auto instant = [](const QDate &day, int hour) { return QStringLiteral("%1T%2:00:00Z").arg(day.toString(Qt::ISODate)).arg(hour, 2, 10, QLatin1Char('0')); };
    for (int i = 0; i < technicians; ++i) {
        const QString id = QStringLiteral("T%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        const bool early = i % 5 == 0;
        if (Status s = exec(db, *tech, {id, QStringLiteral("Technician %1").arg(i + 1), QStringLiteral("t%1").arg(i % kTerritories + 1),
                                        i % 4 == 0 ? QStringLiteral("America/New_York") : QStringLiteral("America/Sao_Paulo"),
                                        early ? QStringLiteral("07:00") : QStringLiteral("08:00"), early ? QStringLiteral("15:00") : QStringLiteral("17:00"),
                                        i % 7 == 0 ? QStringLiteral("Tue;Wed;Thu;Fri;Sat") : QStringLiteral("Mon;Tue;Wed;Thu;Fri")});
            !s)
            return s;
        QStringList skills;
        if (i % 3 != 2)
            skills << QStringLiteral("hvac");
        if (i % 3 != 1)
            skills << QStringLiteral("elec");
        for (const QString &code : skills)
            if (Status s = exec(db, *skill, {id, code}); !s)
                return s;
        const QDate away = kToday.addDays(i % 80);
        if (Status s = exec(db, *absence, {id, instant(away, 0), instant(away.addDays(3), 0)}); !s)
            return s;
        const QString orderId = QStringLiteral("BW-%1").arg(i + 1, 6, 10, QLatin1Char('0'));
        if (Status s = exec(db, *order, {orderId}); !s)
            return s;
        for (int w = 0; w < kWeeks; ++w) {
            const QDate tuesday = kToday.addDays(7 * w + 1);
            const QDate thursday = kToday.addDays(7 * w + 3);
            if (Status s = exec(db, *appointment, {QStringLiteral("BA-%1-%2a").arg(i + 1).arg(w), orderId, id, instant(tuesday, 13), instant(tuesday, 15)}); !s)
                return s;
            if (Status s = exec(db, *appointment, {QStringLiteral("BA-%1-%2b").arg(i + 1).arg(w), orderId, id, instant(thursday, 17), instant(thursday, 19)}); !s)
                return s;
        }
    }
    return tx.commit();
}

int overloadedCells(const planning::CapacityPreview &p)
{
    return int(std::count_if(p.cells.begin(), p.cells.end(), [](const planning::CapacityCell &c) { return c.overloaded; }));
}

// The median milliseconds of three runs of `f`.
template <typename F>
double medianMs(F &&f)
{
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
        const auto t0 = Clock::now();
        f();
        runs.push_back(msSince(t0));
    }
    return median(runs);
}

QString seconds(double ms) { return QString::number(ms / 1000.0, 'f', 3); }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int plans = std::max(500, int(20000 * scale));
    const int technicians = std::max(50, int(2000 * scale));
    out << "bench_capacity_preview: scale " << scale << ", " << plans << " maintenance plans, " << technicians << " technicians, "
        << kWeeks << " weeks from " << kToday.toString(Qt::ISODate) << " (target: preview <= 1 s)\n";
    out << "backend   read s  (plans s)  compute s  read+compute s  (CPU s)  level s  occurrences  cells  overloaded  moved   RSS MB\n";
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
        if (Status s = fillTechnicians(*db, technicians); !s) {
            out << backend << ": " << s.error().message << '\n';
            return 1;
        }
        // The share of the read that is the generator's own reading and dry run.
        auto t0 = Clock::now();
        auto planningData = planning::readPlanningData(*db, kToday.addDays(-2));
        if (planningData) {
            planning::PmGenerateOptions options;
            options.today = kToday;
            options.horizonDays = kHorizonDays;
            options.dryRun = true;
            options.computeDeadlines = false; // as readCapacityInput plans
            planning::PmGenerator::plan(*planningData, options);
        }
        const double plansMs = msSince(t0);
        t0 = Clock::now();
        const double cpu0 = threadCpuMs();
        auto input = planning::readCapacityInput(*db, {kToday, kHorizonDays});
        const double readMs = msSince(t0);
        if (!input) {
            out << backend << ": " << input.error().message << '\n';
            return 1;
        }
        t0 = Clock::now();
        const planning::CapacityPreview first = planning::computeCapacity(*input);
        const double firstComputeMs = msSince(t0);
        // This process only: on a shared machine wall-clock also counts the neighbours' work
        // (and on PostgreSQL the server's own work is not in it).
        const double cpuMs = threadCpuMs() - cpu0;
        const double computeMs = medianMs([&] { planning::computeCapacity(*input); });
        planning::CapacityLevelling levelled;
        const double levelMs = medianMs([&] { levelled = planning::levelCapacity(*input); });
        out << QString::fromLatin1(backend).leftJustified(8) << seconds(readMs).rightJustified(8) << seconds(plansMs).rightJustified(11) << seconds(computeMs).rightJustified(11)
            << seconds(readMs + firstComputeMs).rightJustified(16) << seconds(cpuMs).rightJustified(9) << seconds(levelMs).rightJustified(9)
            << QString::number(input->occurrences.size()).rightJustified(13) << QString::number(first.cells.size()).rightJustified(7)
            << QString::number(overloadedCells(first)).rightJustified(12) << QString::number(levelled.moved.size()).rightJustified(7)
            << QString::number(residentMb(), 'f', 0).rightJustified(9) << '\n';
        out.flush();

        // Under stress the greedy pass has work: many overloaded cells, thousands of moves.
        if (QLatin1String(backend) == QLatin1String("sqlite")) {
            planning::CapacityInput stressed = *input;
            for (planning::CapacityOccurrence &o : stressed.occurrences)
                o.durationMin *= kStress;
            planning::CapacityLevelling l;
            const double stressedMs = medianMs([&] { l = planning::levelCapacity(stressed); });
            out << "  levelling with every duration x" << kStress << ": " << seconds(stressedMs) << " s, overloaded cells "
                << overloadedCells(l.before) << " -> " << overloadedCells(l.after) << ", " << l.moved.size() << " occurrences moved\n";
            out.flush();
        }
    }
    return 0;
}
