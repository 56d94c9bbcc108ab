// The suggestion engine on a hand-built Monday (2026-03-02, UTC technicians on 08:00–17:00
// Mon–Fri), with every expectation worked out by hand. The work order "job" is at s2, needs
// hvac, lasts 60 min and is due 15:00; s1 is 20 min from s2 by the default travel rule.
//   t1 hvac: a1 08:00–10:00 and a2 11:00–12:00 at s1: the 10:00–11:00 gap is too short
//      for 20 min there, 60 on site and 20 back, so 12:20 (20 min from a2), 3 h booked
//   t2 hvac, home at s2: absent until 13:00, so 13:00, 0 min from home
//   t3 gas only, free: lacks hvac      t4 hvac, works Sat–Sun only: Monday off
//   t5 hvac, home at s3: b1 08:00–09:00 at s1, so 09:20 (20 min from b1), 1 h booked
//   t6 hvac, free at s2, inactive: takes no new work
// Scores (see SuggestionRanker.h; horizon 08:00 + 24 h):
//   t5 q = .35·(1−20/120) + .2·(1−80/1440) + .2·(280/480) + .15·(1−60/480) + .1 = .828472 → .914236
//   t2 q = .35 + .2·(1−300/1440) + .2·(60/480) + .15 + .1 = .783333 → .891667
//   t1 q = .35·(1−20/120) + .2·(1−260/1440) + .2·(100/480) + .15·(1−180/480) + .1 = .690972 → .845486
#include "ScheduleFixtures.h"
#include "scheduling/ConflictIndex.h"
#include "scheduling/SuggestionRanker.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;
using fieldops::test::at;

namespace {

struct Monday {
    test::ScheduleBuilder b;
    QSet<QString> inactive{QStringLiteral("t6")};

    Monday()
    {
        b.horizon("2026-03-02T08:00:00Z", "2026-03-03T08:00:00Z");
        home(b.tech("t1"), "s1");
        b.visit("a1", "2026-03-02T08:00:00Z", "2026-03-02T10:00:00Z", "s1", "t1");
        b.visit("a2", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z", "s1", "t1");
        home(b.tech("t2"), "s2");
        b.absence("t2", "2026-03-02T08:00:00Z", "2026-03-02T13:00:00Z", "dentist");
        home(b.tech("t3", "UTC", {QStringLiteral("gas")}), "s2");
        Technician &t4 = b.tech("t4");
        t4.workDays = {QStringLiteral("Sat"), QStringLiteral("Sun")};
        home(t4, "s2");
        home(b.tech("t5"), "s3");
        b.visit("b1", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z", "s1", "t5");
        home(b.tech("t6"), "s2");
        WorkOrder &job = b.workOrder("job", "s2", {QStringLiteral("hvac")});
        job.slaDue = at("2026-03-02T15:00:00Z");
    }
    void home(Technician &t, const char *siteId)
    {
        const Site &s = *std::find_if(b.snap.sites.begin(), b.snap.sites.end(),
                                      [&](const Site &x) { return x.id == QLatin1String(siteId); });
        t.homeLat = s.lat;
        t.homeLon = s.lon;
    }
    WorkOrder &job()
    {
        return *std::find_if(b.snap.workOrders.begin(), b.snap.workOrders.end(), [](const WorkOrder &w) { return w.id == QLatin1String("job"); });
    }
    SuggestionResult suggest(int top = 5, const char *workOrder = "job") const
    {
        const CompiledSchedule schedule(b.snap);
        const SuggestionRanker ranker(schedule, SuggestionRanker::basesOf(b.snap, inactive));
        return ranker.suggest({QString::fromLatin1(workOrder), 60, b.snap.from, b.snap.to, top});
    }
};

// "t5 09:20 20" per candidate: compact to compare.
QStringList brief(const SuggestionResult &r)
{
    QStringList out;
    for (const Suggestion &s : r.candidates)
        out << QStringLiteral("%1 %2 %3").arg(s.technicianId, s.start.toUTC().toString(QStringLiteral("HH:mm"))).arg(s.facts.travelMin);
    return out;
}

} // namespace

class TestSuggest : public QObject {
    Q_OBJECT

private slots:
    void bestIsTheHandComputedOne()
    {
        const Monday m;
        const SuggestionResult r = m.suggest();
        QVERIFY(r.whyNone.isEmpty());
        QCOMPARE(brief(r), (QStringList{"t5 09:20 20", "t2 13:00 0", "t1 12:20 20"}));
        QCOMPARE(r.candidates[0].end, at("2026-03-02T10:20:00Z"));
        QCOMPARE(r.candidates[0].facts.travelFrom, QStringLiteral("b1"));
        QVERIFY(r.candidates[1].facts.travelFrom.isEmpty()); // from home
        QVERIFY(qAbs(r.candidates[0].score - 0.914236) < 1e-5);
        QVERIFY(qAbs(r.candidates[1].score - 0.891667) < 1e-5);
        QVERIFY(qAbs(r.candidates[2].score - 0.845486) < 1e-5);
    }

