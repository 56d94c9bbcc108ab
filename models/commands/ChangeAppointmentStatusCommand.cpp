#include "commands/ChangeAppointmentStatusCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"

namespace fieldops {

ChangeAppointmentStatusCommand::ChangeAppointmentStatusCommand(const EditTarget &target, const AppointmentRef &ref,
                                                               const QString &from, const QString &to)
    : ScheduleEditCommand(target, undoText("Set appointment status to %1").arg(to)), m_ref(ref), m_from(from), m_to(to)
{
}

int ChangeAppointmentStatusCommand::id() const { return int(UndoCommandId::ChangeAppointmentStatus); }

Status ChangeAppointmentStatusCommand::apply(bool forward)
{
    auto v = AppointmentWriter(db()).setStatus(m_ref.id, expectedVersion(m_ref), forward ? m_to : m_from);
    if (!v)
        return v.error();
    wrote(m_ref, *v);
    return {};
}

} // namespace fieldops
