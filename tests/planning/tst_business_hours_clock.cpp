// The contract SLA clock: response hours counted in covered time only. Every expected
// instant below was worked out by hand from the site's wall clock (the comment of each
// row shows the count), so the clock is checked against the rule, not against itself.
#include "planning/BusinessHoursClock.h"

#include <QtTest>

using namespace fieldops::planning;

namespace {

QDateTime utc(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC(); }
QDate day(const char *iso) { return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate); }

} // namespace

class TestBusinessHoursClock : public QObject {
    Q_OBJECT

private slots:
    void due_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<bool>("aroundTheClock");
        QTest::addColumn<QStringList>("holidays");
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<int>("hours");
        QTest::addColumn<QDateTime>("expected");
        const QString sp = QStringLiteral("America/Sao_Paulo"); // UTC-3 all year
        const QString berlin = QStringLiteral("Europe/Berlin");
        // Tue 17:00 local: 1 h Tuesday, 2 h from Wednesday 08:00 → Wed 10:00 local.
        QTest::newRow("over a night") << sp << false << QStringList() << utc("2026-03-03T20:00:00Z") << 3 << utc("2026-03-04T13:00:00Z");
        // Fri 16:00 local: 2 h Friday, weekend closed, 2 h Monday → Mon 10:00 local.
        QTest::newRow("over a weekend") << sp << false << QStringList() << utc("2026-03-06T19:00:00Z") << 4 << utc("2026-03-09T13:00:00Z");
        // Sat 11:00 local: nothing until Monday 08:00, then 5 h → Mon 13:00 local.
        QTest::newRow("started on a Saturday") << sp << false << QStringList() << utc("2026-03-07T14:00:00Z") << 5 << utc("2026-03-09T16:00:00Z");
        // Mon 06:00 local: the clock starts at 08:00 → 09:00.
        QTest::newRow("before opening") << sp << false << QStringList() << utc("2026-03-09T09:00:00Z") << 1 << utc("2026-03-09T12:00:00Z");
        // Thu 17:00 local, Friday a holiday: 1 h Thursday, 1 h Monday → Mon 09:00 local.
        QTest::newRow("over a holiday") << sp << false << QStringList{"2026-04-03"} << utc("2026-04-02T20:00:00Z") << 2 << utc("2026-04-06T12:00:00Z");
        // Started on the holiday itself (Wed 10:00): the clock waits for Thursday 08:00 → Thu 11:00.
        QTest::newRow("started on a holiday") << sp << false << QStringList{"2026-04-01"} << utc("2026-04-01T13:00:00Z") << 3 << utc("2026-04-02T14:00:00Z");
        // Exactly a full day: Mon 08:00 + 10 h ends at Mon 18:00, not Tue.
        QTest::newRow("a full business day") << sp << false << QStringList() << utc("2026-03-09T11:00:00Z") << 10 << utc("2026-03-09T21:00:00Z");
        // 24 h of business time = 2 days and 4 h: Mon 08:00 → Wed 12:00 local.
        QTest::newRow("several days") << sp << false << QStringList() << utc("2026-03-09T11:00:00Z") << 24 << utc("2026-03-11T15:00:00Z");
        // Berlin springs forward on Sun 2026-03-29. Fri 17:00 CET (16:00Z): 1 h Friday, 1 h
        // Monday from 08:00 CEST → Mon 09:00 CEST = 07:00Z (not 08:00Z as in winter).
        QTest::newRow("over the spring DST change") << berlin << false << QStringList() << utc("2026-03-27T16:00:00Z") << 2 << utc("2026-03-30T07:00:00Z");
        // Berlin falls back on Sun 2026-10-25. Fri 17:00 CEST (15:00Z): 1 h Friday, 1 h
        // Monday from 08:00 CET → Mon 09:00 CET = 08:00Z.
        QTest::newRow("over the autumn DST change") << berlin << false << QStringList() << utc("2026-10-23T15:00:00Z") << 2 << utc("2026-10-26T08:00:00Z");
        // Around the clock: 24 elapsed hours across the spring change (the wall clock shows 25).
        QTest::newRow("24x7 across DST") << berlin << true << QStringList() << utc("2026-03-28T11:00:00Z") << 24 << utc("2026-03-29T11:00:00Z");
        // Around the clock the holiday does not stop the clock.
        QTest::newRow("24x7 over a holiday") << sp << true << QStringList{"2026-04-03"} << utc("2026-04-02T20:00:00Z") << 8 << utc("2026-04-03T04:00:00Z");
    }
    void due()
    {
        QFETCH(QString, zone);
        QFETCH(bool, aroundTheClock);
        QFETCH(QStringList, holidays);
        QFETCH(QDateTime, start);
        QFETCH(int, hours);
        QFETCH(QDateTime, expected);
        QSet<QDate> days;
        for (const QString &h : holidays)
            days.insert(QDate::fromString(h, Qt::ISODate));
        const QTimeZone tz(zone.toUtf8());
        QVERIFY(tz.isValid());
        const BusinessHoursClock clock(aroundTheClock ? Coverage::twentyFourSeven() : Coverage::businessHours(), days, tz);
        QCOMPARE(clock.due(start, hours), expected);
    }

    void customCoverageCountsTheWallClock()
    {
        // Covered every day 00:00–23:00 in Berlin: the spring-change Sunday has only 22 covered hours.
        Coverage c;
        c.days = {1, 2, 3, 4, 5, 6, 7};
        c.open = QTime(0, 0);
        c.close = QTime(23, 0);
        const BusinessHoursClock clock(c, {}, QTimeZone("Europe/Berlin"));
        // Sun 00:00 CET (Sat 23:00Z) + 22 h → Sun 23:00 CEST = 21:00Z; one more hour waits for Monday 00:00 CEST.
        QCOMPARE(clock.due(utc("2026-03-28T23:00:00Z"), 22), utc("2026-03-29T21:00:00Z"));
        QCOMPARE(clock.due(utc("2026-03-28T23:00:00Z"), 23), utc("2026-03-29T23:00:00Z"));
    }

    void coverageThatNeverOpensGivesNoTime()
    {
        Coverage c = Coverage::businessHours();
        c.days.clear();
        const BusinessHoursClock clock(c, {}, QTimeZone::utc());
        QVERIFY(!clock.due(utc("2026-03-09T11:00:00Z"), 1).isValid());
        Coverage inverted = Coverage::businessHours();
        inverted.close = QTime(7, 0);
        QVERIFY(!BusinessHoursClock(inverted, {}, QTimeZone::utc()).due(utc("2026-03-09T11:00:00Z"), 1).isValid());
    }

    void nextWorkingDay()
    {
        const QSet<QDate> holidays{day("2026-04-03"), day("2026-04-06")};
        const BusinessHoursClock business(Coverage::businessHours(), holidays, QTimeZone::utc());
        QCOMPARE(business.nextWorkingDay(day("2026-04-02")), day("2026-04-02"));
        // Friday and Monday holidays, a weekend between: Tuesday.
        QCOMPARE(business.nextWorkingDay(day("2026-04-03")), day("2026-04-07"));
        const BusinessHoursClock allWeek(Coverage::twentyFourSeven(), holidays, QTimeZone::utc());
        QCOMPARE(allWeek.nextWorkingDay(day("2026-04-03")), day("2026-04-04"));
        QVERIFY(!business.isWorkingDay(day("2026-04-04")));
        QVERIFY(allWeek.isWorkingDay(day("2026-04-04")));
    }
};

QTEST_GUILESS_MAIN(TestBusinessHoursClock)
#include "tst_business_hours_clock.moc"
