#pragma once
// The full rule check over a horizon (the README's rule checks): one sweep per technician over
// the schedule sorted by start. Appointments are selected when [start, end) intersects
// [from, to); a pair kind (overlap, travel) is reported when either member is selected,
// with "consecutive" judged on the technician's whole loaded schedule.
#include "scheduling/CompiledSchedule.h"
#include "scheduling/ConflictIndex.h"
#include "scheduling/ScheduleSnapshot.h"
#include "scheduling/Violation.h"

#include <QDateTime>
#include <vector>

namespace fieldops::scheduling {

class ConflictChecker {
public:
    // Sorted with sortViolations(). A null from/to leaves that side open.
    static std::vector<Violation> check(const CompiledSchedule &schedule, const QDateTime &from, const QDateTime &to);
    static std::vector<Violation> check(const ConflictIndex &index, const QDateTime &from, const QDateTime &to)
    {
        return check(index.schedule(), from, to);
    }
    // Builds the index for the snapshot and checks its own horizon.
    static std::vector<Violation> check(const ScheduleSnapshot &snapshot,
                                        const TravelTimeProvider &travel = defaultTravelTime());
};

} // namespace fieldops::scheduling
