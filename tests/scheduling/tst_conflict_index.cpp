// The drag verdict: a lookup that leaves the moved visits out, names the appointment a
// move would collide with, judges travel against the would-be neighbours, handles
// several visits moved at once, follows committed edits, and agrees with the full sweep.
#include "ScheduleFixtures.h"
#include "scheduling/ConflictIndex.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;
using fieldops::test::at;
using fieldops::test::ScheduleBuilder;
using fieldops::test::summarize;

namespace {
ProposedMove move(const char *id, const char *tech, const char *start, const char *end, const char *wo = "")
{
    return {QString::fromLatin1(id), QString::fromLatin1(tech), at(start), at(end), QString::fromLatin1(wo)};
}

QStringList all(const Verdict &v)
{
    std::vector<Violation> both = v.hard;
    both.insert(both.end(), v.soft.begin(), v.soft.end());
    sortViolations(both);
    return summarize(both);
}

ScheduleBuilder twoVisits()
{
    ScheduleBuilder b;
    b.tech("t1");
    b.tech("t2");
    b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
    b.visit("a2", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z", "s1");
    b.visit("b1", "2026-03-02T10:10:00Z", "2026-03-02T11:00:00Z", "s3", "t2");
    return b;
}
} // namespace

class TestConflictIndex : public QObject {
    Q_OBJECT

private slots:
    void movedVisitIsLeftOut()
    {
        const ConflictIndex index(twoVisits().snap);
        // Half an hour later overlaps only its own old position: clean.
        const Verdict v = index.verdict(move("a1", "t1", "2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z"));
        QVERIFY(v.clean());
        QVERIFY(v.allowed());
    }

