#pragma once
// The one implementation of INTERCHANGE.md §3: the dashboard, its exports and
// `fieldops-cli kpi` all call this, so their numbers cannot disagree.
#include "kpi/KpiFilter.h"
#include "kpi/KpiInputs.h"
#include "kpi/KpiResult.h"

#include <memory>

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

// The work orders' histories (first visit, closing visit, latest appointment) built once
// and reused by every computation over the same inputs: the dashboard runs a dozen (both
// periods, the buckets, each breakdown group). The inputs must outlive the engine.
class KpiEngine {
public:
    explicit KpiEngine(const KpiInputs &in);
    ~KpiEngine();
    KpiEngine(const KpiEngine &) = delete;
    KpiEngine &operator=(const KpiEngine &) = delete;
    const KpiInputs &inputs() const { return m_in; }
    std::vector<KpiReport> series(const std::vector<KpiRange> &ranges, const KpiFilter &filter = {}) const;
    KpiReport compute(const KpiRange &range, const KpiFilter &filter = {}) const;

private:
    struct Prepared;
    const KpiInputs &m_in;
    std::unique_ptr<Prepared> m_p;
};

// Working time of one technician inside [fromMs, toMs): shifts clipped to the period,
// less the absence time inside them (overlapping absences counted once).
qint64 availableShiftMs(const TechnicianIn &t, const std::vector<AbsenceIn> &absences, qint64 fromMs, qint64 toMs);

} // namespace fieldops::kpi
