#include "commands/HolidayCalendarCommand.h"

#include "document/ScheduleDocument.h"

namespace fieldops {

HolidayCalendarCommand::HolidayCalendarCommand(const EditTarget &target, QString territoryId, contracts::HolidayList before,
                                               contracts::HolidayList after)
    : ScheduleEditCommand(target, undoText("Holidays of %1").arg(territoryId)), m_territoryId(std::move(territoryId)),
      m_before(std::move(before)), m_after(std::move(after))
{
}

Status HolidayCalendarCommand::apply(bool forward)
{
    return contracts::replaceHolidays(db(), m_territoryId, forward ? m_after : m_before);
}

void HolidayCalendarCommand::committed() { document()->reportRecordsWritten(QStringLiteral("holidays"), {m_territoryId}); }

} // namespace fieldops
