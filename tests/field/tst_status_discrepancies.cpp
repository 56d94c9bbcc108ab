// Taps set beside the inferred times, without a database: each kind of discrepancy with its
// two times and its explanation in the technician's own clock, the tolerance's edge, and the
// completion standing in for a departure nobody reported.
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

        VisitTimes nowhere = visit();
        nowhere.arrivedAt = at(12, 2);
        nowhere.completedAt = at(12, 50);
        QTest::newRow("tapped where the phone never was")
            << nowhere << QStringList{QStringLiteral("tap_without_presence: tapped on site at 09:02 but the phone was never at the site that day")};

        VisitTimes completedNowhere = visit();
        completedNowhere.completedAt = at(12, 50);
        QTest::newRow("completed where the phone never was")
            << completedNowhere << QStringList{QStringLiteral("tap_without_presence: completed at 09:50 but the phone was never at the site that day")};

        VisitTimes untracked = nowhere;
        untracked.tracked = false;
        QTest::newRow("no positions that day: nothing to say") << untracked << QStringList{};
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
};

QTEST_GUILESS_MAIN(TestStatusDiscrepancies)
#include "tst_status_discrepancies.moc"
