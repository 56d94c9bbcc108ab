#include "demo/DemoTime.h"

#include <QDateTime>

namespace fieldops::demo {

namespace {
constexpr qint64 kEpochJulianDay = 2440588; // 1970-01-01

// Floor division: instants before 1970 still map to the right day.
qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

void put2(QChar *p, int v)
{
    p[0] = QChar(u'0' + v / 10);
    p[1] = QChar(u'0' + v % 10);
}
} // namespace

QString isoUtc(Instant t)
{
    if (t == kNoInstant)
        return {};
    const qint64 days = floorDiv(t, kDay);
    const qint64 secs = t - days * kDay;
    const QDate d = QDate::fromJulianDay(kEpochJulianDay + days);
    QString s(20, Qt::Uninitialized);
    QChar *p = s.data();
    const int y = d.year();
    p[0] = QChar(u'0' + (y / 1000) % 10);
    p[1] = QChar(u'0' + (y / 100) % 10);
    put2(p + 2, y % 100);
    p[4] = u'-';
    put2(p + 5, d.month());
    p[7] = u'-';
    put2(p + 8, d.day());
    p[10] = u'T';
    put2(p + 11, int(secs / 3600));
    p[13] = u':';
    put2(p + 14, int(secs / 60 % 60));
    p[16] = u':';
    put2(p + 17, int(secs % 60));
    p[19] = u'Z';
    return s;
}

LocalClock::LocalClock(const QByteArray &ianaId) : m_zone(ianaId) {}

int LocalClock::offsetSeconds(const QDate &date) const
{
    const qint64 jd = date.toJulianDay();
    auto it = m_offsets.find(jd);
    if (it != m_offsets.end())
        return it->second;
    // Noon: Brazil's old DST switches happened at midnight, so noon is always unambiguous.
    // Without tz data (a stripped container) São Paulo's standard offset is the answer.
    const int off = m_zone.isValid() ? m_zone.offsetFromUtc(QDateTime(date, QTime(12, 0), m_zone)) : -3 * 3600;
    m_offsets.emplace(jd, off);
    return off;
}

Instant LocalClock::at(const QDate &date, int minuteOfDay) const
{
    return (date.toJulianDay() - kEpochJulianDay) * kDay + qint64(minuteOfDay) * kMinute - offsetSeconds(date);
}

QDate LocalClock::localDate(Instant t) const
{
    const QDate utcDate = QDate::fromJulianDay(kEpochJulianDay + floorDiv(t, kDay));
    return QDate::fromJulianDay(kEpochJulianDay + floorDiv(t + offsetSeconds(utcDate), kDay));
}

int LocalClock::localMinuteOfDay(Instant t) const
{
    const QDate d = localDate(t);
    return int((t - at(d, 0)) / kMinute);
}

} // namespace fieldops::demo
