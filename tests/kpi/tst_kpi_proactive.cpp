// The proactive-maintenance KPIs (models/kpi/KpiProactive), worked out by hand: the share
// of the period's work a condition rule opened, and failures prevented from corrective
// work orders on watched assets with and without a proactive visit in the 30 days before,
// per covered and uncovered asset-day. The formulas alone, then read from real SQLite and
// PostgreSQL databases through the loader the dashboard uses. The dashboard's filters
// (technician set from territory/technician/employment, work-order type) choose the work
// orders counted by the technician of their visit; coverage and exposure stay whole, so
// the figures of disjoint filters add up to the unfiltered ones.
#include "TestDatabases.h"
#include "kpi/KpiProactive.h"
#include "kpi/KpiService.h"
#include "storage/Database.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::kpi;

Q_DECLARE_METATYPE(fieldops::kpi::KpiFilter)

namespace {

qint64 ms(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch(); }

// March 2026, 30 days: [1 Mar, 31 Mar). Watched a1, a2, a3 → 90 asset-days.
//  a1: proactive visit done 20 Feb → covered 1 … 22 Mar           21 days
//  a2: proactive visits done 10 and 20 Mar → covered 10 … 31 Mar  21 days (overlap counted once)
//  a3: none                                                         0 days
// Covered 42, uncovered 48 asset-days.
//  corrective with a recent visit:    a1 on 5 Mar, a2 on 15 Mar                  → 2
//  corrective without:                a1 on 25 Mar (cover ended 22 Mar), a3 on 6 and
//                                     7 Mar, a2 on 10 Mar 00:00 (the instant of its
//                                     visit: "before" is strict)                  → 4
//  not counted: a9 (not watched), a3 on 28 Feb (before the period)
// rate with 2/42×30 = 1.4286, without 4/48×30 = 2.5 per asset and 30 days;
// prevented (2.5 − 1.4286) × 42/30 = 3.5 − 2 = 1.5.
// Work orders created in March: 10, of which 2 proactive → 20 %.
const qint64 kFrom = ms("2026-03-01T00:00:00Z"), kTo = ms("2026-03-31T00:00:00Z");

ProactiveIn handBuilt()
{
    ProactiveIn in;
    in.watchedAssets = {QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")};
    in.proactiveCompletions[QStringLiteral("a1")] = {ms("2026-02-20T00:00:00Z")};
    in.proactiveCompletions[QStringLiteral("a2")] = {ms("2026-03-20T00:00:00Z"), ms("2026-03-10T00:00:00Z")};
    const auto wo = [](const char *asset, const char *type, const char *at, bool proactive) {
        return ProactiveWorkOrderIn{QString::fromLatin1(asset), QString::fromLatin1(type), ms(at), proactive, QString()};
    };
    in.workOrders = {
        wo("a1", "inspection", "2026-03-02T08:00:00Z", true),  wo("a1", "corrective", "2026-03-05T08:00:00Z", false),
        wo("a1", "corrective", "2026-03-25T08:00:00Z", false), wo("a3", "corrective", "2026-03-06T08:00:00Z", false),
        wo("a3", "corrective", "2026-03-07T08:00:00Z", false), wo("a2", "corrective", "2026-03-10T00:00:00Z", false),
        wo("a9", "corrective", "2026-03-09T08:00:00Z", false), wo("a2", "corrective", "2026-03-15T08:00:00Z", false),
        wo("a2", "preventive", "2026-03-12T08:00:00Z", false), wo("a3", "inspection", "2026-03-28T08:00:00Z", true),
        wo("a3", "corrective", "2026-02-28T08:00:00Z", false),
    };
    return in;
}

// handBuilt() with each work order's visit technician: the ten of March are
//  1 a1 inspection (proactive) t1 · 2 a1 corrective, with t1 · 3 a1 corrective, without t2 ·
//  4 a3 corrective, without t2 · 5 a3 corrective, without nobody · 6 a2 corrective,
//  without t1 · 7 a9 corrective (not watched) t2 · 8 a2 corrective, with t2 ·
//  9 a2 preventive t1 · 10 a3 inspection (proactive) t2.
ProactiveIn withTechnicians()
{
    ProactiveIn in = handBuilt();
    const char *techs[] = {"t1", "t1", "t2", "t2", "", "t1", "t2", "t2", "t1", "t2", "t1"};
    for (size_t i = 0; i < in.workOrders.size(); ++i)
        in.workOrders[i].technicianId = QString::fromLatin1(techs[i]);
    return in;
}

KpiFilter technicians(QStringList ids, const QString &type = {})
{
    KpiFilter f;
    f.technicians = QSet<QString>(ids.begin(), ids.end());
    f.workOrderType = type;
    return f;
}

} // namespace

class TestKpiProactive : public QObject {
    Q_OBJECT

