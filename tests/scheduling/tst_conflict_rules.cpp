// The full rule check (the README's rule checks), kind by kind, with the edge cases that are easy
// to get wrong: touching visits, DST changes, visits across midnight, partial absences,
// travel only on the same local date, one row per visit and kind, cancelled visits, and
// which pairs a --from/--to range reports.
#include "ScheduleFixtures.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;
using fieldops::test::ScheduleBuilder;

using Setup = void (*)(ScheduleBuilder &);
Q_DECLARE_METATYPE(Setup)

class TestConflictRules : public QObject {
    Q_OBJECT

    static void addRow(const char *name, Setup setup, QStringList expected)
    {
        QTest::newRow(name) << setup << expected;
    }

private slots:
    void rules_data()
    {
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<QStringList>("expected");
        // 2026-03-02 is a Monday. The default technician t1 works 08:00–17:00 UTC Mon–Fri.

        // --- overlap (hard)
        addRow("overlap: two visits intersect", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
            b.visit("a2", "2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z", "s1");
        }, {"overlap:a1,a2", "travel:a1,a2"}); // the second starts 30 min before the first ends
        addRow("overlap: back-to-back touching is not an overlap", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
            b.visit("a2", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "s1");
        }, {});
        addRow("overlap: one long visit covering two", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T12:00:00Z", "s1");
            b.visit("a2", "2026-03-02T10:00:00Z", "2026-03-02T10:30:00Z", "s1");
            b.visit("a3", "2026-03-02T11:00:00Z", "2026-03-02T11:30:00Z", "s1");
        }, {"overlap:a1,a2", "overlap:a1,a3", "travel:a1,a2"});
        addRow("overlap: cancelled never counts", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
            b.visit("a2", "2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z", "s3", "t1", "cancelled");
            b.visit("a3", "2026-03-07T09:30:00Z", "2026-03-07T10:30:00Z", "s3", "t1", "cancelled"); // Saturday
        }, {});
        addRow("overlap: other technicians may share a time", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.tech("t2");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1", "t1");
            b.visit("a2", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s3", "t2");
        }, {});

        // --- travel
        addRow("travel: gap shorter than the drive", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
            b.visit("a2", "2026-03-02T10:15:00Z", "2026-03-02T11:00:00Z", "s2"); // needs 20 min
        }, {"travel:a1,a2"});
        addRow("travel: gap exactly the drive is enough", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
            b.visit("a2", "2026-03-02T10:20:00Z", "2026-03-02T11:00:00Z", "s2");
        }, {});
        addRow("travel: touching visits at two sites", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
            b.visit("a2", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z", "s1b"); // same spot: 0 km
            b.visit("a3", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z", "s2");
        }, {"travel:a2,a3"});
        addRow("travel: only consecutive visits", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s3");
            b.visit("a2", "2026-03-02T12:00:00Z", "2026-03-02T12:30:00Z", "s1"); // 109 min from s3: fine
            b.visit("a3", "2026-03-02T12:40:00Z", "2026-03-02T13:00:00Z", "s1");
        }, {});
        addRow("travel: same UTC date, different local dates", [](ScheduleBuilder &b) {
            auto &t = b.tech("t1", "America/Sao_Paulo");
            t.shiftStart = QTime(0, 0);
            t.shiftEnd = QTime(0, 0); // 24-hour shifts every day
            t.workDays = vocabulary::weekDays();
            b.visit("a1", "2026-03-03T02:00:00Z", "2026-03-03T02:50:00Z", "s1"); // Mon 23:00 local
            b.visit("a2", "2026-03-03T03:05:00Z", "2026-03-03T04:00:00Z", "s3"); // Tue 00:05 local
        }, {});
        addRow("travel: different UTC dates, same local date", [](ScheduleBuilder &b) {
            auto &t = b.tech("t1", "America/Sao_Paulo");
            t.shiftStart = QTime(0, 0);
            t.shiftEnd = QTime(0, 0);
            t.workDays = vocabulary::weekDays();
            b.visit("a1", "2026-03-02T23:00:00Z", "2026-03-02T23:50:00Z", "s1"); // Mon 20:00 local
            b.visit("a2", "2026-03-03T00:00:00Z", "2026-03-03T01:00:00Z", "s3"); // Mon 21:00 local
        }, {"travel:a1,a2"});

        // --- shift
        addRow("shift: exactly the shift", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T08:00:00Z", "2026-03-02T17:00:00Z");
        }, {});
        addRow("shift: starts before", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T07:30:00Z", "2026-03-02T08:30:00Z");
        }, {"shift:a1"});
        addRow("shift: ends after", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T16:30:00Z", "2026-03-02T17:01:00Z");
        }, {"shift:a1"});
        addRow("shift: day off", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-07T10:00:00Z", "2026-03-07T11:00:00Z"); // Saturday
        }, {"shift:a1"});
        addRow("shift: visit across midnight", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T16:00:00Z", "2026-03-03T01:00:00Z");
        }, {"shift:a1"});
        addRow("shift: in the technician's own zone", [](ScheduleBuilder &b) {
            b.tech("t1", "America/Sao_Paulo"); // UTC-3 in 2026 (no DST since 2019)
            b.visit("a1", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z"); // 08:00 local
            b.visit("a2", "2026-03-02T19:30:00Z", "2026-03-02T20:30:00Z", "s1"); // 16:30–17:30 local
        }, {"shift:a2"});
        addRow("shift: Berlin before the March change (CET)", [](ScheduleBuilder &b) {
            b.tech("t1", "Europe/Berlin");
            b.visit("a1", "2026-03-27T07:00:00Z", "2026-03-27T08:00:00Z"); // Fri 08:00 CET
            b.visit("a2", "2026-03-27T15:30:00Z", "2026-03-27T16:30:00Z", "s1"); // 16:30–17:30 CET
        }, {"shift:a2"});
        addRow("shift: Berlin after the March change (CEST)", [](ScheduleBuilder &b) {
            b.tech("t1", "Europe/Berlin");
            b.visit("a1", "2026-03-30T06:00:00Z", "2026-03-30T07:00:00Z"); // Mon 08:00 CEST
            b.visit("a2", "2026-03-30T14:30:00Z", "2026-03-30T15:00:00Z", "s1"); // 16:30–17:00 CEST
            b.visit("a3", "2026-03-30T15:00:00Z", "2026-03-30T15:30:00Z", "s1"); // 17:00 CEST: after
        }, {"shift:a3"});
        addRow("shift: Berlin overnight shift across the change", [](ScheduleBuilder &b) {
            auto &t = b.tech("t1", "Europe/Berlin");
            t.shiftStart = QTime(22, 0);
            t.shiftEnd = QTime(6, 0);
            t.workDays = {QStringLiteral("Sat")};
            // Sat 28 22:00 CET (21:00Z) to Sun 29 06:00 CEST (04:00Z): 7 real hours.
            b.visit("a1", "2026-03-28T21:00:00Z", "2026-03-29T04:00:00Z");
            b.visit("a2", "2026-03-29T04:00:00Z", "2026-03-29T04:30:00Z", "s1"); // 06:00 CEST: after
        }, {"shift:a2"});
        addRow("shift: São Paulo historic DST (midnight skipped 2018-11-04)", [](ScheduleBuilder &b) {
            auto &t = b.tech("t1", "America/Sao_Paulo");
            t.shiftStart = QTime(0, 0); // did not exist that day: the shift starts 01:00 -02
            t.shiftEnd = QTime(8, 0);
            t.workDays = vocabulary::weekDays();
            b.visit("a1", "2018-11-04T03:00:00Z", "2018-11-04T04:00:00Z"); // 01:00–02:00 -02
            b.visit("a2", "2018-11-04T09:30:00Z", "2018-11-04T10:30:00Z", "s1"); // 07:30–08:30 -02
            b.visit("a3", "2018-11-04T02:30:00Z", "2018-11-04T02:50:00Z", "s1b"); // Sat 23:30 -03
        }, {"shift:a3", "shift:a2"});
        addRow("shift: São Paulo historic DST end (2019-02-16 hour twice)", [](ScheduleBuilder &b) {
            auto &t = b.tech("t1", "America/Sao_Paulo");
            t.shiftStart = QTime(8, 0);
            t.shiftEnd = QTime(17, 0);
            t.workDays = vocabulary::weekDays();
            b.visit("a1", "2019-02-16T10:00:00Z", "2019-02-16T11:00:00Z"); // Sat 08:00 -02: inside
            b.visit("a2", "2019-02-17T11:00:00Z", "2019-02-17T12:00:00Z", "s1"); // Sun 08:00 -03: inside
            b.visit("a3", "2019-02-17T10:00:00Z", "2019-02-17T10:30:00Z", "s1"); // Sun 07:00 -03: before
        }, {"shift:a3"});
        addRow("shift: overnight shift runs past midnight", [](ScheduleBuilder &b) {
            auto &t = b.tech("t1");
            t.shiftStart = QTime(22, 0);
            t.shiftEnd = QTime(6, 0);
            b.visit("a1", "2026-03-06T23:00:00Z", "2026-03-07T01:00:00Z"); // Fri night into Sat: inside
            b.visit("a2", "2026-03-07T23:00:00Z", "2026-03-08T01:00:00Z", "s1"); // Sat night: day off
            b.visit("a3", "2026-03-09T05:00:00Z", "2026-03-09T07:00:00Z", "s1"); // Mon 05:00: Sun is off
            b.visit("a4", "2026-03-10T05:00:00Z", "2026-03-10T06:00:00Z", "s1"); // Tue 05:00: Mon's shift
        }, {"shift:a2", "shift:a3"});
        addRow("shift: 24:00 ends at midnight", [](ScheduleBuilder &b) {
            auto &t = b.tech("t1");
            t.shiftStart = QTime(12, 0);
            t.shiftEnd = QTime(23, 59, 59, 999);
            b.visit("a1", "2026-03-02T22:00:00Z", "2026-03-03T00:00:00Z");
        }, {});

        // --- absence
        addRow("absence: covers part of the visit", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.absence("t1", "2026-03-02T09:30:00Z", "2026-03-02T13:00:00Z", "doctor");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
        }, {"absence:a1"});
        addRow("absence: touching is not intersecting", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.absence("t1", "2026-03-02T06:00:00Z", "2026-03-02T09:00:00Z");
            b.absence("t1", "2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
        }, {});
        addRow("absence: two absences are one row", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.absence("t1", "2026-03-02T06:00:00Z", "2026-03-02T09:10:00Z");
            b.absence("t1", "2026-03-02T09:50:00Z", "2026-03-02T12:00:00Z");
            b.absence("t2", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"); // someone else's
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
        }, {"absence:a1"});
        addRow("absence: a long absence around the visit", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.absence("t1", "2026-02-20T00:00:00Z", "2026-03-10T00:00:00Z", "vacation");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
        }, {"absence:a1"});

        // --- skill
        addRow("skill: lacking two skills is one row", [](ScheduleBuilder &b) {
            b.tech("t1", "UTC", {QStringLiteral("hvac")});
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").requiredSkills = {QStringLiteral("electrical"), QStringLiteral("hvac"), QStringLiteral("gas")};
        }, {"skill:a1"});
        addRow("skill: has every skill", [](ScheduleBuilder &b) {
            b.tech("t1", "UTC", {QStringLiteral("hvac"), QStringLiteral("gas")});
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").requiredSkills = {QStringLiteral("gas"), QStringLiteral("hvac")};
        }, {});

        // --- window
        addRow("window: starts before it opens", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").windowStart = test::at("2026-03-02T09:30:00Z");
        }, {"window:a1"});
        addRow("window: ends after it closes", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").windowEnd = test::at("2026-03-02T09:59:00Z");
        }, {"window:a1"});
        addRow("window: both sides are one row", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").windowStart = test::at("2026-03-02T09:10:00Z");
            b.workOrderOf("a1").windowEnd = test::at("2026-03-02T09:50:00Z");
        }, {"window:a1"});
        addRow("window: exactly the window", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").windowStart = test::at("2026-03-02T09:00:00Z");
            b.workOrderOf("a1").windowEnd = test::at("2026-03-02T10:00:00Z");
        }, {});

        // --- sla
        addRow("sla: ends after due", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").slaDue = test::at("2026-03-02T09:45:00Z");
        }, {"sla:a1"});
        addRow("sla: ends exactly when due", [](ScheduleBuilder &b) {
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z");
            b.workOrderOf("a1").slaDue = test::at("2026-03-02T10:00:00Z");
        }, {});

        // --- several kinds on one visit: one row each, in kind order
        addRow("every single kind at once", [](ScheduleBuilder &b) {
            b.tech("t1", "UTC", {});
            b.absence("t1", "2026-03-07T00:00:00Z", "2026-03-08T00:00:00Z");
            b.visit("a1", "2026-03-07T09:00:00Z", "2026-03-07T10:00:00Z");
            WorkOrder &w = b.workOrderOf("a1");
            w.requiredSkills = {QStringLiteral("gas"), QStringLiteral("hvac")};
            w.windowEnd = test::at("2026-03-07T09:30:00Z");
            w.slaDue = test::at("2026-03-07T09:30:00Z");
        }, {"shift:a1", "absence:a1", "skill:a1", "window:a1", "sla:a1"});

        // --- the --from/--to range
        addRow("range: a pair is reported when either member intersects", [](ScheduleBuilder &b) {
            b.horizon("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z");
            b.tech("t1", "UTC", {});
            b.visit("a1", "2026-03-02T08:00:00Z", "2026-03-02T09:30:00Z", "s1");
            b.visit("a2", "2026-03-02T09:40:00Z", "2026-03-02T10:30:00Z", "s2"); // selected
            b.workOrderOf("a1").requiredSkills = {QStringLiteral("gas")};      // a1 is not selected
        }, {"travel:a1,a2"});
        addRow("range: intersecting by one end is selected", [](ScheduleBuilder &b) {
            b.horizon("2026-03-02T10:00:00Z", "2026-03-02T12:00:00Z");
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"); // ends at from: out
            b.visit("a2", "2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z"); // starts at to: out
            b.visit("a3", "2026-03-02T11:59:00Z", "2026-03-02T12:00:00Z"); // in
            for (const char *a : {"a1", "a2", "a3"})
                b.workOrderOf(a).slaDue = test::at("2026-03-01T00:00:00Z");
        }, {"sla:a3"});
        addRow("range: an overlap partner outside the range", [](ScheduleBuilder &b) {
            b.horizon("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z");
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:30:00Z");
            b.visit("a2", "2026-03-02T10:15:00Z", "2026-03-02T12:00:00Z", "s1b");
            b.visit("a3", "2026-03-02T11:30:00Z", "2026-03-02T12:30:00Z", "s1"); // overlaps a2 only
        }, {"overlap:a1,a2", "travel:a1,a2", "overlap:a2,a3", "travel:a2,a3"});
        addRow("range: consecutive is judged on the whole schedule", [](ScheduleBuilder &b) {
            b.horizon("2026-03-02T08:00:00Z", "2026-03-02T10:00:00Z");
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1"); // selected
            b.visit("a2", "2026-03-02T10:02:00Z", "2026-03-02T10:08:00Z", "s1"); // between: not selected
            b.visit("a3", "2026-03-02T10:10:00Z", "2026-03-02T11:00:00Z", "s2"); // 20 min from s1
        }, {}); // a1→a2 is fine; a2→a3 is too short but neither is in the range
        addRow("range: a cancelled visit between makes the next one consecutive", [](ScheduleBuilder &b) {
            b.horizon("2026-03-02T08:00:00Z", "2026-03-02T10:00:00Z");
            b.tech("t1");
            b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
            b.visit("a2", "2026-03-02T10:02:00Z", "2026-03-02T10:08:00Z", "s1", "t1", "cancelled");
            b.visit("a3", "2026-03-02T10:10:00Z", "2026-03-02T11:00:00Z", "s2");
        }, {"travel:a1,a3"});
    }

    void rules()
    {
        QFETCH(Setup, setup);
        QFETCH(QStringList, expected);
        ScheduleBuilder b;
        setup(b);
        const std::vector<Violation> got = ConflictChecker::check(b.snap);
        QCOMPARE(test::summarize(got), expected);
        for (const Violation &v : got) {
            QVERIFY2(!v.detail.isEmpty(), qPrintable(kindName(v.kind)));
            QCOMPARE(v.technicianId, QStringLiteral("t1"));
            QCOMPARE(v.severity(), v.kind == ViolationKind::Overlap ? Severity::Hard : Severity::Soft);
            QCOMPARE(v.appointmentIds.size(), v.kind == ViolationKind::Overlap || v.kind == ViolationKind::Travel ? 2 : 1);
        }
    }

    void detailsNameWhatIsWrong()
    {
        ScheduleBuilder b;
        b.tech("t1", "UTC", {QStringLiteral("hvac")});
        b.visit("a1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z", "s1");
        b.visit("a2", "2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z", "s2");
        b.workOrderOf("a2").requiredSkills = {QStringLiteral("gas"), QStringLiteral("electrical"), QStringLiteral("hvac")};
        const auto got = ConflictChecker::check(b.snap);
        QCOMPARE(test::summarize(got), (QStringList{"overlap:a1,a2", "travel:a1,a2", "skill:a2"}));
        QVERIFY2(got[0].detail.contains(QLatin1String("a1")) && got[0].detail.contains(QLatin1String("a2")), qPrintable(got[0].detail));
        QVERIFY2(got[1].detail.contains(QLatin1String("20 min")), qPrintable(got[1].detail));
        QVERIFY2(got[2].detail.contains(QLatin1String("electrical, gas")), qPrintable(got[2].detail));
        QVERIFY2(!got[2].detail.contains(QLatin1String("hvac")), qPrintable(got[2].detail));
    }

    void outputIsOrderedByTechnicianStartKind()
    {
        ScheduleBuilder b;
        b.tech("t2", "UTC", {});
        b.tech("t1", "UTC", {});
        b.visit("b1", "2026-03-07T09:00:00Z", "2026-03-07T10:00:00Z", "s1", "t2");
        b.visit("a2", "2026-03-07T11:00:00Z", "2026-03-07T12:00:00Z", "s1", "t1");
        b.visit("a1", "2026-03-07T09:00:00Z", "2026-03-07T10:00:00Z", "s1", "t1");
        b.workOrderOf("a1").requiredSkills = {QStringLiteral("gas")};
        const auto got = ConflictChecker::check(b.snap);
        QCOMPARE(test::summarize(got), (QStringList{"shift:a1", "skill:a1", "shift:a2", "shift:b1"}));
        QCOMPARE(got.back().technicianId, QStringLiteral("t2"));
        // Same input in another order gives the same output.
        std::reverse(b.snap.appointments.begin(), b.snap.appointments.end());
        std::reverse(b.snap.technicians.begin(), b.snap.technicians.end());
        QCOMPARE(test::summarize(ConflictChecker::check(b.snap)), test::summarize(got));
    }
};

QTEST_GUILESS_MAIN(TestConflictRules)
#include "tst_conflict_rules.moc"
