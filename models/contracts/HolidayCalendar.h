#pragma once
// A territory's holiday calendar as the planner edits it: the days the business-hours SLA
// clock stops and preventive visits move off. Read, replaced as a whole (one undo step:
// HolidayCalendarCommand), and read from a CSV file shaped like the interchange's
// holidays.csv (day, name; a territory_id column, when present, picks that territory's
// rows), so a published list of public holidays can be pasted in.
#include "util/Result.h"

#include <QDate>
#include <QString>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::contracts {

struct Holiday {
    QDate day;
    QString name;
    bool operator==(const Holiday &) const = default;
};
using HolidayList = QVector<Holiday>; // by day, no day twice

Result<HolidayList> readHolidays(Database &db, const QString &territoryId);
// Replaces the territory's calendar with `days`, inside the caller's transaction.
Status replaceHolidays(Database &db, const QString &territoryId, const HolidayList &days);
// The days of a CSV text for `territoryId`, sorted; an error names the line and the column
// ("holidays.csv:3: day: 2026-02-30 is not a date YYYY-MM-DD", a day listed twice).
Result<HolidayList> parseHolidayCsv(const QString &text, const QString &territoryId, const QString &fileName);

} // namespace fieldops::contracts
