// Shifts on the technician's own clock: DST gaps and repeated hours (Europe/Berlin,
// America/Sao_Paulo's historic DST), shifts past midnight, 24:00, days off; and the
// fast zone clock agreeing with QTimeZone everywhere.
#include "domain/Entities.h"
#include "scheduling/ShiftCalendar.h"
#include "util/TimeFormat.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;

namespace {
qint64 ms(const char *iso) { return timefmt::parseIsoWithOffset(QString::fromLatin1(iso)).toMSecsSinceEpoch(); }
QString iso(qint64 ms) { return timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)); }

std::shared_ptr<const ZoneClock> clock(const char *zone, const char *from = "2018-01-01T00:00:00Z",
                                       const char *to = "2027-01-01T00:00:00Z")
{
    return std::make_shared<ZoneClock>(QTimeZone(zone), ms(from), ms(to));
}

ShiftPattern pattern(QTime start, QTime end, const QStringList &days)
{
    Technician t;
    t.shiftStart = start;
    t.shiftEnd = end;
    t.workDays = days;
    return ShiftPattern::fromTechnician(t);
}
const QStringList weekdays{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
                           QStringLiteral("Fri")};
const QStringList everyDay{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
                           QStringLiteral("Fri"), QStringLiteral("Sat"), QStringLiteral("Sun")};
} // namespace

