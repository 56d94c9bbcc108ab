#include "scheduling/SlotFinder.h"

#include "scheduling/ConflictRules.h"

#include <algorithm>

namespace fieldops::scheduling {

SlotFinder::SlotFinder(const CompiledSchedule &schedule, int workOrder, std::vector<int> excluded)
    : m_s(schedule), m_workOrder(workOrder), m_excluded(std::move(excluded))
{
    std::sort(m_excluded.begin(), m_excluded.end());
}

int SlotFinder::travelNeed(const Visit &earlier, const Visit &later) const
{
    // The same conditions as rules::travel: consecutive visits on one local day, both with a site.
    const ZoneClock &clock = m_s.technicians()[size_t(earlier.tech)].clock();
    if (clock.localDayNumber(earlier.start) != clock.localDayNumber(later.start))
        return 0;
    if (earlier.workOrder < 0 || later.workOrder < 0)
        return 0;
    const int a = m_s.workOrders()[size_t(earlier.workOrder)].site, b = m_s.workOrders()[size_t(later.workOrder)].site;
    if (a < 0 || b < 0)
        return 0;
    return m_s.travel().minutes(m_s.sites()[size_t(a)].place, m_s.sites()[size_t(b)].place);
}

bool SlotFinder::acceptedByRules(const Visit &v, int previous, int next) const
{
    if (!m_s.intersecting(v.tech, v.start, v.end, m_excluded).empty())
        return false;
    if (previous >= 0 && rules::travel(m_s, m_s.visitOf(previous), v))
        return false;
    if (next >= 0 && rules::travel(m_s, v, m_s.visitOf(next)))
        return false;
    return !rules::shift(m_s, v) && !rules::absence(m_s, v) && !rules::skill(m_s, v) && !rules::window(m_s, v);
}

void SlotFinder::forEachSlot(int tech, qint64 from, qint64 to, qint64 durationMs,
                             const std::function<bool(const FoundSlot &)> &found) const
{
    const TechnicianRec &t = m_s.technicians()[size_t(tech)];
    const WorkOrderRec &w = m_s.workOrders()[size_t(m_workOrder)];
    if (w.windowStart != kNoTime)
        from = std::max(from, w.windowStart);
    if (w.windowEnd != kNoTime)
        to = std::min(to, w.windowEnd);
    if (to - from < durationMs)
        return;
    qint64 lastStart = kNoTime; // touching shifts (24-hour ones) must not yield one gap twice
    for (const ShiftInterval &shift : t.shifts.shiftsBetween(from, to)) {
        const qint64 hi = std::min(shift.endMs, to);
        qint64 at = roundUp(std::max({shift.startMs, from, lastStart == kNoTime ? from : lastStart + kStepMs}));
        while (at + durationMs <= hi) {
            Visit v{-1, QString(), tech, m_workOrder, at, at + durationMs};
            // Step past whatever is in the way, then look at the neighbours it leaves.
            if (const std::vector<int> off = m_s.absencesIntersecting(tech, v.start, v.end); !off.empty()) {
                qint64 until = at;
                for (const int a : off)
                    until = std::max(until, m_s.absences()[size_t(a)].end);
                at = roundUp(until);
                continue;
            }
            if (const std::vector<int> busy = m_s.intersecting(tech, v.start, v.end, m_excluded); !busy.empty()) {
                qint64 until = at;
                for (const int pos : busy)
                    until = std::max(until, t.schedule[size_t(pos)].end);
                at = roundUp(until);
                continue;
            }
            const int prev = m_s.previousAppointment(tech, v, m_excluded);
            int travelMin = 0;
            if (prev >= 0) {
                const Visit p = m_s.visitOf(prev);
                travelMin = travelNeed(p, v);
                if (at < p.end + qint64(travelMin) * 60'000) {
                    at = roundUp(p.end + qint64(travelMin) * 60'000);
                    continue;
                }
            }
            const int next = m_s.nextAppointment(tech, v, m_excluded);
            if (next >= 0) {
                const Visit n = m_s.visitOf(next);
                if (v.end + qint64(travelNeed(v, n)) * 60'000 > n.start) {
                    // Too short a gap before the next visit: try after it.
                    at = roundUp(std::max(at + kStepMs, n.end));
                    continue;
                }
            }
            if (!acceptedByRules(v, prev, next)) {
                // Only the edges of the arithmetic above (a DST day) land here; creep on.
                at += kStepMs;
                continue;
            }
            // The trip that counts is from a visit earlier the same local day; else from home.
            const bool sameDay = prev >= 0
                && t.clock().localDayNumber(m_s.appointments()[size_t(prev)].start) == t.clock().localDayNumber(v.start);
            if (!found(FoundSlot{v.start, v.end, sameDay ? prev : -1, travelMin}))
                return;
            lastStart = at;
            if (next < 0)
                break;
            at = roundUp(std::max(at + kStepMs, m_s.appointments()[size_t(next)].end));
        }
    }
}

} // namespace fieldops::scheduling
