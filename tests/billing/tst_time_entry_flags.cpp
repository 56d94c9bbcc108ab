// TimeEntryFlags on hand-made entries: overlap within one technician only (touching is not
// overlapping), inside a visit widened by 15 minutes (boundaries included), travel ending at
// the arrival or starting at the completion, billable time without a comment, and work or
// travel disagreeing with the arrival and departure the GPS inferred by more than the
// tolerance (15 minutes unless the caller says otherwise; only where they were inferred).
#include "billing/TimeEntryFlags.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::billing;

namespace {

QDateTime at(const char *hhmm) { return QDateTime(QDate(2026, 3, 2), QTime::fromString(QString::fromLatin1(hhmm), QStringLiteral("HH:mm")), QTimeZone::utc()); }

TimeEntry entry(qint64 id, const char *tech, const char *from, const char *to, const char *activity = "work", const char *comment = "fixed it",
                bool billable = true)
{
    TimeEntry e;
    e.id = id;
    e.technicianId = QString::fromLatin1(tech);
    e.workOrderId = QStringLiteral("w1");
    e.start = at(from);
    e.end = at(to);
    e.activity = QString::fromLatin1(activity);
    e.comment = QString::fromLatin1(comment);
    e.billable = billable;
    e.reviewState = QStringLiteral("pending");
    return e;
}

// Ana's visit of w1: arrived 09:05, completed 10:50; widened: 08:50 to 11:05.
std::vector<VisitSpan> anasVisit()
{
    VisitSpan v;
    v.workOrderId = QStringLiteral("w1");
    v.technicianId = QStringLiteral("ana");
    v.begin = at("09:05");
    v.end = at("10:50");
    return {v};
}

// Ana's visit of w1 with the phone's stay: on site from 09:00 to 10:55 by the GPS.
std::vector<VisitSpan> anasVisitWithGps(const char *arrival = "09:00", const char *departure = "10:55")
{
    std::vector<VisitSpan> visits = anasVisit();
    if (*arrival)
        visits.front().inferredArrival = at(arrival);
    if (*departure)
        visits.front().inferredDeparture = at(departure);
    return visits;
}

QStringList codes(const std::map<qint64, QList<Flag>> &flags, qint64 id)
{
    QStringList out;
    auto f = flags.find(id);
    if (f == flags.end())
        return out;
    for (const Flag &flag : f->second)
        out << flagCode(flag.kind)
                + (flag.kind == FlagKind::Overlap       ? QStringLiteral(":%1").arg(flag.otherId)
                       : flag.kind == FlagKind::GpsMismatch ? QStringLiteral(":%1").arg(flag.minutes)
                                                            : QString());
    return out;
}

} // namespace

class TestTimeEntryFlags : public QObject {
    Q_OBJECT

private slots:
    void overlapsWithinOneTechnician()
    {
        const std::vector<TimeEntry> entries{
            entry(1, "ana", "09:10", "10:00"),
            entry(2, "ana", "09:30", "10:30"),
            entry(3, "ana", "10:30", "10:45"), // touches 2 at 10:30: no overlap
            entry(4, "bruno", "09:10", "10:00"), // same hours, other technician
            entry(5, "ana", "09:35", "09:40"), // inside both 1 and 2
        };
        std::vector<VisitSpan> visits = anasVisit();
        VisitSpan b = visits.front();
        b.technicianId = QStringLiteral("bruno");
        visits.push_back(b);
        const auto flags = flagEntries(entries, visits);
        QCOMPARE(codes(flags, 1), (QStringList{"overlap:2", "overlap:5"}));
        QCOMPARE(codes(flags, 2), (QStringList{"overlap:1", "overlap:5"}));
        QCOMPARE(codes(flags, 3), QStringList());
        QCOMPARE(codes(flags, 4), QStringList());
        QCOMPARE(codes(flags, 5), (QStringList{"overlap:1", "overlap:2"}));
        QCOMPARE(flags.size(), size_t(3));
    }