class TestShiftCalendar : public QObject {
    Q_OBJECT

private slots:
    void zoneClockAgreesWithQTimeZone_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::newRow("Berlin") << QByteArray("Europe/Berlin");
        QTest::newRow("Sao Paulo") << QByteArray("America/Sao_Paulo");
        QTest::newRow("New York") << QByteArray("America/New_York");
        QTest::newRow("Kolkata") << QByteArray("Asia/Kolkata");
        QTest::newRow("UTC") << QByteArray("UTC");
    }
    void zoneClockAgreesWithQTimeZone()
    {
        QFETCH(QByteArray, zone);
        const QTimeZone tz(zone);
        QVERIFY(tz.isValid());
        // Precomputed for 2018–2020 only: 2021 and later are answered by QTimeZone itself.
        const ZoneClock c(tz, ms("2018-01-01T00:00:00Z"), ms("2021-01-01T00:00:00Z"));
        for (qint64 t = ms("2017-06-01T00:30:00Z"); t < ms("2022-06-01T00:00:00Z"); t += 3 * 3600 * 1000 + 7 * 60 * 1000) {
            const QDateTime utc = QDateTime::fromMSecsSinceEpoch(t, Qt::UTC);
            QCOMPARE(c.offsetSecsAt(t), tz.offsetFromUtc(utc));
            QCOMPARE(c.localDate(t), utc.toTimeZone(tz).date());
            // Every existing local reading maps back to an instant showing it.
            const qint64 local = c.toLocalMs(t);
            QCOMPARE(c.toLocalMs(c.toUtcMs(local)), local);
        }
    }

    void zoneClockGapAndRepeatedHour()
    {
        const auto berlin = clock("Europe/Berlin");
        // 2026-03-29 02:30 does not exist in Berlin: moved forward by the gap to 03:30 CEST.
        QCOMPARE(iso(berlin->toUtcMs(QDate(2026, 3, 29), QTime(2, 30))), QStringLiteral("2026-03-29T01:30:00Z"));
        // 2026-10-25 02:30 happens twice: the first (CEST) is meant.
        QCOMPARE(iso(berlin->toUtcMs(QDate(2026, 10, 25), QTime(2, 30))), QStringLiteral("2026-10-25T00:30:00Z"));
        const auto saoPaulo = clock("America/Sao_Paulo");
        // 2018-11-04 00:00 was skipped (clocks went to 01:00 -02).
        QCOMPARE(iso(saoPaulo->toUtcMs(QDate(2018, 11, 4), QTime(0, 0))), QStringLiteral("2018-11-04T03:00:00Z"));
        // 2019-02-16 23:30 happened twice (-02, then -03).
        QCOMPARE(iso(saoPaulo->toUtcMs(QDate(2019, 2, 16), QTime(23, 30))), QStringLiteral("2019-02-17T01:30:00Z"));
        // An unknown zone is read as UTC rather than failing.
        const ZoneClock bogus(QTimeZone("Not/AZone"), 0, ms("2030-01-01T00:00:00Z"));
        QCOMPARE(bogus.offsetSecsAt(ms("2026-03-02T09:00:00Z")), 0);
    }

    void shiftsKeepLocalHoursAcrossDst_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");
        QTest::addColumn<QString>("startUtc");
        QTest::addColumn<QString>("endUtc");
        QTest::newRow("Berlin day shift before the change")
            << QByteArray("Europe/Berlin") << QDate(2026, 3, 27) << QTime(8, 0) << QTime(17, 0)
            << QStringLiteral("2026-03-27T07:00:00Z") << QStringLiteral("2026-03-27T16:00:00Z");
        QTest::newRow("Berlin day shift after the change")
            << QByteArray("Europe/Berlin") << QDate(2026, 3, 30) << QTime(8, 0) << QTime(17, 0)
            << QStringLiteral("2026-03-30T06:00:00Z") << QStringLiteral("2026-03-30T15:00:00Z");
        QTest::newRow("Berlin night shift across spring forward: 7 hours")
            << QByteArray("Europe/Berlin") << QDate(2026, 3, 28) << QTime(22, 0) << QTime(6, 0)
            << QStringLiteral("2026-03-28T21:00:00Z") << QStringLiteral("2026-03-29T04:00:00Z");
        QTest::newRow("Berlin night shift across fall back: 9 hours")
            << QByteArray("Europe/Berlin") << QDate(2026, 10, 24) << QTime(22, 0) << QTime(6, 0)
            << QStringLiteral("2026-10-24T20:00:00Z") << QStringLiteral("2026-10-25T05:00:00Z");
        QTest::newRow("Sao Paulo shift from the skipped midnight")
            << QByteArray("America/Sao_Paulo") << QDate(2018, 11, 4) << QTime(0, 0) << QTime(8, 0)
            << QStringLiteral("2018-11-04T03:00:00Z") << QStringLiteral("2018-11-04T10:00:00Z");
        QTest::newRow("Sao Paulo shift to 24:00 on the night DST ended")
            << QByteArray("America/Sao_Paulo") << QDate(2019, 2, 16) << QTime(12, 0) << QTime(23, 59, 59, 999)
            << QStringLiteral("2019-02-16T14:00:00Z") << QStringLiteral("2019-02-17T03:00:00Z");
        QTest::newRow("equal start and end is a 24-hour shift")
            << QByteArray("UTC") << QDate(2026, 3, 2) << QTime(6, 0) << QTime(6, 0)
            << QStringLiteral("2026-03-02T06:00:00Z") << QStringLiteral("2026-03-03T06:00:00Z");
    }
    void shiftsKeepLocalHoursAcrossDst()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QDate, day);
        QFETCH(QTime, start);
        QFETCH(QTime, end);
        QFETCH(QString, startUtc);
        QFETCH(QString, endUtc);
        const ShiftCalendar cal(pattern(start, end, everyDay), clock(zone.constData()));
        const auto s = cal.shiftOn(day);
        QVERIFY(s.has_value());
        QCOMPARE(iso(s->startMs), startUtc);
        QCOMPARE(iso(s->endMs), endUtc);
    }

    void daysOffHaveNoShift()
    {
        const ShiftCalendar cal(pattern(QTime(8, 0), QTime(17, 0), weekdays), clock("UTC"));
        QVERIFY(cal.shiftOn(QDate(2026, 3, 6)).has_value());  // Friday
        QVERIFY(!cal.shiftOn(QDate(2026, 3, 7)).has_value()); // Saturday
        QVERIFY(!cal.shiftOn(QDate(2026, 3, 8)).has_value()); // Sunday
        QCOMPARE(ShiftCalendar::isoDayOfWeek(ZoneClock::dateToDay(QDate(2026, 3, 2))), 1);
        QCOMPARE(ShiftCalendar::isoDayOfWeek(ZoneClock::dateToDay(QDate(1969, 12, 28))), 7);
        // Mon 00:00 to the next Mon 00:00: five shifts.
        const auto week = cal.shiftsBetween(ms("2026-03-02T00:00:00Z"), ms("2026-03-09T00:00:00Z"));
        QCOMPARE(week.size(), size_t(5));
        QCOMPARE(iso(week.front().startMs), QStringLiteral("2026-03-02T08:00:00Z"));
        QCOMPARE(iso(week.back().endMs), QStringLiteral("2026-03-06T17:00:00Z"));
    }

    void check_data()
    {
        QTest::addColumn<QTime>("start");
        QTest::addColumn<QTime>("end");
        QTest::addColumn<QStringList>("days");
        QTest::addColumn<QString>("visitStart");
        QTest::addColumn<QString>("visitEnd");
        QTest::addColumn<int>("fit");
        const int inside = int(ShiftFit::Inside), off = int(ShiftFit::DayOff), outside = int(ShiftFit::Outside);
        const QTime eight(8, 0), five(17, 0), ten(22, 0), six(6, 0);
        QTest::newRow("inside") << eight << five << weekdays << "2026-03-02T09:00:00Z" << "2026-03-02T10:00:00Z" << inside;
        QTest::newRow("whole shift") << eight << five << weekdays << "2026-03-02T08:00:00Z" << "2026-03-02T17:00:00Z" << inside;
        QTest::newRow("early") << eight << five << weekdays << "2026-03-02T07:59:00Z" << "2026-03-02T10:00:00Z" << outside;
        QTest::newRow("late") << eight << five << weekdays << "2026-03-02T16:00:00Z" << "2026-03-02T17:00:01Z" << outside;
        QTest::newRow("evening of a work day") << eight << five << weekdays << "2026-03-02T18:00:00Z" << "2026-03-02T19:00:00Z" << outside;
        QTest::newRow("saturday") << eight << five << weekdays << "2026-03-07T09:00:00Z" << "2026-03-07T10:00:00Z" << off;
        QTest::newRow("night shift after midnight") << ten << six << weekdays << "2026-03-03T01:00:00Z" << "2026-03-03T05:00:00Z" << inside;
        QTest::newRow("night shift across midnight") << ten << six << weekdays << "2026-03-02T23:00:00Z" << "2026-03-03T01:00:00Z" << inside;
        QTest::newRow("friday night into saturday") << ten << six << weekdays << "2026-03-07T02:00:00Z" << "2026-03-07T03:00:00Z" << inside;
        QTest::newRow("saturday night") << ten << six << weekdays << "2026-03-07T23:00:00Z" << "2026-03-08T01:00:00Z" << off;
        QTest::newRow("past the night shift") << ten << six << weekdays << "2026-03-03T05:30:00Z" << "2026-03-03T06:30:00Z" << outside;
        QTest::newRow("24-hour shifts join") << QTime(0, 0) << QTime(0, 0) << everyDay << "2026-03-02T20:00:00Z" << "2026-03-04T04:00:00Z" << inside;
        QTest::newRow("24:00 end") << QTime(12, 0) << QTime(23, 59, 59, 999) << weekdays << "2026-03-02T23:00:00Z" << "2026-03-03T00:00:00Z" << inside;
        QTest::newRow("24:00 end, a minute more") << QTime(12, 0) << QTime(23, 59, 59, 999) << weekdays << "2026-03-02T23:00:00Z" << "2026-03-03T00:01:00Z" << outside;
    }
    void check()
    {
        QFETCH(QTime, start);
        QFETCH(QTime, end);
        QFETCH(QStringList, days);
        QFETCH(QString, visitStart);
        QFETCH(QString, visitEnd);
        QFETCH(int, fit);
        const ShiftCalendar cal(pattern(start, end, days), clock("UTC"));
        const ShiftCheck c = cal.check(timefmt::parseIsoWithOffset(visitStart).toMSecsSinceEpoch(),
                                       timefmt::parseIsoWithOffset(visitEnd).toMSecsSinceEpoch());
        QCOMPARE(int(c.fit), fit);
        QCOMPARE(c.shift.has_value(), c.fit != ShiftFit::DayOff);
    }
};

QTEST_GUILESS_MAIN(TestShiftCalendar)
#include "tst_shift_calendar.moc"
