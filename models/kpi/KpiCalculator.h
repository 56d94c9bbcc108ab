#pragma once
// The one implementation of the README's KPI formulas: the dashboard, its exports and
// `fieldops-cli kpi` all call this, so their numbers cannot disagree.
#include "kpi/KpiAvailability.h"
#include "kpi/KpiFilter.h"
#include "kpi/KpiInputs.h"
#include "kpi/KpiResult.h"

#include <QSet>
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

// The work orders' histories (first visit, closing visit, latest appointment) and every
// item's technician and type resolved to indices once, then reused by every computation
// over the same inputs: the dashboard runs several (both periods, the buckets, the
// breakdown groups), each a pass of integer work. The inputs must outlive the engine.
// Const methods may run in several threads at once (the service shares an engine).
class KpiEngine {
public:
    explicit KpiEngine(const KpiInputs &in);
    ~KpiEngine();
    KpiEngine(const KpiEngine &) = delete;
    KpiEngine &operator=(const KpiEngine &) = delete;
    const KpiInputs &inputs() const { return m_in; }
    // withTechnicians = false leaves byTechnician empty (trend buckets plot the overall).
    std::vector<KpiReport> series(const std::vector<KpiRange> &ranges, const KpiFilter &filter = {},
                                  bool withTechnicians = true) const;
    KpiReport compute(const KpiRange &range, const KpiFilter &filter = {}) const;
    // Each group of technicians as if it were added to the filter (its overall), from one
    // pass: a group's counts are the sums of its members' own. A group with no member
    // inside the filter is nullopt.
    std::vector<std::optional<KpiValues>> groups(const KpiRange &range, const KpiFilter &filter,
                                                 const std::vector<QSet<QString>> &members) const;

private:
    struct Prepared;
    struct Tally;
    Tally tally(const std::vector<KpiRange> &ranges, const KpiFilter &filter, bool keepRatings) const;
    const KpiInputs &m_in;
    std::unique_ptr<Prepared> m_p;
};

} // namespace fieldops::kpi
