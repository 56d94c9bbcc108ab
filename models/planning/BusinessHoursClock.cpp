#include "planning/BusinessHoursClock.h"

#include "domain/Vocabulary.h"
#include "util/TimeFormat.h"
#include "workorders/SlaPolicy.h"

#include <algorithm>
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

Coverage Coverage::fromContract(const QString &coverage, const QString &days, const QString &open, const QString &close)
{
    Coverage c = fromContract(coverage);
    if (c.aroundTheClock)
        return c;
    Coverage terms;
    terms.days.clear();
    for (const QString &part : days.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const qsizetype i = vocabulary::weekDays().indexOf(part.trimmed());
        if (i < 0)
            return c;
        if (!terms.days.contains(int(i) + 1))
            terms.days << int(i) + 1;
    }
    std::sort(terms.days.begin(), terms.days.end());
    const auto opening = timefmt::parseClock(open.trimmed());
    if (!opening)
        return c;
    terms.open = *opening;
    if (close.trimmed() == QLatin1String("24:00")) {
        terms.closesAtMidnight = true;
    } else {
        const auto closing = timefmt::parseClock(close.trimmed());
        if (!closing)
            return c;
        terms.close = *closing;
    }
    return terms.isValid() ? terms : c;
}

bool Coverage::isValid() const
{
    if (aroundTheClock)
        return true;
    return !days.isEmpty() && open.isValid() && (closesAtMidnight || (close.isValid() && open < close));
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
        const QDateTime close = m_coverage.closesAtMidnight ? QDateTime(day.addDays(1), QTime(0, 0), m_zone)
                                                            : QDateTime(day, m_coverage.close, m_zone);
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
