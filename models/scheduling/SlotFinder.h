#pragma once
// Where one technician could take one work order: per gap between their visits (inside
// their shifts, outside their absences and the customer's window), the earliest start
// that leaves time for the trip from the previous visit and to the next one. Every slot
// it yields has passed the rule checks themselves (ConflictRules: overlap, travel, shift,
// absence, skill, window), so a suggestion can never be what `conflicts` would flag;
// the SLA is left to the ranker, which penalises a late slot rather than hiding it.
#include "scheduling/CompiledSchedule.h"

#include <functional>
#include <vector>

namespace fieldops::scheduling {

struct FoundSlot {
    qint64 start = 0; // UTC ms
    qint64 end = 0;
    int previous = -1;    // the appointment just before on the same local day, else -1
    int travelMin = 0;    // the trip from `previous` (0 without one)
};

class SlotFinder {
public:
    // Starts are whole multiples of this (UTC, hence also local in every zone whose offset
    // is a multiple of 5 minutes): "09:20", not "09:19:31".
    static constexpr qint64 kStepMs = 5 * 60'000;

    // `excluded`: appointments of the work order itself (sorted), which a move leaves.
    SlotFinder(const CompiledSchedule &schedule, int workOrder, std::vector<int> excluded);

    // Calls `found` for the earliest feasible start of each gap in [from, to), in time
    // order, until it returns false (the caller needs no later slot of this technician).
    void forEachSlot(int tech, qint64 from, qint64 to, qint64 durationMs, const std::function<bool(const FoundSlot &)> &found) const;

    // The minutes the rules ask between `earlier` and `later` (0 when no rule applies:
    // another local day, no site, the same site).
    int travelNeed(const Visit &earlier, const Visit &later) const;
    // Does the rule engine accept the visit with these neighbours (no finding but SLA)?
    bool acceptedByRules(const Visit &v, int previous, int next) const;

    static qint64 roundUp(qint64 ms) { return ZoneClock::floorDiv(ms + kStepMs - 1, kStepMs) * kStepMs; }

private:
    const CompiledSchedule &m_s;
    int m_workOrder;
    std::vector<int> m_excluded;
};

} // namespace fieldops::scheduling
