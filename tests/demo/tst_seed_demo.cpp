// The demo seeder on both backends, at a small size (12 technicians × 20 days): every
// table filled, no double booking, visits that respect travel, shifts and absences,
// byte-identical repeats for one seed, other data for another seed, the inputs every KPI
// needs, valid times in the real São Paulo area, refusal of a non-empty database,
// cancel leaving nothing behind, the SQLite bulk change log equal to the triggers' own,
// the connected equipment's rules and month of readings (at-risk units whose rules fire at
// the first evaluation, the others quiet), and the CLI's exit codes through the real binary.
#include "TestDatabases.h"
#include "conditions/AssetHealth.h"
#include "conditions/ConditionEvaluation.h"
#include "demo/DemoConditions.h"
#include "demo/DemoDataSet.h"
#include "demo/DemoGenerator.h"
#include "demo/DemoGeography.h"
#include "demo/DemoSeeder.h"
#include "demo/DemoWriter.h"
#include "util/TimeFormat.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <map>
#include <set>

using namespace fieldops;

namespace {

const QStringList &domainTables()
{
    static const QStringList t{
        QStringLiteral("skills"),          QStringLiteral("territories"),       QStringLiteral("technicians"),
        QStringLiteral("technician_skills"), QStringLiteral("absences"),        QStringLiteral("customers"),
        QStringLiteral("customer_contacts"), QStringLiteral("sites"),         QStringLiteral("assets"),            QStringLiteral("contracts"),
        QStringLiteral("maintenance_plans"), QStringLiteral("maintenance_plan_skills"), QStringLiteral("work_orders"),
        QStringLiteral("work_order_skills"), QStringLiteral("appointments"),    QStringLiteral("ratings"),
        QStringLiteral("time_entries"),    QStringLiteral("parts"),             QStringLiteral("stock"),           QStringLiteral("work_order_parts"),
        QStringLiteral("positions"),       QStringLiteral("condition_rules"),   QStringLiteral("condition_rule_skills")};
    return t;
}

DemoOptions smallOptions(quint32 seed = 7)
{
    DemoOptions o;
    o.technicians = 12;
    o.days = 20;
    o.futureDays = 3;
    o.customers = 150;
    o.seed = seed;
    o.today = QDate(2026, 3, 4); // a Wednesday
    return o;
}

QDateTime demoNow(const DemoOptions &o)
{
    return QDateTime(o.today, o.nowLocal, QTimeZone("America/Sao_Paulo")).toUTC();
}

// The domain tables' part of the harness dump: logs carry wall-clock 'at' stamps.
QString domainDump(Database &db)
{
    const QString all = test::dumpDatabase(db);
    QString out;
    for (const QString &section : all.split(QStringLiteral("## "), Qt::SkipEmptyParts)) {
        const QString table = section.section(QLatin1Char(' '), 0, 0);
        if (domainTables().contains(table))
            out += QStringLiteral("## ") + section;
    }
    return out;
}

qint64 count(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? v->toLongLong() : -1;
}

QString errorText(const Error &e) { return e.message + QStringLiteral(" / ") + e.detail; }

struct Appt {
    QString id, wo, tech, status;
    QDateTime start, end, arrived, completed;
    bool resolved;
    double lat, lon;
};

std::vector<Appt> appointments(Database &db)
{
    std::vector<Appt> out;
    auto q = db.run(QStringLiteral(
        "SELECT a.id, a.work_order_id, a.technician_id, a.status, a.start_at, a.end_at, a.arrived_at, a.completed_at, "
        "a.resolved, s.lat, s.lon FROM appointments a JOIN work_orders w ON w.id = a.work_order_id "
        "JOIN sites s ON s.id = w.site_id ORDER BY a.technician_id, a.start_at, a.id"));
    while (q && q->next())
        out.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                       timefmt::fromSql(q->value(4)), timefmt::fromSql(q->value(5)), timefmt::fromSql(q->value(6)),
                       timefmt::fromSql(q->value(7)), q->value(8).toBool(), q->value(9).toDouble(), q->value(10).toDouble()});
    return out;
}

bool inMetroArea(double lat, double lon) { return lat > -23.85 && lat < -23.40 && lon > -46.85 && lon < -46.40; }

} // namespace

