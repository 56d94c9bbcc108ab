#pragma once
// The breakdown chart's order: the rows ranked by one KPI, highest value first, ties by
// name, so a chart of sixty technicians reads as a ranking. When only `room` bars fit, the
// ranking keeps the first and the last ones (the top and the bottom), which is what a
// manager looks for; the table beside the chart lists everyone.
#include "kpi/KpiBreakdown.h"

#include <vector>

namespace fieldops::kpi {

struct KpiRankedRow {
    int row = 0;  // index into the rows given
    int rank = 0; // 1 = highest value
    double value = 0;
};

struct KpiRanking {
    std::vector<KpiRankedRow> top;    // ranks 1…, highest first
    std::vector<KpiRankedRow> bottom; // the lowest ranks, still highest first; empty when all fit
    int ranked = 0;                   // rows with a value
    int withoutValue = 0;             // rows the KPI has no value for (not ranked)
    bool isCut() const { return !bottom.empty(); }
};

// `room` < 2 is taken as 2: one bar from each end.
KpiRanking rankBreakdown(const std::vector<KpiBreakdownRow> &rows, const QString &key, int room);

} // namespace fieldops::kpi
