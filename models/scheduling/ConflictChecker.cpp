#include "scheduling/ConflictChecker.h"

#include "scheduling/ConflictRules.h"

#include <limits>

namespace fieldops::scheduling {

std::vector<Violation> ConflictChecker::check(const CompiledSchedule &s, const QDateTime &from, const QDateTime &to)
{
    const qint64 lo = from.isValid() ? from.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    const qint64 hi = to.isValid() ? to.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
    auto selected = [&](const Interval &slot) { return slot.start < hi && slot.end > lo; };

    std::vector<Violation> out;
    for (size_t t = 0; t < s.technicians().size(); ++t) {
        const std::vector<Interval> &sched = s.technicians()[t].schedule;
        for (size_t i = 0; i < sched.size(); ++i) {
            const Interval &a = sched[i];
            const bool aSelected = selected(a);
            const Visit va = s.visitOf(a.ref);
            // Overlaps: later slots starting before a ends (the schedule is sorted by start).
            for (size_t j = i + 1; j < sched.size() && sched[j].start < a.end; ++j) {
                if (aSelected || selected(sched[j]))
                    out.push_back(rules::overlap(s, va, s.visitOf(sched[j].ref)));
            }
            if (i + 1 < sched.size() && (aSelected || selected(sched[i + 1]))) {
                if (auto v = rules::travel(s, va, s.visitOf(sched[i + 1].ref)))
                    out.push_back(std::move(*v));
            }
            if (aSelected)
                rules::singleVisitRules(s, va, out);
        }
    }
    sortViolations(out);
    return out;
}

std::vector<Violation> ConflictChecker::check(const ScheduleSnapshot &snapshot, const TravelTimeProvider &travel)
{
    const CompiledSchedule schedule(snapshot, travel);
    return check(schedule, snapshot.from, snapshot.to);
}

} // namespace fieldops::scheduling
