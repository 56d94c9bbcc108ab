// A repair of the day written as one undo step on both backends, through BoardEditor as the
// console does: the board fixture's Monday read for real (DayPlanLoader), Ana reported sick
// (her w1 at 09:00 goes to Carla, the other hvac technician) or the urgent w3 booked; redo,
// undo and redo again are checked in the database and the board's model; a change to the
// schedule after the read refuses it whole.
#include "../board/BoardFixture.h"
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"
#include "dayplan/DayPlanLoader.h"
#include "dayplan/DayRepair.h"
#include "document/ScheduleDocument.h"

#include <QUndoStack>
#include <QtTest>

using namespace fieldops;

namespace {
struct Harness {
    std::unique_ptr<Database> db;
    QString url;
    ScheduleDocument document;
    board::BoardModel model;
    std::unique_ptr<BoardEditor> editor;
    dayplan::DayPlanInput input;
    dayplan::DayRepair repair;

    bool open(const QString &backend, const dayplan::Disruption &d)
    {
        db = test::freshDatabase(backend, true, &url);
        if (!db || !test::seedBoard(*db).ok())
            return false;
        if (!model.load(*db, test::boardFrom(), test::boardTo()).ok())
            return false;
        editor = std::make_unique<BoardEditor>(db.get(), &document, &model);
        auto read = dayplan::DayPlanLoader(*db).load(QDate(2026, 3, 2), QString());
        if (!read)
            return false;
        input = *read;
        dayplan::DayPlanOptions options;
        options.timeLimitSeconds = 0.2;
        options.maxIterations = 2000;
        auto r = dayplan::repairDay(input, d, options);
        if (!r)
            return false;
        repair = *r;
        return !repair.options.empty();
    }
    std::vector<Appointment> before() const
    {
        std::vector<Appointment> out;
        for (const dayplan::RepairMove &m : repair.options.front().moves)
            for (const Appointment &a : input.snapshot.appointments)
                if (a.id == m.appointmentId)
                    out.push_back(a);
        return out;
    }
    Status apply() { return editor->repairDay(QStringLiteral("Repair"), repair.options.front(), repair.absence, before(), input.changeSeq); }
    int count(const QString &sql)
    {
        auto n = db->scalar(sql);
        return n ? n->toInt() : -1;
    }
    QUndoStack *stack() { return document.undoStack(); }
};

dayplan::Disruption anaSick()
{
    dayplan::Disruption d;
    d.kind = dayplan::Disruption::Kind::Absence;
    d.technicianId = QStringLiteral("t1");
    return d;
}
} // namespace

class TestRepairDayCommand : public QObject {
    Q_OBJECT

private slots:
    void absenceMovesTheVisitAndRecordsTheAbsence_data() { test::addBackendRows(); }
    void absenceMovesTheVisitAndRecordsTheAbsence()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend, anaSick()), qPrintable(test::lastError()));
        QCOMPARE(h.repair.displaced, QStringList{"w1"});
        const dayplan::RepairOption &best = h.repair.options.front();
        QCOMPARE(best.kind, dayplan::RepairKind::Reassign);
        QCOMPARE(best.moves.front().toTechnicianId, QStringLiteral("t3"));

        QVERIFY(h.apply().ok());
        QCOMPARE(h.stack()->count(), 1);
        test::StoredAppointment a1 = test::stored(*h.db, QStringLiteral("a1"));
        QCOMPARE(a1.technician, QStringLiteral("t3"));
        QCOMPARE(a1.start, timefmt::toIsoUtc(best.moves.front().start));
        QCOMPARE(a1.version, 2);
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't1'")), 1);
        QCOMPARE(h.model.item(QStringLiteral("a1"))->appointment.technicianId, QStringLiteral("t3")); // the board follows

        h.stack()->undo();
        a1 = test::stored(*h.db, QStringLiteral("a1"));
        QCOMPARE(a1.technician, QStringLiteral("t1"));
        QCOMPARE(a1.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(a1.end, QStringLiteral("2026-03-02T10:00:00Z"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM absences")), 0);
        QCOMPARE(h.model.item(QStringLiteral("a1"))->appointment.technicianId, QStringLiteral("t1"));

        h.stack()->redo();
        QCOMPARE(h.stack()->count(), 1);
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).technician, QStringLiteral("t3"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't1'")), 1);
    }

    void backToTheQueueReopensAndUndoRebooks_data() { test::addBackendRows(); }
    void backToTheQueueReopensAndUndoRebooks()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend, anaSick()), qPrintable(test::lastError()));
        // The dispatcher picks the other option: w1 back to the queue.
        auto queue = std::find_if(h.repair.options.begin(), h.repair.options.end(),
                                  [](const dayplan::RepairOption &o) { return o.kind == dayplan::RepairKind::BackToQueue; });
        QVERIFY(queue != h.repair.options.end());
        QVERIFY(h.editor->repairDay(QStringLiteral("Repair"), *queue, h.repair.absence, h.before(), h.input.changeSeq).ok());
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).status, QStringLiteral("cancelled"));
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w1")), QStringLiteral("open"));
        h.stack()->undo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).status, QStringLiteral("scheduled"));
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w1")), QStringLiteral("scheduled"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM absences")), 0);
    }

    void urgentJobIsBookedAndUndone_data() { test::addBackendRows(); }
    void urgentJobIsBookedAndUndone()
    {
        QFETCH(QString, backend);
        dayplan::Disruption d;
        d.kind = dayplan::Disruption::Kind::UrgentJob;
        d.workOrderId = QStringLiteral("w3");
        Harness h;
        QVERIFY2(h.open(backend, d), qPrintable(test::lastError()));
        QCOMPARE(h.repair.options.front().kind, dayplan::RepairKind::BookAsIs);
        QVERIFY(h.apply().ok());
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'w3' AND status = 'scheduled'")), 1);
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w3")), QStringLiteral("scheduled"));
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM absences")), 0);
        h.stack()->undo();
        QCOMPARE(h.count(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'w3'")), 0);
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w3")), QStringLiteral("open"));
    }

    void aScheduleChangeSinceTheReadRefusesIt_data() { test::addBackendRows(); }
    void aScheduleChangeSinceTheReadRefusesIt()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend, anaSick()), qPrintable(test::lastError()));
        auto other = test::openUrl(h.url);
        QVERIFY(other);
        QVERIFY(test::touchAppointment(*other, QStringLiteral("a2")).ok());
        const QString before = test::dumpDatabase(*h.db);
        const Status s = h.apply();
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::StaleVersion);
        QVERIFY2(s.error().message.contains(QStringLiteral("changed since the repair was worked out")), qPrintable(s.error().message));
        QCOMPARE(h.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*h.db), before);
    }
};

QTEST_MAIN(TestRepairDayCommand)
#include "tst_repair_day_command.moc"
