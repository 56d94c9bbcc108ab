#pragma once
// A territory's holiday calendar replaced as a whole, on the console's one undo stack:
// redo writes the new list, undo the one it replaced, each in one transaction on the
// edit channel. The calendar is small (a few dozen days a year), so the command keeps
// both lists rather than a diff.
#include "commands/ScheduleEditCommand.h"
#include "contracts/HolidayCalendar.h"

namespace fieldops {

class HolidayCalendarCommand : public ScheduleEditCommand {
public:
    HolidayCalendarCommand(const EditTarget &target, QString territoryId, contracts::HolidayList before, contracts::HolidayList after);

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {}; }
    void committed() override;

private:
    QString m_territoryId;
    contracts::HolidayList m_before;
    contracts::HolidayList m_after;
};

} // namespace fieldops
