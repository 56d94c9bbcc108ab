// The schedule's undo commands on both backends, through BoardEditor as the board uses
// them: each edit and its undo/redo checked in the undo stack AND in the database; the
// database's refusals (double booking, stale version) leave no entry and nothing written.
#include "../board/BoardFixture.h"
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"
#include "document/ScheduleDocument.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

namespace {
struct Harness {
    std::unique_ptr<Database> db;
    QString url;
    ScheduleDocument document;
    board::BoardModel model;
    std::unique_ptr<BoardEditor> editor;

    bool open(const QString &backend)
    {
        db = test::freshDatabase(backend, true, &url);
        if (!db || !test::seedBoard(*db).ok())
            return false;
        if (!model.load(*db, test::boardFrom(), test::boardTo()).ok())
            return false;
        editor = std::make_unique<BoardEditor>(db.get(), &document, &model);
        return true;
    }
    QUndoStack *stack() { return document.undoStack(); }
};

IntervalEdit edit(const board::BoardItem &b, const char *tech, const char *start, const char *end)
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
} // namespace

class TestScheduleCommands : public QObject {
    Q_OBJECT

private slots:
    void assignCreatesAndUndoDeletes_data() { test::addBackendRows(); }
    void assignCreatesAndUndoDeletes()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        QSignalSpy assigned(h.editor.get(), &BoardEditor::assigned);
        QVERIFY(h.editor->assign(QStringLiteral("w3"), QStringLiteral("t3"), test::utcAt("2026-03-02T10:00:00Z"),
                                 test::utcAt("2026-03-02T11:00:00Z")).ok());
        QCOMPARE(assigned.count(), 1);
        const QString id = assigned.at(0).at(0).toString();
        QCOMPARE(h.stack()->count(), 1);
        auto s = test::stored(*h.db, id);
        QVERIFY(s.exists);
        QCOMPARE(s.technician, QStringLiteral("t3"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T10:00:00Z"));
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w3")), QStringLiteral("scheduled"));
        QVERIFY(h.model.item(id)); // the board picked the new row up
        QCOMPARE(h.model.item(id)->technician, h.model.technicianIndex(QStringLiteral("t3")));

        h.stack()->undo();
        QCOMPARE(h.stack()->index(), 0);
        QVERIFY(!test::stored(*h.db, id).exists);
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w3")), QStringLiteral("open"));
        QVERIFY(h.model.item(id) == nullptr || h.model.item(id)->isRemoved());

        h.stack()->redo();
        QVERIFY(test::stored(*h.db, id).exists);
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w3")), QStringLiteral("scheduled"));
        QVERIFY(!h.model.item(id)->isRemoved());
    }

    void moveReassignsAndUndoRestores_data() { test::addBackendRows(); }
    void moveReassignsAndUndoRestores()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        const board::BoardItem a1 = *h.model.item(QStringLiteral("a1"));
        QVERIFY(h.editor->setIntervals({edit(a1, "t2", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z")},
                                       SetIntervalCommand::Kind::Move).ok());
        QCOMPARE(h.stack()->count(), 1);
        QCOMPARE(h.stack()->undoText(), QStringLiteral("Move appointment"));
        auto s = test::stored(*h.db, QStringLiteral("a1"));
        QCOMPARE(s.technician, QStringLiteral("t2"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T12:00:00Z"));
        QCOMPARE(s.version, 2);
        QCOMPARE(h.model.item(QStringLiteral("a1"))->appointment.version, 2);

        h.stack()->undo();
        s = test::stored(*h.db, QStringLiteral("a1"));
        QCOMPARE(s.technician, QStringLiteral("t1"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(s.version, 3);
        QCOMPARE(h.model.item(QStringLiteral("a1"))->technician, h.model.technicianIndex(QStringLiteral("t1")));
        h.stack()->redo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).technician, QStringLiteral("t2"));
    }

    void resizeAndUndo_data() { test::addBackendRows(); }
    void resizeAndUndo()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        const board::BoardItem a1 = *h.model.item(QStringLiteral("a1"));
        QVERIFY(h.editor->setIntervals({edit(a1, "t1", "2026-03-02T09:00:00Z", "2026-03-02T11:30:00Z")},
                                       SetIntervalCommand::Kind::Resize).ok());
        QCOMPARE(h.stack()->undoText(), QStringLiteral("Resize appointment"));
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).end, QStringLiteral("2026-03-02T11:30:00Z"));
        h.stack()->undo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).end, QStringLiteral("2026-03-02T10:00:00Z"));
    }

    void multiMoveIsOneTransaction_data() { test::addBackendRows(); }
    void multiMoveIsOneTransaction()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        // Both onto t1, a2 landing where a1 was: the order of the writes must not matter.
        const board::BoardItem a1 = *h.model.item(QStringLiteral("a1"));
        const board::BoardItem a2 = *h.model.item(QStringLiteral("a2"));
        QVERIFY(h.editor->setIntervals({edit(a1, "t1", "2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"),
                                        edit(a2, "t1", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z")},
                                       SetIntervalCommand::Kind::Move).ok());
        QCOMPARE(h.stack()->count(), 1);
        QCOMPARE(test::stored(*h.db, QStringLiteral("a2")).technician, QStringLiteral("t1"));
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T10:00:00Z"));
        h.stack()->undo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a2")).technician, QStringLiteral("t2"));
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:00:00Z"));
    }

    void swapExchangesSlotsAndUndoRestores_data() { test::addBackendRows(); }
    void swapExchangesSlotsAndUndoRestores()
    {
        // Each visit needs the other's slot: no order of single writes works, the command
        // must still land both (and undo both) in one step.
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        QVERIFY(h.editor->swapSlots(QStringLiteral("a1"), QStringLiteral("a2")).ok());
        QCOMPARE(h.stack()->count(), 1);
        QCOMPARE(h.stack()->undoText(), QStringLiteral("Swap appointments"));
        auto s1 = test::stored(*h.db, QStringLiteral("a1"));
        auto s2 = test::stored(*h.db, QStringLiteral("a2"));
        QCOMPARE(s1.technician, QStringLiteral("t2"));
        QCOMPARE(s1.start, QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(s1.end, QStringLiteral("2026-03-02T14:00:00Z"));
        QCOMPARE(s2.technician, QStringLiteral("t1"));
        QCOMPARE(s2.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(h.model.item(QStringLiteral("a1"))->technician, h.model.technicianIndex(QStringLiteral("t2")));
        h.stack()->undo();
        s1 = test::stored(*h.db, QStringLiteral("a1"));
        s2 = test::stored(*h.db, QStringLiteral("a2"));
        QCOMPARE(s1.technician, QStringLiteral("t1"));
        QCOMPARE(s1.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(s2.technician, QStringLiteral("t2"));
        QCOMPARE(s2.start, QStringLiteral("2026-03-02T13:00:00Z"));
        h.stack()->redo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a2")).technician, QStringLiteral("t1"));
        QCOMPARE(h.stack()->index(), 1);
    }

    void multiMoveIntoEachOtherIsRefusedWhole_data() { test::addBackendRows(); }
    void multiMoveIntoEachOtherIsRefusedWhole()
    {
        // Two visits sent onto overlapping slots: a real collision, nothing written.
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*h.db);
        const board::BoardItem a1 = *h.model.item(QStringLiteral("a1"));
        const board::BoardItem a2 = *h.model.item(QStringLiteral("a2"));
        Status s = h.editor->setIntervals({edit(a1, "t2", "2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z"),
                                           edit(a2, "t2", "2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z")},
                                          SetIntervalCommand::Kind::Move);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::DoubleBooking);
        QCOMPARE(h.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*h.db), before);
    }

    void doubleBookingRefusedWritesNothing_data() { test::addBackendRows(); }
    void doubleBookingRefusedWritesNothing()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*h.db);
        QSignalSpy refused(&h.document, &ScheduleDocument::editRefused);
        const board::BoardItem a1 = *h.model.item(QStringLiteral("a1"));
        // Straight to the database (no verdict first): the last word is the server's.
        Status s = h.editor->setIntervals({edit(a1, "t2", "2026-03-02T13:30:00Z", "2026-03-02T14:30:00Z")},
                                          SetIntervalCommand::Kind::Move);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::DoubleBooking);
        QCOMPARE(refused.count(), 1);
        QCOMPARE(h.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*h.db), before);
        QCOMPARE(h.model.item(QStringLiteral("a1"))->technician, h.model.technicianIndex(QStringLiteral("t1")));
    }

    void staleVersionRefusedAndReloaded_data() { test::addBackendRows(); }
    void staleVersionRefusedAndReloaded()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        auto other = test::openUrl(h.url);
        QVERIFY(other);
        QVERIFY(test::touchAppointment(*other, QStringLiteral("a1")).ok());
        QSignalSpy problem(h.editor.get(), &BoardEditor::problem);
        const board::BoardItem a1 = *h.model.item(QStringLiteral("a1")); // still version 1 here
        QCOMPARE(a1.appointment.version, 1);
        Status s = h.editor->setIntervals({edit(a1, "t1", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z")},
                                          SetIntervalCommand::Kind::Move);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().kind, Error::Kind::StaleVersion);
        QCOMPARE(problem.count(), 1);
        QVERIFY(problem.at(0).at(0).toString().contains(QStringLiteral("locked this visit while you were editing")));
        QCOMPARE(h.stack()->count(), 0);
        const auto db = test::stored(*h.db, QStringLiteral("a1"));
        QCOMPARE(db.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(db.version, 2);
        // The board reloaded the row: the next edit starts from the server's version.
        QCOMPARE(h.model.item(QStringLiteral("a1"))->appointment.version, 2);
        QVERIFY(h.model.item(QStringLiteral("a1"))->appointment.locked);
    }

    void staleUndoIsDroppedAndReported_data() { test::addBackendRows(); }
    void staleUndoIsDroppedAndReported()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        const board::BoardItem a1 = *h.model.item(QStringLiteral("a1"));
        QVERIFY(h.editor->setIntervals({edit(a1, "t1", "2026-03-02T11:00:00Z", "2026-03-02T12:00:00Z")},
                                       SetIntervalCommand::Kind::Move).ok());
        auto other = test::openUrl(h.url);
        QVERIFY(test::touchAppointment(*other, QStringLiteral("a1")).ok());
        QSignalSpy refused(&h.document, &ScheduleDocument::editRefused);
        h.stack()->undo();
        QCOMPARE(refused.count(), 1);
        QCOMPARE(h.stack()->count(), 0); // the entry no longer matched the database: dropped
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T11:00:00Z"));
    }

    void unassignCancelsAndReopens_data() { test::addBackendRows(); }
    void unassignCancelsAndReopens()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        QVERIFY(h.editor->unassign({QStringLiteral("a1")}).ok());
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).status, QStringLiteral("cancelled"));
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w1")), QStringLiteral("open"));
        QVERIFY(h.model.item(QStringLiteral("a1"))->isCancelled());
        h.stack()->undo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).status, QStringLiteral("scheduled"));
        QCOMPARE(test::workOrderStatus(*h.db, QStringLiteral("w1")), QStringLiteral("scheduled"));
    }

    void statusAndLockUndo_data() { test::addBackendRows(); }
    void statusAndLockUndo()
    {
        QFETCH(QString, backend);
        Harness h;
        QVERIFY2(h.open(backend), qPrintable(test::lastError()));
        QVERIFY(h.editor->changeStatus(QStringLiteral("a2"), QStringLiteral("en_route")).ok());
        QVERIFY(h.editor->setLocked({QStringLiteral("a2")}, true).ok());
        QCOMPARE(h.stack()->count(), 2);
        auto s = test::stored(*h.db, QStringLiteral("a2"));
        QCOMPARE(s.status, QStringLiteral("en_route"));
        QVERIFY(s.locked);
        h.stack()->undo();
        QVERIFY(!test::stored(*h.db, QStringLiteral("a2")).locked);
        h.stack()->undo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a2")).status, QStringLiteral("scheduled"));
        QCOMPARE(test::stored(*h.db, QStringLiteral("a2")).version, 5);
    }

    void nudgesMergeAndVanishWhenBack()
    {
        Harness h;
        QVERIFY2(h.open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        auto nudge = [&](const char *start, const char *end) {
            const board::BoardItem a1 = *h.model.item(QStringLiteral("a1"));
            IntervalEdit e = edit(a1, "t1", start, end);
            return h.editor->setIntervals({e}, SetIntervalCommand::Kind::Nudge);
        };
        QVERIFY(nudge("2026-03-02T09:15:00Z", "2026-03-02T10:15:00Z").ok());
        QVERIFY(nudge("2026-03-02T09:30:00Z", "2026-03-02T10:30:00Z").ok());
        QCOMPARE(h.stack()->count(), 1); // consecutive nudges are one entry
        h.stack()->undo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:00:00Z"));
        h.stack()->redo();
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:30:00Z"));
        QVERIFY(nudge("2026-03-02T09:00:00Z", "2026-03-02T10:00:00Z").ok());
        QCOMPARE(h.stack()->count(), 0); // back where it began: no entry
        QCOMPARE(test::stored(*h.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestScheduleCommands)
#include "tst_schedule_commands.moc"
