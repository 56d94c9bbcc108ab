#pragma once
// Ratings for managers: the distribution of scores and a confidence-aware ranking. A
// plain average puts a technician with one 5-star rating above one with forty ratings
// averaging 4.8; the Bayesian average pulls each technician toward the overall mean by
// `priorWeight` imaginary ratings, so few ratings cannot top the list.
#include "kpi/KpiResult.h"

#include <array>
#include <vector>

namespace fieldops::kpi {

struct RankedTechnician {
    QString technicianId;
    int count = 0;
    double average = 0;  // plain mean of their scores
    double bayesian = 0; // (priorWeight·overallMean + sum) / (priorWeight + count)
};

constexpr double kDefaultRatingPrior = 5.0;

// Counts of scores 1…5 (index 0 holds the 1s) among the report's ratings.
std::array<int, 5> scoreDistribution(const KpiReport &report);
// Technicians with at least one rating, best Bayesian average first (ties: more ratings,
// then id).
std::vector<RankedTechnician> rankTechnicians(const KpiReport &report, double priorWeight = kDefaultRatingPrior);

} // namespace fieldops::kpi
