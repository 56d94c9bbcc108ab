// The default travel time of the README's rule checks: haversine (R = 6371 km) × 1.3 at 40 km/h,
// rounded up to whole minutes, 0 for the same site; and the batch matrix interface.
#include "scheduling/TravelTime.h"

#include <QRandomGenerator>
#include <QtTest>
#include <algorithm>
#include <cmath>

using namespace fieldops::scheduling;

class TestTravelTime : public QObject {
    Q_OBJECT

    static GeoPlace place(const char *id, double lat, double lon) { return {QString::fromLatin1(id), lat, lon}; }

private slots:
    void greatCircle_data()
    {
        QTest::addColumn<double>("lat1");
        QTest::addColumn<double>("lon1");
        QTest::addColumn<double>("lat2");
        QTest::addColumn<double>("lon2");
        QTest::addColumn<double>("km");
        const double oneDegree = 6371.0 * M_PI / 180.0; // 111.19492… km
        QTest::newRow("one degree along a meridian") << 10.0 << 20.0 << 11.0 << 20.0 << oneDegree;
        QTest::newRow("one degree along the equator") << 0.0 << 0.0 << 0.0 << 1.0 << oneDegree;
        QTest::newRow("across the antimeridian") << 0.0 << 179.5 << 0.0 << -179.5 << oneDegree;
        QTest::newRow("antipodes") << 0.0 << 0.0 << 0.0 << 180.0 << 6371.0 * M_PI;
        // São Paulo (Sé) to Rio de Janeiro (Centro): about 361 km (computed independently).
        QTest::newRow("Sao Paulo to Rio") << -23.5505 << -46.6333 << -22.9068 << -43.1729 << 360.75;
    }
    void greatCircle()
    {
        QFETCH(double, lat1);
        QFETCH(double, lon1);
        QFETCH(double, lat2);
        QFETCH(double, lon2);
        QFETCH(double, km);
        const double got = HaversineTravelTime::greatCircleKm(lat1, lon1, lat2, lon2);
        QVERIFY2(std::abs(got - km) < 0.5, qPrintable(QString::number(got)));
    }

    void minutes_data()
    {
        QTest::addColumn<double>("dLat");
        QTest::addColumn<int>("minutes");
        // 1° = 111.195 km × 1.3 = 144.553 km at 40 km/h = 216.83 min → 217.
        QTest::newRow("one degree") << 1.0 << 217;
        // 0.09° = 10.0076 km × 1.3 = 13.0098 km → 19.51 min → 20.
        QTest::newRow("ten kilometres") << 0.09 << 20;
        // 0.001° = 111 m × 1.3 → 0.217 min → rounds up to 1.
        QTest::newRow("a hundred metres is a whole minute") << 0.001 << 1;
        QTest::newRow("same coordinates, other site") << 0.0 << 0;
    }
    void minutes()
    {
        QFETCH(double, dLat);
        QFETCH(int, minutes);
        const HaversineTravelTime t;
        QCOMPARE(t.minutes(place("a", -23.5, -46.6), place("b", -23.5 + dLat, -46.6)), minutes);
        QCOMPARE(t.minutes(place("b", -23.5 + dLat, -46.6), place("a", -23.5, -46.6)), minutes);
    }

    void exactWholeMinutesAreNotRoundedUp()
    {
        // Distance chosen so the drive is exactly 30 minutes: 20 km of road = 15.3846 km.
        const double km = 20.0 / 1.3;
        const double dLat = km / (6371.0 * M_PI / 180.0);
        QCOMPARE(HaversineTravelTime().minutes(place("a", 0, 0), place("b", dLat, 0)), 30);
    }

    void sameSiteIsZero()
    {
        const HaversineTravelTime t;
        // Even if the coordinates disagree, one site is no travel at all.
        QCOMPARE(t.minutes(place("s1", -23.5, -46.6), place("s1", -22.0, -46.6)), 0);
        QVERIFY(t.minutes(place("", -23.5, -46.6), place("", -22.0, -46.6)) > 0); // unnamed places are not "the same site"
    }

    // The sweep skips the exact answer when the gap reaches the cheap bound, so the bound
    // must never be below the exact minutes, anywhere on the globe.
    void upperBoundIsNeverBelowTheExactMinutes()
    {
        const HaversineTravelTime t;
        QRandomGenerator rng(42);
        for (int i = 0; i < 20000; ++i) {
            const double spread = i % 2 ? 0.2 : 180.0; // nearby sites and anywhere at all
            const GeoPlace a = place("a", rng.generateDouble() * 170 - 85, rng.generateDouble() * 360 - 180);
            GeoPlace b = place("b", std::clamp(a.lat + (rng.generateDouble() - 0.5) * spread, -90.0, 90.0),
                               a.lon + (rng.generateDouble() - 0.5) * 2 * spread);
            if (b.lon > 180)
                b.lon -= 360;
            if (b.lon < -180)
                b.lon += 360;
            const int exact = t.minutes(a, b), bound = t.upperBoundMinutes(a, b);
            QVERIFY2(bound >= exact, qPrintable(QStringLiteral("%1 < %2").arg(bound).arg(exact)));
        }
        QCOMPARE(t.upperBoundMinutes(place("s1", 0, 0), place("s1", 1, 1)), 0);
    }

    void matrixIsRowMajor()
    {
        const HaversineTravelTime t;
        const std::vector<GeoPlace> from{place("a", 0, 0), place("b", 1, 0)};
        const std::vector<GeoPlace> to{place("a", 0, 0), place("c", 0.09, 0), place("b", 1, 0)};
        const std::vector<int> m = t.matrix(from, to);
        QCOMPARE(m.size(), size_t(6));
        QCOMPARE(m, (std::vector<int>{0, 20, 217, 217, 198, 0}));
        QCOMPARE(&defaultTravelTime(), &defaultTravelTime());
        QCOMPARE(defaultTravelTime().minutes(from[0], from[1]), 217);
    }
};

QTEST_GUILESS_MAIN(TestTravelTime)
#include "tst_travel_time.moc"
