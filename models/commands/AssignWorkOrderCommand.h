#pragma once
// Drop from the unassigned queue: creates the appointment and moves the work order from
// open to scheduled; undo deletes that appointment and reopens the work order (only if
// this command was the one that scheduled it).
#include "commands/ScheduleEditCommand.h"
#include "domain/Entities.h"

namespace fieldops {

class AssignWorkOrderCommand : public ScheduleEditCommand {
public:
    // `appointment` carries the new id, work order, technician, start and end.
    AssignWorkOrderCommand(const EditTarget &target, const Appointment &appointment);
    int id() const override;
    const Appointment &appointment() const { return m_appointment; }

    // A fresh appointment id ("ap-" and a random suffix): unique across consoles.
    static QString newAppointmentId();
    // A new scheduled visit of the work order with a fresh id, times in UTC: what a drop
    // from the queue, a booked suggestion and an accepted day plan all write.
    static Appointment newVisit(const QString &workOrderId, const QString &technicianId, const QDateTime &start,
                                const QDateTime &end);

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {m_appointment.id}; }

private:
    Appointment m_appointment;
    bool m_scheduledWorkOrder = false;
};

} // namespace fieldops
