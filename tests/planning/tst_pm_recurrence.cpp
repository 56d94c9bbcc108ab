// Maintenance-plan recurrence: the rule's text form and the days a series falls on,
// checked against dates worked out on a calendar (31st in short months, Feb 29 in leap
// and common years, the last Friday, seasons, a DST change in the site's zone, the
// contract ending mid-series, and a missed occurrence with and without shift on miss).
#include "planning/PmRecurrence.h"

#include <QtTest>

using namespace fieldops::planning;

namespace {

QDate day(const char *iso) { return QDate::fromString(QString::fromLatin1(iso), Qt::ISODate); }

QStringList dues(const QVector<PmOccurrence> &occurrences)
{
    QStringList out;
    for (const PmOccurrence &o : occurrences)
        out << o.due.toString(Qt::ISODate);
    return out;
}

PmSeries seriesOf(const char *rule, const char *start)
{
    PmSeries s;
    QString why;
    const auto parsed = PmRule::parse(QString::fromLatin1(rule), &why);
    if (!parsed)
        qWarning() << "rule not parsed:" << rule << why;
    s.rule = parsed.value_or(PmRule());
    s.start = day(start);
    return s;
}

} // namespace

class TestPmRecurrence : public QObject {
    Q_OBJECT

private slots:
    void parsesAndPrints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("days") << QStringLiteral("every 10 days") << QStringLiteral("every 10 days");
        QTest::newRow("singular, spacing, case") << QStringLiteral("  Every 1   Month  ") << QStringLiteral("every 1 months");
        QTest::newRow("weekday") << QStringLiteral("every 2 weeks on tue") << QStringLiteral("every 2 weeks on Tue");
        QTest::newRow("day of month") << QStringLiteral("every 3 months on day 31") << QStringLiteral("every 3 months on day 31");
        QTest::newRow("last weekday") << QStringLiteral("every 1 months on last Fri") << QStringLiteral("every 1 months on last Fri");
        QTest::newRow("second weekday") << QStringLiteral("every 1 months on second mon") << QStringLiteral("every 1 months on second Mon");
    }
    void parsesAndPrints()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QString why;
        const auto rule = PmRule::parse(text, &why);
        QVERIFY2(rule, qPrintable(why));
        QCOMPARE(rule->toText(), canonical);
        QCOMPARE(PmRule::parse(rule->toText()), rule);
    }

    void refusesWhatIsNotARule_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions"); // part of the reason
        QTest::newRow("empty") << QString() << QStringLiteral("every N days");
        QTest::newRow("zero") << QStringLiteral("every 0 days") << QStringLiteral("\"0\"");
        QTest::newRow("not a number") << QStringLiteral("every x weeks") << QStringLiteral("\"x\"");
        QTest::newRow("unit") << QStringLiteral("every 2 years") << QStringLiteral("\"years\"");
        QTest::newRow("days with on") << QStringLiteral("every 2 days on Mon") << QStringLiteral("days");
        QTest::newRow("day 32") << QStringLiteral("every 1 months on day 32") << QStringLiteral("\"32\"");
        QTest::newRow("weekday typo") << QStringLiteral("every 1 weeks on Fry") << QStringLiteral("\"fry\"");
        QTest::newRow("fifth") << QStringLiteral("every 1 months on fifth Fri") << QStringLiteral("\"fifth\"");
        QTest::newRow("trailing words") << QStringLiteral("every 1 months on day 3 please") << QStringLiteral("every N days");
    }
    void refusesWhatIsNotARule()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QString why;
        QVERIFY(!PmRule::parse(text, &why));
        QVERIFY2(why.contains(mentions), qPrintable(why));
    }

    void seriesDays_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("until");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("31st falls to the last day of shorter months")
            << QStringLiteral("every 1 months on day 31") << day("2026-01-31") << day("2026-01-01") << day("2026-07-31")
            << QStringList{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-31"};
        QTest::newRow("day taken from a start on the 31st, no drift after February")
            << QStringLiteral("every 1 months") << day("2026-01-31") << day("2026-01-01") << day("2026-04-30")
            << QStringList{"2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"};
        QTest::newRow("31st in a leap February")
            << QStringLiteral("every 1 months on day 31") << day("2028-01-31") << day("2028-01-01") << day("2028-03-31")
            << QStringList{"2028-01-31", "2028-02-29", "2028-03-31"};
        QTest::newRow("Feb 29 yearly: Feb 28 in common years")
            << QStringLiteral("every 12 months") << day("2024-02-29") << day("2024-01-01") << day("2029-01-01")
            << QStringList{"2024-02-29", "2025-02-28", "2026-02-28", "2027-02-28", "2028-02-29"};
        QTest::newRow("day 29 monthly through a common February")
            << QStringLiteral("every 1 months on day 29") << day("2027-01-01") << day("2027-01-01") << day("2027-03-31")
            << QStringList{"2027-01-29", "2027-02-28", "2027-03-29"};
        QTest::newRow("every 2 days across Feb 29")
            << QStringLiteral("every 2 days") << day("2028-02-27") << day("2028-02-27") << day("2028-03-03")
            << QStringList{"2028-02-27", "2028-02-29", "2028-03-02"};
        QTest::newRow("last Friday of each month")
            << QStringLiteral("every 1 months on last Fri") << day("2026-01-01") << day("2026-01-01") << day("2026-12-31")
            << QStringList{"2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24", "2026-05-29", "2026-06-26",
                           "2026-07-31", "2026-08-28", "2026-09-25", "2026-10-30", "2026-11-27", "2026-12-25"};
        QTest::newRow("quarterly on the second Monday")
            << QStringLiteral("every 3 months on second Mon") << day("2026-01-01") << day("2026-01-01") << day("2026-12-31")
            << QStringList{"2026-01-12", "2026-04-13", "2026-07-13", "2026-10-12"};
        QTest::newRow("fortnightly on Wednesday, first one after the start")
            << QStringLiteral("every 2 weeks on Wed") << day("2026-03-05") << day("2026-03-01") << day("2026-04-30")
            << QStringList{"2026-03-11", "2026-03-25", "2026-04-08", "2026-04-22"};
        QTest::newRow("a window far after the start")
            << QStringLiteral("every 7 days") << day("2020-01-06") << day("2026-03-01") << day("2026-03-20")
            << QStringList{"2026-03-02", "2026-03-09", "2026-03-16"};
        QTest::newRow("quarterly: three months from the first day after the start")
            << QStringLiteral("every 3 months on day 5") << day("2026-03-10") << day("2026-03-01") << day("2026-10-31")
            << QStringList{"2026-04-05", "2026-07-05", "2026-10-05"};
        QTest::newRow("nothing before the start")
            << QStringLiteral("every 1 months on day 5") << day("2026-03-10") << day("2026-03-01") << day("2026-05-31")
            << QStringList{"2026-04-05", "2026-05-05"};
    }
    void seriesDays()
    {
        QFETCH(QString, rule);
        QFETCH(QDate, start);
        QFETCH(QDate, from);
        QFETCH(QDate, until);
        QFETCH(QStringList, expected);
        PmSeries s = seriesOf(rule.toLatin1().constData(), start.toString(Qt::ISODate).toLatin1().constData());
        QCOMPARE(dues(recurrence::occurrences(s, from, until)), expected);
    }

    void seasonalMonthsOnly()
    {
        PmSeries s = seriesOf("every 1 weeks on Mon", "2026-05-01");
        auto months = recurrence::parseMonths(QStringLiteral("7; 6"));
        QVERIFY(months);
        QCOMPARE(recurrence::monthsText(*months), QStringLiteral("6;7"));
        s.seasonalMonths = *months;
        QCOMPARE(dues(recurrence::occurrences(s, day("2026-05-01"), day("2026-08-31"))),
                 (QStringList{"2026-06-01", "2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29", "2026-07-06",
                              "2026-07-13", "2026-07-20", "2026-07-27"}));
        QString why;
        QVERIFY(!recurrence::parseMonths(QStringLiteral("6;13"), &why));
        QVERIFY(why.contains(QStringLiteral("13")));
    }

    void contractEndingMidSeries()
    {
        PmSeries s = seriesOf("every 30 days", "2026-01-01");
        s.endsOn = day("2026-03-15");
        QCOMPARE(dues(recurrence::occurrences(s, day("2026-01-01"), day("2026-12-31"))),
                 (QStringList{"2026-01-01", "2026-01-31", "2026-03-02"}));
        // A horizon that starts after the end has nothing.
        QVERIFY(recurrence::occurrences(s, day("2026-03-16"), day("2026-12-31")).isEmpty());
    }

    void preferredStartStaysLocalAcrossDst_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QDate>("start");
        QTest::addColumn<QStringList>("utcStarts");
        // New York springs forward on Sunday 2026-03-08: 08:00 EST is 13:00Z, 08:00 EDT 12:00Z.
        QTest::newRow("New York, spring") << QStringLiteral("America/New_York") << QStringLiteral("every 1 weeks on Sun") << day("2026-03-01")
                                          << QStringList{"2026-03-01T13:00:00Z", "2026-03-08T12:00:00Z", "2026-03-15T12:00:00Z"};
        // Berlin falls back on Sunday 2026-10-25: 08:00 CEST is 06:00Z, 08:00 CET 07:00Z.
        QTest::newRow("Berlin, autumn") << QStringLiteral("Europe/Berlin") << QStringLiteral("every 1 days") << day("2026-10-24")
                                        << QStringList{"2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z", "2026-10-26T07:00:00Z"};
    }
    void preferredStartStaysLocalAcrossDst()
    {
        QFETCH(QString, zone);
        QFETCH(QString, rule);
        QFETCH(QDate, start);
        QFETCH(QStringList, utcStarts);
        PmSeries s = seriesOf(rule.toLatin1().constData(), start.toString(Qt::ISODate).toLatin1().constData());
        s.zone = QTimeZone(zone.toUtf8());
        QVERIFY(s.zone.isValid());
        s.preferredStart = QTime(8, 0);
        const auto occurrences = recurrence::occurrences(s, start, start.addDays(14));
        QVERIFY(occurrences.size() >= utcStarts.size());
        for (qsizetype i = 0; i < utcStarts.size(); ++i) {
            QCOMPARE(occurrences[i].start.toUTC().toString(Qt::ISODate), utcStarts[i]);
            QCOMPARE(occurrences[i].start.toTimeZone(s.zone).time(), QTime(8, 0));
        }
    }

    void startInsideTheSpringGap()
    {
        // 02:30 does not exist in New York on 2026-03-08; the visit starts at 03:30 EDT (07:30Z).
        PmSeries s = seriesOf("every 1 days", "2026-03-08");
        s.zone = QTimeZone("America/New_York");
        s.preferredStart = QTime(2, 30);
        const auto occurrences = recurrence::occurrences(s, day("2026-03-08"), day("2026-03-09"));
        QCOMPARE(occurrences.size(), 2);
        QCOMPARE(occurrences[0].start.toString(Qt::ISODate), QStringLiteral("2026-03-08T07:30:00Z"));
        QCOMPARE(occurrences[1].start.toString(Qt::ISODate), QStringLiteral("2026-03-09T06:30:00Z"));
    }

    void missedOccurrenceWithoutShiftIsDropped()
    {
        PmSeries s = seriesOf("every 10 days", "2026-01-01");
        const auto occurrences = recurrence::occurrences(s, day("2026-01-05"), day("2026-01-31"));
        QCOMPARE(dues(occurrences), (QStringList{"2026-01-11", "2026-01-21", "2026-01-31"}));
    }

    void missedOccurrenceShiftsTheFollowingOnes()
    {
        PmSeries s = seriesOf("every 10 days", "2026-01-01");
        s.shiftOnMiss = true;
        // Jan 1 was never generated: it is made up on Jan 5 and the series counts from there.
        auto occurrences = recurrence::occurrences(s, day("2026-01-05"), day("2026-01-31"));
        QCOMPARE(dues(occurrences), (QStringList{"2026-01-05", "2026-01-15", "2026-01-25"}));
        QCOMPARE(occurrences.front().scheduled, day("2026-01-01"));
        // Once Jan 5 is generated the next day's run continues the shifted series.
        occurrences = recurrence::occurrences(s, day("2026-01-06"), day("2026-01-31"), day("2026-01-05"));
        QCOMPARE(dues(occurrences), (QStringList{"2026-01-15", "2026-01-25"}));
        // Jan 15 missed in turn: made up on Jan 20, then every 10 days from it.
        occurrences = recurrence::occurrences(s, day("2026-01-20"), day("2026-02-10"), day("2026-01-05"));
        QCOMPARE(dues(occurrences), (QStringList{"2026-01-20", "2026-01-30", "2026-02-09"}));
        QCOMPARE(occurrences.front().scheduled, day("2026-01-15"));
    }

    void shiftKeepsTheRuleDay()
    {
        // Monthly on the 15th, the March visit missed: made up on Mar 20, then April 15 on.
        PmSeries s = seriesOf("every 1 months on day 15", "2026-01-15");
        s.shiftOnMiss = true;
        const auto occurrences = recurrence::occurrences(s, day("2026-03-20"), day("2026-05-31"), day("2026-02-15"));
        QCOMPARE(dues(occurrences), (QStringList{"2026-03-20", "2026-04-15", "2026-05-15"}));
        // Nothing missed: the same days as a fixed series.
        const auto onTime = recurrence::occurrences(s, day("2026-03-10"), day("2026-05-31"), day("2026-02-15"));
        QCOMPARE(dues(onTime), (QStringList{"2026-03-15", "2026-04-15", "2026-05-15"}));
    }
};

QTEST_GUILESS_MAIN(TestPmRecurrence)
#include "tst_pm_recurrence.moc"
