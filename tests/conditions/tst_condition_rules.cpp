// The four rule kinds on synthetic series worked out by hand (models/conditions/
// ConditionEvaluator): each fires and clears, with the boundaries of the README's
// definitions (strictly beyond, a window of M minutes is (T − M, T], the run must have
// begun by the window's start, least squares rather than the two ends, the usage
// interval reached exactly, a band edge, a bucket with too few weeks).
#include "conditions/ConditionEvaluator.h"

#include <QDateTime>
#include <QtTest>

using namespace fieldops::conditions;

namespace {

qint64 ms(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch(); }
QString iso(qint64 t) { return QDateTime::fromMSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate); }

// One reading a minute from `from` to `to` inclusive, all of `value`.
Series minutes(const char *from, const char *to, double value)
{
    Series s;
    for (qint64 t = ms(from); t <= ms(to); t += 60000)
        s << Reading{t, value};
    return s;
}

ConditionRule threshold(bool above, double limit, int sustain)
{
    ConditionRule r;
    r.kind = RuleKind::Threshold;
    r.above = above;
    r.threshold = limit;
    r.sustainMinutes = sustain;
    return r;
}

ConditionRule rate(bool above, double perHour, int window)
{
    ConditionRule r;
    r.kind = RuleKind::Rate;
    r.above = above;
    r.ratePerHour = perHour;
    r.windowMinutes = window;
    return r;
}

ConditionRule anomaly(double k, int sustain, int weeks)
{
    ConditionRule r;
    r.kind = RuleKind::Anomaly;
    r.bandSd = k;
    r.sustainMinutes = sustain;
    r.baselineWeeks = weeks;
    return r;
}

QStringList times(const QVector<Reading> &evidence)
{
    QStringList out;
    for (const Reading &r : evidence)
        out << iso(r.atMs).mid(11, 5);
    return out;
}

} // namespace

class TestConditionRules : public QObject {
    Q_OBJECT

private slots:
    // Above 8 for 30 min, as of 10:00: the window is (09:30, 10:00].
    void thresholdFiresWhenTheRunCoversTheWindow()
    {
        const Evaluation e = evaluateThreshold(threshold(true, 8, 30), minutes("2026-03-02T09:30:00Z", "2026-03-02T10:00:00Z", 9),
                                               ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T09:30:00Z"));
        // 31 readings: the first five and the last five.
        QCOMPARE(times(e.evidence), (QStringList{"09:30", "09:31", "09:32", "09:33", "09:34", "09:56", "09:57", "09:58", "09:59", "10:00"}));
    }

    void thresholdIsPendingWhenTheRunBeganInsideTheWindow()
    {
        // From 09:31 only: nothing says the value was above at 09:30.
        const Evaluation e = evaluateThreshold(threshold(true, 8, 30), minutes("2026-03-02T09:31:00Z", "2026-03-02T10:00:00Z", 9),
                                               ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Pending));
    }

    void thresholdRunStopsAtAReadingNotBeyond()
    {
        // 09:29 at 7, then 9 from 09:30: since 09:30, not 09:29.
        Series s{Reading{ms("2026-03-02T09:29:00Z"), 7}};
        s += minutes("2026-03-02T09:30:00Z", "2026-03-02T10:00:00Z", 9);
        Evaluation e = evaluateThreshold(threshold(true, 8, 30), s, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T09:30:00Z"));
        // Exactly 8 at 09:45 is not above 8: the run starts at 09:46, inside the window.
        s[16].value = 8;
        QCOMPARE(iso(s[16].atMs), QStringLiteral("2026-03-02T09:45:00Z"));
        e = evaluateThreshold(threshold(true, 8, 30), s, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Pending));
    }

