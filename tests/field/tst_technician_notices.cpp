// The technicians' outbox on both backends: a dispatcher's change to today's visits
// writes a notice for each technician concerned in the same transaction as the change (a
// new visit, a move, a reassignment tells both, an unassignment), nothing for other days or
// for finishing a visit; a refused edit leaves neither; an undo tells again; "today" is the
// technician's own day; free-text messages are checked and written all or nothing.
#include "../board/BoardFixture.h"
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"
#include "document/ScheduleDocument.h"
#include "field/TechnicianNotices.h"

#include <QtTest>

using namespace fieldops;

namespace {

struct Harness {
    std::unique_ptr<Database> db;
    ScheduleDocument document;
    board::BoardModel model;
    std::unique_ptr<BoardEditor> editor;

    bool open(const QString &backend, const QDateTime &now)
    {
        db = test::freshDatabase(backend);
        if (!db || !test::seedBoard(*db).ok())
            return false;
        if (!model.load(*db, test::boardFrom(), test::boardTo()).ok())
            return false;
        document.setClock([now] { return now; });
        editor = std::make_unique<BoardEditor>(db.get(), &document, &model);
        return true;
    }
    // "technician|body" of every notice, oldest first.
    QStringList outbox() const
    {
        QStringList out;
        auto q = db->run(QStringLiteral("SELECT technician_id, body FROM technician_outbox ORDER BY id"));
        while (q && q->next())
            out << q->value(0).toString() + QLatin1Char('|') + q->value(1).toString();
        return out;
    }
};

IntervalEdit move(const board::BoardItem &b, const char *tech, const char *start, const char *end)
{
    IntervalEdit e;
    e.ref = {b.appointment.id, b.appointment.version};
    e.fromTechnician = b.appointment.technicianId;
    e.fromStart = b.appointment.start;
    e.fromEnd = b.appointment.end;
    e.toTechnician = QString::fromLatin1(tech);
    e.toStart = test::utcAt(start);
    e.toEnd = test::utcAt(end);
    return e;
}

field::VisitState visit(const char *tech, const char *zone, const char *start, const char *end, const char *status = "scheduled")
{
    field::VisitState v;
    v.id = QStringLiteral("a9");
    v.workOrderId = QStringLiteral("w9");
    v.technicianId = QString::fromLatin1(tech);
    v.technicianZone = QString::fromLatin1(zone);
    v.status = QString::fromLatin1(status);
    v.start = test::utcAt(start);
    v.end = test::utcAt(end);
    v.siteName = QStringLiteral("Plant");
    return v;
}

} // namespace

