#pragma once
// The denominator of utilization: a technician's shift time inside a stretch of time,
// less the absence time inside those shifts (overlapping absences counted once).
#include "kpi/KpiInputs.h"

#include <vector>

namespace fieldops::kpi {

// Working time of one technician inside [fromMs, toMs).
qint64 availableShiftMs(const TechnicianIn &t, const std::vector<AbsenceIn> &absences, qint64 fromMs, qint64 toMs);
// The same for each of several ranges (sorted by start, not overlapping) from one walk
// over the shifts of the whole span: a trend of 90 daily buckets builds one calendar, not 90.
std::vector<qint64> availableShiftMsByRange(const TechnicianIn &t, const std::vector<AbsenceIn> &absences,
                                            const std::vector<KpiRange> &ranges);

} // namespace fieldops::kpi
