#include "planning/BusinessHoursClock.h"

#include "workorders/SlaPolicy.h"

#include <utility>

namespace fieldops::planning {

namespace {
// Coverage that opens on no day would loop for ever; a contract's response time never
// needs more than a few years of days.
constexpr int kMaxDays = 3 * 366;
} // namespace

Coverage Coverage::twentyFourSeven()
{
    Coverage c;
    c.aroundTheClock = true;
    c.days = {1, 2, 3, 4, 5, 6, 7};
    return c;
}

Coverage Coverage::businessHours()
{
    using workorders::SlaPolicy;
    Coverage c;
    c.open = QTime(SlaPolicy::kBusinessOpenMinute / 60, SlaPolicy::kBusinessOpenMinute % 60);
    c.close = QTime(SlaPolicy::kBusinessCloseMinute / 60, SlaPolicy::kBusinessCloseMinute % 60);
    return c;
}

Coverage Coverage::fromContract(const QString &coverage)
{
    return coverage == QLatin1String("24x7") ? twentyFourSeven() : businessHours();
}

bool Coverage::isValid() const
{
    if (aroundTheClock)
        return true;
    return !days.isEmpty() && open.isValid() && close.isValid() && open < close;
}

BusinessHoursClock::BusinessHoursClock(Coverage coverage, QSet<QDate> holidays, QTimeZone zone)
    : m_coverage(std::move(coverage)), m_holidays(std::move(holidays)), m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
}

bool BusinessHoursClock::isWorkingDay(const QDate &day) const
{
    if (m_holidays.contains(day))
        return false;
    return m_coverage.aroundTheClock || m_coverage.days.contains(day.dayOfWeek());
}

QDate BusinessHoursClock::nextWorkingDay(const QDate &day) const
{
    QDate d = day;
    for (int i = 0; i < 366 && d.isValid(); ++i, d = d.addDays(1))
        if (isWorkingDay(d))
            return d;
    return {};
}

QDateTime BusinessHoursClock::due(const QDateTime &start, int hours) const
{
    return addMinutes(start, qint64(hours) * 60);
}

QDateTime BusinessHoursClock::addMinutes(const QDateTime &start, qint64 minutes) const
{
    if (!start.isValid() || !m_coverage.isValid())
        return {};
    if (m_coverage.aroundTheClock)
        return start.addSecs(minutes * 60).toUTC();
    qint64 remaining = minutes * 60 * 1000;
    QDateTime cursor = start.toTimeZone(m_zone);
    QDate day = cursor.date();
    for (int i = 0; i < kMaxDays; ++i, day = day.addDays(1)) {
        if (!isWorkingDay(day))
            continue;
        const QDateTime open(day, m_coverage.open, m_zone);
        const QDateTime close(day, m_coverage.close, m_zone);
        if (cursor < open)
            cursor = open;
        if (cursor >= close)
            continue;
        const qint64 available = cursor.msecsTo(close);
        if (remaining <= available)
            return cursor.addMSecs(remaining).toUTC();
        remaining -= available;
        cursor = close;
    }
    return {};
}

} // namespace fieldops::planning
