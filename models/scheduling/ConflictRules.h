#pragma once
// The rules of the README's rule checks, one function per kind, each judging visits of a
// CompiledSchedule and writing the translated detail line. The sweep (ConflictChecker)
// and the drag verdict (ConflictIndex) both call these, so they cannot disagree.
#include "scheduling/CompiledSchedule.h"
#include "scheduling/Violation.h"

#include <optional>
#include <vector>

namespace fieldops::scheduling::rules {

inline bool intersects(const Visit &a, const Visit &b) { return a.start < b.end && b.start < a.end; }

// "45 min", "2 h 5 min", "3 d 4 h": the one wording of a span of minutes in the detail lines
// (and in the suggestions' reasons, which quote the same figures).
QString durationText(qint64 minutes);

// Pair kinds; `first` comes before `second` in schedule order.
Violation overlap(const CompiledSchedule &s, const Visit &first, const Visit &second);
std::optional<Violation> travel(const CompiledSchedule &s, const Visit &first, const Visit &second);

// One-visit kinds.
std::optional<Violation> shift(const CompiledSchedule &s, const Visit &v);
std::optional<Violation> absence(const CompiledSchedule &s, const Visit &v);
std::optional<Violation> skill(const CompiledSchedule &s, const Visit &v);
std::optional<Violation> window(const CompiledSchedule &s, const Visit &v);
std::optional<Violation> sla(const CompiledSchedule &s, const Visit &v);
// All one-visit kinds, appended in kind order.
void singleVisitRules(const CompiledSchedule &s, const Visit &v, std::vector<Violation> &out);

} // namespace fieldops::scheduling::rules