    void reasonsMatchTheNumbers()
    {
        const SuggestionResult r = Monday().suggest();
        QCOMPARE(r.candidates.size(), size_t(3));
        QCOMPARE(r.candidates[0].reasons,
                 (QStringList{"skill hvac", "20 min away", "within SLA, 4 h 40 min to spare", "1 h booked that day"}));
        QCOMPARE(r.candidates[1].reasons,
                 (QStringList{"skill hvac", "0 min away", "within SLA, 1 h to spare", "nothing else booked that day"}));
        QCOMPARE(r.candidates[2].reasons,
                 (QStringList{"skill hvac", "20 min away", "within SLA, 1 h 40 min to spare", "3 h booked that day"}));
        QCOMPARE(r.candidates[2].facts.bookedMin, qint64(180));
    }

    void everyCandidatePassesTheConflictChecker()
    {
        Monday m;
        m.job().windowStart = at("2026-03-02T09:00:00Z");
        m.job().windowEnd = at("2026-03-02T18:00:00Z");
        const SuggestionResult r = m.suggest(20);
        QVERIFY(!r.candidates.empty());
        const ConflictIndex index(m.b.snap);
        for (const Suggestion &s : r.candidates) {
            const Verdict v = index.verdict(ProposedMove{QString(), s.technicianId, s.start, s.end, QStringLiteral("job")});
            const std::vector<Violation> &found = v.hard.empty() ? v.soft : v.hard;
            QVERIFY2(v.clean(), qPrintable(s.technicianId + QLatin1Char(' ') + (found.empty() ? QString() : found.front().detail)));
            QVERIFY(s.score >= 0 && s.score <= 1);
        }
        for (size_t i = 1; i < r.candidates.size(); ++i)
            QVERIFY(r.candidates[i - 1].score >= r.candidates[i].score);
    }

    void topLimitsTheList()
    {
        QCOMPARE(brief(Monday().suggest(1)), QStringList{"t5 09:20 20"});
    }

    void aGapJustLongEnoughIsTaken()
    {
        // a2 at 11:40: 20 min from a1, 60 on site and 20 on to a2 fit 10:00–11:40 exactly.
        Monday m;
        for (Appointment &a : m.b.snap.appointments) {
            if (a.id == QLatin1String("a2")) {
                a.start = at("2026-03-02T11:40:00Z");
                a.end = at("2026-03-02T12:40:00Z");
            }
        }
        const QStringList got = brief(m.suggest());
        QVERIFY2(got.contains(QStringLiteral("t1 10:20 20")), qPrintable(got.join(QStringLiteral(", "))));
    }