    void thresholdClearsWhenTheLatestReadingIsBack()
    {
        Series s = minutes("2026-03-02T09:00:00Z", "2026-03-02T09:59:00Z", 9);
        s << Reading{ms("2026-03-02T10:00:00Z"), 8}; // equal is not above
        const Evaluation e = evaluateThreshold(threshold(true, 8, 30), s, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Clear));
    }

    void thresholdWithoutReadingsInTheWindowIsUnknown()
    {
        const Series s = minutes("2026-03-02T09:00:00Z", "2026-03-02T09:30:00Z", 9);
        QCOMPARE(int(evaluateThreshold(threshold(true, 8, 30), s, ms("2026-03-02T10:00:00Z")).state), int(State::Unknown));
        // As of 09:30:01 the window (09:00:01, 09:30:01] holds readings, and their run began
        // at 09:00, before the window.
        const Evaluation e = evaluateThreshold(threshold(true, 8, 30), s, ms("2026-03-02T09:30:01Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T09:00:00Z"));
    }

    void thresholdBelowWithSparseReadings()
    {
        // Below 2 for 10 min: 09:40 1.5, 09:50 1.0, 10:00 1.9; a later 5 is ignored as of 10:00.
        const Series s{Reading{ms("2026-03-02T09:40:00Z"), 1.5}, Reading{ms("2026-03-02T09:50:00Z"), 1.0},
                       Reading{ms("2026-03-02T10:00:00Z"), 1.9}, Reading{ms("2026-03-02T10:05:00Z"), 5}};
        const Evaluation e = evaluateThreshold(threshold(false, 2, 10), s, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T09:40:00Z"));
        QCOMPARE(times(e.evidence), (QStringList{"09:40", "09:50", "10:00"}));
        QCOMPARE(int(evaluateThreshold(threshold(false, 2, 10), s, ms("2026-03-02T10:05:00Z")).state), int(State::Clear));
    }

    void thresholdLooksBackNoFurtherThanTheLast24Hours()
    {
        // The look-back as of 03-02 10:00 starts at 03-01 11:00: the 03-01 10:00 reading is not seen.
        const Series s{Reading{ms("2026-03-01T10:00:00Z"), 9}, Reading{ms("2026-03-02T10:00:00Z"), 9}};
        QCOMPARE(iso(lookbackStartMs(ms("2026-03-02T10:00:00Z"))), QStringLiteral("2026-03-01T11:00:00Z"));
        QCOMPARE(int(evaluateThreshold(threshold(true, 8, 30), s, ms("2026-03-02T10:00:00Z")).state), int(State::Pending));
        const Series t{Reading{ms("2026-03-01T11:00:00Z"), 9}, Reading{ms("2026-03-02T10:00:00Z"), 9}};
        const Evaluation e = evaluateThreshold(threshold(true, 8, 30), t, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-01T11:00:00Z"));
    }

    void rateIsTheLeastSquaresSlope()
    {
        // 09:10 1, 09:40 4, 10:00 7: least squares 135/19 = 7.105… per hour (the two ends alone: 7.2).
        const Series s{Reading{ms("2026-03-02T09:10:00Z"), 1}, Reading{ms("2026-03-02T09:40:00Z"), 4}, Reading{ms("2026-03-02T10:00:00Z"), 7}};
        Evaluation e = evaluateRate(rate(true, 6, 60), s, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QVERIFY(qAbs(e.figure - 135.0 / 19.0) < 1e-9);
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T09:10:00Z"));
        QCOMPARE(times(e.evidence), (QStringList{"09:10", "10:00"}));
        // A limit between the fitted 7.105 and the ends' 7.2: clear.
        e = evaluateRate(rate(true, 7.15, 60), s, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Clear));
    }

    void rateBelowAtTheLimitIsClear()
    {
        // 09:30 10, 10:00 9: −2 per hour exactly, not below −2; 8.9 gives −2.2.
        Series s{Reading{ms("2026-03-02T09:30:00Z"), 10}, Reading{ms("2026-03-02T10:00:00Z"), 9}};
        QCOMPARE(int(evaluateRate(rate(false, -2, 60), s, ms("2026-03-02T10:00:00Z")).state), int(State::Clear));
        s[1].value = 8.9;
        const Evaluation e = evaluateRate(rate(false, -2, 60), s, ms("2026-03-02T10:00:00Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QVERIFY(qAbs(e.figure + 2.2) < 1e-9);
    }

    void rateNeedsReadingsOverHalfTheWindow()
    {
        // 09:40 and 10:00 span 20 min of a 60 min window; one reading is no slope.
        const Series s{Reading{ms("2026-03-02T09:40:00Z"), 1}, Reading{ms("2026-03-02T10:00:00Z"), 50}};
        QCOMPARE(int(evaluateRate(rate(true, 6, 60), s, ms("2026-03-02T10:00:00Z")).state), int(State::Unknown));
        QCOMPARE(int(evaluateRate(rate(true, 6, 60), s.mid(1), ms("2026-03-02T10:00:00Z")).state), int(State::Unknown));
        // 09:00 is outside (09:00, 10:00]: still only 09:40 and 10:00.
        const Series t{Reading{ms("2026-03-02T09:00:00Z"), 0}, Reading{ms("2026-03-02T09:40:00Z"), 1}, Reading{ms("2026-03-02T10:00:00Z"), 50}};
        QCOMPARE(int(evaluateRate(rate(true, 6, 60), t, ms("2026-03-02T10:00:00Z")).state), int(State::Unknown));
    }

    void usageFiresAtTheIntervalAndDatesTheCrossing()
    {
        ConditionRule r;
        r.kind = RuleKind::Usage;
        r.usageInterval = 500;
        UsagePoints p;
        p.base = Reading{ms("2026-03-01T00:00:00Z"), 1000};
        p.latest = Reading{ms("2026-03-02T10:00:00Z"), 1499};
        Evaluation e = evaluateUsage(r, p);
        QCOMPARE(int(e.state), int(State::Clear));
        QCOMPARE(e.figure, 499.0);
        p.latest->value = 1500; // exactly the interval
        p.crossing = p.latest;
        e = evaluateUsage(r, p);
        QCOMPARE(int(e.state), int(State::Breached));
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T10:00:00Z"));
        QCOMPARE(times(e.evidence), (QStringList{"00:00", "10:00"}));
        p.crossing = Reading{ms("2026-03-02T08:00:00Z"), 1500.5};
        p.latest->value = 1510;
        e = evaluateUsage(r, p);
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T08:00:00Z"));
        QCOMPARE(times(e.evidence), (QStringList{"00:00", "08:00", "10:00"}));
        // A visit moved the base to 1400: 110 used, clear.
        p.base = Reading{ms("2026-03-02T09:00:00Z"), 1400};
        QCOMPARE(int(evaluateUsage(r, p).state), int(State::Clear));
        p.latest.reset();
        QCOMPARE(int(evaluateUsage(r, p).state), int(State::Unknown));
    }

    void hourOfWeekCountsFromMondayUtc()
    {
        QCOMPARE(hourOfWeek(ms("2026-03-02T10:00:00Z")), 10);  // Monday
        QCOMPARE(hourOfWeek(ms("2026-03-02T10:59:59Z")), 10);
        QCOMPARE(hourOfWeek(ms("2026-03-08T23:30:00Z")), 167); // Sunday
        QCOMPARE(hourOfWeek(ms("1970-01-01T00:00:00Z")), 72);  // a Thursday
        QCOMPARE(iso(baselineStartMs(ms("2026-03-02T10:30:00Z"), 3)), QStringLiteral("2026-02-08T11:00:00Z"));
    }

    void anomalyBaselineIsMeanAndSdOfHourlyMeans()
    {
        // Monday 10:00 in the three weeks before: hourly means 20, 22, 24 → mean 22, sd 2.
        const QVector<HourSum> hours{HourSum{ms("2026-02-09T10:00:00Z"), 60, 1200}, HourSum{ms("2026-02-16T10:00:00Z"), 60, 1320},
                                     HourSum{ms("2026-02-23T10:00:00Z"), 30, 720}, HourSum{ms("2026-02-23T11:00:00Z"), 2, 10}};
        const Baseline b = anomalyBaseline(hours);
        QCOMPARE(b[10].samples, 3);
        QCOMPARE(b[10].mean, 22.0);
        QCOMPARE(b[10].sd, 2.0);
        QCOMPARE(b[11].samples, 1);
        QCOMPARE(b[11].mean, 5.0);
        QCOMPARE(b[11].sd, 0.0);
        QCOMPARE(b[12].samples, 0);
    }

    void anomalyFiresOutsideTheBandAndNotOnItsEdge()
    {
        const QVector<HourSum> hours{HourSum{ms("2026-02-09T10:00:00Z"), 1, 20}, HourSum{ms("2026-02-16T10:00:00Z"), 1, 22},
                                     HourSum{ms("2026-02-23T10:00:00Z"), 1, 24}};
        const Baseline b = anomalyBaseline(hours);
        // Band 22 ± 3 × 2 = [16, 28]; sustain 30 as of 10:30: the window is (10:00, 10:30].
        Evaluation e = evaluateAnomaly(anomaly(3, 30, 3), minutes("2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", 29), b, ms("2026-03-02T10:30:00Z"));
        QCOMPARE(int(e.state), int(State::Breached));
        QCOMPARE(iso(e.sinceMs), QStringLiteral("2026-03-02T10:00:00Z"));
        e = evaluateAnomaly(anomaly(3, 30, 3), minutes("2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", 15.5), b, ms("2026-03-02T10:30:00Z"));
        QCOMPARE(int(e.state), int(State::Breached)); // below the band too
        e = evaluateAnomaly(anomaly(3, 30, 3), minutes("2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", 28), b, ms("2026-03-02T10:30:00Z"));
        QCOMPARE(int(e.state), int(State::Clear)); // |28 − 22| = 6 is the edge, not outside
        // 11:00 falls in bucket 11, which has no baseline: never flagged, so the 10:xx run
        // ends and the latest reading is inside.
        e = evaluateAnomaly(anomaly(3, 30, 3), minutes("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", 29), b, ms("2026-03-02T11:00:00Z"));
        QCOMPARE(int(e.state), int(State::Clear));
    }

    void anomalyBucketWithTooFewWeeksNeverFlags()
    {
        // Two weeks only: 20 and 24, an sd of 2.83, but fewer than three samples.
        const QVector<HourSum> hours{HourSum{ms("2026-02-16T10:00:00Z"), 1, 20}, HourSum{ms("2026-02-23T10:00:00Z"), 1, 24}};
        const Baseline b = anomalyBaseline(hours);
        QCOMPARE(b[10].samples, 2);
        QVERIFY(!outsideBand(b, 3, Reading{ms("2026-03-02T10:10:00Z"), 1000}));
        const Evaluation e = evaluateAnomaly(anomaly(3, 30, 3), minutes("2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", 1000), b,
                                             ms("2026-03-02T10:30:00Z"));
        QCOMPARE(int(e.state), int(State::Clear));
    }
};

QTEST_GUILESS_MAIN(TestConditionRules)
#include "tst_condition_rules.moc"
