#include "scheduling/ZoneClock.h"

#include <QDateTime>
#include <algorithm>
#include <limits>

namespace fieldops::scheduling {

ZoneClock::ZoneClock(const QTimeZone &zone, qint64 fromUtcMs, qint64 toUtcMs)
    : m_zone(zone.isValid() ? zone : QTimeZone::utc()), m_fromMs(fromUtcMs), m_toMs(toUtcMs)
{
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(fromUtcMs, Qt::UTC);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(toUtcMs, Qt::UTC);
    m_offsetBefore = m_zone.offsetFromUtc(from);
    if (m_zone.hasTransitions() && toUtcMs > fromUtcMs) {
        const auto transitions = m_zone.transitions(from, to);
        for (const QTimeZone::OffsetData &t : transitions)
            m_steps.push_back({t.atUtc.toMSecsSinceEpoch(), t.offsetFromUtc});
    }
    if (!m_zone.hasTransitions()) {
        // A zone without transitions (UTC, fixed offsets) is one offset everywhere.
        m_fromMs = std::numeric_limits<qint64>::min();
        m_toMs = std::numeric_limits<qint64>::max();
    }
}

int ZoneClock::offsetSecsAt(qint64 utcMs) const
{
    if (utcMs < m_fromMs || utcMs >= m_toMs)
        return m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(utcMs, Qt::UTC));
    if (m_steps.empty())
        return m_offsetBefore;
    auto it = std::upper_bound(m_steps.begin(), m_steps.end(), utcMs,
                               [](qint64 t, const Step &s) { return t < s.atUtcMs; });
    return it == m_steps.begin() ? m_offsetBefore : std::prev(it)->offsetSecs;
}

qint64 ZoneClock::localDayNumber(qint64 utcMs) const
{
    return floorDiv(toLocalMs(utcMs), kDayMs);
}

qint64 ZoneClock::toUtcMs(qint64 localMs) const
{
    // Offsets never exceed ±14 h, so the offsets a day either side bracket every candidate
    // (zones change offset at most once within two days).
    const int early = offsetSecsAt(localMs - kDayMs);
    const int late = offsetSecsAt(localMs + kDayMs);
    qint64 best = 0;
    bool found = false;
    for (const int off : {early, late}) {
        const qint64 utc = localMs - qint64(off) * 1000;
        if (offsetSecsAt(utc) == off && (!found || utc < best)) {
            best = utc;
            found = true;
        }
    }
    // In a gap: read with the offset in force before it, i.e. moved forward by the gap.
    return found ? best : localMs - qint64(early) * 1000;
}

qint64 ZoneClock::toUtcMs(const QDate &date, const QTime &time) const
{
    return toUtcMs(dateToDay(date) * kDayMs + time.msecsSinceStartOfDay());
}

} // namespace fieldops::scheduling
