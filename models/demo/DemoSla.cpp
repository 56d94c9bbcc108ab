#include "demo/DemoSla.h"

namespace fieldops::demo {

Instant slaDue(const LocalClock &clock, Instant created, int responseHours, bool allHours)
{
    if (allHours)
        return created + responseHours * kHour;
    qint64 remaining = qint64(responseHours) * kHour;
    Instant cursor = created;
    QDate date = clock.localDate(created);
    // A response time of days never spans more than a few weeks of business days.
    for (int guard = 0; guard < 400; ++guard, date = date.addDays(1)) {
        if (date.dayOfWeek() > 5)
            continue;
        const Instant open = clock.at(date, kBusinessOpenMin);
        const Instant close = clock.at(date, kBusinessCloseMin);
        if (cursor < open)
            cursor = open;
        if (cursor >= close)
            continue;
        if (remaining <= close - cursor)
            return cursor + remaining;
        remaining -= close - cursor;
        cursor = close;
    }
    return cursor + remaining;
}

} // namespace fieldops::demo
