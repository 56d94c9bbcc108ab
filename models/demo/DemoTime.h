#pragma once
// Instants as plain seconds since the epoch (UTC) while generating: hundreds of thousands
// of appointments make QDateTime arithmetic and time-zone lookups the slow part, so the
// zone's offset is looked up once per local date and the text form is built by hand.
#include <QByteArray>
#include <QDate>
#include <QString>
#include <QTimeZone>

#include <limits>
#include <unordered_map>

namespace fieldops::demo {

using Instant = qint64; // seconds since 1970-01-01T00:00:00Z
inline constexpr Instant kNoInstant = std::numeric_limits<qint64>::min();
inline constexpr Instant kMinute = 60;
inline constexpr Instant kHour = 3600;
inline constexpr Instant kDay = 86400;

// "2026-03-02T11:00:00Z": the canonical form of timefmt::toIsoUtc, for both dialects.
QString isoUtc(Instant t);

// Local wall-clock ↔ UTC for one IANA zone, cached per date.
class LocalClock {
public:
    explicit LocalClock(const QByteArray &ianaId);
    // The instant at `minuteOfDay` minutes after local midnight of `date`.
    Instant at(const QDate &date, int minuteOfDay) const;
    QDate localDate(Instant t) const;
    int localMinuteOfDay(Instant t) const;
    int offsetSeconds(const QDate &date) const;

private:
    QTimeZone m_zone;
    mutable std::unordered_map<qint64, int> m_offsets; // julian day → offset from UTC
};

} // namespace fieldops::demo