    static void checkHandBuilt(const ProactiveKpis &k)
    {
        QCOMPARE(k.workOrders, 10);
        QCOMPARE(k.proactive, 2);
        QVERIFY(k.proactiveShare);
        QCOMPARE(*k.proactiveShare, 0.2);
        QCOMPARE(k.correctiveWith, 2);
        QCOMPARE(k.correctiveWithout, 4);
        QCOMPARE(k.coveredAssetDays, 42.0);
        QCOMPARE(k.uncoveredAssetDays, 48.0);
        QVERIFY(k.rateWith && k.rateWithout && k.failuresPrevented);
        QCOMPARE(*k.rateWith, 2.0 / 42 * 30);
        QCOMPARE(*k.rateWithout, 2.5);
        QCOMPARE(*k.failuresPrevented, 1.5);
    }

private slots:
    void handComputedFigures() { checkHandBuilt(computeProactiveKpis(handBuilt(), kFrom, kTo)); }

    void coverEndsThirtyDaysAfterTheVisit()
    {
        // Visit done 1 Feb 00:00: a corrective on 3 Mar 00:00 (exactly 30 days) is covered,
        // one a minute later is not.
        ProactiveIn in;
        in.watchedAssets = {QStringLiteral("a1")};
        in.proactiveCompletions[QStringLiteral("a1")] = {ms("2026-02-01T00:00:00Z")};
        in.workOrders = {{QStringLiteral("a1"), QStringLiteral("corrective"), ms("2026-03-03T00:00:00Z"), false, QString()},
                         {QStringLiteral("a1"), QStringLiteral("corrective"), ms("2026-03-03T00:01:00Z"), false, QString()}};
        const ProactiveKpis k = computeProactiveKpis(in, kFrom, kTo);
        QCOMPARE(k.correctiveWith, 1);
        QCOMPARE(k.correctiveWithout, 1);
        QCOMPARE(k.coveredAssetDays, 2.0); // 1 and 2 March
        QCOMPARE(k.uncoveredAssetDays, 28.0);
    }

    void nothingToDivideByIsNull()
    {
        // No work orders, no watched asset: every rate is null, never 0.
        const ProactiveKpis none = computeProactiveKpis({}, kFrom, kTo);
        QVERIFY(!none.proactiveShare);
        QVERIFY(!none.rateWith);
        QVERIFY(!none.rateWithout);
        QVERIFY(!none.failuresPrevented);
        // Watched but never visited: no covered days, so nothing prevented can be said.
        ProactiveIn in;
        in.watchedAssets = {QStringLiteral("a1")};
        const ProactiveKpis k = computeProactiveKpis(in, kFrom, kTo);
        QCOMPARE(k.uncoveredAssetDays, 30.0);
        QVERIFY(!k.rateWith);
        QVERIFY(k.rateWithout);
        QVERIFY(!k.failuresPrevented);
    }

