// Filters, buckets, the previous period, ratings and the off-thread KpiService on the
// hand-built dataset (KpiFixture.h), on both backends: every expected value below is
// worked out by hand from the fixture.
#include "KpiFixture.h"
#include "TestDatabases.h"
#include "kpi/KpiBuckets.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiLoader.h"
#include "kpi/KpiRatings.h"
#include "kpi/KpiService.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

namespace {

const kpi::KpiPeriod kPeriod{QDate(2026, 3, 2), QDate(2026, 3, 3), QTimeZone::utc()};
using Want = std::optional<double>;
constexpr std::nullopt_t null = std::nullopt;

void expect(const kpi::KpiValues &v, const QString &key, Want want)
{
    const auto got = v.value(key);
    QVERIFY2(bool(got) == bool(want), qPrintable(key + (got ? QStringLiteral(" is set") : QStringLiteral(" is null"))));
    if (want)
        QVERIFY2(qFuzzyCompare(1.0 + *got, 1.0 + *want),
                 qPrintable(QStringLiteral("%1: got %2, want %3").arg(key).arg(*got, 0, 'g', 17).arg(*want, 0, 'g', 17)));
}

// All ten keys in kpi::keys() order.
void expectAll(const kpi::KpiValues &v, const std::array<Want, 10> &want)
{
    for (int i = 0; i < 10; ++i) {
        expect(v, kpi::keys().at(i), want[size_t(i)]);
        if (QTest::currentTestFailed())
            return;
    }
}

void expectSame(const kpi::KpiValues &a, const kpi::KpiValues &b)
{
    for (const QString &k : kpi::keys()) {
        expect(a, k, b.value(k));
        if (QTest::currentTestFailed())
            return;
    }
}

kpi::KpiInputs loaded(Database &db, const kpi::KpiPeriod &p = kPeriod)
{
    auto in = kpi::loadKpiInputs(db, p);
    if (!in)
        qWarning() << in.error().message;
    return in ? std::move(in).value() : kpi::KpiInputs{};
}

kpi::KpiReport filtered(const kpi::KpiInputs &in, const QString &territory, const QString &technician,
                        const QString &employment, const QString &type)
{
    return kpi::computeKpis(in, in.fromMs, in.toMs, in.calendarDays,
                            kpi::KpiFilter::of(in.technicians, territory, technician, employment, type));
}

// A fresh database of `backend` with the KPI fixture, and `service` pointed at it;
// nullptr (with the reason logged) when it cannot be made.
std::unique_ptr<Database> serveFixture(kpi::KpiService &service, const QString &backend)
{
    QString url;
    auto db = test::freshDatabase(backend, true, &url);
    if (!db) {
        qWarning() << test::lastError();
        return nullptr;
    }
    if (!test::loadKpiFixture(*db))
        return nullptr;
    service.setDatabaseUrl(*DatabaseUrl::parse(url));
    return db;
}

} // namespace

