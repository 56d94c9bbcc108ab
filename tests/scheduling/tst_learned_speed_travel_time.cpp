// Planning's travel times with learned speeds, on both backends: TravelSpeedLoader reads
// TravelHistoryFixtures' legs as they were worked out by hand; PlanningTravelTime then counts
// the straight-line model × 1.5 for legs ending in the north (or leaving it for a place
// without a site), the model for the south (too little history) and for sites without a
// territory, and never less than the model where the drive is faster. The rule checks keep
// the model: a 20-minute gap between s1 and s2 is no travel conflict for them, while planning
// would leave 30 minutes.
#include "TestDatabases.h"
#include "TravelHistoryFixtures.h"
#include "scheduling/ConflictChecker.h"
#include "scheduling/LearnedSpeedTravelTime.h"
#include "scheduling/PlanningTravelTime.h"
#include "scheduling/ScheduleLoader.h"
#include "scheduling/TravelSpeedLoader.h"

#include <QtTest>
#include <algorithm>

using namespace fieldops;
using namespace fieldops::scheduling;

namespace {

const GeoPlace s1{QStringLiteral("s1"), -23.5505, -46.6333};
const GeoPlace s2{QStringLiteral("s2"), -23.4605, -46.6333};
const GeoPlace s3{QStringLiteral("s3"), -23.9505, -46.6333};
const GeoPlace s4{QStringLiteral("s4"), -23.8605, -46.6333};
const GeoPlace s5{QStringLiteral("s5"), -23.4605, -46.5333}; // no territory
const GeoPlace homeAtS1{QString(), -23.5505, -46.6333};
const QDate kMonday(2026, 3, 2);

const TerritorySpeed *find(const TravelSpeeds &speeds, const char *id)
{
    const auto it = std::find_if(speeds.territories.begin(), speeds.territories.end(),
                                 [id](const TerritorySpeed &t) { return t.territoryId == QLatin1String(id); });
    return it == speeds.territories.end() ? nullptr : &*it;
}

int travelViolations(const ScheduleSnapshot &snapshot, const TravelTimeProvider &travel)
{
    int n = 0;
    for (const Violation &v : ConflictChecker::check(snapshot, travel))
        n += v.kind == ViolationKind::Travel ? 1 : 0;
    return n;
}

} // namespace

class TestLearnedSpeedTravelTime : public QObject {
    Q_OBJECT

private slots:
    void scalesByTheDestinationsTerritory()
    {
        TravelSpeeds speeds;
        speeds.territories = {{QStringLiteral("north"), QString(), 40, 0, 1.5, true},
                              {QStringLiteral("south"), QString(), 12, 0, 1.4, false},
                              {QStringLiteral("abc"), QString(), 50, 0, 0.8, true}};
        speeds.siteTerritory = {{QStringLiteral("s1"), QStringLiteral("north")}, {QStringLiteral("s2"), QStringLiteral("north")},
                                {QStringLiteral("s3"), QStringLiteral("south")}, {QStringLiteral("s4"), QStringLiteral("abc")}};
        const LearnedSpeedTravelTime learned(speeds);
        QCOMPARE(defaultTravelTime().minutes(s1, s2), 20);
        QCOMPARE(learned.minutes(s1, s2), 30);       // 20 × 1.5
        QCOMPARE(learned.minutes(homeAtS1, s2), 30); // home to a north site
        QCOMPARE(learned.minutes(s2, homeAtS1), 30); // a north site to home: the origin's
        QCOMPARE(learned.minutes(s2, s5), defaultTravelTime().minutes(s2, s5)); // s5 has no territory
        QCOMPARE(learned.minutes(s4, s3), 20);       // south: not enough history
        QCOMPARE(learned.minutes(s3, s4), 16);       // abc: 20 × 0.8, below the model…
        QVERIFY(learned.upperBoundMinutes(s1, s2) >= learned.minutes(s1, s2));
        QCOMPARE(learned.factorFor(s1, s2), 1.5);
        QCOMPARE(learned.factorFor(s2, s5), 1.0);
    }

    void loaderFindsTheLegsWorkedOutByHand_data() { test::addBackendRows(); }
    void loaderFindsTheLegsWorkedOutByHand()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const Status seeded = test::seedTravelHistory(*db);
        QVERIFY2(seeded, qPrintable(seeded.error().message));
        auto speeds = TravelSpeedLoader(*db).load(kMonday);
        QVERIFY2(speeds, qPrintable(speeds ? QString() : speeds.error().message));
        QCOMPARE(speeds->from, QDate(2025, 12, 2));
        QCOMPARE(speeds->to, QDate(2026, 3, 1));
        QCOMPARE(speeds->territories.size(), size_t(3));
        const TerritorySpeed *north = find(*speeds, "north");
        QVERIFY(north);
        QCOMPARE(north->name, QStringLiteral("North"));
        QCOMPARE(north->legs, 30);
        QCOMPARE(north->setAside, 2); // the wait and the too short leg
        QCOMPARE(north->factor, 1.5);
        QVERIFY(north->learned);
        const TerritorySpeed *south = find(*speeds, "south");
        QVERIFY(south);
        QCOMPARE(south->legs, 5);
        QCOMPARE(south->factor, 1.2);
        QVERIFY(!south->learned);
        const TerritorySpeed *east = find(*speeds, "east");
        QVERIFY(east);
        QCOMPARE(east->legs, 0);
        QCOMPARE(speeds->factorOf(QStringLiteral("north")), 1.5);
        QCOMPARE(speeds->factorOf(QStringLiteral("south")), 1.0);
        QCOMPARE(speeds->siteTerritory.value(QStringLiteral("s2")), QStringLiteral("north"));
        QVERIFY(!speeds->siteTerritory.contains(QStringLiteral("s5")));

