// Arrival and departure read from a phone's positions alone, on synthetic tracks whose
// every fix is placed by hand (metres east and north of a site), so each expected instant
// is a fix's own time: a clean stay, drift, gaps inside the fence and too long a gap, a
// drive-by, two neighbouring sites, a site visited twice, the fix's accuracy.
#include "field/ArrivalInference.h"

#include <QGeoCoordinate>
#include <QtTest>

#include <cmath>
#include <numbers>

using namespace fieldops::field;

namespace {

constexpr double kSiteLat = -23.55;
constexpr double kSiteLon = -46.63;
constexpr double kMetresPerDegree = 6371008.8 * std::numbers::pi / 180.0;

// 2026-03-02 at hh:mm:ss UTC, in seconds since the epoch.
qint64 at(int h, int m, int s = 0) { return QDateTime(QDate(2026, 3, 2), QTime(h, m, s), QTimeZone::utc()).toSecsSinceEpoch(); }

QString clock(std::optional<qint64> t)
{
    return t ? QDateTime::fromSecsSinceEpoch(*t, QTimeZone::utc()).toString(QStringLiteral("HH:mm:ss")) : QStringLiteral("none");
}

double latAt(double northM) { return kSiteLat + northM / kMetresPerDegree; }
double lonAt(double eastM) { return kSiteLon + eastM / (kMetresPerDegree * std::cos(kSiteLat * std::numbers::pi / 180.0)); }

PlannedVisit visit(const QString &id, double eastM, double northM, qint64 start, qint64 end)
{
    return {id, latAt(northM), lonAt(eastM), start, end};
}

// A track built leg by leg, in metres from the first site.
class Track {
public:
    // Parked at (east, north) from t0 to t1 inclusive, a fix every `every` seconds.
    Track &park(qint64 t0, qint64 t1, double east, double north = 0, int every = 10, float accuracy = -1)
    {
        for (qint64 t = t0; t <= t1; t += every)
            add(t, east, north, accuracy);
        return *this;
    }
    // A straight drive leaving (e0, n0) at t0 and reaching (e1, n1) at t1, fixes after t0 up to t1.
    Track &drive(qint64 t0, qint64 t1, double e0, double n0, double e1, double n1, int every = 10)
    {
        for (qint64 t = t0 + every; t <= t1; t += every) {
            const double f = double(t - t0) / double(t1 - t0);
            add(t, e0 + (e1 - e0) * f, n0 + (n1 - n0) * f, -1);
        }
        return *this;
    }
    // One fix somewhere else at t (drift), replacing the fix at that instant.
    Track &spike(qint64 t, double east, double north)
    {
        for (PositionFix &f : m_fixes)
            if (f.at == t) {
                f.lat = latAt(north);
                f.lon = lonAt(east);
            }
        return *this;
    }
    // No fixes in (t0, t1).
    Track &gap(qint64 t0, qint64 t1)
    {
        std::erase_if(m_fixes, [&](const PositionFix &f) { return f.at > t0 && f.at < t1; });
        return *this;
    }
    const std::vector<PositionFix> &fixes() const { return m_fixes; }

private:
    void add(qint64 t, double east, double north, float accuracy) { m_fixes.push_back({t, latAt(north), lonAt(east), accuracy}); }
    std::vector<PositionFix> m_fixes;
};

// Arrives from 2 km east at 10 m/s (inside from 08:03:10, 100 m out), parks until 09:00,
// leaves west at 10 m/s (last inside at 09:00:10, 100 m out).
Track cleanVisit()
{
    Track t;
    t.park(at(7, 50), at(8, 0), 2000).drive(at(8, 0), at(8, 3, 20), 2000, 0, 0, 0).park(at(8, 3, 30), at(9, 0), 0);
    t.drive(at(9, 0), at(9, 3, 20), 0, 0, -2000, 0).park(at(9, 3, 30), at(9, 10), -2000);
    return t;
}

InferredVisit only(const Track &track, const PlannedVisit &v, const InferenceOptions &options = {})
{
    const auto out = inferArrivals(track.fixes(), std::span<const PlannedVisit>(&v, 1), options);
    return out.size() == 1 ? out.front() : InferredVisit{};
}

} // namespace

