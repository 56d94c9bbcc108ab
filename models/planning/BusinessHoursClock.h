#pragma once
// The SLA clock of a contract: response hours counted only while the contract covers the
// site. Around the clock (24x7) the clock never stops; in business hours it runs on the
// covered weekdays between opening and closing, in the site's time zone, and stops
// overnight, at weekends and on the territory's holidays. Each day's opening and closing
// are read in the zone, so a day with a DST change covers what the wall clock says.
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QTime>
#include <QTimeZone>

namespace fieldops::planning {

struct Coverage {
    bool aroundTheClock = false;
    QList<int> days{1, 2, 3, 4, 5}; // 1 Monday … 7 Sunday
    QTime open{8, 0};
    QTime close{18, 0}; // after `open`, the same day
    // A contract may close at '24:00', which QTime cannot hold: the covered hours then run
    // to the next midnight and `close` is ignored.
    bool closesAtMidnight = false;

    static Coverage twentyFourSeven();
    // The contracts' business hours, the same as SlaPolicy's (Monday to Friday 08:00–18:00).
    static Coverage businessHours();
    // A contract's coverage column: '24x7' or 'business_hours'.
    static Coverage fromContract(const QString &coverage);
    // A contract's coverage with its own days ('Mon;Tue;Wed;Thu;Fri') and hours ('HH:MM',
    // the closing time may be '24:00'). Terms that cannot be read (the database checks
    // them, so only a hand-edited row) fall back to the default business hours.
    static Coverage fromContract(const QString &coverage, const QString &days, const QString &open, const QString &close);
    bool isValid() const;
};

class BusinessHoursClock {
public:
    BusinessHoursClock(Coverage coverage, QSet<QDate> holidays, QTimeZone zone);

    // `hours` of covered time after `start`, in UTC; null when the coverage never opens.
    QDateTime due(const QDateTime &start, int hours) const;
    QDateTime addMinutes(const QDateTime &start, qint64 minutes) const;

    // A day the contract covers that is no holiday (24x7: any day but a holiday).
    bool isWorkingDay(const QDate &day) const;
    // `day` itself when it is a working day, else the next one (null if none within a year).
    QDate nextWorkingDay(const QDate &day) const;

    const Coverage &coverage() const { return m_coverage; }
    const QTimeZone &zone() const { return m_zone; }

private:
    Coverage m_coverage;
    QSet<QDate> m_holidays;
    QTimeZone m_zone;
};

} // namespace fieldops::planning
