#pragma once
// A dispatcher sets an appointment's status from the board's context menu (tentative ↔
// scheduled, en route …). Cancelling goes through UnassignAppointmentsCommand instead, so
// the work order returns to the queue.
#include "commands/ScheduleEditCommand.h"

namespace fieldops {

class ChangeAppointmentStatusCommand : public ScheduleEditCommand {
public:
    ChangeAppointmentStatusCommand(const EditTarget &target, const AppointmentRef &ref, const QString &from,
                                   const QString &to);
    int id() const override;

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {m_ref.id}; }

private:
    AppointmentRef m_ref;
    QString m_from, m_to;
};

} // namespace fieldops
