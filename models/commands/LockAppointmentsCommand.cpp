#include "commands/LockAppointmentsCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"

namespace fieldops {

LockAppointmentsCommand::LockAppointmentsCommand(const EditTarget &target, std::vector<AppointmentRef> refs, bool lock)
    : ScheduleEditCommand(target, lock ? undoText("Lock appointment") : undoText("Unlock appointment")),
      m_refs(std::move(refs)), m_lock(lock)
{
}

int LockAppointmentsCommand::id() const { return int(UndoCommandId::LockAppointment); }

QStringList LockAppointmentsCommand::appointmentIds() const
{
    QStringList ids;
    for (const AppointmentRef &r : m_refs)
        ids << r.id;
    return ids;
}

Status LockAppointmentsCommand::apply(bool forward)
{
    AppointmentWriter w(db());
    for (AppointmentRef &r : m_refs) {
        auto v = w.setLocked(r.id, expectedVersion(r), forward ? m_lock : !m_lock);
        if (!v)
            return v.error();
        wrote(r, *v);
    }
    return {};
}

} // namespace fieldops
