// TimeEntryFlags on hand-made entries: overlap within one technician only (touching is not
// overlapping), inside a visit widened by 15 minutes (boundaries included), travel ending at
// the arrival or starting at the completion, billable time without a comment.
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

QStringList codes(const std::map<qint64, QList<Flag>> &flags, qint64 id)
{
    QStringList out;
    auto f = flags.find(id);
    if (f == flags.end())
        return out;
    for (const Flag &flag : f->second)
        out << flagCode(flag.kind) + (flag.kind == FlagKind::Overlap ? QStringLiteral(":%1").arg(flag.otherId) : QString());
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