    void outsideTheVisit_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("activity");
        QTest::addColumn<bool>("outside");
        QTest::newRow("inside") << "09:05" << "10:50" << "work" << false;
        QTest::newRow("15 min early is tolerated") << "08:50" << "10:00" << "work" << false;
        QTest::newRow("16 min early") << "08:49" << "10:00" << "work" << true;
        QTest::newRow("15 min late is tolerated") << "10:00" << "11:05" << "waiting" << false;
        QTest::newRow("16 min late") << "10:00" << "11:06" << "waiting" << true;
        QTest::newRow("another day's hours") << "13:00" << "14:00" << "work" << true;
        QTest::newRow("travel ending at arrival") << "08:20" << "09:05" << "travel" << false;
        QTest::newRow("travel ending 15 min before arrival") << "08:00" << "08:50" << "travel" << false;
        QTest::newRow("travel ending 25 min before arrival") << "08:00" << "08:40" << "travel" << true;
        QTest::newRow("travel back after completion") << "11:00" << "11:40" << "travel" << false;
        QTest::newRow("travel starting 20 min after completion") << "11:10" << "11:40" << "travel" << true;
        QTest::newRow("work before arrival is not travel") << "08:20" << "09:05" << "work" << true;
    }
    void outsideTheVisit()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, activity);
        QFETCH(bool, outside);
        const std::vector<TimeEntry> entries{entry(7, "ana", qPrintable(from), qPrintable(to), qPrintable(activity))};
        const auto flags = flagEntries(entries, anasVisit());
        QCOMPARE(codes(flags, 7), outside ? QStringList{"outside_visit"} : QStringList());
    }

    void visitsOfAnotherTechnicianOrWorkOrderDoNotCount()
    {
        TimeEntry e = entry(8, "bruno", "09:30", "10:00");
        TimeEntry other = entry(9, "ana", "09:30", "10:00");
        other.workOrderId = QStringLiteral("w2");
        const auto flags = flagEntries({e, other}, anasVisit());
        QCOMPARE(codes(flags, 8), QStringList{"outside_visit"});
        QCOMPARE(codes(flags, 9), QStringList{"outside_visit"});
    }

    void billableWithoutComment()
    {
        const std::vector<TimeEntry> entries{
            entry(10, "ana", "09:10", "09:20", "work", ""),
            entry(11, "ana", "09:20", "09:30", "work", "   "),
            entry(12, "ana", "09:30", "09:40", "waiting", "", false), // not billable: no comment needed
            entry(13, "ana", "09:40", "09:50", "work", "replaced the filter"),
        };
        const auto flags = flagEntries(entries, anasVisit());
        QCOMPARE(codes(flags, 10), QStringList{"no_comment"});
        QCOMPARE(codes(flags, 11), QStringList{"no_comment"});
        QCOMPARE(codes(flags, 12), QStringList());
        QCOMPARE(codes(flags, 13), QStringList());
    }

    void disagreesWithTheGps_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("activity");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("work within the stay") << "09:05" << "10:50" << "work" << QStringList();
        QTest::newRow("work 15 min before arrival is tolerated") << "08:45" << "10:00" << "work" << QStringList{"outside_visit"};
        QTest::newRow("work 16 min before arrival") << "08:44" << "10:00" << "work" << QStringList{"outside_visit", "gps_mismatch:-16"};
        QTest::newRow("work 15 min after departure is tolerated") << "10:00" << "11:10" << "work" << QStringList{"outside_visit"};
        QTest::newRow("work 20 min after departure") << "10:00" << "11:15" << "work" << QStringList{"outside_visit", "gps_mismatch:20"};
        QTest::newRow("work starting late is no mismatch") << "10:00" << "10:30" << "work" << QStringList();
        QTest::newRow("both edges") << "08:40" << "11:20" << "work" << QStringList{"outside_visit", "gps_mismatch:-20", "gps_mismatch:25"};
        QTest::newRow("travel ending at the arrival") << "08:30" << "09:10" << "travel" << QStringList();
        QTest::newRow("travel ending 30 min before the arrival") << "08:00" << "08:30" << "travel"
                                                                 << QStringList{"outside_visit", "gps_mismatch:-30"};
        QTest::newRow("travel ending 20 min after the arrival") << "08:50" << "09:20" << "travel" << QStringList{"gps_mismatch:20"};
        QTest::newRow("travel back at the departure") << "11:00" << "11:40" << "travel" << QStringList();
        QTest::newRow("travel back 25 min before the departure") << "10:30" << "11:00" << "travel" << QStringList{"gps_mismatch:-25"};
        QTest::newRow("waiting is not compared") << "08:00" << "08:30" << "waiting" << QStringList{"outside_visit"};
    }
    void disagreesWithTheGps()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, activity);
        QFETCH(QStringList, expected);
        const std::vector<TimeEntry> entries{entry(30, "ana", qPrintable(from), qPrintable(to), qPrintable(activity))};
        QCOMPARE(codes(flagEntries(entries, anasVisitWithGps()), 30), expected);
        // Without inferred times there is nothing to disagree with.
        QStringList withoutGps = expected;
        withoutGps.removeIf([](const QString &c) { return c.startsWith(QLatin1String("gps_mismatch")); });
        QCOMPARE(codes(flagEntries(entries, anasVisit()), 30), withoutGps);
    }

    void onlyTheInferredTimeThatExistsIsCompared()
    {
        const std::vector<TimeEntry> entries{entry(31, "ana", "08:40", "11:20")};
        QCOMPARE(codes(flagEntries(entries, anasVisitWithGps("09:00", "")), 31), (QStringList{"outside_visit", "gps_mismatch:-20"}));
        QCOMPARE(codes(flagEntries(entries, anasVisitWithGps("", "10:55")), 31), (QStringList{"outside_visit", "gps_mismatch:25"}));
    }

    void theCallerSetsTheTolerance()
    {
        const std::vector<TimeEntry> entries{entry(32, "ana", "08:50", "10:50")}; // 10 min before the arrival
        QCOMPARE(codes(flagEntries(entries, anasVisitWithGps()), 32), QStringList());
        FlagOptions strict;
        strict.gpsToleranceMinutes = 5;
        QCOMPARE(codes(flagEntries(entries, anasVisitWithGps(), strict), 32), QStringList{"gps_mismatch:-10"});
    }

    void theNearestVisitIsCompared()
    {
        // A second visit of w1 in the afternoon, its GPS stay 14:00 to 15:00: the morning's
        // work is held against the morning's stay, not the afternoon's.
        std::vector<VisitSpan> visits = anasVisitWithGps();
        VisitSpan afternoon = visits.front();
        afternoon.begin = at("14:00");
        afternoon.end = at("15:00");
        afternoon.inferredArrival = at("14:00");
        afternoon.inferredDeparture = at("15:00");
        visits.push_back(afternoon);
        const std::vector<TimeEntry> entries{entry(33, "ana", "09:05", "10:50"), entry(34, "ana", "13:30", "15:00")};
        const auto flags = flagEntries(entries, visits);
        QCOMPARE(codes(flags, 33), QStringList());
        QCOMPARE(codes(flags, 34), (QStringList{"outside_visit", "gps_mismatch:-30"}));
    }

    void gpsReasonsInWords()
    {
        const std::vector<TimeEntry> entries{entry(35, "ana", "08:40", "11:20"), entry(36, "ana", "08:50", "09:20", "travel")};
        std::vector<VisitSpan> visits = anasVisitWithGps();
        const auto flags = flagEntries({entries[0]}, visits);
        QCOMPARE(flagText(flags.at(35)[1]), QStringLiteral("starts 20 min before the arrival the GPS shows"));
        QCOMPARE(flagText(flags.at(35)[2]), QStringLiteral("ends 25 min after the departure the GPS shows"));
        const auto travel = flagEntries({entries[1]}, visits);
        QCOMPARE(flagText(travel.at(36)[0]), QStringLiteral("ends 20 min after the arrival the GPS shows"));
        QCOMPARE(flagCode(FlagKind::GpsMismatch), QStringLiteral("gps_mismatch"));
    }

    void allFlagsInOrderWithTheirWords()
    {
        const std::vector<TimeEntry> entries{entry(20, "ana", "12:00", "13:00", "work", ""), entry(21, "ana", "12:30", "12:45")};
        const auto flags = flagEntries(entries, anasVisit());
        QCOMPARE(codes(flags, 20), (QStringList{"overlap:21", "outside_visit", "no_comment"}));
        const QList<Flag> &f = flags.at(20);
        QCOMPARE(flagText(f[0]), QStringLiteral("overlaps entry 21 of the same technician"));
        QCOMPARE(flagText(f[1]), QStringLiteral("outside the technician's visits of this work order"));
        QCOMPARE(flagText(f[2]), QStringLiteral("billable time without a comment of what was done"));
    }
};

QTEST_GUILESS_MAIN(TestTimeEntryFlags)
#include "tst_time_entry_flags.moc"
