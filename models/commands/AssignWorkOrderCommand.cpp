#include "commands/AssignWorkOrderCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"

#include <QUuid>

namespace fieldops {

AssignWorkOrderCommand::AssignWorkOrderCommand(const EditTarget &target, const Appointment &appointment)
    : ScheduleEditCommand(target, undoText("Assign %1").arg(appointment.workOrderId)), m_appointment(appointment)
{
    m_appointment.version = 1;
}

int AssignWorkOrderCommand::id() const { return int(UndoCommandId::AssignWorkOrder); }

QString AssignWorkOrderCommand::newAppointmentId()
{
    return QStringLiteral("ap-") + QUuid::createUuid().toString(QUuid::WithoutBraces).left(13);
}

Status AssignWorkOrderCommand::apply(bool forward)
{
    AppointmentWriter w(db());
    if (forward) {
        if (Status s = w.insert(m_appointment); !s)
            return s;
        AppointmentRef ref{m_appointment.id, 1};
        wrote(ref, 1);
        m_appointment.version = 1;
        auto changed = w.transitionWorkOrder(m_appointment.workOrderId, QStringLiteral("open"), QStringLiteral("scheduled"));
        if (!changed)
            return changed.error();
        m_scheduledWorkOrder = *changed;
        return {};
    }
    if (Status s = w.remove(m_appointment.id, expectedVersion({m_appointment.id, m_appointment.version})); !s)
        return s;
    if (m_scheduledWorkOrder) {
        auto changed = w.transitionWorkOrder(m_appointment.workOrderId, QStringLiteral("scheduled"), QStringLiteral("open"));
        if (!changed)
            return changed.error();
    }
    return {};
}

} // namespace fieldops
