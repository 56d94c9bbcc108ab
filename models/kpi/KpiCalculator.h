#pragma once
// The one implementation of INTERCHANGE.md §3: the dashboard, its exports and
// `fieldops-cli kpi` all call this, so their numbers cannot disagree.
#include "kpi/KpiInputs.h"
#include "kpi/KpiResult.h"

namespace fieldops::kpi {

KpiReport computeKpis(const KpiInputs &in);

// Working time of one technician inside [fromMs, toMs): shifts clipped to the period,
// less the absence time inside them (overlapping absences counted once).
qint64 availableShiftMs(const TechnicianIn &t, const std::vector<AbsenceIn> &absences, qint64 fromMs, qint64 toMs);

} // namespace fieldops::kpi
