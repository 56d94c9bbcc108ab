#pragma once
// Unassign (board context menu, or a bar dragged back to the queue): the appointment is
// cancelled, not deleted (the history keeps it), and its work order goes back to open
// when no other active visit remains. Undo restores each appointment's former status.
#include "commands/ScheduleEditCommand.h"

#include <vector>

namespace fieldops {

struct UnassignEntry {
    AppointmentRef ref;
    QString workOrderId;
    QString formerStatus;
    bool reopenedWorkOrder = false; // set by the command
};

class UnassignAppointmentsCommand : public ScheduleEditCommand {
public:
    UnassignAppointmentsCommand(const EditTarget &target, std::vector<UnassignEntry> entries);
    int id() const override;

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override;

private:
    std::vector<UnassignEntry> m_entries;
};

} // namespace fieldops