    void windowBoundsTheStart()
    {
        Monday m;
        m.job().windowStart = at("2026-03-02T14:00:00Z");
        m.job().windowEnd = at("2026-03-02T16:00:00Z");
        const SuggestionResult r = m.suggest();
        // Everyone can start as the window opens; t2's trip (0 min) and empty day win.
        QCOMPARE(brief(r), (QStringList{"t2 14:00 0", "t5 14:00 20", "t1 14:00 20"}));
        for (const Suggestion &s : r.candidates) {
            QVERIFY(s.reasons.contains(QStringLiteral("inside the customer's window")));
            QVERIFY(s.end <= at("2026-03-02T16:00:00Z"));
        }
        // A window too short for the visit leaves nothing, and says so.
        m.job().windowEnd = at("2026-03-02T14:30:00Z");
        const SuggestionResult none = m.suggest();
        QVERIFY(none.candidates.empty());
        QVERIFY2(none.whyNone.contains(QLatin1String("window")), qPrintable(none.whyNone));
    }

    void lateSlotsArePenalisedNotHidden()
    {
        // Due 09:00: every slot ends late. Late scores are 0.49·q·1440/(1440 + minutes late),
        // q without its SLA part: t5 .711806, 80 min → .330433; t2 .758333, 300 → .307517;
        // t1 .649306, 260 → .269494.
        Monday m;
        m.job().slaDue = at("2026-03-02T09:00:00Z");
        const SuggestionResult r = m.suggest();
        QCOMPARE(brief(r), (QStringList{"t5 09:20 20", "t2 13:00 0", "t1 12:20 20"}));
        QVERIFY(qAbs(r.candidates[0].score - 0.330433) < 1e-5);
        QVERIFY(qAbs(r.candidates[2].score - 0.269494) < 1e-5);
        QCOMPARE(r.candidates[0].reasons.at(2), QStringLiteral("1 h 20 min after SLA"));
        QCOMPARE(r.candidates[1].reasons.at(2), QStringLiteral("5 h after SLA"));
        // An on-time slot (due 10:30: only t5's 09:20–10:20) outranks every late one.
        m.job().slaDue = at("2026-03-02T10:30:00Z");
        const SuggestionResult mixed = m.suggest();
        QCOMPARE(mixed.candidates.front().technicianId, QStringLiteral("t5"));
        QVERIFY(mixed.candidates[0].score > 0.5);
        QVERIFY(mixed.candidates[1].score < 0.5);
    }

    void aMoveLeavesTheVisitItReplaces()
    {
        // The job already booked with t5 at 09:20: the same slot comes back first, and the
        // verdict of moving that appointment there is clean.
        Monday m;
        Appointment a;
        a.id = QStringLiteral("m1");
        a.workOrderId = QStringLiteral("job");
        a.technicianId = QStringLiteral("t5");
        a.start = at("2026-03-02T09:20:00Z");
        a.end = at("2026-03-02T10:20:00Z");
        m.b.snap.appointments.push_back(a);
        const SuggestionResult r = m.suggest();
        QCOMPARE(brief(r).value(0), QStringLiteral("t5 09:20 20"));
        QCOMPARE(r.candidates[0].facts.bookedMin, qint64(60)); // b1 only, not the job itself
        const ConflictIndex index(m.b.snap);
        QVERIFY(index.verdict(ProposedMove{QStringLiteral("m1"), QStringLiteral("t5"), r.candidates[0].start, r.candidates[0].end,
                                           QStringLiteral("job")})
                    .clean());
    }

    void nothingFeasibleSaysWhy()
    {
        Monday m;
        m.b.workOrder("elec", "s2", {QStringLiteral("electrical")});
        const SuggestionResult none = m.suggest(5, "elec");
        QVERIFY(none.candidates.empty());
        QCOMPARE(none.whyNone, QStringLiteral("no active technician has the skill electrical"));

        // Only t3 holds gas, and t3 is away all day.
        m.b.workOrder("gasjob", "s2", {QStringLiteral("gas")});
        m.b.absence("t3", "2026-03-02T00:00:00Z", "2026-03-03T12:00:00Z", "training");
        const SuggestionResult full = m.suggest(5, "gasjob");
        QVERIFY(full.candidates.empty());
        QCOMPARE(full.whyNone, QStringLiteral("1 technician has the skill gas; they are off or full until 2026-03-03 08:00 UTC"));

        // Two skills, nobody holds both.
        m.b.workOrder("both", "s2", {QStringLiteral("hvac"), QStringLiteral("gas")});
        QCOMPARE(m.suggest(5, "both").whyNone, QStringLiteral("no active technician has the skills gas, hvac"));
    }