    void overlapNamesTheOtherAppointment()
    {
        const ConflictIndex index(twoVisits().snap);
        const Verdict v = index.verdict(move("a1", "t1", "2026-03-02T10:30:00Z", "2026-03-02T11:30:00Z"));
        QVERIFY(!v.allowed());
        QCOMPARE(v.hard.size(), size_t(1));
        QCOMPARE(v.hard[0].kind, ViolationKind::Overlap);
        QCOMPARE(v.hard[0].appointmentIds, (QStringList{"a1", "a2"}));
        QVERIFY2(v.hard[0].detail.contains(QLatin1String("a2")), qPrintable(v.hard[0].detail));
        // Touching the next visit exactly is allowed.
        QVERIFY(index.verdict(move("a1", "t1", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z")).clean());
    }

    void travelFromPreviousAndToNext()
    {
        ScheduleBuilder b = twoVisits();
        b.workOrder("wnew", "s2"); // 20 min from s1
        const ConflictIndex index(b.snap);
        // A new visit between a1 (ends 10:00) and a2 (starts 11:00) at s2.
        const Verdict v = index.verdict(move("", "t1", "2026-03-02T10:10:00Z", "2026-03-02T10:50:00Z", "wnew"));
        QVERIFY(v.allowed());
        QCOMPARE(all(v), (QStringList{"travel:a1,", "travel:,a2"}));
        // With 20 minutes either side it fits.
        QVERIFY(index.verdict(move("", "t1", "2026-03-02T10:20:00Z", "2026-03-02T10:40:00Z", "wnew")).clean());
    }

    void movingToAnotherTechnician()
    {
        const ConflictIndex index(twoVisits().snap);
        // a1 to t2 just before b1 at s3 (109 min away): travel to the next; and t2's own schedule.
        const Verdict v = index.verdict(move("a1", "t2", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"));
        QCOMPARE(all(v), (QStringList{"travel:a1,b1"}));
        QCOMPARE(v.soft[0].technicianId, QStringLiteral("t2"));
        // Onto b1 itself: a double booking naming b1.
        const Verdict w = index.verdict(move("a1", "t2", "2026-03-02T10:30:00Z", "2026-03-02T11:30:00Z"));
        QCOMPARE(w.hard.size(), size_t(1));
        QCOMPARE(w.hard[0].appointmentIds, (QStringList{"b1", "a1"}));
    }

    void softKindsOfOneVisit()
    {
        ScheduleBuilder b = twoVisits();
        b.absence("t1", "2026-03-03T12:00:00Z", "2026-03-03T18:00:00Z", "training");
        WorkOrder &w = b.workOrder("wx", "s1", {QStringLiteral("gas"), QStringLiteral("electrical")});
        w.windowStart = at("2026-03-03T08:00:00Z");
        w.windowEnd = at("2026-03-03T14:00:00Z");
        w.slaDue = at("2026-03-03T13:00:00Z");
        const ConflictIndex index(b.snap);
        QCOMPARE(all(index.verdict(move("", "t1", "2026-03-03T09:00:00Z", "2026-03-03T10:00:00Z", "wx"))),
                 (QStringList{"skill:"}));
        QCOMPARE(all(index.verdict(move("", "t1", "2026-03-03T13:30:00Z", "2026-03-03T14:30:00Z", "wx"))),
                 (QStringList{"absence:", "skill:", "window:", "sla:"}));
        QCOMPARE(all(index.verdict(move("", "t1", "2026-03-07T09:00:00Z", "2026-03-07T10:00:00Z", "wx"))),
                 (QStringList{"shift:", "skill:", "window:", "sla:"}));
        // Unknown technician: nothing to judge against but the work order itself.
        QCOMPARE(all(index.verdict(move("", "nobody", "2026-03-03T13:30:00Z", "2026-03-03T14:30:00Z", "wx"))),
                 (QStringList{"window:", "sla:"}));
    }

    void severalVisitsMovedTogether()
    {
        const ConflictIndex index(twoVisits().snap);
        // Swapping a1 and a2: each lands on the other's old place, which is being vacated.
        const Verdict swap = index.verdict({move("a1", "t1", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z"),
                                            move("a2", "t1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")});
        QVERIFY2(swap.clean(), qPrintable(all(swap).join(QLatin1Char(' '))));
        // Both into one slot: they collide with each other, reported once.
        const Verdict clash = index.verdict({move("a1", "t1", "2026-03-02T14:00:00Z", "2026-03-02T15:00:00Z"),
                                             move("a2", "t1", "2026-03-02T14:30:00Z", "2026-03-02T15:30:00Z")});
        QCOMPARE(all(clash), (QStringList{"overlap:a1,a2", "travel:a1,a2"}));
        // A moved pair judged as neighbours of each other: a2 right after a1 at another site.
        ScheduleBuilder b = twoVisits();
        b.workOrderOf("a2").siteId = QStringLiteral("s2");
        const ConflictIndex other(b.snap);
        const Verdict travel = other.verdict({move("a1", "t1", "2026-03-02T14:00:00Z", "2026-03-02T15:00:00Z"),
                                              move("a2", "t1", "2026-03-02T15:05:00Z", "2026-03-02T16:00:00Z")});
        QCOMPARE(all(travel), (QStringList{"travel:a1,a2"}));
    }

    void followsCommittedEdits()
    {
        ConflictIndex index(twoVisits().snap);
        Appointment a3;
        a3.id = QStringLiteral("a3");
        a3.workOrderId = QStringLiteral("wa1");
        a3.technicianId = QStringLiteral("t1");
        a3.start = at("2026-03-02T13:00:00Z");
        a3.end = at("2026-03-02T14:00:00Z");
        index.upsertAppointment(a3);
        const ProposedMove probe = move("a1", "t1", "2026-03-02T13:30:00Z", "2026-03-02T14:30:00Z");
        // Same site, starting before a3 ends: the gap is negative, shorter than 0 min of travel.
        QCOMPARE(all(index.verdict(probe)), (QStringList{"overlap:a3,a1", "travel:a3,a1"}));
        a3.status = QStringLiteral("cancelled");
        index.upsertAppointment(a3);
        QVERIFY(index.verdict(probe).clean());
        a3.status = QStringLiteral("scheduled");
        a3.start = at("2026-03-02T14:15:00Z");
        a3.end = at("2026-03-02T15:00:00Z");
        index.upsertAppointment(a3);
        QCOMPARE(all(index.verdict(probe)), (QStringList{"overlap:a1,a3", "travel:a1,a3"}));
        index.removeAppointment(QStringLiteral("a3"));
        QVERIFY(index.verdict(probe).clean());
        QVERIFY(ConflictChecker::check(index, {}, {}).empty());
    }

    // For every appointment, the verdict on leaving it where it is must name exactly what
    // the full sweep names for it: one engine, two ways in.
    void verdictAgreesWithTheSweep()
    {
        QRandomGenerator rng(20260302);
        ScheduleBuilder b;
        const char *sites[] = {"s1", "s1b", "s2", "s3"};
        const char *zones[] = {"UTC", "Europe/Berlin", "America/Sao_Paulo"};
        for (int t = 0; t < 6; ++t) {
            const QByteArray id = "t" + QByteArray::number(t);
            Technician &tech = b.tech(id.constData(), zones[t % 3], t % 2 ? QStringList{"hvac"} : QStringList{"hvac", "gas"});
            tech.shiftStart = QTime(7 + t % 3, 0);
            tech.shiftEnd = QTime(16 + t % 3, 0);
        }
        const QDateTime base = at("2026-03-27T00:00:00Z"); // the Berlin DST change inside
        for (int i = 0; i < 300; ++i) {
            const QByteArray id = "v" + QByteArray::number(i);
            const QDateTime start = base.addSecs(qint64(rng.bounded(4 * 24 * 12)) * 300);
            const QDateTime end = start.addSecs(qint64(1 + rng.bounded(30)) * 300);
            const QByteArray tech = "t" + QByteArray::number(rng.bounded(6));
            Appointment &a = b.visit(id.constData(), qPrintable(timefmt::toIsoUtc(start)), qPrintable(timefmt::toIsoUtc(end)),
                                     sites[rng.bounded(4)], tech.constData(), rng.bounded(10) == 0 ? "cancelled" : "scheduled");
            Q_UNUSED(a);
            WorkOrder &w = b.workOrderOf(id.constData());
            if (rng.bounded(5) == 0)
                w.requiredSkills = {QStringLiteral("gas")};
            if (rng.bounded(5) == 0)
                w.slaDue = start.addSecs(rng.bounded(7200));
            if (rng.bounded(5) == 0)
                w.windowStart = start.addSecs(rng.bounded(7200) - 3600);
        }
        b.absence("t1", "2026-03-28T10:00:00Z", "2026-03-29T10:00:00Z");
        const ConflictIndex index(b.snap);
        const std::vector<Violation> sweep = ConflictChecker::check(index, {}, {});
        QVERIFY(sweep.size() > 50); // the data is meant to break every rule somewhere
        int verdicts = 0;
        for (const Appointment &a : b.snap.appointments) {
            if (a.status == QLatin1String("cancelled"))
                continue;
            std::vector<Violation> expected;
            for (const Violation &v : sweep) {
                if (v.appointmentIds.contains(a.id))
                    expected.push_back(v);
            }
            const Verdict v = index.verdict(ProposedMove{a.id, a.technicianId, a.start, a.end, a.workOrderId});
            QCOMPARE(all(v), summarize(expected));
            for (const Violation &h : v.hard)
                QCOMPARE(h.kind, ViolationKind::Overlap);
            ++verdicts;
        }
        QVERIFY(verdicts > 250);
        // Every kind shows up somewhere.
        for (int k = 0; k <= int(ViolationKind::Sla); ++k) {
            QVERIFY2(std::any_of(sweep.begin(), sweep.end(), [k](const Violation &v) { return int(v.kind) == k; }),
                     qPrintable(kindName(ViolationKind(k))));
        }
    }
};

QTEST_GUILESS_MAIN(TestConflictIndex)
#include "tst_conflict_index.moc"
