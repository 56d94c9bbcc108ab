// CachedTravelTime: the same minutes as the provider it wraps, each site pair asked once per
// day, matrices asking only the rows with unknown pairs in one batch, home bases (no site id)
// never cached, and a new day forgetting the old answers.
#include "scheduling/CachedTravelTime.h"

#include <QtTest>

using namespace fieldops::scheduling;

namespace {

// The default rule, counting what it is asked.
class CountingTravelTime final : public TravelTimeProvider {
public:
    int minutes(const GeoPlace &from, const GeoPlace &to) const override
    {
        ++pairs;
        return exact.minutes(from, to);
    }
    std::vector<int> matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const override
    {
        ++matrices;
        matrixRows += int(from.size());
        return exact.matrix(from, to);
    }
    HaversineTravelTime exact;
    mutable int pairs = 0, matrices = 0, matrixRows = 0;
};

GeoPlace place(const char *id, double lat, double lon) { return {QString::fromLatin1(id), lat, lon}; }

const GeoPlace s1 = place("s1", -23.5505, -46.6333);
const GeoPlace s2 = place("s2", -23.4605, -46.6333); // 20 min from s1
const GeoPlace s3 = place("s3", -23.0505, -46.6333); // 109 min from s1
const GeoPlace home = place("", -23.5505, -46.6333);

} // namespace

class TestCachedTravelTime : public QObject {
    Q_OBJECT

private slots:
    void asksEachPairOnce()
    {
        CountingTravelTime inner;
        const CachedTravelTime cache(inner, QDate(2026, 3, 2));
        QCOMPARE(cache.minutes(s1, s2), 20);
        QCOMPARE(cache.minutes(s1, s2), 20);
        QCOMPARE(cache.minutes(s1, s3), 109);
        QCOMPARE(inner.pairs, 2);
        QCOMPARE(cache.size(), qsizetype(2));
        // Direction matters to a road network: s2 → s1 is its own question.
        QCOMPARE(cache.minutes(s2, s1), 20);
        QCOMPARE(inner.pairs, 3);
        // A known pair's bound is its exact answer; an unknown one asks the inner bound.
        QCOMPARE(cache.upperBoundMinutes(s1, s3), 109);
        QVERIFY(cache.upperBoundMinutes(s3, s1) >= 109);
    }

    void homeBasesAreNotCached()
    {
        CountingTravelTime inner;
        const CachedTravelTime cache(inner, QDate(2026, 3, 2));
        QCOMPARE(cache.minutes(home, s2), 20);
        QCOMPARE(cache.minutes(home, s2), 20);
        QCOMPARE(inner.pairs, 2);
        QCOMPARE(cache.size(), qsizetype(0));
    }

    void matrixAsksOnlyTheUnknownRowsInOneBatch()
    {
        CountingTravelTime inner;
        const CachedTravelTime cache(inner, QDate(2026, 3, 2));
        QCOMPARE(cache.minutes(s1, s2), 20);
        QCOMPARE(cache.minutes(s1, s3), 109);
        const std::vector<int> m = cache.matrix({s1, s2, home}, {s2, s3});
        QCOMPARE(m, inner.exact.matrix({s1, s2, home}, {s2, s3}));
        QCOMPARE(inner.matrices, 1);
        QCOMPARE(inner.matrixRows, 2); // s1's row was known
        // Now every site row is known: only the home row is asked again.
        QCOMPARE(cache.matrix({s1, s2, home}, {s2, s3}), m);
        QCOMPARE(inner.matrices, 2);
        QCOMPARE(inner.matrixRows, 3);
        QCOMPARE(cache.matrix({s2}, {s3}), std::vector<int>{m[3]});
        QCOMPARE(inner.matrices, 2);
    }

    void anotherDayForgets()
    {
        CountingTravelTime inner;
        CachedTravelTime cache(inner, QDate(2026, 3, 2));
        QCOMPARE(cache.minutes(s1, s2), 20);
        cache.setDay(QDate(2026, 3, 2));
        QCOMPARE(cache.size(), qsizetype(1));
        cache.setDay(QDate(2026, 3, 3));
        QCOMPARE(cache.day(), QDate(2026, 3, 3));
        QCOMPARE(cache.size(), qsizetype(0));
        QCOMPARE(cache.minutes(s1, s2), 20);
        QCOMPARE(inner.pairs, 2);
    }
};

QTEST_GUILESS_MAIN(TestCachedTravelTime)
#include "tst_cached_travel_time.moc"