    void shiftsAreReadOnEachTechniciansClock()
    {
        // São Paulo (UTC−3) starts at 11:00 UTC; Berlin (UTC+1) has been at work since
        // 07:00 UTC, so from the search's start at 08:00.
        test::ScheduleBuilder b;
        b.horizon("2026-03-02T08:00:00Z", "2026-03-03T08:00:00Z");
        for (auto [id, zone] : {std::pair{"sp", "America/Sao_Paulo"}, std::pair{"be", "Europe/Berlin"}}) {
            Technician &t = b.tech(id, zone);
            t.homeLat = -23.4605;
            t.homeLon = -46.6333;
        }
        b.workOrder("job", "s2", {QStringLiteral("hvac")});
        const CompiledSchedule schedule(b.snap);
        const SuggestionRanker ranker(schedule, SuggestionRanker::basesOf(b.snap));
        const SuggestionResult r = ranker.suggest({QStringLiteral("job"), 60, b.snap.from, b.snap.to, 5});
        // Berlin's Tuesday shift opens at 07:00 UTC, an hour before the search ends: one more slot.
        QCOMPARE(brief(r), (QStringList{"be 08:00 0", "sp 11:00 0", "be 07:00 0"}));
        QCOMPARE(r.candidates[2].start, at("2026-03-03T07:00:00Z"));
        // Ten hours fit in no 9-hour shift.
        const SuggestionResult tooLong = ranker.suggest({QStringLiteral("job"), 600, b.snap.from, b.snap.to, 5});
        QVERIFY(tooLong.candidates.empty());
        QCOMPARE(tooLong.whyNone, QStringLiteral("2 technicians have the skill hvac; all are off or full until 2026-03-03 08:00 UTC"));
        // A search shorter than the visit finds nothing either, and says so.
        const SuggestionResult tooShort = ranker.suggest({QStringLiteral("job"), 60, b.snap.from, b.snap.from.addSecs(1800), 5});
        QVERIFY(tooShort.candidates.empty());
        QCOMPARE(tooShort.whyNone, QStringLiteral("2 technicians have the skill hvac; all are off or full until 2026-03-02 08:30 UTC"));
    }

