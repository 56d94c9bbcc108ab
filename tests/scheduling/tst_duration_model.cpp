// The duration model on hand-computed series: the type's median log ratio, the model and
// technician effects shrunk by n ÷ (n + 8), the interval from the residuals' 10th and 90th
// percentiles, rounding to 5 minutes, and the fallback to the estimate when a type has
// fewer than five completed visits.
#include "scheduling/DurationEvaluation.h"
#include "scheduling/DurationModel.h"

#include <QtTest>

#include <cmath>

using namespace fieldops::scheduling;

namespace {

DurationSample visit(const char *model, const char *technician, int estimate, double actual, const char *type = "corrective")
{
    DurationSample s;
    s.type = QString::fromLatin1(type);
    s.assetModel = QString::fromLatin1(model);
    s.technicianId = QString::fromLatin1(technician);
    s.estimateMin = estimate;
    s.actualMin = actual;
    return s;
}

// Six corrective visits, all estimated at 60 min: ratios 1, 1, 1.5 on model M1 and 1.5, 2, 1
// on M2; technician A did 1, 2 and 6, B did 3, 4 and 5.
std::vector<DurationSample> sixVisits()
{
    return {visit("M1", "A", 60, 60), visit("M1", "A", 60, 60), visit("M1", "B", 60, 90),
            visit("M2", "B", 60, 90), visit("M2", "B", 60, 120), visit("M2", "A", 60, 60)};
}

bool near(double a, double b) { return std::abs(a - b) < 1e-9; }

} // namespace

class TestDurationModel : public QObject {
    Q_OBJECT

private slots:
    void quantiles()
    {
        QCOMPARE(DurationModel::quantile({4, 1, 3, 2}, 0.5), 2.5);
        QVERIFY(near(DurationModel::quantile({4, 1, 3, 2}, 0.1), 1.3));
        QVERIFY(near(DurationModel::quantile({4, 1, 3, 2}, 0.9), 3.7));
        QCOMPARE(DurationModel::quantile({7}, 0.9), 7.0);
        QCOMPARE(DurationModel::quantile({}, 0.5), 0.0);
        QCOMPARE(DurationModel::roundToStep(83.3), 85);
        QCOMPARE(DurationModel::roundToStep(82.4), 80);
        QCOMPARE(DurationModel::roundToStep(1.0), 5); // never below one step
    }

    void shrinkageAndInterval()
    {
        const DurationModel model = DurationModel::fit(sixVisits());
        // By hand: logs 0, 0, 0, ln 1.5, ln 1.5, ln 2 → the type's median m = ln 1.5 / 2.
        const double m = std::log(1.5) / 2;
        // M2's offsets m, ln 2 − m, −m have median m; three visits weigh 3/11.
        const double s = m * 3 / 11;
        // B's offsets after the model effect: m + s (on M1), m − s, ln 2 − m − s: median m + s.
        const double b = (m + s) * 3 / 11;
        // A's: −m + s twice and −m − s: median −m + s.
        const double a = (-m + s) * 3 / 11;
        const DurationPrediction p = model.predict({QStringLiteral("corrective"), QStringLiteral("M2"), QStringLiteral("B"), 60});
        QVERIFY(p.fromHistory);
        QVERIFY(near(p.exactMinutes, 60 * std::exp(m + s + b)));
        QCOMPARE(p.minutes, 85); // 83.3
        QCOMPARE(p.typeVisits, 6);
        QCOMPARE(p.modelVisits, 3);
        QCOMPARE(p.technicianVisits, 3);
        // Residuals, sorted: −m − s − a, −m + s − a (twice), m − s − b, m + s − b, ln 2 − m − s − b;
        // the 10th percentile halfway between the first two, the 90th between the last two.
        const double low = ((-m - s - a) + (-m + s - a)) / 2;
        const double high = ((m + s - b) + (std::log(2.0) - m - s - b)) / 2;
        QVERIFY(near(p.exactLow, 60 * std::exp(m + s + b + low)));
        QVERIFY(near(p.exactHigh, 60 * std::exp(m + s + b + high)));
        QCOMPARE(p.lowMin, 70);   // 70.8
        QCOMPARE(p.highMin, 110); // 109.8

        // Technician A on M1: both effects pull below the type.
        const DurationPrediction pa = model.predict({QStringLiteral("corrective"), QStringLiteral("M1"), QStringLiteral("A"), 60});
        QVERIFY(near(pa.exactMinutes, 60 * std::exp(m - s + a)));
        // Nobody yet and an unknown model: the type alone, scaled to this work order's estimate.
        const DurationPrediction none = model.predict({QStringLiteral("corrective"), QStringLiteral("M9"), QString(), 120});
        QVERIFY(none.fromHistory);
        QVERIFY(near(none.exactMinutes, 120 * std::exp(m)));
        QCOMPARE(none.modelVisits, 0);
        QCOMPARE(none.minutes, 145); // 147.0 rounds to the nearer step
    }

