// Absence over a busy week: listing the visits a week-long absence of one technician
// covers (what the absence editor shows before offering to return them to the queue),
// and preparing the edits that would return them all, over a crew whose every technician
// has eight visits a day for a week. Target: ≤ 100 ms for the list. Prints figures;
// asserts nothing. FIELDOPS_BENCH_SCALE shrinks the crew (CI: 0.05).
#include "BenchSupport.h"
#include "TestDatabases.h"
#include "technicians/AbsenceRules.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace fieldops;
using namespace fieldops::bench;

namespace {

const QDateTime kMonday(QDate(2026, 3, 2), QTime(0, 0), Qt::UTC);
constexpr int kVisitsPerDay = 8;
constexpr int kDays = 7;

Status fill(Database &db, int technicians)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    for (const QString &sql : {QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"),
                               QStringLiteral("INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5, -46.6)")})
        if (Status s = db.execDirect(sql); !s)
            return s;
    auto tech = db.prepare(QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES (?, ?, -23.5, -46.6)"));
    auto order = db.prepare(QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, status, summary) "
                                           "VALUES (?, 's1', 60, '2026-02-20T08:00:00Z', 'scheduled', ?)"));
    auto visit = db.prepare(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                           "VALUES (?, ?, ?, ?, ?, 'scheduled')"));
    auto absence = db.prepare(QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES (?, ?, ?, 'vacation')"));
    if (!tech || !order || !visit || !absence)
        return Error::other(QStringLiteral("prepare failed"));
    int n = 0;
    for (int t = 0; t < technicians; ++t) {
        const QString techId = QStringLiteral("t%1").arg(t + 1);
        tech->bindValue(0, techId);
        tech->bindValue(1, QStringLiteral("Technician %1").arg(t + 1));
        if (Status s = db.exec(*tech); !s)
            return s;
        // Earlier absences, so the overlap check has rows to skip.
        for (int w = 1; w <= 3; ++w) {
            absence->bindValue(0, techId);
            absence->bindValue(1, timefmt::toSql(kMonday.addDays(-7 * w)));
            absence->bindValue(2, timefmt::toSql(kMonday.addDays(-7 * w + 2)));
            if (Status s = db.exec(*absence); !s)
                return s;
        }
        for (int d = -7; d < kDays + 7; ++d) { // the week before and after too: visits the absence must not list
            for (int v = 0; v < kVisitsPerDay; ++v) {
                ++n;
                const QString wo = QStringLiteral("w%1").arg(n);
                order->bindValue(0, wo);
                order->bindValue(1, QStringLiteral("Job %1").arg(n));
                if (Status s = db.exec(*order); !s)
                    return s;
                const QDateTime start = kMonday.addDays(d).addSecs((7 + v) * 3600);
                visit->bindValue(0, QStringLiteral("ap%1").arg(n));
                visit->bindValue(1, wo);
                visit->bindValue(2, techId);
                visit->bindValue(3, timefmt::toSql(start));
                visit->bindValue(4, timefmt::toSql(start.addSecs(50 * 60)));
                if (Status s = db.exec(*visit); !s)
                    return s;
            }
        }
    }
    if (Status s = tx.commit(); !s)
        return s;
    return db.execDirect(QStringLiteral("ANALYZE"));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const double scale = benchScale();
    const int technicians = std::max(20, int(1000 * scale));
    const int rounds = 40;
    out << "bench_absence: scale " << scale << ", " << technicians << " technicians, " << kVisitsPerDay << " visits a day over three weeks ("
        << technicians * kVisitsPerDay * (kDays + 14) << " visits); a week-long absence of one technician, " << rounds << " rounds\n";
    out << "backend   covered visits median ms   p95 ms   max ms   check+edits median ms   p95 ms   visits listed   (target <= 100 ms)\n";
    for (const char *backend : {"sqlite", "postgres"}) {
        auto db = test::freshDatabase(QString::fromLatin1(backend));
        if (!db) {
            out << backend << ": " << test::lastError() << '\n';
            return 1;
        }
        const auto f0 = Clock::now();
        if (Status s = fill(*db, technicians); !s) {
            out << backend << ": " << s.error().message << '\n';
            return 1;
        }
        const double fillMs = msSince(f0);
        technicians::AbsenceRules rules(*db);
        std::vector<double> list;
        std::vector<double> edits;
        qsizetype listed = 0;
        for (int r = 0; r < rounds; ++r) {
            technicians::AbsenceDraft a;
            a.technicianId = QStringLiteral("t%1").arg(1 + (r * 7919) % technicians);
            a.start = kMonday;
            a.end = kMonday.addDays(kDays);
            a.reason = QStringLiteral("vacation");
            const auto t0 = Clock::now();
            auto covered = rules.coveredVisits(a.technicianId, a.start, a.end);
            list.push_back(msSince(t0));
            if (!covered) {
                out << backend << ": " << covered.error().message << '\n';
                return 1;
            }
            listed = covered->size();
            // What Save does before writing: the checks, then the edits that return them all.
            const auto t1 = Clock::now();
            auto issues = rules.check(a);
            auto prepared = rules.saveEdits(a, {}, *covered);
            edits.push_back(msSince(t1));
            if (!issues || !prepared || !issues->isEmpty()) {
                out << backend << ": check or edits failed\n";
                return 1;
            }
        }
        out << QString::fromLatin1(backend).leftJustified(10) << QString::number(median(list), 'f', 2).rightJustified(24)
            << QString::number(p95(list), 'f', 2).rightJustified(9)
            << QString::number(*std::max_element(list.begin(), list.end()), 'f', 2).rightJustified(9)
            << QString::number(median(edits), 'f', 1).rightJustified(24) << QString::number(p95(edits), 'f', 1).rightJustified(9)
            << QString::number(listed).rightJustified(16) << "   (fill " << QString::number(fillMs / 1000, 'f', 1) << " s, RSS "
            << QString::number(residentMb(), 'f', 0) << " MB)\n";
        out.flush();
    }
    return 0;
}