class TestKpiFilters : public QObject {
    Q_OBJECT
private slots:
    void unfilteredOverloadMatchesTheOriginal_data() { test::addBackendRows(); }
    void unfilteredOverloadMatchesTheOriginal()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        const kpi::KpiInputs in = loaded(*db);
        const kpi::KpiReport r = kpi::computeKpis(in, in.fromMs, in.toMs, in.calendarDays, {});
        expectAll(r.overall, {2, 0.5, 2.0 / 3, 1.0 / 3, 27.5, (140.0 / 60) / 23.0, 0.75, 3.5, 2, 0.75});
        QCOMPARE(r.byTechnician.size(), size_t(2));
        expectSame(r.byTechnician[0].kpis, kpi::computeKpis(in).byTechnician[0].kpis);
        // The ratings counted, with their owner: w4 (12:00) by t2, w1 (20:00) by t1.
        QCOMPARE(r.ratings.size(), size_t(2));
        QCOMPARE(r.ratings[0].workOrderId, QStringLiteral("w4"));
        QCOMPARE(r.ratings[0].technicianId, QStringLiteral("t2"));
        QCOMPARE(r.ratings[0].comment, QStringLiteral("Voltou duas vezes"));
        QCOMPARE(r.ratings[1].technicianId, QStringLiteral("t1"));
    }

    // A technician set is the technicians' own rows: overall = that row, one row listed.
    void technicianSetAttributesLikeByTechnician_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("territory");
        QTest::addColumn<QString>("technician");
        QTest::addColumn<QString>("employment");
        QTest::addColumn<QString>("expectRow");
        for (const char *b : {"sqlite", "postgres"}) {
            const QString backend = QString::fromLatin1(b);
            QTest::addRow("%s territory north", b) << backend << "north" << "" << "" << "t1";
            QTest::addRow("%s territory south", b) << backend << "south" << "" << "" << "t2";
            QTest::addRow("%s technician t2", b) << backend << "" << "t2" << "" << "t2";
            QTest::addRow("%s contractors", b) << backend << "" << "" << "contractor" << "t2";
            QTest::addRow("%s employees", b) << backend << "" << "" << "employee" << "t1";
        }
    }
    void technicianSetAttributesLikeByTechnician()
    {
        QFETCH(QString, backend);
        QFETCH(QString, territory);
        QFETCH(QString, technician);
        QFETCH(QString, employment);
        QFETCH(QString, expectRow);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        const kpi::KpiInputs in = loaded(*db);
        const kpi::KpiReport r = filtered(in, territory, technician, employment, {});
        QCOMPARE(r.byTechnician.size(), size_t(1));
        QCOMPARE(r.byTechnician[0].technicianId, expectRow);
        expectSame(r.overall, r.byTechnician[0].kpis);
        if (expectRow == QLatin1String("t1"))
            expectAll(r.overall, {2, 0.5, 1.0, 0.5, 27.5, (110.0 / 60) / 15.0, 1.0 / 1.5, 5, 1, 1.0});
        else
            expectAll(r.overall, {0, null, 0.0, 0.0, null, 0.5 / 8.0, 1.0, 2, 1, 0.5});
    }

    void noTechnicianMatchesGivesNullRates_data() { test::addBackendRows(); }
    void noTechnicianMatchesGivesNullRates()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        const kpi::KpiInputs in = loaded(*db);
        // South has no employees: nobody is counted, not everybody.
        const kpi::KpiReport r = filtered(in, QStringLiteral("south"), {}, QStringLiteral("employee"), {});
        QVERIFY(r.byTechnician.empty());
        expectAll(r.overall, {0, null, null, null, null, null, null, null, 0, null});
    }

    void workOrderTypeFilter_data() { test::addBackendRows(); }
    void workOrderTypeFilter()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        const kpi::KpiInputs in = loaded(*db);
        // Corrective = w1 and w3: w1 closed first time in 24 h and on SLA, w3 breached;
        // a1 on time; a1's 50 minutes over 23 shift hours; t1's time entries on w1.
        const kpi::KpiReport corrective = filtered(in, {}, {}, {}, QStringLiteral("corrective"));
        expectAll(corrective.overall, {1, 1.0, 1.0, 0.5, 24.0, (50.0 / 60) / 23.0, 1.0 / 1.5, 5, 1, 0.25});
        expect(corrective.byTechnician[1].kpis, QStringLiteral("sla_compliance_rate"), 0.0); // w3 → t2
        // Install in the south: only Bruno's late, unresolved a2 on w2 (closed by t1).
        const kpi::KpiReport southInstall = filtered(in, QStringLiteral("south"), {}, {}, QStringLiteral("install"));
        expectAll(southInstall.overall, {0, null, 0.0, null, null, 0.5 / 8.0, 1.0, null, 0, 0.5});
        // Preventive: only w4's rating (closed before the period by t2).
        const kpi::KpiReport preventive = filtered(in, {}, {}, {}, QStringLiteral("preventive"));
        expectAll(preventive.overall, {0, null, null, null, null, 0.0, null, 2, 1, 0.0});
    }

    void dailyBuckets_data() { test::addBackendRows(); }
    void dailyBuckets()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        const kpi::KpiInputs in = loaded(*db);
        const auto buckets = kpi::makeBuckets(kPeriod, kpi::BucketSize::Day);
        QCOMPARE(buckets.size(), size_t(2));
        std::vector<kpi::KpiRange> ranges{buckets[0].range, buckets[1].range};
        const std::vector<kpi::KpiReport> series = kpi::computeKpiSeries(in, ranges);
        QCOMPARE(series.size(), size_t(2));
        // Monday: w1 closed; a1 on time, a2 late; a1 + a2 = 80 min over 9 h + 4 h; all
        // three entries; w4's 2 and w1's 5.
        expectAll(series[0].overall, {1, 1.0, 0.5, 1.0, 24.0, (80.0 / 60) / 13.0, 0.75, 3.5, 2, 1.0});
        // Tuesday: w2 closed after an earlier visit, 31 h; w2 and w3 breached; a3 on time;
        // 60 min over (9 − 3 absent) + 4 h; no entries; w2's rating is on Wednesday.
        expectAll(series[1].overall, {1, 0.0, 1.0, 0.0, 31.0, 0.1, null, null, 0, 0.5});
        // Bucket by bucket equals computing each range alone.
        for (size_t i = 0; i < 2; ++i)
            expectSame(series[i].byTechnician[1].kpis,
                       kpi::computeKpis(in, ranges[i].fromMs, ranges[i].toMs, ranges[i].days).byTechnician[1].kpis);
    }

    void bucketBoundaries()
    {
        using kpi::BucketSize;
        const kpi::KpiPeriod p{QDate(2026, 3, 2), QDate(2026, 3, 10), QTimeZone::utc()};
        const auto weeks = kpi::makeBuckets(p, BucketSize::Week);
        QCOMPARE(weeks.size(), size_t(2));
        QCOMPARE(weeks[0].to, QDate(2026, 3, 8));
        QCOMPARE(weeks[1].from, QDate(2026, 3, 9));
        QCOMPARE(weeks[1].range.days, 2);
        const auto months = kpi::makeBuckets({QDate(2026, 1, 20), QDate(2026, 3, 5), QTimeZone::utc()}, BucketSize::Month);
        QCOMPARE(months.size(), size_t(3));
        QCOMPARE(months[0].to, QDate(2026, 1, 31));
        QCOMPARE(months[1].range.days, 28);
        QCOMPARE(months[2].range.days, 5);
        // Days are local days: in São Paulo the 2nd starts at 03:00Z.
        const auto local = kpi::makeBuckets({QDate(2026, 3, 2), QDate(2026, 3, 3), QTimeZone("America/Sao_Paulo")}, BucketSize::Day);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(local[0].range.fromMs, QTimeZone::utc()).time(), QTime(3, 0));
        QCOMPARE(local[1].range.fromMs, local[0].range.toMs);
        const kpi::KpiPeriod prev = kpi::previousPeriod(kPeriod);
        QCOMPARE(prev.from, QDate(2026, 2, 28));
        QCOMPARE(prev.to, QDate(2026, 3, 1));
    }

    void ratingsRankingIsConfidenceAware()
    {
        kpi::KpiReport r;
        // t1: one 5. t2: 4.8 over five ratings. t3: a 1. Overall mean = (5+24+1)/7 = 30/7.
        r.ratings.push_back({QStringLiteral("w1"), QStringLiteral("t1"), 5, 0, {}});
        for (int s : {5, 5, 5, 5, 4})
            r.ratings.push_back({QStringLiteral("w2"), QStringLiteral("t2"), s, 0, {}});
        r.ratings.push_back({QStringLiteral("w3"), QStringLiteral("t3"), 1, 0, {}});
        const auto d = kpi::scoreDistribution(r);
        QCOMPARE(d, (std::array<int, 5>{1, 0, 0, 1, 5}));
        const auto ranked = kpi::rankTechnicians(r, 5.0);
        QCOMPARE(ranked.size(), size_t(3));
        QCOMPARE(ranked[0].technicianId, QStringLiteral("t2")); // five ratings beat one perfect score
        QCOMPARE(ranked[1].technicianId, QStringLiteral("t1"));
        const double mean = 30.0 / 7;
        QVERIFY(qFuzzyCompare(ranked[0].bayesian, (5 * mean + 24) / 10));
        QVERIFY(qFuzzyCompare(ranked[1].bayesian, (5 * mean + 5) / 6));
        QCOMPARE(ranked[1].average, 5.0);
        QCOMPARE(ranked[2].count, 1);
    }

    void serviceComputesOffThreadAndDropsStaleResults_data() { test::addBackendRows(); }
    void serviceComputesOffThreadAndDropsStaleResults()
    {
        QFETCH(QString, backend);
        kpi::KpiService service;
        auto db = serveFixture(service, backend);
        QVERIFY(db);
        QSignalSpy ready(&service, &kpi::KpiService::ready);
        QSignalSpy busy(&service, &kpi::KpiService::busyChanged);
        kpi::KpiQuery stale{kPeriod, kpi::BucketSize::Day, {}, {}, {}, QStringLiteral("install")};
        kpi::KpiQuery latest{kPeriod, kpi::BucketSize::Day, QStringLiteral("north"), {}, {}, {}};
        service.request(stale);
        service.request(latest);
        QVERIFY(service.isBusy());
        QVERIFY(ready.wait(30000));
        // First the period itself, the comparison still being read …
        QVERIFY(service.data()->previousPending);
        QCOMPARE(service.data()->query.territoryId, QStringLiteral("north"));
        expectAll(service.data()->current.overall, {2, 0.5, 1.0, 0.5, 27.5, (110.0 / 60) / 15.0, 1.0 / 1.5, 5, 1, 1.0});
        QVERIFY(service.data()->previous.overall.values.isEmpty());
        QVERIFY(service.isBusy());
        // … then complete.
        QVERIFY(QTest::qWaitFor([&] { return !service.data()->previousPending; }, 30000));
        QTest::qWait(200); // the stale result may arrive later: it must not be emitted
        QCOMPARE(ready.count(), 2);
        QVERIFY(!service.isBusy());
        QCOMPARE(busy.count(), 2);
        const kpi::KpiDashboardData &d = *service.data();
        QCOMPARE(d.query.territoryId, QStringLiteral("north"));
        expectAll(d.current.overall, {2, 0.5, 1.0, 0.5, 27.5, (110.0 / 60) / 15.0, 1.0 / 1.5, 5, 1, 1.0});
        // Previous period 02-28 … 03-01 (a weekend, no shifts): only t2's entry on w2, not t1's.
        QCOMPARE(d.previousPeriod.from, QDate(2026, 2, 28));
        expectAll(d.previous.overall, {0, null, null, null, null, null, null, null, 0, 0.0});
        QCOMPARE(d.series.size(), size_t(2));
        expect(d.series[1], QStringLiteral("mean_time_to_resolve_h"), 31.0);
        QCOMPARE(d.directory.technicianName(QStringLiteral("t1")), QStringLiteral("Ana"));
        const auto &territories = d.breakdowns.value(kpi::BreakdownBy::Territory);
        QCOMPARE(territories.size(), size_t(1)); // the filter keeps only the north
        QCOMPARE(territories[0].label, QStringLiteral("Zona Norte"));
        const auto &types = d.breakdowns.value(kpi::BreakdownBy::WorkOrderType);
        QCOMPARE(types.size(), size_t(4));
        expect(types[1].kpis, QStringLiteral("work_orders_closed"), 1); // corrective: w1 by t1
    }

    void breakdownGroupsEqualTheGroupAsAFilter_data() { test::addBackendRows(); }
    void breakdownGroupsEqualTheGroupAsAFilter()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::loadKpiFixture(*db));
        auto d = kpi::KpiService::compute(*db, kpi::KpiQuery{kPeriod, kpi::BucketSize::Day, {}, {}, {}, {}});
        QVERIFY(d);
        const kpi::KpiInputs in = loaded(*db);
        const auto &territories = d->breakdowns.value(kpi::BreakdownBy::Territory);
        QCOMPARE(territories.size(), size_t(2));
        for (const kpi::KpiBreakdownRow &row : territories)
            expectSame(row.kpis, filtered(in, row.key, {}, {}, {}).overall);
        for (const kpi::KpiBreakdownRow &row : d->breakdowns.value(kpi::BreakdownBy::Employment))
            expectSame(row.kpis, kpi::computeKpis(in, in.fromMs, in.toMs, in.calendarDays,
                                                  kpi::KpiFilter::of(in.technicians, {}, {}, row.key, {})).overall);
    }

    // A filter switch while the previous period is still being read shows the partial
    // data for the new filter at once, and the complete data for it once the read ends.
    void filterSwitchWhileThePreviousPeriodIsRead_data() { test::addBackendRows(); }
    void filterSwitchWhileThePreviousPeriodIsRead()
    {
        QFETCH(QString, backend);
        kpi::KpiService service;
        auto db = serveFixture(service, backend);
        QVERIFY(db);
        QSignalSpy ready(&service, &kpi::KpiService::ready);
        QSignalSpy failed(&service, &kpi::KpiService::failed);
        kpi::KpiQuery all{kPeriod, kpi::BucketSize::Day, {}, {}, {}, {}};
        service.request(all);
        QVERIFY(ready.wait(30000));
        QVERIFY(service.data()->previousPending);
        kpi::KpiQuery south = all;
        south.territoryId = QStringLiteral("south");
        service.request(south); // the previous period's read is under way
        QVERIFY(QTest::qWaitFor([&] { return !service.isBusy(); }, 30000));
        QVERIFY(failed.isEmpty());
        const kpi::KpiDashboardData &d = *service.data();
        QCOMPARE(d.query.territoryId, QStringLiteral("south"));
        QVERIFY(!d.previousPending);
        QVERIFY(d.reusedRead);
        // South is t2 alone: his half-hour entry on w2 in the previous period is billable.
        expect(d.previous.overall, QStringLiteral("billable_ratio"), 1.0);
        expect(d.current.overall, QStringLiteral("avg_rating"), 2);
        // Partial "all", then "south": partial and complete, or only complete when the
        // previous period's read ends before the switch's own computation does.
        QVERIFY(ready.count() >= 2);
    }

    // Data known to be out of date while the previous period is read: that read's answer
    // is dropped, nothing stays busy, and the next request reads again.
    void invalidateWhileThePreviousPeriodIsRead()
    {
        kpi::KpiService service;
        auto db = serveFixture(service, QStringLiteral("sqlite"));
        QVERIFY(db);
        QSignalSpy ready(&service, &kpi::KpiService::ready);
        const kpi::KpiQuery all{kPeriod, kpi::BucketSize::Day, {}, {}, {}, {}};
        service.request(all);
        QVERIFY(ready.wait(30000));
        QVERIFY(service.data()->previousPending);
        QVERIFY(service.isBusy());
        service.invalidate();
        QVERIFY(QTest::qWaitFor([&] { return !service.isBusy(); }, 30000));
        QTest::qWait(200);
        QCOMPARE(ready.count(), 1); // the dropped answer was not shown
        service.request(all);
        QVERIFY(QTest::qWaitFor([&] { return ready.count() >= 3 && !service.isBusy(); }, 30000));
        QVERIFY(!service.data()->reusedRead);
        QVERIFY(!service.data()->previousPending);
    }

    void filterSwitchReusesTheReadUntilRefresh()
    {
        kpi::KpiService service;
        auto db = serveFixture(service, QStringLiteral("sqlite"));
        QVERIFY(db);
        QSignalSpy ready(&service, &kpi::KpiService::ready);
        auto ask = [&](const kpi::KpiQuery &q, bool reload) {
            const int before = int(ready.count());
            service.request(q, reload);
            return QTest::qWaitFor([&] { return ready.count() > before && !service.isBusy(); }, 30000);
        };
        kpi::KpiQuery all{kPeriod, kpi::BucketSize::Day, {}, {}, {}, {}};
        QVERIFY(ask(all, false));
        QVERIFY(!service.data()->reusedRead);
        QCOMPARE(service.data()->current.overall.value(QStringLiteral("ratings_count")).value_or(-1), 1.0 * 2);

        // A new rating lands; switching the territory filter reuses the read (not seen yet) …
        QVERIFY(db->run(QStringLiteral("INSERT INTO ratings(work_order_id, score, rated_at, comment) "
                                       "VALUES ('w1', 1, '2026-03-03T10:00:00Z', '')")).ok());
        kpi::KpiQuery north = all;
        north.territoryId = QStringLiteral("north");
        QVERIFY(ask(north, false));
        QVERIFY(service.data()->reusedRead);
        QCOMPARE(service.data()->current.overall.value(QStringLiteral("ratings_count")).value_or(-1), 1.0);
        // … and Refresh reads again.
        QVERIFY(ask(north, true));
        QVERIFY(!service.data()->reusedRead);
        QCOMPARE(service.data()->current.overall.value(QStringLiteral("ratings_count")).value_or(-1), 2.0);
        // Another period always reads.
        kpi::KpiQuery other = north;
        other.period.to = kPeriod.to.addDays(1);
        QVERIFY(ask(other, false));
        QVERIFY(!service.data()->reusedRead);
    }
};

QTEST_GUILESS_MAIN(TestKpiFilters)
#include "tst_kpi_filters.moc"
