#pragma once
// A technician's working time: shift_start–shift_end on work_days, read on the
// technician's own local clock (so a 08:00–17:00 shift stays 08:00–17:00 local across a
// DST change and is 8 or 10 real hours on those days only if it spans the change).
//
// Decisions, documented because the contract leaves them open:
// - A shift whose end is before (or equal to) its start runs past midnight: it begins on
//   the work day at shift_start and ends the next day at shift_end (22:00–06:00 on Fri
//   ends Sat 06:00, even if Sat is a day off). Equal start and end make a 24-hour shift.
// - shift_end 24:00 (stored as 23:59:59.999) means the next midnight.
// - Shifts that touch (24-hour shifts on consecutive days) join: a visit may run from one
//   into the next.
// - A start time that does not exist on a DST day (the gap) moves forward by the gap.
#include "scheduling/ZoneClock.h"

#include <QString>
#include <QStringList>
#include <QTime>
#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace fieldops {
struct Technician;
}

namespace fieldops::scheduling {

struct ShiftPattern {
    QTime start{8, 0};
    QTime end{17, 0};
    std::array<bool, 7> workDays{true, true, true, true, true, false, false}; // Mon … Sun

    static ShiftPattern fromTechnician(const Technician &t);
    bool worksOn(int isoDayOfWeek) const { return workDays[size_t(isoDayOfWeek - 1)]; }
    bool runsPastMidnight() const;
};

struct ShiftInterval {
    qint64 startMs = 0; // UTC
    qint64 endMs = 0;
    qint64 day = 0; // local day number (ZoneClock) of the work day it belongs to
};

enum class ShiftFit { Inside, DayOff, Outside };

struct ShiftCheck {
    ShiftFit fit = ShiftFit::Inside;
    qint64 day = 0;                     // the local day judged (the visit's start day)
    std::optional<ShiftInterval> shift; // the shift of that day, when there is one
};

class ShiftCalendar {
public:
    ShiftCalendar(const ShiftPattern &pattern, std::shared_ptr<const ZoneClock> clock);

    const ShiftPattern &pattern() const { return m_pattern; }
    const ZoneClock &clock() const { return *m_clock; }

    // The shift that begins on local day `day`, or none on a day off.
    std::optional<ShiftInterval> shiftOn(qint64 day) const;
    std::optional<ShiftInterval> shiftOn(const QDate &date) const { return shiftOn(ZoneClock::dateToDay(date)); }
    // Every shift intersecting [fromMs, toMs), in order (board shading, utilization).
    std::vector<ShiftInterval> shiftsBetween(qint64 fromMs, qint64 toMs) const;
    // Is [startMs, endMs) entirely inside working time?
    ShiftCheck check(qint64 startMs, qint64 endMs) const;

    static int isoDayOfWeek(qint64 day); // 1 = Monday … 7 = Sunday

private:
    ShiftPattern m_pattern;
    std::shared_ptr<const ZoneClock> m_clock;
    qint64 m_startOfDayMs = 0;
    qint64 m_endOfDayMs = 0; // may exceed one day: the shift ends on the next day
};

} // namespace fieldops::scheduling