    // Hand-computed per filter (covered 42, uncovered 48 asset-days in every row):
    //  t1:  4 work orders, 1 proactive; with 1 (#2), without 1 (#6): 30/42, 30/48 = 0.625;
    //       prevented 0.625 × 42/30 − 1 = −0.125
    //  t2:  5, 1 proactive; with 1 (#8), without 2 (#3, #4; #7 is not watched): 1.25 × 42/30 − 1 = 0.75
    //  nobody (#5) is only in the unfiltered figures: 0.875 prevented; 1.5 in all.
    //  corrective: 7 (#2–#8), none proactive, 2 with, 4 without: 1.5 as unfiltered.
    //  inspection: #1 and #10, both proactive; no corrective: rates 0, prevented 0.
    //  a territory without technicians: nothing counted, share null, prevented 0.
    void filtersChooseTheWorkOrders_data()
    {
        QTest::addColumn<KpiFilter>("filter");
        QTest::addColumn<int>("workOrders");
        QTest::addColumn<int>("proactive");
        QTest::addColumn<int>("with");
        QTest::addColumn<int>("without");
        QTest::addColumn<double>("prevented");
        QTest::newRow("none") << KpiFilter{} << 10 << 2 << 2 << 4 << 1.5;
        QTest::newRow("t1") << technicians({QStringLiteral("t1")}) << 4 << 1 << 1 << 1 << -0.125;
        QTest::newRow("t2") << technicians({QStringLiteral("t2")}) << 5 << 1 << 1 << 2 << 0.75;
        QTest::newRow("t1 and t2") << technicians({QStringLiteral("t1"), QStringLiteral("t2")}) << 9 << 2 << 2 << 3 << 0.625;
        QTest::newRow("nobody's territory") << technicians({}) << 0 << 0 << 0 << 0 << 0.0;
        KpiFilter corrective;
        corrective.workOrderType = QStringLiteral("corrective");
        QTest::newRow("corrective") << corrective << 7 << 0 << 2 << 4 << 1.5;
        KpiFilter inspection;
        inspection.workOrderType = QStringLiteral("inspection");
        QTest::newRow("inspection") << inspection << 2 << 2 << 0 << 0 << 0.0;
        QTest::newRow("t2, corrective") << technicians({QStringLiteral("t2")}, QStringLiteral("corrective")) << 4 << 0 << 1 << 2 << 0.75;
    }
    void filtersChooseTheWorkOrders()
    {
        QFETCH(KpiFilter, filter);
        QFETCH(int, workOrders);
        QFETCH(int, proactive);
        QFETCH(int, with);
        QFETCH(int, without);
        QFETCH(double, prevented);
        const ProactiveKpis k = computeProactiveKpis(withTechnicians(), kFrom, kTo, filter);
        QCOMPARE(k.workOrders, workOrders);
        QCOMPARE(k.proactive, proactive);
        QCOMPARE(bool(k.proactiveShare), workOrders > 0);
        if (workOrders > 0)
            QCOMPARE(*k.proactiveShare, double(proactive) / workOrders);
        QCOMPARE(k.correctiveWith, with);
        QCOMPARE(k.correctiveWithout, without);
        QCOMPARE(k.coveredAssetDays, 42.0);
        QCOMPARE(k.uncoveredAssetDays, 48.0);
        QVERIFY(k.failuresPrevented);
        QVERIFY2(qAbs(*k.failuresPrevented - prevented) < 1e-9, qPrintable(QString::number(*k.failuresPrevented)));
    }

