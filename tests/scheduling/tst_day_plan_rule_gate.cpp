// The day plan's safety net on its own: proposals the optimiser's model might get wrong are
// dropped by the rule checks, each judged with the visits accepted before it. Monday
// 2026-03-02, t1 on UTC 08:00–17:00 with hvac, booked 08:00–10:00 at s1, away 14:00–15:00;
// s2 is 20 min from s1.
#include "ScheduleFixtures.h"
#include "dayplan/RuleGate.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;

class TestDayPlanRuleGate : public QObject {
    Q_OBJECT

private slots:
    void keepsOnlyWhatTheRulesAccept()
    {
        test::ScheduleBuilder b;
        b.tech("t1");
        b.horizon("2026-03-01T00:00:00Z", "2026-03-04T00:00:00Z");
        b.visit("a1", "2026-03-02T08:00:00Z", "2026-03-02T10:00:00Z");
        b.absence("t1", "2026-03-02T14:00:00Z", "2026-03-02T15:00:00Z", "dentist");
        for (const char *id : {"n-overlap", "n-ok", "n-clash", "n-absent", "n-shift"})
            b.workOrder(id, "s1", {QStringLiteral("hvac")});
        b.workOrder("n-travel", "s2", {QStringLiteral("hvac")});
        b.workOrder("n-ok2", "s2", {QStringLiteral("hvac")});
        b.workOrder("n-skill", "s1", {QStringLiteral("gas")});
        b.workOrder("n-window", "s1").windowStart = test::at("2026-03-02T16:00:00Z");
        CompiledSchedule s(b.snap);

        auto visit = [&](const char *wo, const char *start, const char *end) {
            return Visit{-1, QString(), s.technicianIndex(QStringLiteral("t1")), s.workOrderIndex(QString::fromLatin1(wo)),
                         CompiledSchedule::ms(test::at(start)), CompiledSchedule::ms(test::at(end))};
        };
        // Out of time order on purpose: the gate sorts, so n-ok is judged before n-clash.
        const std::vector<dayplan::PlannedVisit> kept = dayplan::keepWhatRulesAccept(s, {
            visit("n-clash", "2026-03-02T10:30:00Z", "2026-03-02T11:30:00Z"),    // overlaps n-ok
            visit("n-overlap", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),  // overlaps a1
            visit("n-travel", "2026-03-02T10:05:00Z", "2026-03-02T11:05:00Z"),   // 20 min from a1's site
            visit("n-ok", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"),       // a1's site, right after it
            visit("n-skill", "2026-03-02T12:00:00Z", "2026-03-02T12:30:00Z"),    // needs gas
            visit("n-ok2", "2026-03-02T12:30:00Z", "2026-03-02T13:30:00Z"),      // 20 min after n-ok: fine
            visit("n-absent", "2026-03-02T14:30:00Z", "2026-03-02T15:00:00Z"),   // away
            visit("n-window", "2026-03-02T15:00:00Z", "2026-03-02T15:30:00Z"),   // before the customer's window
            visit("n-shift", "2026-03-02T16:30:00Z", "2026-03-02T17:30:00Z"),    // past the shift
        });
        QStringList got;
        for (const dayplan::PlannedVisit &v : kept)
            got << v.workOrderId + QLatin1Char('@') + v.start.toString(Qt::ISODate);
        QCOMPARE(got, (QStringList{"n-ok@2026-03-02T10:00:00Z", "n-ok2@2026-03-02T12:30:00Z"}));
        // Accepted visits are in the schedule under the documented ids, for what follows.
        QVERIFY(s.appointmentIndex(dayplan::acceptedId(0)) >= 0);
        QVERIFY(s.appointmentIndex(dayplan::acceptedId(1)) >= 0);
        QCOMPARE(s.appointmentIndex(dayplan::acceptedId(2)), -1);
    }
};

QTEST_GUILESS_MAIN(TestDayPlanRuleGate)
#include "tst_day_plan_rule_gate.moc"