class TestTechnicianNotices : public QObject {
    Q_OBJECT

private slots:
    void whatEachChangeTells()
    {
        const QDateTime now = test::utcAt("2026-03-02T08:00:00Z");
        using field::VisitStates;
        const auto one = [](const field::VisitState &v) { return VisitStates{{v.id, v}}; };
        const field::VisitState today = visit("t1", "UTC", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z");
        // New, moved, reassigned, taken away.
        QCOMPARE(int(field::scheduleNotices({}, one(today), now).size()), 1);
        field::VisitState later = today;
        later.start = later.start.addSecs(3600);
        later.end = later.end.addSecs(3600);
        auto moved = field::scheduleNotices(one(today), one(later), now);
        QCOMPARE(int(moved.size()), 1);
        QVERIFY2(moved[0].body.contains(QStringLiteral("11:00–12:00")) && moved[0].body.contains(QStringLiteral("10:00–11:00")),
                 qPrintable(moved[0].body));
        field::VisitState other = today;
        other.technicianId = QStringLiteral("t2");
        auto reassigned = field::scheduleNotices(one(today), one(other), now);
        QCOMPARE(int(reassigned.size()), 2);
        QCOMPARE(reassigned[0].technicianId, QStringLiteral("t1"));
        QCOMPARE(reassigned[1].technicianId, QStringLiteral("t2"));
        QCOMPARE(int(field::scheduleNotices(one(today), {}, now).size()), 1);
        field::VisitState cancelled = today;
        cancelled.status = QStringLiteral("cancelled");
        QCOMPARE(int(field::scheduleNotices(one(today), one(cancelled), now).size()), 1);
        // Finishing is no news; another day is none of today's business.
        field::VisitState done = today;
        done.status = QStringLiteral("completed");
        QCOMPARE(int(field::scheduleNotices(one(today), one(done), now).size()), 0);
        const field::VisitState tomorrow = visit("t1", "UTC", "2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z");
        QCOMPARE(int(field::scheduleNotices({}, one(tomorrow), now).size()), 0);
        // 01:30 UTC on the 3rd is 22:30 on the 2nd in São Paulo: today for a technician there.
        const field::VisitState evening = visit("t1", "America/Sao_Paulo", "2026-03-03T01:30:00Z", "2026-03-03T02:30:00Z");
        auto local = field::scheduleNotices({}, one(evening), test::utcAt("2026-03-02T20:00:00Z"));
        QCOMPARE(int(local.size()), 1);
        QVERIFY2(local[0].body.contains(QLatin1String("22:30")), qPrintable(local[0].body));
    }

    void writtenWithTheEditAndItsUndo_data() { test::addBackendRows(); }
    void writtenWithTheEditAndItsUndo()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend, test::utcAt("2026-03-02T08:00:00Z")), qPrintable(test::lastError()));
        // Ana's 09:00 visit given to Carla at 11:00: both are told.
        const board::BoardItem *a1 = h.model.item(QStringLiteral("a1"));
        QVERIFY(a1);
        QVERIFY(h.editor->setIntervals({move(*a1, "t3", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z")}, SetIntervalCommand::Kind::Move).ok());
        QStringList box = h.outbox();
        QCOMPARE(box.size(), 2);
        QVERIFY2(box[0].startsWith(QLatin1String("t1|")) && box[1].startsWith(QLatin1String("t3|")), qPrintable(box.join(QLatin1Char('\n'))));
        QVERIFY(box[1].contains(QStringLiteral("11:00–12:00")));
        QCOMPARE(h.db->scalar(QStringLiteral("SELECT count(*) FROM technician_outbox WHERE work_order_id = 'w1' AND appointment_id = 'a1' "
                                             "AND kind = 'schedule_change' AND delivered_at IS NULL"))->toInt(), 2);
        // Undo moves it back: told again, in the other direction.
        h.document.undoStack()->undo();
        box = h.outbox();
        QCOMPARE(box.size(), 4);
        QVERIFY(box[2].startsWith(QLatin1String("t1|")) || box[3].startsWith(QLatin1String("t1|")));
        // A booking for today tells its technician.
        QVERIFY(h.editor->assign(QStringLiteral("w3"), QStringLiteral("t2"), test::utcAt("2026-03-02T15:00:00Z"),
                                 test::utcAt("2026-03-02T16:00:00Z")).ok());
        QCOMPARE(h.outbox().size(), 5);
        QVERIFY(h.outbox().last().startsWith(QLatin1String("t2|")));
        // Tomorrow is not today: no notice.
        QVERIFY(h.editor->assign(QStringLiteral("w4"), QStringLiteral("t2"), test::utcAt("2026-03-03T09:00:00Z"),
                                 test::utcAt("2026-03-03T10:30:00Z")).ok());
        QCOMPARE(h.outbox().size(), 5);
    }

    void refusedEditWritesNoNotice_data() { test::addBackendRows(); }
    void refusedEditWritesNoNotice()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend, test::utcAt("2026-03-02T08:00:00Z")), qPrintable(test::lastError()));
        // Onto Bruno's 13:00 visit: the database refuses the double booking, and the notice
        // it would have sent is rolled back with it.
        const board::BoardItem *a1 = h.model.item(QStringLiteral("a1"));
        QVERIFY(a1);
        const Status s = h.editor->setIntervals({move(*a1, "t2", "2026-03-02T13:30:00Z", "2026-03-02T14:30:00Z")}, SetIntervalCommand::Kind::Move);
        QVERIFY(!s);
        QCOMPARE(s.error().kind, Error::Kind::DoubleBooking);
        QCOMPARE(h.outbox(), QStringList());
        QCOMPARE(h.db->scalar(QStringLiteral("SELECT technician_id FROM appointments WHERE id = 'a1'"))->toString(), QStringLiteral("t1"));
    }

    void messagesAreCheckedAndAllOrNothing_data() { test::addBackendRows(); }
    void messagesAreCheckedAndAllOrNothing()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend, test::utcAt("2026-03-02T08:00:00Z")), qPrintable(test::lastError()));
        const QDateTime now = test::utcAt("2026-03-02T08:05:00Z");
        QVERIFY(!field::sendMessage(*h.db, {QStringLiteral("t1")}, QStringLiteral("   "), now));
        QVERIFY(!field::sendMessage(*h.db, {}, QStringLiteral("Hello"), now));
        const Status unknown = field::sendMessage(*h.db, {QStringLiteral("t1"), QStringLiteral("nobody")}, QStringLiteral("Hello"), now);
        QVERIFY(!unknown);
        QVERIFY2(unknown.error().message.contains(QLatin1String("nobody")), qPrintable(unknown.error().message));
        QCOMPARE(h.outbox(), QStringList()); // t1's copy rolled back with the refusal
        QVERIFY(field::sendMessage(*h.db, {QStringLiteral("t1"), QStringLiteral("t2")}, QStringLiteral("Storm warning: park safely"), now));
        QCOMPARE(h.outbox(), (QStringList{QStringLiteral("t1|Storm warning: park safely"), QStringLiteral("t2|Storm warning: park safely")}));
        QCOMPARE(h.db->scalar(QStringLiteral("SELECT count(*) FROM technician_outbox WHERE kind = 'message'"))->toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTechnicianNotices)
#include "tst_technician_notices.moc"