    // Read from a database and through the dashboard's service with its filters. March,
    // one watched asset a1; territory n: t1, territory s: t2 and t3.
    //  p1 inspection, proactive: t1's visit completed 11 Mar 00:00 → a1 covered 20 of 30 days
    //  w1 corrective 5 Mar (uncovered): t2 unresolved 5 Mar, t1 resolved 6 Mar, t3 8 Mar → t1 (closing visit)
    //  w2 corrective 15 Mar (covered): t2 unresolved 15 Mar, t3 16 Mar, t1 cancelled 20 Mar → t3 (latest)
    //  w3 corrective 20 Mar (covered): no appointment → nobody
    //  w4 preventive 21 Mar: t2 resolved → t2
    // all: 5 work orders, 1 proactive; with 2, without 1: 2/20×30 = 3 and 1/10×30 = 3, prevented 0
    // n:   p1, w1 → 2, share ½; with 0, without 1 → 0 and 3, prevented 3 × 20/30 = 2
    // s:   w2, w4 → 2, share 0; with 1, without 0 → 1.5 and 0, prevented −1.5 × 20/30 = −1
    // t2:  w4 → 1; no corrective, prevented 0.  s and corrective: w2 → 1, prevented −1.
    void filtersFollowTheVisitsTechnician_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("territory");
        QTest::addColumn<QString>("technician");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("workOrders");
        QTest::addColumn<int>("proactive");
        QTest::addColumn<int>("with");
        QTest::addColumn<int>("without");
        QTest::addColumn<double>("prevented");
        for (const char *b : {"sqlite", "postgres"}) {
            const QString backend = QString::fromLatin1(b);
            QTest::newRow(qPrintable(backend + QStringLiteral(": all"))) << backend << QString() << QString() << QString() << 5 << 1 << 2 << 1 << 0.0;
            QTest::newRow(qPrintable(backend + QStringLiteral(": territory n"))) << backend << QStringLiteral("n") << QString() << QString() << 2 << 1 << 0 << 1 << 2.0;
            QTest::newRow(qPrintable(backend + QStringLiteral(": territory s"))) << backend << QStringLiteral("s") << QString() << QString() << 2 << 0 << 1 << 0 << -1.0;
            QTest::newRow(qPrintable(backend + QStringLiteral(": technician t2"))) << backend << QString() << QStringLiteral("t2") << QString() << 1 << 0 << 0 << 0 << 0.0;
            QTest::newRow(qPrintable(backend + QStringLiteral(": territory s, corrective")))
                << backend << QStringLiteral("s") << QString() << QStringLiteral("corrective") << 1 << 0 << 1 << 0 << -1.0;
        }
    }
    void filtersFollowTheVisitsTechnician()
    {
        QFETCH(QString, backend);
        QFETCH(QString, territory);
        QFETCH(QString, technician);
        QFETCH(QString, type);
        QFETCH(int, workOrders);
        QFETCH(int, proactive);
        QFETCH(int, with);
        QFETCH(int, without);
        QFETCH(double, prevented);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString yes = db->isPostgres() ? QStringLiteral("true") : QStringLiteral("1");
        const QString no = db->isPostgres() ? QStringLiteral("false") : QStringLiteral("0");
        const auto visit = [&](const char *id, const char *wo, const char *tech, const char *start, const char *status, bool resolved) {
            const QDateTime s = QDateTime::fromString(QString::fromLatin1(start), Qt::ISODate);
            const QString st = s.toString(Qt::ISODate), end = s.addSecs(3600).toString(Qt::ISODate);
            const bool done = QLatin1String(status) == QLatin1String("completed");
            return QStringLiteral("('%1', '%2', '%3', '%4', '%5', '%6', %7, %8, %9)")
                .arg(QLatin1String(id), QLatin1String(wo), QLatin1String(tech), st, end, QLatin1String(status))
                .arg(done ? QStringLiteral("'%1'").arg(st) : QStringLiteral("NULL"), done ? QStringLiteral("'%1'").arg(end) : QStringLiteral("NULL"),
                     resolved ? yes : no);
        };
        const QStringList fixture{
            QStringLiteral("INSERT INTO territories(id, name) VALUES ('n', 'North'), ('s', 'South')"),
            QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"),
            QStringLiteral("INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.55, -46.63)"),
            QStringLiteral("INSERT INTO technicians(id, name, territory_id, home_lat, home_lon) VALUES ('t1', 'Ana', 'n', -23.5, -46.6), "
                           "('t2', 'Bruno', 's', -23.5, -46.6), ('t3', 'Carla', 's', -23.5, -46.6)"),
            QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200')"),
            QStringLiteral("INSERT INTO condition_rules(id, asset_id, kind, reading_kind, comparison, threshold, sustain_minutes, task) VALUES "
                           "('r1', 'a1', 'threshold', 'temperature', 'above', 8, 30, 'Check')"),
            QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, type, duration_min, created_at) VALUES "
                           "('p1', 's1', 'a1', 'inspection', 60, '2026-03-02T08:00:00Z'), "
                           "('w1', 's1', 'a1', 'corrective', 60, '2026-03-05T08:00:00Z'), "
                           "('w2', 's1', 'a1', 'corrective', 60, '2026-03-15T08:00:00Z'), "
                           "('w3', 's1', 'a1', 'corrective', 60, '2026-03-20T08:00:00Z'), "
                           "('w4', 's1', 'a1', 'preventive', 60, '2026-03-21T08:00:00Z')"),
            QStringLiteral("INSERT INTO condition_episodes(rule_id, asset_id, started_at, last_seen_at, work_order_id) VALUES "
                           "('r1', 'a1', '2026-03-02T07:00:00Z', '2026-03-02T07:00:00Z', 'p1')"),
            QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) VALUES ")
                + QStringList{visit("v1", "p1", "t1", "2026-03-10T23:00:00Z", "completed", true),
                              visit("v2", "w1", "t2", "2026-03-05T10:00:00Z", "completed", false),
                              visit("v3", "w1", "t1", "2026-03-06T10:00:00Z", "completed", true),
                              visit("v4", "w1", "t3", "2026-03-08T10:00:00Z", "completed", false),
                              visit("v5", "w2", "t2", "2026-03-15T10:00:00Z", "completed", false),
                              visit("v6", "w2", "t3", "2026-03-16T10:00:00Z", "scheduled", false),
                              visit("v7", "w2", "t1", "2026-03-20T10:00:00Z", "cancelled", false),
                              visit("v8", "w4", "t2", "2026-03-21T10:00:00Z", "completed", true)}
                      .join(QStringLiteral(", ")),
        };
        for (const QString &sql : fixture)
            QVERIFY2(db->run(sql).ok(), qPrintable(sql.left(160)));
        KpiQuery query;
        query.period = KpiPeriod{QDate(2026, 3, 1), QDate(2026, 3, 30), QTimeZone::utc()};
        query.territoryId = territory;
        query.technicianId = technician;
        query.workOrderType = type;
        auto d = KpiService::compute(*db, query);
        QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
        const ProactiveKpis &k = d->proactive;
        QCOMPARE(k.workOrders, workOrders);
        QCOMPARE(k.proactive, proactive);
        QCOMPARE(k.correctiveWith, with);
        QCOMPARE(k.correctiveWithout, without);
        QCOMPARE(k.coveredAssetDays, 20.0);
        QCOMPARE(k.uncoveredAssetDays, 10.0);
        QVERIFY(k.failuresPrevented);
        QVERIFY2(qAbs(*k.failuresPrevented - prevented) < 1e-9, qPrintable(QString::number(*k.failuresPrevented)));
    }

    // The same figures read from a database: proactive = cited by a condition episode,
    // watched = under an active rule (by model or by asset; an inactive rule's asset is not),
    // visits = completed appointments of proactive work orders.
    void loadedFromTheDatabase_data() { test::addBackendRows(); }
    void loadedFromTheDatabase()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString yes = db->isPostgres() ? QStringLiteral("true") : QStringLiteral("1");
        const QString no = db->isPostgres() ? QStringLiteral("false") : QStringLiteral("0");
        const QStringList fixture{
            QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme')"),
            QStringLiteral("INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.55, -46.63)"),
            QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.5, -46.6)"),
            QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200'), ('a2', 's1', 'CH-200'), ('a3', 's1', 'P-7'), "
                           "('a9', 's1', 'GEN-5')"),
            QStringLiteral("INSERT INTO condition_rules(id, asset_model, kind, reading_kind, comparison, threshold, sustain_minutes, task) VALUES "
                           "('r1', 'CH-200', 'threshold', 'temperature', 'above', 8, 30, 'Check')"),
            QStringLiteral("INSERT INTO condition_rules(id, asset_id, kind, reading_kind, comparison, threshold, sustain_minutes, task) VALUES "
                           "('r2', 'a3', 'threshold', 'pressure', 'above', 8, 30, 'Check')"),
            QStringLiteral("INSERT INTO condition_rules(id, asset_id, kind, reading_kind, comparison, threshold, sustain_minutes, task, active) VALUES "
                           "('r3', 'a9', 'threshold', 'pressure', 'above', 8, 30, 'Check', %1)").arg(no),
            QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, type, duration_min, created_at) VALUES "
                           "('p1', 's1', 'a1', 'inspection', 60, '2026-02-19T08:00:00Z'), "
                           "('p2', 's1', 'a2', 'inspection', 60, '2026-03-09T08:00:00Z'), "
                           "('p3', 's1', 'a2', 'inspection', 60, '2026-03-19T08:00:00Z'), "
                           "('p4', 's1', 'a3', 'inspection', 60, '2026-03-28T08:00:00Z'), "
                           "('w1', 's1', 'a1', 'corrective', 60, '2026-03-05T08:00:00Z'), "
                           "('w2', 's1', 'a1', 'corrective', 60, '2026-03-25T08:00:00Z'), "
                           "('w3', 's1', 'a3', 'corrective', 60, '2026-03-06T08:00:00Z'), "
                           "('w4', 's1', 'a3', 'corrective', 60, '2026-03-07T08:00:00Z'), "
                           "('w5', 's1', 'a2', 'corrective', 60, '2026-03-10T00:00:00Z'), "
                           "('w6', 's1', 'a9', 'corrective', 60, '2026-03-09T08:00:00Z'), "
                           "('w7', 's1', 'a2', 'corrective', 60, '2026-03-15T08:00:00Z'), "
                           "('w8', 's1', 'a2', 'preventive', 60, '2026-03-12T08:00:00Z'), "
                           "('w9', 's1', 'a3', 'corrective', 60, '2026-02-28T08:00:00Z')"),
            // Proactive: p1 … p3 (cited by an episode); p4 only looks like one.
            QStringLiteral("INSERT INTO condition_episodes(rule_id, asset_id, started_at, last_seen_at, work_order_id) VALUES "
                           "('r1', 'a1', '2026-02-19T07:00:00Z', '2026-02-19T07:00:00Z', 'p1'), "
                           "('r1', 'a2', '2026-03-09T07:00:00Z', '2026-03-09T07:00:00Z', 'p2')"),
            QStringLiteral("UPDATE condition_episodes SET cleared_at = '2026-03-10T00:00:00Z'"),
            QStringLiteral("INSERT INTO condition_episodes(rule_id, asset_id, started_at, last_seen_at, work_order_id) VALUES "
                           "('r1', 'a2', '2026-03-19T07:00:00Z', '2026-03-19T07:00:00Z', 'p3')"),
            QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) VALUES "
                           "('v1', 'p1', 't1', '2026-02-19T23:00:00Z', '2026-02-20T00:00:00Z', 'completed', '2026-02-19T23:00:00Z', '2026-02-20T00:00:00Z', %1), "
                           "('v2', 'p2', 't1', '2026-03-09T23:00:00Z', '2026-03-10T00:00:00Z', 'completed', '2026-03-09T23:00:00Z', '2026-03-10T00:00:00Z', %1), "
                           "('v3', 'p3', 't1', '2026-03-19T23:00:00Z', '2026-03-20T00:00:00Z', 'completed', '2026-03-19T23:00:00Z', '2026-03-20T00:00:00Z', %1), "
                           "('v4', 'w8', 't1', '2026-03-12T09:00:00Z', '2026-03-12T10:00:00Z', 'completed', '2026-03-12T09:00:00Z', '2026-03-12T10:00:00Z', %1)")
                .arg(yes),
        };
        for (const QString &sql : fixture)
            QVERIFY2(db->run(sql).ok(), qPrintable(sql.left(120)));
        KpiPeriod period{QDate(2026, 3, 1), QDate(2026, 3, 30), QTimeZone::utc()};
        auto in = loadProactiveInputs(*db, period);
        QVERIFY2(in, qPrintable(in ? QString() : in.error().message));
        QCOMPARE(in->watchedAssets, (QStringList{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3")}));
        QCOMPARE(in->proactiveCompletions.value(QStringLiteral("a1")).size(), size_t(1));
        QCOMPARE(in->proactiveCompletions.value(QStringLiteral("a2")).size(), size_t(2));
        QVERIFY(!in->proactiveCompletions.contains(QStringLiteral("a3"))); // v4 is preventive work
        const ProactiveKpis k = computeProactiveKpis(*in, period.fromMs(), period.toMs());
        // March: p2, p3, p4, w1 … w8 = 11 work orders; proactive p2, p3 (p4 has no episode).
        QCOMPARE(k.workOrders, 11);
        QCOMPARE(k.proactive, 2);
        QCOMPARE(k.correctiveWith, 2);
        QCOMPARE(k.correctiveWithout, 4);
        QCOMPARE(k.coveredAssetDays, 42.0);
        QCOMPARE(k.uncoveredAssetDays, 48.0);
        QCOMPARE(*k.failuresPrevented, 1.5);
    }
};

QTEST_GUILESS_MAIN(TestKpiProactive)
#include "tst_kpi_proactive.moc"