        // The day after the last history day counts the day itself: its 3 × model drive in
        // the south joins the five legs there.
        auto later = TravelSpeedLoader(*db).load(kMonday.addDays(1));
        QVERIFY(later);
        QCOMPARE(find(*later, "south")->legs, 6);
    }

    void planningCountsTheLearnedSpeedsAndTheRulesDoNot_data() { test::addBackendRows(); }
    void planningCountsTheLearnedSpeedsAndTheRulesDoNot()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const Status seeded = test::seedTravelHistory(*db);
        QVERIFY2(seeded, qPrintable(seeded.error().message));

        const PlanningTravelTime planning(QUrl(), kMonday);
        QCOMPARE(planning.minutes(s1, s2), 20); // nothing learned yet: the model
        QVERIFY(!planning.learnedSpeeds());
        const Status learned = planning.learnSpeeds(*db);
        QVERIFY2(learned, qPrintable(learned.error().message));
        QVERIFY(planning.learnedSpeeds());
        QCOMPARE(planning.minutes(s1, s2), 30);
        QCOMPARE(planning.minutes(homeAtS1, s2), 30);
        QCOMPARE(planning.minutes(s3, s4), 20); // south: too little history
        // s1 → s4 ends in the south: the model's 68 min; s3 → s2 ends in the north: 107 × 1.5.
        QCOMPARE(defaultTravelTime().minutes(s1, s4), 68);
        QCOMPARE(defaultTravelTime().minutes(s3, s2), 107);
        QCOMPARE(planning.matrix({s1, s3}, {s2, s4}), (std::vector<int>{30, 68, 161, 20}));
        QVERIFY(planning.upperBoundMinutes(s1, s2) >= 30);
        QCOMPARE(defaultTravelTime().minutes(s1, s2), 20);

        // Eva's b1 ends at 09:00 at s1; a visit at s2 from 09:20 leaves the model's 20 minutes.
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                       "VALUES ('b2', 'job', 't5', '2026-03-02T09:20:00Z', '2026-03-02T10:20:00Z', 'scheduled')")));
        auto snapshot = ScheduleLoader(*db).load(QDateTime(kMonday, QTime(0, 0), Qt::UTC), QDateTime(kMonday.addDays(1), QTime(0, 0), Qt::UTC));
        QVERIFY(snapshot);
        QCOMPARE(travelViolations(*snapshot, defaultTravelTime()), 0); // the rule checks
        QCOMPARE(travelViolations(*snapshot, planning), 1);            // planning wants 30
    }

    void neverBelowTheModel()
    {
        // A territory where the technicians beat the model by a fifth: planning keeps the model.
        TravelSpeeds speeds;
        speeds.territories = {{QStringLiteral("abc"), QString(), 50, 0, 0.8, true}};
        speeds.siteTerritory = {{QStringLiteral("s1"), QStringLiteral("abc")}, {QStringLiteral("s2"), QStringLiteral("abc")}};
        QCOMPARE(LearnedSpeedTravelTime(speeds).minutes(s1, s2), 16);
        auto db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::runAll(*db, {"INSERT INTO territories(id) VALUES ('abc')", "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
                                    "INSERT INTO sites(id, customer_id, lat, lon, territory_id) VALUES ('s1', 'c1', -23.5505, -46.6333, 'abc'), "
                                    "('s2', 'c1', -23.4605, -46.6333, 'abc')",
                                    "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t', 'T', -23.5, -46.6, 'UTC')"}));
        // 30 days of one 16-minute drive from s1 to s2 (model 20).
        for (int i = 0; i < 30; ++i) {
            const QString day = QDate(2026, 1, 1).addDays(i).toString(Qt::ISODate);
            const QString a = QStringLiteral("a%1").arg(i), b = QStringLiteral("b%1").arg(i);
            QVERIFY(test::travelhistory::visit(*db, a, QStringLiteral("t"), QStringLiteral("s1"), day + QStringLiteral("T08:00:00Z"),
                                               day + QStringLiteral("T08:00:00Z"), day + QStringLiteral("T09:00:00Z")));
            QVERIFY(test::travelhistory::visit(*db, b, QStringLiteral("t"), QStringLiteral("s2"), day + QStringLiteral("T09:30:00Z"),
                                               day + QStringLiteral("T09:16:00Z"), day + QStringLiteral("T10:30:00Z")));
        }
        const PlanningTravelTime planning(QUrl(), kMonday);
        QVERIFY(planning.learnSpeeds(*db));
        QCOMPARE(planning.learnedSpeeds()->factorOf(QStringLiteral("abc")), 0.8);
        QCOMPARE(planning.minutes(s1, s2), 20);
        QCOMPARE(planning.matrix({s1}, {s2}), std::vector<int>{20});
    }

    void aRoutingServiceKeepsItsOwnTimes()
    {
        auto db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedTravelHistory(*db));
        // Nothing is asked of the service here: only whether speeds were learned.
        const PlanningTravelTime routed(QUrl(QStringLiteral("http://127.0.0.1:9")), kMonday);
        QVERIFY(routed.learnSpeeds(*db));
        QVERIFY(!routed.learnedSpeeds());
        QVERIFY(routed.usesRoutingService());
    }
};

QTEST_GUILESS_MAIN(TestLearnedSpeedTravelTime)
#include "tst_learned_speed_travel_time.moc"