class TestSeedDemo : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> seeded(const QString &backend, const DemoOptions &o, DemoSummary *summary = nullptr)
    {
        auto db = test::freshDatabase(backend);
        if (!db) {
            qWarning("%s", qPrintable(test::lastError()));
            return nullptr;
        }
        DemoSeeder seeder(*db);
        auto r = seeder.seed(o);
        if (!r) {
            qWarning("seed failed: %s", qPrintable(errorText(r.error())));
            return nullptr;
        }
        if (summary)
            *summary = *r;
        return db;
    }

private slots:
    void fillsEveryTable_data() { test::addBackendRows(); }
    void fillsEveryTable()
    {
        QFETCH(QString, backend);
        DemoSummary summary;
        auto db = seeded(backend, smallOptions(), &summary);
        QVERIFY(db);
        QStringList tables = domainTables();
        tables << QStringLiteral("change_log") << QStringLiteral("audit_log");
        for (const QString &t : tables)
            QVERIFY2(count(*db, QStringLiteral("SELECT count(*) FROM %1").arg(t)) > 0, qPrintable(t));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM technicians")), qint64(12));
        QCOMPARE(summary.technicians, 12);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM customers")), qint64(summary.customers));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM sites")), qint64(summary.sites));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM work_orders")), qint64(summary.workOrders));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM appointments")), qint64(summary.appointments));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE status = 'open'")),
                 qint64(summary.openWorkOrders));
        // Six territories, every technician in one, every skill of the catalogue present.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM territories")), qint64(6));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM technicians WHERE territory_id IS NULL")), qint64(0));
        QVERIFY(count(*db, QStringLiteral("SELECT count(DISTINCT skill_code) FROM technician_skills")) >= 8);
        QVERIFY(count(*db, QStringLiteral("SELECT count(DISTINCT employment) FROM technicians")) >= 2);
        QVERIFY(count(*db, QStringLiteral("SELECT count(DISTINCT shift_start || shift_end) FROM technicians")) >= 3);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM sites WHERE time_zone <> 'America/Sao_Paulo'")), qint64(0));
        // Parts: jobs that need some, and stock below its reorder point somewhere.
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM work_order_parts")) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM stock WHERE quantity < min_quantity")) > 0);
        // Every insert reached the change feed, once.
        qint64 rows = 0;
        for (const QString &t : domainTables())
            rows += count(*db, QStringLiteral("SELECT count(*) FROM %1").arg(t));
        // Readings and their hourly sums too, as the ingest's do (telemetry: no audit rows).
        // PostgreSQL names an asset once per transaction that gave it readings, SQLite each
        // reading.
        const qint64 readings = count(*db, QStringLiteral("SELECT count(*) FROM asset_readings"));
        const qint64 hours = count(*db, QStringLiteral("SELECT count(*) FROM asset_reading_hours"));
        QVERIFY(readings > 0);
        const qint64 readingChanges = count(*db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'asset_readings'"));
        if (db->isPostgres()) {
            QCOMPARE(count(*db, QStringLiteral("SELECT count(DISTINCT entity_id) FROM change_log WHERE entity = 'asset_readings'")),
                     count(*db, QStringLiteral("SELECT count(DISTINCT asset_id) FROM asset_readings")));
            QVERIFY(readingChanges < readings);
        } else {
            QCOMPARE(readingChanges, readings);
        }
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM change_log")), rows + readingChanges + hours);
        QCOMPARE(summary.rows, rows + readings);
    }

    void connectedEquipmentTellsAStory_data() { test::addBackendRows(); }
    void connectedEquipmentTellsAStory()
    {
        QFETCH(QString, backend);
        const DemoOptions o = smallOptions();
        auto db = seeded(backend, o);
        QVERIFY(db);
        const QDateTime now = demoNow(o);
        // Every rule is on a unit with readings, of the kind it watches; a month of them, none after now.
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules")) >= 8);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules r WHERE NOT EXISTS "
                                           "(SELECT 1 FROM asset_readings x WHERE x.asset_id = r.asset_id AND x.kind = r.reading_kind)")),
                 qint64(0));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings WHERE at > ?"), {timefmt::toSql(now)}), qint64(0));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings WHERE at < ?"),
                       {timefmt::toSql(now.addDays(-demo::kReadingDays))}),
                 qint64(0));
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings WHERE at > ?"), {timefmt::toSql(now.addSecs(-3600))}) > 0);
        // The hourly sums are those of the readings, as the ingest keeps them.
        QCOMPARE(count(*db, QStringLiteral("SELECT sum(count) FROM asset_reading_hours")),
                 count(*db, QStringLiteral("SELECT count(*) FROM asset_readings")));
        // A counter never runs backwards.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings a JOIN asset_readings b ON b.asset_id = a.asset_id "
                                           "AND b.kind = a.kind AND b.at > a.at AND b.value < a.value WHERE a.kind = 'runtime_hours'")),
                 qint64(0));

        // The at-risk list: a few units breached, many far from their limits.
        auto list = conditions::loadAtRiskAssets(*db, now.toMSecsSinceEpoch());
        QVERIFY2(list, list ? "" : qPrintable(errorText(list.error())));
        int breached = 0, calm = 0;
        for (const conditions::AtRiskAsset &a : *list) {
            breached += a.risk >= 1 ? 1 : 0;
            calm += a.risk < 0.6 ? 1 : 0;
        }
        QVERIFY2(breached >= 3, qPrintable(QString::number(breached)));
        QVERIFY2(calm * 5 >= list->size() * 2, qPrintable(QStringLiteral("%1 calm of %2").arg(calm).arg(list->size())));

        // The first evaluation opens the work each story was written for, and only on those units.
        auto report = conditions::ConditionEvaluation(*db).run(now, false);
        QVERIFY2(report, report ? "" : qPrintable(errorText(report.error())));
        QSet<QString> fired;
        for (const conditions::EpisodeChange &c : report->opened) {
            auto name = db->scalar(QStringLiteral("SELECT name FROM condition_rules WHERE id = ?"), {c.ruleId});
            QVERIFY(name);
            fired << name->toString().section(QStringLiteral(" ("), 0, 0);
            QVERIFY(!c.workOrderId.isEmpty());
        }
        QStringList expected{QStringLiteral("Chilled water too warm"), QStringLiteral("Chiller outside its usual pattern"),
                             QStringLiteral("Pump vibration rising fast"), QStringLiteral("Cold room warming")};
        if (count(*db, QStringLiteral("SELECT count(*) FROM condition_rules WHERE kind = 'usage'")) > 0)
            expected << QStringLiteral("Generator 250-hour service");
        for (const QString &e : expected) {
            if (count(*db, QStringLiteral("SELECT count(*) FROM condition_rules WHERE name LIKE ?"), {e + QStringLiteral("%")}) > 0)
                QVERIFY2(fired.contains(e), qPrintable(e + QStringLiteral(" did not fire; fired: ") + QStringList(fired.values()).join(QStringLiteral(", "))));
        }
        QVERIFY2(report->opened.size() <= 8, qPrintable(QString::number(report->opened.size())));
    }

    void noDoubleBookingAndTravelRespected_data() { test::addBackendRows(); }
    void noDoubleBookingAndTravelRespected()
    {
        QFETCH(QString, backend);
        auto db = seeded(backend, smallOptions());
        QVERIFY(db);
        QCOMPARE(count(*db, QStringLiteral(
                     "SELECT count(*) FROM appointments a JOIN appointments b ON a.technician_id = b.technician_id "
                     "AND a.id < b.id WHERE a.status <> 'cancelled' AND b.status <> 'cancelled' "
                     "AND a.start_at < b.end_at AND b.start_at < a.end_at")),
                 qint64(0));
        // Consecutive visits of one technician on one day leave room for the drive.
        const QTimeZone sp("America/Sao_Paulo");
        const auto list = appointments(*db);
        QVERIFY(list.size() > 100);
        int pairs = 0;
        const Appt *prev = nullptr;
        for (const Appt &a : list) {
            if (a.status == QLatin1String("cancelled"))
                continue;
            if (prev && prev->tech == a.tech && prev->start.toTimeZone(sp).date() == a.start.toTimeZone(sp).date()) {
                const qint64 gap = prev->end.secsTo(a.start);
                QVERIFY2(gap >= 60 * demo::travelMinutes(prev->lat, prev->lon, a.lat, a.lon),
                         qPrintable(prev->id + QStringLiteral(" → ") + a.id));
                ++pairs;
            }
            prev = &a;
        }
        QVERIFY(pairs > 50);
    }

    void visitsInsideShiftsAndOutsideAbsences_data() { test::addBackendRows(); }
    void visitsInsideShiftsAndOutsideAbsences()
    {
        QFETCH(QString, backend);
        auto db = seeded(backend, smallOptions());
        QVERIFY(db);
        struct Shift {
            QTime start, end;
            QStringList days;
        };
        std::map<QString, Shift> shifts;
        auto q = db->run(QStringLiteral("SELECT id, shift_start, shift_end, work_days, time_zone FROM technicians"));
        QVERIFY(q.ok());
        while (q->next()) {
            QCOMPARE(q->value(4).toString(), QStringLiteral("America/Sao_Paulo"));
            shifts[q->value(0).toString()] = {*timefmt::parseClock(q->value(1).toString()),
                                              *timefmt::parseClock(q->value(2).toString()),
                                              q->value(3).toString().split(QLatin1Char(';'))};
        }
        std::multimap<QString, std::pair<QDateTime, QDateTime>> absences;
        auto ab = db->run(QStringLiteral("SELECT technician_id, start_at, end_at FROM absences"));
        QVERIFY(ab.ok());
        while (ab->next())
            absences.insert({ab->value(0).toString(), {timefmt::fromSql(ab->value(1)), timefmt::fromSql(ab->value(2))}});
        QVERIFY(!absences.empty());

        const QTimeZone sp("America/Sao_Paulo");
        static const QStringList dayNames{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"),
                                          QStringLiteral("Thu"), QStringLiteral("Fri"), QStringLiteral("Sat"),
                                          QStringLiteral("Sun")};
        int inside = 0, total = 0;
        for (const Appt &a : appointments(*db)) {
            if (a.status == QLatin1String("cancelled"))
                continue;
            ++total;
            const Shift &s = shifts.at(a.tech);
            const QDateTime ls = a.start.toTimeZone(sp), le = a.end.toTimeZone(sp);
            const auto worksOn = [&](const QDate &d) { return s.days.contains(dayNames[d.dayOfWeek() - 1]); };
            if (s.end > s.start) {
                if (ls.date() == le.date() && worksOn(ls.date()) && ls.time() >= s.start && le.time() <= s.end)
                    ++inside;
            } else if (ls.time() >= s.start) {
                // A night shift (the on-call crew): from its start to the next morning's end.
                if (worksOn(ls.date()) && (le.date() == ls.date() || (le.date() == ls.date().addDays(1) && le.time() <= s.end)))
                    ++inside;
            } else if (worksOn(ls.date().addDays(-1)) && le.date() == ls.date() && le.time() <= s.end) {
                ++inside; // after midnight, in the shift that began the evening before
            }
            auto [lo, hi] = absences.equal_range(a.tech);
            for (auto it = lo; it != hi; ++it)
                QVERIFY2(!(a.start < it->second.second && it->second.first < a.end), qPrintable(a.id));
        }
        QVERIFY(total > 100);
        QCOMPARE(inside, total); // the generator plans inside shifts only
    }

    void sameSeedSameData_data() { test::addBackendRows(); }
    void sameSeedSameData()
    {
        QFETCH(QString, backend);
        auto a = seeded(backend, smallOptions(7));
        auto b = seeded(backend, smallOptions(7));
        QVERIFY(a && b);
        const QString da = domainDump(*a);
        QVERIFY(da.size() > 100000);
        QCOMPARE(domainDump(*b), da);
    }

    void otherSeedOtherData_data() { test::addBackendRows(); }
    void otherSeedOtherData()
    {
        QFETCH(QString, backend);
        auto a = seeded(backend, smallOptions(7));
        auto b = seeded(backend, smallOptions(8));
        QVERIFY(a && b);
        QVERIFY(domainDump(*a) != domainDump(*b));
        auto names = [](Database &db) {
            QStringList n;
            auto q = db.run(QStringLiteral("SELECT name FROM technicians ORDER BY id"));
            while (q && q->next())
                n << q->value(0).toString();
            return n;
        };
        QVERIFY(names(*a) != names(*b));
        // Another `today` moves the whole calendar.
        DemoOptions later = smallOptions(7);
        later.today = later.today.addDays(1);
        auto c = seeded(backend, later);
        QVERIFY(c);
        QVERIFY(domainDump(*a) != domainDump(*c));
    }

    void kpiInputsPresent_data() { test::addBackendRows(); }
    void kpiInputsPresent()
    {
        QFETCH(QString, backend);
        auto db = seeded(backend, smallOptions());
        QVERIFY(db);
        // Repeat visits: an unresolved completed visit followed later by a resolving one.
        QVERIFY(count(*db, QStringLiteral(
                    "SELECT count(*) FROM appointments a JOIN appointments b ON b.work_order_id = a.work_order_id "
                    "AND b.start_at > a.start_at WHERE a.status = 'completed' AND a.resolved = ? "
                    "AND b.status = 'completed' AND b.resolved = ?"),
                    {false, true})
                > 0);
        const auto list = appointments(*db);
        int late = 0, onTime = 0;
        for (const Appt &a : list) {
            if (!a.arrived.isValid())
                continue;
            (a.arrived > a.start.addSecs(15 * 60) ? late : onTime)++;
        }
        QVERIFY(late > 0);
        QVERIFY(onTime > 3 * late); // mostly on time
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM ratings WHERE score < 1 OR score > 5")), qint64(0));
        QVERIFY(count(*db, QStringLiteral("SELECT count(DISTINCT score) FROM ratings")) >= 4);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM ratings WHERE score <= 2")) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM ratings WHERE score = 5")) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM ratings WHERE comment <> ''")) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM time_entries WHERE billable = ?"), {true}) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM time_entries WHERE billable = ?"), {false}) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM time_entries WHERE billable = ? AND activity = 'travel'"), {false}) > 0);

        // Ratings skewed by technician: the closing visit's technician owns the rating.
        std::map<QString, std::pair<double, int>> byTech;
        auto r = db->run(QStringLiteral(
            "SELECT a.technician_id, r.score FROM ratings r JOIN appointments a ON a.work_order_id = r.work_order_id "
            "AND a.resolved = ? AND a.status = 'completed'"),
            {true});
        QVERIFY(r.ok());
        while (r->next()) {
            auto &e = byTech[r->value(0).toString()];
            e.first += r->value(1).toDouble();
            e.second += 1;
        }
        double best = 0, worst = 6;
        for (const auto &[tech, e] : byTech) {
            if (e.second < 8)
                continue;
            best = std::max(best, e.first / e.second);
            worst = std::min(worst, e.first / e.second);
        }
        QVERIFY2(best - worst > 0.5, qPrintable(QStringLiteral("%1 vs %2").arg(best).arg(worst)));

        // SLA: due dates in the past, both met and breached.
        std::map<QString, QDateTime> closedAt;
        for (const Appt &a : list) {
            if (a.resolved && a.status == QLatin1String("completed") && !closedAt.count(a.wo))
                closedAt[a.wo] = a.completed;
        }
        int met = 0, breached = 0;
        const QDateTime now = demoNow(smallOptions());
        auto w = db->run(QStringLiteral("SELECT id, sla_due, created_at FROM work_orders WHERE sla_due IS NOT NULL"));
        QVERIFY(w.ok());
        while (w->next()) {
            const QDateTime due = timefmt::fromSql(w->value(1));
            QVERIFY(due > timefmt::fromSql(w->value(2)));
            if (due > now)
                continue;
            auto it = closedAt.find(w->value(0).toString());
            (it != closedAt.end() && it->second <= due ? met : breached)++;
        }
        QVERIFY(met > 0);
        QVERIFY(breached > 0);
        QVERIFY(met > breached);

        // The dispatcher's day: an open queue, planned visits, someone on the road or on site now.
        for (const char *status : {"open", "scheduled", "done"})
            QVERIFY2(count(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE status = ?"), {QString::fromLatin1(status)}) > 0, status);
        for (const char *type : {"install", "corrective", "preventive", "inspection"})
            QVERIFY2(count(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE type = ?"), {QString::fromLatin1(type)}) > 0, type);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(DISTINCT priority) FROM work_orders")), qint64(4));
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM appointments WHERE status IN ('scheduled', 'tentative')")) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM appointments WHERE status IN ('en_route', 'on_site')")) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE status = 'open' AND window_start IS NOT NULL")) > 0);
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM maintenance_plans WHERE next_due IS NULL")) == 0);
    }

    // Whatever the hour the demo is made at, nothing lies after its "now": not created,
    // not arrived, not completed, not rated, not reported. (The console seeds at the wall clock.)
    void timesValidAndPlacesReal_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QTime>("nowLocal");
        QTest::newRow("sqlite 10:00") << QStringLiteral("sqlite") << QTime(10, 0);
        QTest::newRow("postgres 10:00") << QStringLiteral("postgres") << QTime(10, 0);
        QTest::newRow("sqlite 03:00") << QStringLiteral("sqlite") << QTime(3, 0);
        QTest::newRow("sqlite 15:00") << QStringLiteral("sqlite") << QTime(15, 0);
        QTest::newRow("sqlite 21:30") << QStringLiteral("sqlite") << QTime(21, 30);
    }
    void timesValidAndPlacesReal()
    {
        QFETCH(QString, backend);
        QFETCH(QTime, nowLocal);
        DemoOptions o = smallOptions();
        o.nowLocal = nowLocal;
        int underWay = 0;
        auto db = seeded(backend, o);
        QVERIFY(db);
        const QDateTime now = demoNow(o);
        std::map<QString, QDateTime> created;
        auto w = db->run(QStringLiteral("SELECT id, created_at, window_start, window_end FROM work_orders"));
        QVERIFY(w.ok());
        while (w->next()) {
            const QDateTime c = timefmt::fromSql(w->value(1));
            QVERIFY(c.isValid() && c <= now);
            created[w->value(0).toString()] = c;
        }
        for (const Appt &a : appointments(*db)) {
            QVERIFY(a.start.isValid() && a.end > a.start);
            QVERIFY2(created.at(a.wo) < a.start, qPrintable(a.id));
            if (a.arrived.isValid())
                QVERIFY(a.arrived <= now);
            if (a.completed.isValid()) {
                QVERIFY(a.arrived.isValid() && a.completed > a.arrived && a.completed <= now);
                QCOMPARE(a.status, QStringLiteral("completed"));
            }
            if (a.status == QLatin1String("completed"))
                QVERIFY(a.end <= now.addSecs(3 * 3600));
            if (a.status == QLatin1String("scheduled") || a.status == QLatin1String("tentative"))
                QVERIFY(!a.arrived.isValid() && a.end > now);
            if (a.status == QLatin1String("on_site"))
                QVERIFY2(a.arrived.isValid() && !a.completed.isValid(), qPrintable(a.id));
            if (a.status == QLatin1String("en_route"))
                QVERIFY2(!a.arrived.isValid() && a.start < now.addSecs(3 * 3600), qPrintable(a.id));
            if (a.status == QLatin1String("on_site") || a.status == QLatin1String("en_route"))
                ++underWay;
        }
        // Day or night the work is under way: someone is driving to or working at a site (at
        // night the on-call crew; tst_demo_around_the_clock tells that story in full).
        QVERIFY(underWay > 0);
        auto te = db->run(QStringLiteral("SELECT start_at, end_at FROM time_entries"));
        QVERIFY(te.ok());
        while (te->next())
            QVERIFY(timefmt::fromSql(te->value(1)) > timefmt::fromSql(te->value(0)));
        auto rt = db->run(QStringLiteral("SELECT rated_at FROM ratings"));
        QVERIFY(rt.ok());
        while (rt->next())
            QVERIFY(timefmt::fromSql(rt->value(0)) <= now);

        for (const QString &sql : {QStringLiteral("SELECT lat, lon FROM sites"), QStringLiteral("SELECT home_lat, home_lon FROM technicians"),
                                   QStringLiteral("SELECT lat, lon FROM positions")}) {
            auto q = db->run(sql);
            QVERIFY(q.ok());
            while (q->next())
                QVERIFY2(inMetroArea(q->value(0).toDouble(), q->value(1).toDouble()), qPrintable(sql));
        }
        // Every technician reported today, the latest ping at most now.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(DISTINCT technician_id) FROM positions")), qint64(o.technicians));
        auto p = db->run(QStringLiteral("SELECT at FROM positions"));
        QVERIFY(p.ok());
        while (p->next()) {
            const QDateTime at = timefmt::fromSql(p->value(0));
            QVERIFY(at <= now && at > now.addDays(-1));
        }
        // Addresses name real places: "Rua …, 123 – Moema, São Paulo – SP, 04077-…".
        auto s = db->run(QStringLiteral("SELECT address FROM sites"));
        QVERIFY(s.ok() && s->next());
        QVERIFY(s->value(0).toString().contains(QStringLiteral(" – SP, ")));
    }

    void wallClockOptionsUseTheCitysClock()
    {
        // 06:00 UTC is 03:00 in São Paulo (UTC−3); 02:30 UTC on the 5th is still the 4th there.
        DemoOptions o = demoOptionsAt(QDateTime(QDate(2026, 3, 4), QTime(6, 0), QTimeZone::utc()));
        QCOMPARE(o.today, QDate(2026, 3, 4));
        QCOMPARE(o.nowLocal, QTime(3, 0));
        o = demoOptionsAt(QDateTime(QDate(2026, 3, 5), QTime(2, 30, 59), QTimeZone::utc()));
        QCOMPARE(o.today, QDate(2026, 3, 4));
        QCOMPARE(o.nowLocal, QTime(23, 30));
        QVERIFY(DemoSeeder::validate(o).ok());
    }

    void refusesNonEmptyDatabase_data() { test::addBackendRows(); }
    void refusesNonEmptyDatabase()
    {
        QFETCH(QString, backend);
        auto db = seeded(backend, smallOptions());
        QVERIFY(db);
        const QString before = domainDump(*db);
        const qint64 logBefore = count(*db, QStringLiteral("SELECT count(*) FROM change_log"));
        DemoSeeder seeder(*db);
        auto again = seeder.seed(smallOptions(99));
        QVERIFY(!again.ok());
        QCOMPARE(int(again.error().kind), int(Error::Kind::Other));
        QVERIFY(again.error().message.contains(QStringLiteral("empty")));
        QCOMPARE(domainDump(*db), before);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM change_log")), logBefore);

        DemoOptions bad = smallOptions();
        bad.technicians = 0;
        auto invalid = seeder.seed(bad);
        QVERIFY(!invalid.ok());
        QCOMPARE(int(invalid.error().kind), int(Error::Kind::Invalid));
    }

    void cancelWritesNothing_data() { test::addBackendRows(); }
    void cancelWritesNothing()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*db);
        QSet<QString> stages;
        int calls = 0;
        DemoSeeder seeder(*db);
        auto r = seeder.seed(smallOptions(), [&](int percent, const QString &stage) {
            ++calls;
            stages.insert(stage);
            return percent < 60; // well into writing
        });
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), int(Error::Kind::Cancelled));
        QVERIFY(calls > 2);
        QVERIFY(stages.size() >= 2);
        QCOMPARE(test::dumpDatabase(*db), before);
        // The connection is usable afterwards and a full seed still works.
        QVERIFY(seeder.seed(smallOptions()).ok());
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM technicians")), qint64(12));
    }

    // SQLite writes the change log of bulk-loaded tables with one statement per table;
    // the rows must be exactly those the per-row triggers write, and the triggers must
    // be back afterwards. (PostgreSQL keeps its triggers: both runs use them.)
    void bulkChangeLogEqualsTriggers_data() { test::addBackendRows(); }
    void bulkChangeLogEqualsTriggers()
    {
        QFETCH(QString, backend);
        demo::DemoDataSet data;
        QVERIFY(demo::generateDemo(smallOptions(), data));
        auto logs = [&](bool bulk) -> QStringList {
            auto db = test::freshDatabase(backend);
            if (!db)
                return {QStringLiteral("no database: ") + test::lastError()};
            const QString triggersSql = db->isPostgres()
                ? QStringLiteral("SELECT count(*) FROM information_schema.triggers")
                : QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'");
            const qint64 triggers = count(*db, triggersSql);
            {
                Transaction tx(*db);
                if (!tx.status())
                    return {errorText(tx.status().error())};
                demo::WriteOptions w;
                w.bulkChangeLog = bulk;
                if (Status s = demo::writeDataSet(*db, data, {}, w); !s)
                    return {errorText(s.error())};
                if (Status s = tx.commit(); !s)
                    return {errorText(s.error())};
            }
            QStringList rows;
            if (count(*db, triggersSql) != triggers)
                rows << QStringLiteral("triggers not restored");
            auto c = db->run(QStringLiteral("SELECT entity, entity_id, op, actor FROM change_log"));
            while (c && c->next())
                rows << QStringLiteral("C|%1|%2|%3|%4").arg(c->value(0).toString(), c->value(1).toString(),
                                                           c->value(2).toString(), c->value(3).toString());
            auto a = db->run(QStringLiteral("SELECT actor, entity, entity_id, op, old_values, new_values FROM audit_log"));
            while (a && a->next()) {
                QStringList cells;
                for (int i = 0; i < 6; ++i)
                    cells << (a->value(i).isNull() ? QStringLiteral("<null>") : a->value(i).toString());
                rows << QStringLiteral("A|") + cells.join(QLatin1Char('|'));
            }
            rows.sort();
            return rows;
        };
        const QStringList bulk = logs(true);
        const QStringList perRow = logs(false);
        QVERIFY(bulk.size() > 1000);
        QVERIFY2(!bulk.contains(QStringLiteral("triggers not restored")), "bulk path left the triggers out");
        QCOMPARE(bulk.size(), perRow.size());
        QCOMPARE(bulk, perRow);
    }

    void cliExitCodes()
    {
        const QString cli = qEnvironmentVariable("FIELDOPS_CLI");
        QVERIFY2(QFileInfo::exists(cli), "FIELDOPS_CLI must name the fieldops-cli binary");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString url = QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("cli.db"));
        auto run = [&](const QStringList &args, QString *out = nullptr, QString *err = nullptr) {
            QProcess p;
            p.start(cli, QStringList{QStringLiteral("--db"), url} + args);
            if (!p.waitForFinished(300000))
                return -1;
            if (out)
                *out = QString::fromUtf8(p.readAllStandardOutput());
            if (err)
                *err = QString::fromUtf8(p.readAllStandardError());
            return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        };
        const QStringList seedDemo{QStringLiteral("seed-demo")};
        QString out, err;
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--technicians"), QStringLiteral("0")}, nullptr, &err), 2);
        QVERIFY(err.startsWith(QStringLiteral("error: ")));
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--technicians"), QStringLiteral("twelve")}), 2);
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--days"), QStringLiteral("-1")}), 2);
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--seed"), QStringLiteral("x")}), 2);
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--today"), QStringLiteral("2026-13-40")}), 2);
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--now"), QStringLiteral("25:00")}), 2);
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--no-such-option")}), 2);
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("extra")}), 2);
        QCOMPARE(run(seedDemo + QStringList{QStringLiteral("--help")}, &out), 0);
        QVERIFY(out.contains(QStringLiteral("--technicians")) && out.contains(QStringLiteral("--today")));
        QVERIFY(out.contains(QStringLiteral("no --force")));

        const QStringList small{QStringLiteral("seed-demo"), QStringLiteral("--technicians"), QStringLiteral("8"),
                                QStringLiteral("--days"), QStringLiteral("10"), QStringLiteral("--customers"),
                                QStringLiteral("80"), QStringLiteral("--seed"), QStringLiteral("3"),
                                QStringLiteral("--today"), QStringLiteral("2026-03-04")};
        QCOMPARE(run(small, &out, &err), 0);
        QVERIFY2(out.contains(QStringLiteral("8 technicians")), qPrintable(out + err));
        QVERIFY(out.contains(QStringLiteral("2026-03-04")));
        QCOMPARE(run(small, &out, &err), 1);
        QVERIFY2(err.contains(QStringLiteral("empty")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestSeedDemo)
#include "tst_seed_demo.moc"
