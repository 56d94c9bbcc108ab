#include "planning/CapacityWindow.h"

#include <algorithm>
#include <cstdlib>

namespace fieldops::planning {

int levellingReachDays(int intervalDays)
{
    return std::clamp(intervalDays / 4, 0, 7);
}

bool isAllowedDay(const CapacityOccurrence &o, const CapacityInput &input, const QDate &day)
{
    if (!day.isValid() || !o.due.isValid() || std::abs(o.due.daysTo(day)) > levellingReachDays(o.intervalDays))
        return false;
    if (day.dayOfWeek() > 5 || day < input.firstDay || day > input.lastDay)
        return false;
    if ((o.contractStarts.isValid() && day < o.contractStarts) || (o.contractEnds.isValid() && day > o.contractEnds))
        return false;
    const auto isHolidayOf = [&](const QString &territory) {
        const auto holidays = input.holidays.constFind(territory);
        return holidays != input.holidays.constEnd() && holidays->contains(day);
    };
    // The contract's calendar too: generating on that day would be refused.
    return !isHolidayOf(o.territoryId) && (o.calendarTerritoryId.isEmpty() || !isHolidayOf(o.calendarTerritoryId));
}

QVector<QDate> allowedDays(const CapacityOccurrence &o, const CapacityInput &input)
{
    QVector<QDate> days;
    const int reach = levellingReachDays(o.intervalDays);
    for (int distance = 0; distance <= reach; ++distance) {
        for (const int sign : {-1, +1}) {
            if (distance == 0 && sign > 0)
                break;
            const QDate day = o.due.addDays(qint64(sign) * distance);
            if (isAllowedDay(o, input, day))
                days.push_back(day);
        }
    }
    return days;
}

} // namespace fieldops::planning
