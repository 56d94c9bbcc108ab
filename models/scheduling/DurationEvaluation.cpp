#include "scheduling/DurationEvaluation.h"

#include <algorithm>
#include <cmath>

namespace fieldops::scheduling {

namespace {

struct Accumulator {
    double absError = 0, inside = 0, width = 0;
    void add(double actual, int booked, int low, int high)
    {
        absError += std::abs(actual - booked);
        inside += actual >= low && actual <= high ? 1 : 0;
        width += high - low;
    }
    DurationScore score(int n) const
    {
        if (n <= 0)
            return {};
        return {absError / n, inside / n, width / n};
    }
};

} // namespace

DurationEvaluation evaluateDurations(const std::vector<DurationSample> &training, const std::vector<DurationSample> &test)
{
    DurationEvaluation e;
    e.trainingVisits = int(training.size());
    e.testVisits = int(test.size());
    const DurationModel model = DurationModel::fit(training);
    std::vector<double> misses;
    misses.reserve(training.size());
    for (const DurationSample &s : training)
        misses.push_back(s.actualMin - s.estimateMin);
    const double missLow = DurationModel::quantile(misses, DurationModel::kLowQuantile);
    const double missHigh = DurationModel::quantile(misses, DurationModel::kHighQuantile);

    Accumulator byModel, byEstimate;
    for (const DurationSample &s : test) {
        // The estimate's interval, in whole minutes (never below one).
        const int low = std::max(1, int(std::lround(s.estimateMin + missLow)));
        const int high = std::max(low, int(std::lround(s.estimateMin + missHigh)));
        byEstimate.add(s.actualMin, s.estimateMin, low, high);
        const DurationPrediction p = model.predict({s.type, s.assetModel, s.technicianId, s.estimateMin});
        if (p.fromHistory) {
            ++e.predicted;
            byModel.add(s.actualMin, p.minutes, p.lowMin, p.highMin);
        } else {
            ++e.fallbacks;
            byModel.add(s.actualMin, s.estimateMin, low, high);
        }
    }
    e.model = byModel.score(e.testVisits);
    e.estimate = byEstimate.score(e.testVisits);
    return e;
}

} // namespace fieldops::scheduling
