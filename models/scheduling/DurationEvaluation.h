#pragma once
// How well the duration model would have done: it learns from the visits before a month
// and predicts each completed visit of that month, beside the plain estimate (the work
// order's duration_min). Pure; `fieldops-cli durations` reads the two sets and prints this.
//
// The estimate's interval, so the two can be compared: the estimate plus the 10th and 90th
// percentiles of (actual − estimate) over the training visits, whatever their kind. A visit
// the model cannot predict (too little history of its type) takes the estimate and that
// interval, and is counted as a fallback.
#include "scheduling/DurationModel.h"

#include <vector>

namespace fieldops::scheduling {

struct DurationScore {
    double maeMin = 0;        // mean |actual − booked minutes|
    double insideShare = 0;   // share of actuals within [low, high]
    double meanWidthMin = 0;  // mean high − low
};

struct DurationEvaluation {
    int trainingVisits = 0;
    int testVisits = 0;
    int predicted = 0; // test visits the model predicted from history
    int fallbacks = 0; // … that took the estimate
    DurationScore model;
    DurationScore estimate;
};

DurationEvaluation evaluateDurations(const std::vector<DurationSample> &training, const std::vector<DurationSample> &test);

} // namespace fieldops::scheduling
