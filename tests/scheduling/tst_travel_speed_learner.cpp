// The rules of TravelSpeedLearner on legs computed by hand: which legs count (too short, not a
// drive, a wait: each at its boundary), the median of drive ÷ model per territory with the
// legs set aside left out, the clamp, and the 30-leg threshold below which a factor is not used.
#include "scheduling/TravelSpeedLearner.h"

#include <QtTest>

using namespace fieldops::scheduling;

namespace {

ObservedLeg leg(const char *territory, int model, double driven) { return {QString::fromLatin1(territory), model, driven}; }

std::vector<ObservedLeg> repeated(const char *territory, int count, int model, double driven)
{
    return std::vector<ObservedLeg>(size_t(count), leg(territory, model, driven));
}

} // namespace

class TestTravelSpeedLearner : public QObject {
    Q_OBJECT

private slots:
    void judge_data()
    {
        QTest::addColumn<int>("model");
        QTest::addColumn<double>("driven");
        QTest::addColumn<int>("use");
        QTest::newRow("4 model minutes: too short") << 4 << 6.0 << int(LegUse::TooShort);
        QTest::newRow("5 model minutes: counted") << 5 << 6.0 << int(LegUse::Counted);
        QTest::newRow("arrival at the departure: not a drive") << 20 << 0.0 << int(LegUse::NotADrive);
        QTest::newRow("arrival before the departure: not a drive") << 20 << -3.0 << int(LegUse::NotADrive);
        // 2 × 20 + 20 = 60 minutes is the longest drive that still counts.
        QTest::newRow("60 of 20: counted") << 20 << 60.0 << int(LegUse::Counted);
        QTest::newRow("60.5 of 20: a wait") << 20 << 60.5 << int(LegUse::Waited);
        QTest::newRow("a quick one counts") << 20 << 9.0 << int(LegUse::Counted);
    }
    void judge()
    {
        QFETCH(int, model);
        QFETCH(double, driven);
        QFETCH(int, use);
        QCOMPARE(int(TravelSpeedLearner::judge(leg("n", model, driven))), use);
    }

    void medianLeavesTheSetAsideLegsOut()
    {
        // North, 31 legs: 10 at 28/20 = 1.4, 11 at 30/20 = 1.5, 10 at 33/20 = 1.65 → the 16th of
        // 31 sorted ratios is 1.5. Set aside: a 2 h wait and a 3-minute leg; without the rule
        // the wait (6.0) would not move the median, but it must not count as a leg either.
        std::vector<ObservedLeg> legs = repeated("north", 10, 20, 28);
        const auto more = [&legs](std::vector<ObservedLeg> v) { legs.insert(legs.end(), v.begin(), v.end()); };
        more(repeated("north", 11, 20, 30));
        more(repeated("north", 10, 20, 33));
        legs.push_back(leg("north", 20, 120));
        legs.push_back(leg("north", 3, 3));
        // South, 4 legs: ratios 1.0, 1.1, 1.3, 2.0 → the mean of the middle two, 1.2.
        more({leg("south", 10, 10), leg("south", 10, 11), leg("south", 10, 13), leg("south", 10, 20)});
        // A territory not asked about is ignored.
        more(repeated("west", 40, 10, 25));

        const std::vector<TerritorySpeed> got = TravelSpeedLearner::learn(legs, {"east", "north", "south"});
        QCOMPARE(got.size(), size_t(3));
        QCOMPARE(got[0].territoryId, QStringLiteral("east"));
        QCOMPARE(got[0].legs, 0);
        QCOMPARE(got[0].setAside, 0);
        QCOMPARE(got[0].factor, 1.0);
        QVERIFY(!got[0].learned);

        QCOMPARE(got[1].territoryId, QStringLiteral("north"));
        QCOMPARE(got[1].legs, 31);
        QCOMPARE(got[1].setAside, 2);
        QCOMPARE(got[1].factor, 1.5);
        QVERIFY(got[1].learned);

        QCOMPARE(got[2].legs, 4);
        QCOMPARE(got[2].setAside, 0);
        QVERIFY(qFuzzyCompare(got[2].factor, 1.2));
        QVERIFY(!got[2].learned); // 4 < 30
    }

    void thirtyLegsAreEnough()
    {
        std::vector<ObservedLeg> legs = repeated("north", 29, 20, 26);
        legs.push_back(leg("north", 20, 200)); // a wait does not make the thirtieth leg
        TerritorySpeed t = TravelSpeedLearner::learn(legs, {"north"}).front();
        QCOMPARE(t.legs, 29);
        QCOMPARE(t.setAside, 1);
        QCOMPARE(t.factor, 1.3);
        QVERIFY(!t.learned);
        legs.push_back(leg("north", 20, 26));
        t = TravelSpeedLearner::learn(legs, {"north"}).front();
        QCOMPARE(t.legs, TravelSpeedLearner::kMinLegs);
        QVERIFY(t.learned);
    }

    void factorIsClamped()
    {
        // 30 minutes for a 5-minute leg is 6 × the model, not yet a wait (2 × 5 + 20 = 30):
        // counted, and the factor clamped to 2.5.
        TerritorySpeed slow = TravelSpeedLearner::learn(repeated("n", 30, 5, 30), {"n"}).front();
        QCOMPARE(slow.legs, 30);
        QCOMPARE(slow.factor, TravelSpeedLearner::kMaxFactor);
        TerritorySpeed fast = TravelSpeedLearner::learn(repeated("n", 30, 40, 8), {"n"}).front();
        QCOMPARE(fast.factor, TravelSpeedLearner::kMinFactor); // 0.2 → 0.5
        TerritorySpeed quick = TravelSpeedLearner::learn(repeated("n", 30, 40, 36), {"n"}).front();
        QCOMPARE(quick.factor, 0.9); // faster than the model, within the range: kept as it is
    }
};

QTEST_GUILESS_MAIN(TestTravelSpeedLearner)
#include "tst_travel_speed_learner.moc"
