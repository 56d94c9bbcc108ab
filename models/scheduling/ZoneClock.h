#pragma once
// Fast UTC ↔ local-clock arithmetic for one IANA time zone. QTimeZone answers every
// question but costs microseconds per call; the rule sweep asks hundreds of thousands,
// so the zone's offset transitions around the horizon are read once and then looked up
// by binary search. Outside that span QTimeZone answers directly (same results, slower).
//
// Local clock readings that do not exist (the spring-forward gap) are moved forward by the
// gap, as a wall clock would be; readings that exist twice (fall back) mean the first one.
#include <QDate>
#include <QTime>
#include <QTimeZone>
#include <QtGlobal>
#include <vector>

namespace fieldops::scheduling {

class ZoneClock {
public:
    static constexpr qint64 kDayMs = 86'400'000;

    // An invalid zone (unknown IANA name) behaves as UTC.
    explicit ZoneClock(const QTimeZone &zone, qint64 fromUtcMs, qint64 toUtcMs);
    ZoneClock() : ZoneClock(QTimeZone::utc(), 0, 0) {}

    const QTimeZone &zone() const { return m_zone; }
    int offsetSecsAt(qint64 utcMs) const;
    qint64 toLocalMs(qint64 utcMs) const { return utcMs + qint64(offsetSecsAt(utcMs)) * 1000; }
    // Days since 1970-01-01 of the local date: equal numbers mean the same local date.
    qint64 localDayNumber(qint64 utcMs) const;
    QDate localDate(qint64 utcMs) const { return dayToDate(localDayNumber(utcMs)); }
    // The instant at which the local clock reads `localMs` (ms since the local epoch).
    qint64 toUtcMs(qint64 localMs) const;
    qint64 toUtcMs(const QDate &date, const QTime &time) const;

    static qint64 dateToDay(const QDate &d) { return d.toJulianDay() - kJulianDayOfEpoch; }
    static QDate dayToDate(qint64 day) { return QDate::fromJulianDay(day + kJulianDayOfEpoch); }
    static qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

private:
    static constexpr qint64 kJulianDayOfEpoch = 2440588;
    struct Step {
        qint64 atUtcMs; // from this instant on …
        int offsetSecs; // … the zone is this far ahead of UTC
    };
    QTimeZone m_zone;
    qint64 m_fromMs = 0, m_toMs = 0;
    int m_offsetBefore = 0;
    std::vector<Step> m_steps;
};

} // namespace fieldops::scheduling
