#include "commands/AssignWorkOrderCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"
#include "storage/Database.h"

#include <QSqlQuery>

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

Appointment AssignWorkOrderCommand::newVisit(const QString &workOrderId, const QString &technicianId,
                                             const QDateTime &start, const QDateTime &end)
{
    Appointment a;
    a.id = newAppointmentId();
    a.workOrderId = workOrderId;
    a.technicianId = technicianId;
    a.start = start.toUTC();
    a.end = end.toUTC();
    a.status = QStringLiteral("scheduled");
    return a;
}

Status AssignWorkOrderCommand::apply(bool forward)
{
    AppointmentWriter w(db());
    if (forward) {
        // Inactive technicians get no new work: deactivating keeps them on the board for
        // their history, not for bookings.
        auto tech = db().run(QStringLiteral("SELECT active, name FROM technicians WHERE id = ?"), {m_appointment.technicianId});
        if (!tech)
            return tech.error();
        if (tech->next()) {
            const QVariant active = tech->value(0);
            const bool isActive = active.metaType().id() == QMetaType::Bool ? active.toBool() : active.toInt() != 0;
            if (!isActive)
                return Error::invalid(QCoreApplication::translate("AssignWorkOrderCommand",
                                                                  "%1 is inactive and gets no new work; reactivate them on the Technicians tab first")
                                          .arg(tech->value(1).toString()));
        }
        tech->finish();
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
