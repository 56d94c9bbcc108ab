#pragma once
// The one implementation of INTERCHANGE.md §3: the dashboard, its exports and
// `fieldops-cli kpi` all call this, so their numbers cannot disagree.
#include "kpi/KpiFilter.h"
#include "kpi/KpiInputs.h"
#include "kpi/KpiResult.h"

namespace fieldops::kpi {

// The period the inputs were loaded for, everything counted.
KpiReport computeKpis(const KpiInputs &in);
// A range inside the loaded period (a bucket, the previous period of a longer load),
// narrowed by a filter.
KpiReport computeKpis(const KpiInputs &in, qint64 fromMs, qint64 toMs, int days, const KpiFilter &filter = {});
// Several ranges in one pass over the inputs (trend buckets): ranges sorted by start and
// not overlapping, each inside the loaded period. One report per range, in order.
std::vector<KpiReport> computeKpiSeries(const KpiInputs &in, const std::vector<KpiRange> &ranges,
                                        const KpiFilter &filter = {});

// Working time of one technician inside [fromMs, toMs): shifts clipped to the period,
// less the absence time inside them (overlapping absences counted once).
qint64 availableShiftMs(const TechnicianIn &t, const std::vector<AbsenceIn> &absences, qint64 fromMs, qint64 toMs);

} // namespace fieldops::kpi
