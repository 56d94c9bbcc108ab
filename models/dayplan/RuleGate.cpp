#include "dayplan/RuleGate.h"

#include "scheduling/SlotFinder.h"

#include <algorithm>

namespace fieldops::dayplan {

std::vector<PlannedVisit> keepWhatRulesAccept(scheduling::CompiledSchedule &s, std::vector<scheduling::Visit> proposed)
{
    std::sort(proposed.begin(), proposed.end(),
              [](const auto &a, const auto &b) { return a.start != b.start ? a.start < b.start : a.tech < b.tech; });
    std::vector<PlannedVisit> kept;
    for (const scheduling::Visit &v : proposed) {
        const scheduling::SlotFinder rules(s, v.workOrder, {});
        if (!rules.acceptedByRules(v, s.previousAppointment(v.tech, v), s.nextAppointment(v.tech, v)))
            continue;
        Appointment a;
        a.id = acceptedId(kept.size());
        a.workOrderId = s.workOrders()[size_t(v.workOrder)].id;
        a.technicianId = s.technicians()[size_t(v.tech)].id;
        a.start = QDateTime::fromMSecsSinceEpoch(v.start, Qt::UTC);
        a.end = QDateTime::fromMSecsSinceEpoch(v.end, Qt::UTC);
        // In the schedule at once: the next proposal is judged with this one as a neighbour.
        s.upsertAppointment(a);
        kept.push_back({a.workOrderId, a.technicianId, a.start, a.end});
    }
    return kept;
}

} // namespace fieldops::dayplan
