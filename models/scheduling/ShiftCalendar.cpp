#include "scheduling/ShiftCalendar.h"

#include "domain/Entities.h"
#include "domain/Vocabulary.h"

namespace fieldops::scheduling {

ShiftPattern ShiftPattern::fromTechnician(const Technician &t)
{
    ShiftPattern p;
    p.start = t.shiftStart;
    p.end = t.shiftEnd;
    p.workDays.fill(false);
    for (const QString &d : t.workDays) {
        const qsizetype i = vocabulary::weekDays().indexOf(d.trimmed());
        if (i >= 0)
            p.workDays[size_t(i)] = true;
    }
    return p;
}

bool ShiftPattern::runsPastMidnight() const
{
    return end <= start && end != QTime(23, 59, 59, 999);
}

ShiftCalendar::ShiftCalendar(const ShiftPattern &pattern, std::shared_ptr<const ZoneClock> clock)
    : m_pattern(pattern), m_clock(std::move(clock))
{
    if (!m_clock)
        m_clock = std::make_shared<ZoneClock>();
    m_startOfDayMs = m_pattern.start.msecsSinceStartOfDay();
    if (m_pattern.end == QTime(23, 59, 59, 999))
        m_endOfDayMs = ZoneClock::kDayMs;
    else if (m_pattern.runsPastMidnight())
        m_endOfDayMs = ZoneClock::kDayMs + m_pattern.end.msecsSinceStartOfDay();
    else
        m_endOfDayMs = m_pattern.end.msecsSinceStartOfDay();
}

int ShiftCalendar::isoDayOfWeek(qint64 day)
{
    // Day 0 (1970-01-01) was a Thursday.
    return int(((day % 7) + 7 + 3) % 7) + 1;
}

std::optional<ShiftInterval> ShiftCalendar::shiftOn(qint64 day) const
{
    if (!m_pattern.worksOn(isoDayOfWeek(day)))
        return std::nullopt;
    const qint64 base = day * ZoneClock::kDayMs;
    return ShiftInterval{m_clock->toUtcMs(base + m_startOfDayMs), m_clock->toUtcMs(base + m_endOfDayMs), day};
}

std::vector<ShiftInterval> ShiftCalendar::shiftsBetween(qint64 fromMs, qint64 toMs) const
{
    std::vector<ShiftInterval> out;
    if (toMs <= fromMs)
        return out;
    // One day of slack either side: a shift that began yesterday may still be running.
    const qint64 first = m_clock->localDayNumber(fromMs) - 1;
    const qint64 last = m_clock->localDayNumber(toMs) + 1;
    for (qint64 d = first; d <= last; ++d) {
        if (auto s = shiftOn(d); s && s->endMs > fromMs && s->startMs < toMs)
            out.push_back(*s);
    }
    return out;
}

ShiftCheck ShiftCalendar::check(qint64 startMs, qint64 endMs) const
{
    ShiftCheck result;
    result.day = m_clock->localDayNumber(startMs);
    result.shift = shiftOn(result.day);
    std::optional<ShiftInterval> containing;
    for (const qint64 d : {result.day - 1, result.day}) {
        auto s = d == result.day ? result.shift : shiftOn(d);
        if (s && s->startMs <= startMs && startMs < s->endMs)
            containing = s;
    }
    if (!containing) {
        result.fit = result.shift ? ShiftFit::Outside : ShiftFit::DayOff;
        return result;
    }
    // Follow touching shifts (24-hour shifts) until the visit's end is covered.
    ShiftInterval cover = *containing;
    while (endMs > cover.endMs) {
        auto next = shiftOn(cover.day + 1);
        if (!next || next->startMs != cover.endMs) {
            result.fit = ShiftFit::Outside;
            result.shift = containing;
            return result;
        }
        cover = *next;
    }
    result.fit = ShiftFit::Inside;
    result.shift = containing;
    return result;
}

} // namespace fieldops::scheduling