class TestArrivalInference : public QObject {
    Q_OBJECT

private slots:
    void cleanStay()
    {
        const InferredVisit r = only(cleanVisit(), visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(r.appointmentId, QStringLiteral("ap1"));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("08:03:10"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("09:00:10"));
    }

    void driftDoesNotEndAStay_data()
    {
        QTest::addColumn<QList<qint64>>("spikes");
        QTest::newRow("one fix 300 m off") << QList<qint64>{at(8, 30)};
        QTest::newRow("three fixes in a row") << QList<qint64>{at(8, 20), at(8, 20, 10), at(8, 20, 20)};
        QTest::newRow("spikes through the stay") << QList<qint64>{at(8, 10), at(8, 25), at(8, 40), at(8, 55)};
    }
    void driftDoesNotEndAStay()
    {
        QFETCH(QList<qint64>, spikes);
        Track t = cleanVisit();
        for (qint64 s : spikes)
            t.spike(s, 250, 200);
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("08:03:10"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("09:00:10"));
    }

    void driftSpikeAloneIsNoArrival()
    {
        // A parked phone 1 km away whose fixes jump onto the site now and then.
        Track t;
        t.park(at(8, 0), at(9, 0), 1000);
        for (int m = 5; m < 60; m += 7)
            t.spike(at(8, m), 0, 20);
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("none"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("none"));
    }

    void gapInsideTheFenceIsStillAStay()
    {
        Track t = cleanVisit();
        t.gap(at(8, 10), at(8, 35)); // 25 minutes without a fix, inside on both sides
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("08:03:10"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("09:00:10"));
    }

    void gapTooLongEndsAStay_data()
    {
        QTest::addColumn<qint64>("maxGapMin");
        QTest::addColumn<QString>("arrived");
        QTest::newRow("default 30 min: the 4 minutes before are too short a stay") << qint64(30) << QStringLiteral("08:44:00");
        QTest::newRow("a 60 min maximum joins them") << qint64(60) << QStringLiteral("08:00:00");
    }
    void gapTooLongEndsAStay()
    {
        QFETCH(qint64, maxGapMin);
        QFETCH(QString, arrived);
        Track t;
        t.park(at(8, 0), at(8, 4), 10).park(at(8, 44), at(9, 30), 10).drive(at(9, 30), at(9, 33, 20), 10, 0, 2010, 0);
        InferenceOptions o;
        o.maxGapSecs = maxGapMin * 60;
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)), o);
        QCOMPARE(clock(r.arrivedAt), arrived);
        QCOMPARE(clock(r.departedAt), QStringLiteral("09:30:10"));
    }

    void gapThenGoneEndsTheStayAtItsLastFix()
    {
        // Parked from 08:00, then nothing for an hour, then seen elsewhere.
        Track t;
        t.park(at(8, 0), at(8, 40), 0).park(at(9, 45), at(10, 0), 3000);
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("08:00:00"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("08:40:00"));
    }

    void driveByShorterThanTheDwell_data()
    {
        QTest::addColumn<int>("parkedSecs");
        QTest::newRow("straight through") << 0;
        QTest::newRow("stops for four minutes") << 240;
    }
    void driveByShorterThanTheDwell()
    {
        QFETCH(int, parkedSecs);
        Track t;
        t.park(at(8, 0), at(8, 0), 1000).drive(at(8, 0), at(8, 1, 40), 1000, 0, 0, 0);
        t.park(at(8, 1, 40) + 10, at(8, 1, 40) + parkedSecs, 0);
        const qint64 leave = at(8, 1, 40) + parkedSecs;
        t.drive(leave, leave + 100, 0, 0, -1000, 0).park(leave + 110, leave + 1800, -1000);
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("none"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("none"));
    }

    void leavingLongerThanTheDwellAndComingBack()
    {
        // Lunch 2 km away between 08:30 and 09:10: two stays, one visit from the first
        // arrival to the last departure.
        Track t;
        t.park(at(8, 0), at(8, 30), 0).drive(at(8, 30), at(8, 33, 20), 0, 0, 0, 2000).park(at(8, 33, 30), at(9, 7), 0, 2000);
        t.drive(at(9, 7), at(9, 10, 20), 0, 2000, 0, 0).park(at(9, 10, 30), at(9, 50), 0).drive(at(9, 50), at(9, 53, 20), 0, 0, 2000, 0);
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(10, 0)));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("08:00:00"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("09:50:10"));
    }

    void stillThereWhenTheTrackEnds()
    {
        Track t;
        t.park(at(8, 0), at(8, 30), 0);
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(clock(r.arrivedAt), QStringLiteral("08:00:00"));
        QCOMPARE(clock(r.departedAt), QStringLiteral("none"));
    }

    void neighbouringSitesAndASiteTwice()
    {
        // Site A at the origin, site B 250 m east: their 150 m fences overlap. The phone
        // walks from A to B at 5 m/s (a fix every 50 m): the fix 100 m from A is nearer A,
        // the one 150 m from A nearer B. A is visited again in the afternoon.
        Track t;
        t.park(at(9, 5), at(9, 55), 0).drive(at(9, 55), at(9, 55, 50), 0, 0, 250, 0).park(at(9, 56), at(11, 20), 250);
        t.drive(at(11, 20), at(11, 23, 20), 250, 0, 2250, 0).park(at(11, 23, 30), at(14, 0), 2250);
        t.drive(at(14, 0), at(14, 3, 20), 2250, 0, 250, 0).drive(at(14, 3, 20), at(14, 3, 45), 250, 0, 0, 0).park(at(14, 3, 50), at(14, 50), 0);
        t.drive(at(14, 50), at(14, 53, 20), 0, 0, -2000, 0);
        const std::vector<PlannedVisit> visits{visit(QStringLiteral("afternoon at A"), 0, 0, at(14, 0), at(15, 0)),
                                               visit(QStringLiteral("morning at A"), 0, 0, at(9, 0), at(10, 0)),
                                               visit(QStringLiteral("at B"), 250, 0, at(10, 30), at(11, 30))};
        const auto out = inferArrivals(t.fixes(), visits);
        QCOMPARE(out.size(), size_t(3));
        QCOMPARE(out[1].appointmentId, QStringLiteral("morning at A"));
        QCOMPARE(clock(out[1].arrivedAt), QStringLiteral("09:05:00"));
        QCOMPARE(clock(out[1].departedAt), QStringLiteral("09:55:20"));
        QCOMPARE(clock(out[2].arrivedAt), QStringLiteral("09:55:30"));
        QCOMPARE(clock(out[2].departedAt), QStringLiteral("11:20:10"));
        // Back through B's fence (less than the dwell there); the fix 150 m from A is nearer B.
        QCOMPARE(clock(out[0].arrivedAt), QStringLiteral("14:03:40"));
        QCOMPARE(clock(out[0].departedAt), QStringLiteral("14:50:10"));
    }

    void accuracyWidensTheFence_data()
    {
        QTest::addColumn<float>("accuracy");
        QTest::addColumn<QString>("arrived");
        QTest::newRow("not given: 200 m is outside 150 m") << -1.0f << QStringLiteral("none");
        QTest::newRow("40 m: still outside") << 40.0f << QStringLiteral("none");
        QTest::newRow("60 m: 150 + 60 holds 200") << 60.0f << QStringLiteral("08:00:00");
        QTest::newRow("beyond the accuracy kept: left out") << 300.0f << QStringLiteral("none");
    }
    void accuracyWidensTheFence()
    {
        QFETCH(float, accuracy);
        QFETCH(QString, arrived);
        // Parked across the road, 200 m north of the site, for an hour.
        Track t;
        t.park(at(8, 0), at(9, 0), 0, 200, 30, accuracy).drive(at(9, 0), at(9, 3, 20), 0, 200, 0, 2200);
        const InferredVisit r = only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)));
        QCOMPARE(clock(r.arrivedAt), arrived);
    }

    void radiusAndDwellAreOptions()
    {
        // 200 m away for an hour: inside a 250 m fence. A 70-minute dwell: no stay.
        Track t;
        t.park(at(8, 0), at(9, 0), 200).drive(at(9, 0), at(9, 3, 20), 200, 0, 2200, 0);
        InferenceOptions wide;
        wide.radiusM = 250;
        QCOMPARE(clock(only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)), wide).arrivedAt), QStringLiteral("08:00:00"));
        InferenceOptions longDwell = wide;
        longDwell.dwellSecs = 70 * 60;
        QCOMPARE(clock(only(t, visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0)), longDwell).arrivedAt), QStringLiteral("none"));
    }

    void noFixesNoVisits()
    {
        const PlannedVisit v = visit(QStringLiteral("ap1"), 0, 0, at(8, 0), at(9, 0));
        const auto out = inferArrivals({}, std::span<const PlannedVisit>(&v, 1));
        QCOMPARE(out.size(), size_t(1));
        QVERIFY(!out[0].arrivedAt && !out[0].departedAt);
        QVERIFY(inferArrivals(cleanVisit().fixes(), {}).empty());
    }

    void nearbyDistanceAgreesWithTheGreatCircle_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("bearing");
        QTest::addColumn<double>("metres");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("São Paulo, 150 m north-east") << -23.55 << 45.0 << 150.0 << 0.05;
        QTest::newRow("São Paulo, 2 km east") << -23.55 << 90.0 << 2000.0 << 1.0;
        QTest::newRow("Oslo, 2 km north-west") << 59.91 << 315.0 << 2000.0 << 1.0;
        QTest::newRow("equator, 20 km south") << 0.0 << 180.0 << 20000.0 << 20.0;
    }
    void nearbyDistanceAgreesWithTheGreatCircle()
    {
        QFETCH(double, lat);
        QFETCH(double, bearing);
        QFETCH(double, metres);
        QFETCH(double, tolerance);
        const QGeoCoordinate a(lat, 10.0);
        const QGeoCoordinate b = a.atDistanceAndAzimuth(metres, bearing);
        const double planar = nearbyDistanceM(a.latitude(), a.longitude(), b.latitude(), b.longitude());
        QVERIFY2(std::abs(planar - a.distanceTo(b)) <= tolerance, qPrintable(QStringLiteral("%1 against %2").arg(planar).arg(a.distanceTo(b))));
        // Across the antimeridian the short way round.
        QVERIFY(std::abs(nearbyDistanceM(0, 179.9995, 0, -179.9995) - 111.2) < 0.5);
    }

    void manyDaysInParallelAsOneByOne()
    {
        std::vector<TechnicianDay> days(40);
        for (size_t i = 0; i < days.size(); ++i) {
            Track t = cleanVisit();
            t.gap(at(8, 10), at(8, qint64(11 + i % 30)));
            days[i].fixes = t.fixes();
            days[i].visits = {visit(QStringLiteral("a%1").arg(i), double(i % 3) * 40, 0, at(8, 0), at(9, 0))};
        }
        std::vector<TechnicianDay> sequential = days;
        inferArrivalsForAll(days, {}, true);
        inferArrivalsForAll(sequential, {}, false);
        for (size_t i = 0; i < days.size(); ++i) {
            QCOMPARE(days[i].inferred.size(), size_t(1));
            QCOMPARE(days[i].inferred[0].arrivedAt, sequential[i].inferred[0].arrivedAt);
            QCOMPARE(days[i].inferred[0].departedAt, sequential[i].inferred[0].departedAt);
            QVERIFY(days[i].inferred[0].arrivedAt.has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestArrivalInference)
#include "tst_arrival_inference.moc"
