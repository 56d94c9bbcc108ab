// Taps set beside the inferred times, without a database: each kind of discrepancy with its
// two times and its explanation in the technician's own clock, the tolerance's edge, the
// completion standing in for a departure nobody reported, and a tap without presence said
// only where the phone's track runs through the tap (not in a gap of it).
#include "field/StatusDiscrepancies.h"

#include <QtTest>

using namespace fieldops::field;

Q_DECLARE_METATYPE(fieldops::field::VisitTimes)

namespace {

QDateTime at(int h, int m) { return QDateTime(QDate(2026, 3, 2), QTime(h, m), QTimeZone::utc()); }

VisitTimes visit()
{
    VisitTimes v;
    v.appointmentId = QStringLiteral("ap1");
    v.technicianId = QStringLiteral("t1");
    v.status = QStringLiteral("completed");
    v.timeZone = "America/Sao_Paulo"; // UTC-3 in March
    v.plannedStart = at(12, 0);
    v.plannedEnd = at(13, 0);
    v.tracked = true;
    return v;
}

QStringList describe(const std::vector<StatusDiscrepancy> &found)
{
    QStringList out;
    for (const StatusDiscrepancy &d : found)
        out << discrepancyKindName(d.kind) + QStringLiteral(": ") + d.explanation;
    return out;
}

} // namespace

class TestStatusDiscrepancies : public QObject {
    Q_OBJECT

private slots:
    void kinds_data()
    {
        QTest::addColumn<VisitTimes>("v");
        QTest::addColumn<QStringList>("expected");
        VisitTimes agree = visit();
        agree.arrivedAt = at(12, 5);
        agree.inferredArrivedAt = at(12, 15); // 10 minutes: not more than the tolerance
        agree.departedAt = at(13, 0);
        agree.inferredDepartedAt = at(13, 8);
        QTest::newRow("within the tolerance") << agree << QStringList{};

        VisitTimes late = agree;
        late.arrivedAt = at(12, 40);
        late.departedAt = at(12, 30);
        QTest::newRow("tapped late, left early")
            << late
            << QStringList{QStringLiteral("arrival_differs: tapped on site at 09:40, 25 min after the phone arrived at 09:15"),
                           QStringLiteral("departure_differs: reported leaving at 09:30, 38 min before the phone left at 10:08")};

        VisitTimes completedOnly = agree;
        completedOnly.departedAt = QDateTime();
        completedOnly.completedAt = at(13, 30);
        QTest::newRow("the completion stands in for the departure")
            << completedOnly << QStringList{QStringLiteral("departure_differs: completed at 10:30, 22 min after the phone left at 10:08")};

        VisitTimes forgotten = visit();
        forgotten.status = QStringLiteral("en_route");
        forgotten.inferredArrivedAt = at(12, 15);
        forgotten.inferredDepartedAt = at(13, 8);
        QTest::newRow("never tapped, never completed")
            << forgotten
            << QStringList{QStringLiteral("arrival_not_tapped: the phone arrived at 09:15 but no on-site status was sent"),
                           QStringLiteral("not_completed: the phone left at 10:08 but the visit is not completed (status en_route)")};

        // The phone reported a minute before and after the tap, elsewhere.
        VisitTimes nowhere = visit();
        nowhere.arrivedAt = at(12, 2);
        nowhere.completedAt = at(12, 50);
        nowhere.fixBeforeTap = at(12, 1);
        nowhere.fixAfterTap = at(12, 3);
        QTest::newRow("tapped where the phone never was")
            << nowhere << QStringList{QStringLiteral("tap_without_presence: tapped on site at 09:02 but the phone was never at the site that day")};

        VisitTimes completedNowhere = visit();
        completedNowhere.completedAt = at(12, 50);
        completedNowhere.fixBeforeTap = at(12, 50);
        completedNowhere.fixAfterTap = at(12, 50);
        QTest::newRow("completed where the phone never was")
            << completedNowhere << QStringList{QStringLiteral("tap_without_presence: completed at 09:50 but the phone was never at the site that day")};

        VisitTimes untracked = nowhere;
        untracked.tracked = false;
        QTest::newRow("no positions that day: nothing to say") << untracked << QStringList{};

        // A GPS gap: the phone said nothing from 11:20 to 12:40, so where it was at the tap
        // is unknown.
        VisitTimes inAGap = nowhere;
        inAGap.fixBeforeTap = at(11, 20);
        inAGap.fixAfterTap = at(12, 40);
        QTest::newRow("tap in a gap of the track: nothing to say") << inAGap << QStringList{};

        VisitTimes afterTheTrack = nowhere;
        afterTheTrack.fixAfterTap = QDateTime();
        QTest::newRow("tap after the track ended: nothing to say") << afterTheTrack << QStringList{};

        VisitTimes beforeTheTrack = nowhere;
        beforeTheTrack.fixBeforeTap = QDateTime();
        QTest::newRow("tap before the track began: nothing to say") << beforeTheTrack << QStringList{};

        // A gap the inference bridges (30 minutes by default) still covers the tap.
        VisitTimes bridged = nowhere;
        bridged.fixBeforeTap = at(11, 45);
        bridged.fixAfterTap = at(12, 15);
        QTest::newRow("a gap the inference bridges")
            << bridged << QStringList{QStringLiteral("tap_without_presence: tapped on site at 09:02 but the phone was never at the site that day")};
    }
    void kinds()
    {
        QFETCH(VisitTimes, v);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(findDiscrepancies({v})), expected);
    }

    void theTwoTimesTravelWithTheKind()
    {
        VisitTimes v = visit();
        v.arrivedAt = at(11, 30);
        v.inferredArrivedAt = at(12, 0);
        const auto found = findDiscrepancies({v}, 29);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found[0].appointmentId, QStringLiteral("ap1"));
        QCOMPARE(found[0].technicianId, QStringLiteral("t1"));
        QCOMPARE(found[0].tapped, at(11, 30));
        QCOMPARE(found[0].inferred, at(12, 0));
        QVERIFY(findDiscrepancies({v}, 30).empty());
    }

    // The gap bridged is the caller's (infer-arrivals --max-gap).
    void theGapBridgedIsTheCallers()
    {
        VisitTimes v = visit();
        v.arrivedAt = at(12, 2);
        v.fixBeforeTap = at(11, 20);
        v.fixAfterTap = at(12, 40);
        QVERIFY(findDiscrepancies({v}, 10, 79 * 60).empty());
        const auto found = findDiscrepancies({v}, 10, 80 * 60);
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(int(found[0].kind), int(DiscrepancyKind::TapWithoutPresence));
        QCOMPARE(found[0].tapped, at(12, 2));
    }
};

QTEST_GUILESS_MAIN(TestStatusDiscrepancies)
#include "tst_status_discrepancies.moc"
