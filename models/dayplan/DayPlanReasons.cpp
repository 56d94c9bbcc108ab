#include "dayplan/DayPlanReasons.h"

#include <QCoreApplication>
#include <algorithm>

namespace fieldops::dayplan {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DayPlan)
};
} // namespace

using scheduling::kNoTime;

QString unplacedReasonText(UnplacedReason reason)
{
    switch (reason) {
    case UnplacedReason::NoSite:
        return Text::tr("no site to go to");
    case UnplacedReason::NoQualifiedTechnician:
        return Text::tr("no qualified technician: nobody active holds every required skill");
    case UnplacedReason::WindowTooShort:
        return Text::tr("the customer's window is shorter than the work");
    case UnplacedReason::NotWorking:
        return Text::tr("outside every shift: no qualified technician works that day");
    case UnplacedReason::Absent:
        return Text::tr("every qualified technician is absent that day");
    case UnplacedReason::OutsideShifts:
        return Text::tr("the time window cannot be met inside a qualified technician's shift");
    case UnplacedReason::NoRoom:
        return Text::tr("no room left in the qualified technicians' day");
    case UnplacedReason::RefusedByRules:
        return Text::tr("the visit found would break a rule check (travel or overlap)");
    }
    return {};
}

UnplacedReason whyUnplaced(const DayPlanInput &in, const scheduling::CompiledSchedule &s, const QString &workOrderId,
                           bool proposed)
{
    const int wi = s.workOrderIndex(workOrderId);
    if (wi < 0 || s.workOrders()[size_t(wi)].site < 0)
        return UnplacedReason::NoSite;
    const scheduling::WorkOrderRec &w = s.workOrders()[size_t(wi)];
    const auto found = std::find_if(in.snapshot.workOrders.begin(), in.snapshot.workOrders.end(),
                                    [&](const WorkOrder &k) { return k.id == workOrderId; });
    const qint64 durationMs = qint64(found != in.snapshot.workOrders.end() ? found->durationMin : 0) * 60'000;

    bool qualified = false, working = false, present = false, fits = false;
    const qint64 day = scheduling::ZoneClock::dateToDay(in.date);
    for (const QString &id : in.technicians) {
        const int ti = s.technicianIndex(id);
        if (ti < 0)
            continue;
        const scheduling::TechnicianRec &t = s.technicians()[size_t(ti)];
        if (!std::includes(t.skills.begin(), t.skills.end(), w.skills.begin(), w.skills.end()))
            continue;
        qualified = true;
        const auto shift = t.shifts.shiftOn(day);
        if (!shift)
            continue;
        working = true;
        // As the planner does: one absent during any part of the shift is not planned.
        if (!s.absencesIntersecting(ti, shift->startMs, shift->endMs).empty())
            continue;
        present = true;
        const qint64 from = w.windowStart == kNoTime ? shift->startMs : std::max(shift->startMs, w.windowStart);
        const qint64 to = w.windowEnd == kNoTime ? shift->endMs : std::min(shift->endMs, w.windowEnd);
        if (to - from >= durationMs)
            fits = true;
    }
    if (!qualified)
        return UnplacedReason::NoQualifiedTechnician;
    if (w.windowStart != kNoTime && w.windowEnd != kNoTime && w.windowEnd - w.windowStart < durationMs)
        return UnplacedReason::WindowTooShort;
    if (!working)
        return UnplacedReason::NotWorking;
    if (!present)
        return UnplacedReason::Absent;
    if (!fits)
        return UnplacedReason::OutsideShifts;
    return proposed ? UnplacedReason::RefusedByRules : UnplacedReason::NoRoom;
}

} // namespace fieldops::dayplan