    void slotsAreTheEarliestFeasibleOfEachGap()
    {
        // Against brute force on a random board: every 5-minute start the board's verdict
        // accepts (nothing but an SLA finding) is preceded, in the same gap (no visit of the
        // technician starting in between), by a suggested slot, and every suggested slot is
        // accepted by that verdict.
        test::ScheduleBuilder b;
        b.horizon("2026-03-02T06:00:00Z", "2026-03-03T06:00:00Z");
        QRandomGenerator rng(23);
        const char *zones[] = {"UTC", "America/Sao_Paulo", "Europe/Berlin"};
        for (int i = 0; i < 9; ++i) {
            const QByteArray id = "r" + QByteArray::number(i);
            Technician &t = b.tech(id.constData(), zones[i % 3]);
            t.homeLat = -23.5505 + rng.generateDouble() * 0.5;
            t.homeLon = -46.6333;
            QDateTime cursor = at("2026-03-02T06:00:00Z").addSecs(60 * 15 * rng.bounded(40));
            for (int k = 0; k < 5; ++k) {
                const QByteArray vid = id + "v" + QByteArray::number(k);
                const QDateTime end = cursor.addSecs(60 * (30 + 15 * rng.bounded(6)));
                b.visit(vid.constData(), qPrintable(cursor.toString(Qt::ISODate)), qPrintable(end.toString(Qt::ISODate)),
                        rng.bounded(2) ? "s1" : "s3", id.constData());
                cursor = end.addSecs(60 * 5 * rng.bounded(40));
            }
            if (i % 3 == 1)
                b.absence(id.constData(), "2026-03-02T14:00:00Z", "2026-03-02T15:30:00Z");
        }
        WorkOrder &job = b.workOrder("job", "s2", {QStringLiteral("hvac")});
        job.slaDue = at("2026-03-02T16:00:00Z");
        job.windowEnd = at("2026-03-03T03:00:00Z");
        const CompiledSchedule schedule(b.snap);
        const SuggestionRanker ranker(schedule, SuggestionRanker::basesOf(b.snap));
        const SuggestionResult r = ranker.suggest({QStringLiteral("job"), 75, b.snap.from, b.snap.to, 100000});
        QVERIFY2(r.candidates.size() >= 5, qPrintable(brief(r).join(QStringLiteral(", "))));

        const ConflictIndex index(b.snap);
        auto accepted = [&](const QString &tech, const QDateTime &start) {
            const Verdict v = index.verdict(ProposedMove{QString(), tech, start, start.addSecs(75 * 60), QStringLiteral("job")});
            return v.hard.empty()
                && std::all_of(v.soft.begin(), v.soft.end(), [](const Violation &x) { return x.kind == ViolationKind::Sla; });
        };
        for (const Suggestion &s : r.candidates)
            QVERIFY2(accepted(s.technicianId, s.start), qPrintable(s.technicianId + s.start.toString(Qt::ISODate)));
        int feasible = 0;
        for (const Technician &t : b.snap.technicians) {
            for (QDateTime start = b.snap.from; start < b.snap.to; start = start.addSecs(300)) {
                if (!accepted(t.id, start))
                    continue;
                ++feasible;
                const bool covered = std::any_of(r.candidates.begin(), r.candidates.end(), [&](const Suggestion &s) {
                    if (s.technicianId != t.id || s.start > start)
                        return false;
                    return std::none_of(b.snap.appointments.begin(), b.snap.appointments.end(), [&](const Appointment &a) {
                        return a.technicianId == t.id && a.start >= s.start && a.start < start;
                    });
                });
                QVERIFY2(covered, qPrintable(t.id + QLatin1Char(' ') + start.toString(Qt::ISODate)));
            }
        }
        QVERIFY(feasible > int(r.candidates.size()));
    }

    void prunedSearchEqualsTheFullOne()
    {
        // The bound may only skip what cannot win: asking for the top 2 gives the first two
        // of the full list, on a larger random board.
        test::ScheduleBuilder b;
        b.horizon("2026-03-02T08:00:00Z", "2026-03-04T08:00:00Z");
        QRandomGenerator rng(5);
        for (int i = 0; i < 60; ++i) {
            const QByteArray id = "u" + QByteArray::number(i);
            Technician &t = b.tech(id.constData());
            t.homeLat = -23.5505 + rng.generateDouble() * 0.6;
            t.homeLon = -46.6333 + rng.generateDouble() * 0.6;
            for (int k = 0; k < 4; ++k) {
                const QByteArray vid = id + "v" + QByteArray::number(k);
                const QDateTime start = at("2026-03-02T08:00:00Z").addSecs(60 * (15 * rng.bounded(4 * 30)));
                b.visit(vid.constData(), qPrintable(start.toString(Qt::ISODate)),
                        qPrintable(start.addSecs(60 * (30 + 15 * rng.bounded(8))).toString(Qt::ISODate)),
                        rng.bounded(2) ? "s1" : "s3", id.constData());
            }
        }
        b.workOrder("job", "s2", {QStringLiteral("hvac")}).slaDue = at("2026-03-02T18:00:00Z");
        const CompiledSchedule schedule(b.snap);
        const SuggestionRanker ranker(schedule, SuggestionRanker::basesOf(b.snap));
        const SuggestionResult all = ranker.suggest({QStringLiteral("job"), 90, b.snap.from, b.snap.to, 100});
        const SuggestionResult two = ranker.suggest({QStringLiteral("job"), 90, b.snap.from, b.snap.to, 2});
        QVERIFY(all.candidates.size() > 2);
        QCOMPARE(brief(two), brief(all).mid(0, 2));
    }
};

QTEST_GUILESS_MAIN(TestSuggest)
#include "tst_suggest.moc"