    void oneVisitWeighsOneNinth()
    {
        std::vector<DurationSample> h;
        for (int i = 0; i < 5; ++i)
            h.push_back(visit("M1", "A", 60, 60));
        h.push_back(visit("M2", "A", 60, 120)); // the only visit on M2: twice the estimate
        const DurationModel model = DurationModel::fit(h);
        // Median of the six logs is 0; M2's offset ln 2 counts 1/9; A's offsets are all 0
        // (ln 2 − ln 2 / 9 is A's sixth, the median of 0,0,0,0,0,x is 0).
        const DurationPrediction p = model.predict({QStringLiteral("corrective"), QStringLiteral("M2"), QString(), 60});
        QVERIFY(near(p.exactMinutes, 60 * std::exp(std::log(2.0) / 9)));
        QCOMPARE(p.minutes, 65); // 64.8: far from the one visit's 120
    }

    void thinHistoryFallsBackToTheEstimate()
    {
        std::vector<DurationSample> h;
        for (int i = 0; i < DurationModel::kMinTypeVisits - 1; ++i)
            h.push_back(visit("M1", "A", 60, 90, "inspection"));
        const DurationModel model = DurationModel::fit(h);
        const DurationPrediction p = model.predict({QStringLiteral("inspection"), QStringLiteral("M1"), QStringLiteral("A"), 45});
        QVERIFY(!p.fromHistory);
        QCOMPARE(p.minutes, 45);
        QCOMPARE(p.lowMin, 45);
        QCOMPARE(p.highMin, 45);
        QCOMPARE(p.typeVisits, 4);
        const DurationPrediction unknown = model.predict({QStringLiteral("install"), QString(), QString(), 200});
        QVERIFY(!unknown.fromHistory);
        QCOMPARE(unknown.minutes, 200);
        QCOMPARE(unknown.typeVisits, 0);
        // One more visit and the type predicts: 45 × 1.5.
        h.push_back(visit("M1", "A", 60, 90, "inspection"));
        const DurationPrediction now = DurationModel::fit(h).predict({QStringLiteral("inspection"), QStringLiteral("M1"), QStringLiteral("A"), 45});
        QVERIFY(now.fromHistory);
        QCOMPARE(now.minutes, 70); // 67.5 rounds to 70
    }

    void evaluation()
    {
        // Training: ratios 1, 1, 1.5, 1.5, 1.5 → the prediction is 1.5 × the estimate, the
        // residuals −ln 1.5 twice and 0 three times → interval [estimate, 1.5 × estimate].
        // The estimate misses by 0, 0, 30, 30, 15 → its interval is estimate + [0, 30].
        const std::vector<DurationSample> training{visit("M", "A", 60, 60), visit("M", "A", 60, 60), visit("M", "A", 60, 90),
                                                   visit("M", "A", 60, 90), visit("M", "A", 30, 45)};
        const std::vector<DurationSample> test{visit("M", "A", 60, 80), visit("M", "A", 30, 40),
                                               visit("M", "A", 45, 80, "inspection")}; // no history: the estimate
        const DurationEvaluation e = evaluateDurations(training, test);
        QCOMPARE(e.trainingVisits, 5);
        QCOMPARE(e.testVisits, 3);
        QCOMPARE(e.predicted, 2);
        QCOMPARE(e.fallbacks, 1);
        // Predicted 90 [60, 90], 45 [30, 45], then the estimate 45 [45, 75]: errors 10, 5, 35.
        QVERIFY(near(e.model.maeMin, 50.0 / 3));
        QVERIFY(near(e.model.insideShare, 2.0 / 3));
        QVERIFY(near(e.model.meanWidthMin, 25));
        // The estimate: 60 [60, 90], 30 [30, 60], 45 [45, 75]: errors 20, 10, 35.
        QVERIFY(near(e.estimate.maeMin, 65.0 / 3));
        QVERIFY(near(e.estimate.insideShare, 2.0 / 3));
        QVERIFY(near(e.estimate.meanWidthMin, 30));
    }
};

QTEST_GUILESS_MAIN(TestDurationModel)
#include "tst_duration_model.moc"
