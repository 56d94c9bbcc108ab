#pragma once
// Periods the dashboard compares and plots: the previous period of the same length, and
// the day / week / month buckets of a period, all counted in the console's time zone.
#include "kpi/KpiInputs.h"
#include "kpi/KpiLoader.h"

#include <vector>

namespace fieldops::kpi {

enum class BucketSize { Day, Week, Month };

struct KpiBucket {
    QDate from;
    QDate to; // inclusive; the first and last buckets are clipped to the period
    KpiRange range;
};

KpiRange rangeOf(const KpiPeriod &period);
// The same number of days immediately before.
KpiPeriod previousPeriod(const KpiPeriod &period);
// Weeks start on Monday (ISO); months on the 1st.
std::vector<KpiBucket> makeBuckets(const KpiPeriod &period, BucketSize size);

} // namespace fieldops::kpi
