#pragma once
// Locks (or unlocks) appointments so automatic planning leaves them where they are.
#include "commands/ScheduleEditCommand.h"

#include <vector>

namespace fieldops {

class LockAppointmentsCommand : public ScheduleEditCommand {
public:
    LockAppointmentsCommand(const EditTarget &target, std::vector<AppointmentRef> refs, bool lock);
    int id() const override;

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override;

private:
    std::vector<AppointmentRef> m_refs;
    bool m_lock;
};

} // namespace fieldops
