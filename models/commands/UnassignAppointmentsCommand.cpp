#include "commands/UnassignAppointmentsCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"

namespace fieldops {

UnassignAppointmentsCommand::UnassignAppointmentsCommand(const EditTarget &target, std::vector<UnassignEntry> entries)
    : ScheduleEditCommand(target, entries.size() == 1 ? undoText("Unassign %1").arg(entries.front().workOrderId)
                                                      : undoText("Unassign %1 appointments").arg(entries.size())),
      m_entries(std::move(entries))
{
}

int UnassignAppointmentsCommand::id() const { return int(UndoCommandId::UnassignAppointment); }

QStringList UnassignAppointmentsCommand::appointmentIds() const
{
    QStringList ids;
    for (const UnassignEntry &e : m_entries)
        ids << e.ref.id;
    return ids;
}

Status UnassignAppointmentsCommand::apply(bool forward)
{
    AppointmentWriter w(db());
    for (UnassignEntry &e : m_entries) {
        auto v = w.setStatus(e.ref.id, expectedVersion(e.ref), forward ? QStringLiteral("cancelled") : e.formerStatus);
        if (!v)
            return v.error();
        wrote(e.ref, *v);
        if (forward) {
            auto others = w.activeAppointmentCount(e.workOrderId);
            if (!others)
                return others.error();
            e.reopenedWorkOrder = false;
            if (*others == 0) {
                auto changed = w.transitionWorkOrder(e.workOrderId, QStringLiteral("scheduled"), QStringLiteral("open"));
                if (!changed)
                    return changed.error();
                e.reopenedWorkOrder = *changed;
            }
        } else if (e.reopenedWorkOrder) {
            auto changed = w.transitionWorkOrder(e.workOrderId, QStringLiteral("open"), QStringLiteral("scheduled"));
            if (!changed)
                return changed.error();
        }
    }
    return {};
}

} // namespace fieldops
