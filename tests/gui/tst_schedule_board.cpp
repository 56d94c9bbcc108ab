// The schedule board driven like a dispatcher drives it: QTest mouse and key events on
// the real widget over a real SQLite file, checking the undo stack AND the database after
// each step: drop from the queue assigns, a drag between rows reassigns, an edge drag
// resizes, Ctrl+Z restores each; a drop on a busy slot is refused with the reason and
// writes nothing; a row changed underneath (stale version) is reported and reloaded; in
// "mark absent" mode a drag draws an absence instead.
#include "domain/SignalColours.h"
#include "../board/BoardFixture.h"
#include "Screenshots.h"
#include "TestDatabases.h"
#include "board/BoardMime.h"
#include "board/BoardModel.h"
#include "board/ConflictListModel.h"
#include "board/SchedulePage.h"
#include "board/ScheduleBoard.h"
#include "board/QueueDragSource.h"
#include "board/QueueDropTarget.h"
#include "commands/BoardEditor.h"
#include "conflicts/ConflictsPanel.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/ItemRoles.h"
#include "session/QueryWorker.h"
#include "storage/DatabaseUrl.h"
#include "sync/RecentChanges.h"

#include <QAction>
#include <QLabel>
#include <QMimeData>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

using namespace fieldops;
using widgets::ScheduleBoard;
using widgets::SchedulePage;

namespace {
struct BoardUnderTest {
    std::unique_ptr<Database> db;
    QString url;
    ScheduleDocument document;
    board::BoardModel model;
    std::unique_ptr<BoardEditor> editor;
    std::unique_ptr<SchedulePage> page;
    QAction *undo = nullptr;

    // `tweak`: statements run on the seeded database before the board reads it.
    bool open(const QStringList &tweak = {})
    {
        db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        if (!db || !test::seedBoard(*db).ok())
            return false;
        for (const QString &sql : tweak) {
            if (!db->execDirect(sql).ok())
                return false;
        }
        editor = std::make_unique<BoardEditor>(db.get(), &document, &model);
        page = std::make_unique<SchedulePage>(editor.get());
        board()->setDisplayZone(QTimeZone::utc());
        board()->setNowOverride(test::utcAt("2026-03-02T08:30:00Z"));
        undo = document.undoStack()->createUndoAction(page.get());
        undo->setShortcut(QKeySequence::Undo);
        undo->setShortcutContext(Qt::WindowShortcut);
        page->addAction(undo);
        page->resize(1300, 500);
        page->show();
        page->activateWindow();
        if (!QTest::qWaitForWindowExposed(page.get()))
            return false;
        page->showDate(QDate(2026, 3, 2));
        board()->scrollToTime(test::utcAt("2026-03-02T07:00:00Z").toMSecsSinceEpoch(), 0.0);
        return model.isLoaded();
    }
    ScheduleBoard *board() const { return page->board(); }
    QWidget *viewport() const { return board()->viewport(); }
    int x(const char *iso) const { return board()->viewportX(test::utcAt(iso).toMSecsSinceEpoch()); }
    int rowY(const char *tech) const { return board()->viewportRowCenter(QString::fromLatin1(tech)); }
    double pxPerHour() const { return board()->scale().pxPerHour(); }
    QUndoStack *stack() { return document.undoStack(); }

    // Press, move in steps (as a hand does, so the drag starts and the ghost follows), release.
    void drag(QPoint from, QPoint to)
    {
        QTest::mousePress(viewport(), Qt::LeftButton, Qt::NoModifier, from);
        for (int i = 1; i <= 6; ++i) {
            const QPoint p = from + (to - from) * i / 6;
            QMouseEvent move(QEvent::MouseMove, p, viewport()->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(viewport(), &move);
        }
        QTest::mouseRelease(viewport(), Qt::LeftButton, Qt::NoModifier, to);
    }
    void ctrlZ()
    {
        QTest::keyClick(board(), Qt::Key_Z, Qt::ControlModifier);
    }
};
} // namespace

class TestScheduleBoard : public QObject {
    Q_OBJECT

private slots:
    void showsTheSeededBars()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        const QRect a1 = t.board()->barViewportRect(QStringLiteral("a1"));
        QVERIFY(!a1.isNull());
        QVERIFY(t.viewport()->rect().contains(a1.center()));
        QVERIFY(qAbs(a1.center().y() - t.rowY("t1")) <= 1);
        QVERIFY(qAbs(a1.left() - t.x("2026-03-02T09:00:00Z")) <= 1);
        QVERIFY(qAbs(a1.width() - t.pxPerHour()) <= 2);
    }

    void dropFromQueueAssignsAndCtrlZRemoves()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        QSignalSpy assigned(t.editor.get(), &BoardEditor::assigned);
        // The queue's drag payload, as QueueDragSource builds it from the queue's row.
        QStandardItemModel queue;
        auto *row = new QStandardItem(QStringLiteral("w3"));
        row->setData(QStringLiteral("w3"), roles::WorkOrderId);
        queue.appendRow(row);
        std::unique_ptr<QMimeData> mime(widgets::QueueDragSource::mimeFor(queue.index(0, 0)));
        QVERIFY(mime);
        QCOMPARE(QString::fromUtf8(mime->data(board::workOrderMimeType())), QStringLiteral("w3"));

        const QPoint target(t.x("2026-03-02T11:05:00Z"), t.rowY("t3"));
        QDragEnterEvent enter(target, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(target, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &move);
        QVERIFY(t.board()->ghost());
        QCOMPARE(t.board()->ghost()->verdict, widgets::BoardGhost::Verdict::Clean);
        QDropEvent drop(target, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &drop);

        QCOMPARE(assigned.count(), 1);
        const QString id = assigned.at(0).at(0).toString();
        QCOMPARE(t.stack()->count(), 1);
        const auto s = test::stored(*t.db, id);
        QVERIFY(s.exists);
        QCOMPARE(s.technician, QStringLiteral("t3"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T11:00:00Z")); // snapped to 15 min
        QCOMPARE(s.end, QStringLiteral("2026-03-02T12:00:00Z"));   // the work order's 60 min
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w3")), QStringLiteral("scheduled"));
        QVERIFY(!t.board()->barViewportRect(id).isNull());
        QVERIFY(!t.board()->ghost());

        t.ctrlZ();
        QCOMPARE(t.stack()->index(), 0);
        QVERIFY(!test::stored(*t.db, id).exists);
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w3")), QStringLiteral("open"));
        QVERIFY(t.board()->barViewportRect(id).isNull());
    }

    void dropBooksThePredictedDuration()
    {
        // Carla's five corrective visits in February each took 90 min against an estimate of
        // 60: a corrective job dropped on her row is booked for 1.5 × its estimate.
        QStringList history{QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES "
                                           "('h1', 's1', 60, '2026-02-01T08:00:00Z', 'done'), ('h2', 's1', 60, '2026-02-01T08:00:00Z', 'done'), "
                                           "('h3', 's1', 60, '2026-02-01T08:00:00Z', 'done'), ('h4', 's1', 60, '2026-02-01T08:00:00Z', 'done'), "
                                           "('h5', 's1', 60, '2026-02-01T08:00:00Z', 'done')")};
        for (int day = 1; day <= 5; ++day)
            history << QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, "
                                      "completed_at) VALUES ('p%1', 'h%1', 't3', '2026-02-0%1T09:00:00Z', '2026-02-0%1T10:00:00Z', "
                                      "'completed', '2026-02-0%1T09:00:00Z', '2026-02-0%1T10:30:00Z')")
                           .arg(day);
        BoardUnderTest t;
        QVERIFY2(t.open(history), qPrintable(test::lastError()));
        QSignalSpy assigned(t.editor.get(), &BoardEditor::assigned);
        QMimeData mime;
        mime.setData(board::workOrderMimeType(), QByteArrayLiteral("w3"));
        const QPoint target(t.x("2026-03-02T11:05:00Z"), t.rowY("t3"));
        QDragEnterEvent enter(target, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDragMoveEvent move(target, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &move);
        QVERIFY(t.board()->ghost());
        QDropEvent drop(target, Qt::CopyAction | Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &drop);

        QCOMPARE(assigned.count(), 1);
        const QString id = assigned.at(0).at(0).toString();
        const auto s = test::stored(*t.db, id);
        QCOMPARE(s.start, QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T12:30:00Z")); // predicted 90 min, not the estimate's 60
        QCOMPARE(t.stack()->count(), 1); // one undoable step, as any drop
        t.ctrlZ();
        QVERIFY(!test::stored(*t.db, id).exists);
    }

    void dragBarOntoQueueUnassignsAndCtrlZRestores()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        // The queue as the schedule tab wires it: its drop unassigns through the editor.
        QTreeView queue;
        auto *target = new widgets::QueueDropTarget(&queue);
        QObject::connect(target, &widgets::QueueDropTarget::appointmentsDropped, t.editor.get(),
                         [&t](const QStringList &ids) { QVERIFY(t.editor->unassign(ids).ok()); });
        std::unique_ptr<QMimeData> carried;
        t.board()->setDragLauncher([&carried](QMimeData *mime) { carried.reset(mime); });

        // Drag the bar left, out of the board (where the queue dock sits).
        const QPoint from = t.board()->barViewportRect(QStringLiteral("a1")).center();
        const QPoint out(-t.board()->viewport()->mapTo(t.board(), QPoint()).x() - 40, from.y());
        t.drag(from, out);
        QVERIFY(carried);
        QCOMPARE(QString::fromUtf8(carried->data(board::appointmentMimeType())), QStringLiteral("a1"));
        QVERIFY(!t.board()->ghost());
        QCOMPARE(t.stack()->count(), 0); // leaving the board wrote nothing by itself
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).status, QStringLiteral("scheduled"));

        // A drop of something else is not the queue's business.
        QMimeData other;
        other.setText(QStringLiteral("a1"));
        QDragEnterEvent foreign(QPoint(10, 10), Qt::MoveAction, &other, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(queue.viewport(), &foreign);
        QVERIFY(!foreign.isAccepted());

        QDragEnterEvent enter(QPoint(10, 10), Qt::MoveAction, carried.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(queue.viewport(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPoint(10, 10), Qt::MoveAction, carried.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(queue.viewport(), &drop);
        QVERIFY(drop.isAccepted());

        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).status, QStringLiteral("cancelled"));
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w1")), QStringLiteral("open"));
        QVERIFY(t.board()->barViewportRect(QStringLiteral("a1")).isNull());

        t.ctrlZ();
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).status, QStringLiteral("scheduled"));
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w1")), QStringLiteral("scheduled"));
        QVERIFY(!t.board()->barViewportRect(QStringLiteral("a1")).isNull());
    }

    void horizonLoadsOffTheGuiThreadAndKeepsEditsMadeMeanwhile()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        auto url = DatabaseUrl::parse(t.url);
        QVERIFY(url);
        t.editor->setHorizonReader(std::make_unique<QueryWorker>(*url, QStringLiteral("tester")));
        QSignalSpy loaded(t.editor.get(), &BoardEditor::horizonLoaded);
        t.page->showDate(QDate(2026, 3, 3));
        QVERIFY(t.editor->isLoadingHorizon());
        QCOMPARE(t.page->messageLine()->text(), QStringLiteral("Loading the schedule…"));
        QCOMPARE(t.model.from(), test::utcAt("2026-03-01T00:00:00Z")); // still the old horizon

        // The dispatcher keeps working on what is shown while the read runs.
        const board::BoardItem a1 = *t.model.item(QStringLiteral("a1"));
        IntervalEdit e;
        e.ref = {a1.appointment.id, a1.appointment.version};
        e.fromTechnician = e.toTechnician = a1.appointment.technicianId;
        e.fromStart = a1.appointment.start;
        e.fromEnd = a1.appointment.end;
        e.toStart = test::utcAt("2026-03-02T11:00:00Z");
        e.toEnd = test::utcAt("2026-03-02T12:00:00Z");
        QVERIFY(t.editor->setIntervals({e}, SetIntervalCommand::Kind::Move).ok());

        QVERIFY(loaded.wait(10000));
        QVERIFY(!t.editor->isLoadingHorizon());
        QCOMPARE(t.model.from(), test::utcAt("2026-03-02T00:00:00Z"));
        QCOMPARE(t.model.item(QStringLiteral("a1"))->appointment.start, test::utcAt("2026-03-02T11:00:00Z"));
        QVERIFY(t.page->messageLine()->text().isEmpty());
        QVERIFY(!t.board()->barViewportRect(QStringLiteral("a2")).isNull());
    }

    void readOnlyBoardSelectsButDoesNotEdit()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        t.page->setEditable(false);
        QVERIFY(t.page->messageLine()->text().contains(QStringLiteral("Read only")));
        QCOMPARE(t.page->messageKind(), widgets::ScheduleBoard::MessageKind::Info); // information, not a refusal
        const QString before = test::dumpDatabase(*t.db);
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        t.drag(bar.center(), bar.center() + QPoint(int(2 * t.pxPerHour()), 0));
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        QVERIFY(!t.board()->ghost());
        QTest::keyClick(t.board(), Qt::Key_Right);
        QTest::keyClick(t.board(), Qt::Key_Delete);
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*t.db), before);

        t.page->setEditable(true);
        t.drag(bar.center(), bar.center() + QPoint(int(2 * t.pxPerHour()), 0));
        QCOMPARE(t.stack()->count(), 1);
    }

    void othersChangesAreOutlinedWithTheirName()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        RecentChanges recent;
        recent.setOwnActor(QStringLiteral("tester"));
        t.board()->setRecentChanges(&recent);
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        const QPoint edge(bar.left() - 2, bar.center().y());
        auto isMark = [](QColor c) { return c.red() > 0x70 && c.blue() > 0x90 && c.green() < 0x60; };
        QVERIFY(!isMark(t.viewport()->grab().toImage().pixelColor(edge)));

        Change c;
        c.entity = QStringLiteral("appointments");
        c.entityId = QStringLiteral("a1");
        c.op = QStringLiteral("update");
        c.actor = QStringLiteral("Bruno");
        recent.record({c});
        QVERIFY(isMark(t.viewport()->grab().toImage().pixelColor(edge)));
        // The other bar is not outlined.
        const QRect other = t.board()->barViewportRect(QStringLiteral("a2"));
        QVERIFY(!isMark(t.viewport()->grab().toImage().pixelColor(other.left() - 2, other.center().y())));

        recent.clear();
        QVERIFY(!isMark(t.viewport()->grab().toImage().pixelColor(edge)));
    }

    void technicianPickedElsewhereComesIntoView()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        t.board()->toggleGroup(QStringLiteral("south"));
        QCOMPARE(t.rowY("t3"), -1); // its group is closed
        const int scrollX = t.board()->horizontalScrollBar()->value();
        t.board()->scrollToTechnician(QStringLiteral("t3"));
        QVERIFY(t.rowY("t3") >= 0);
        QVERIFY(t.rowY("t3") < t.viewport()->height());
        QCOMPARE(t.board()->horizontalScrollBar()->value(), scrollX); // time stays where it was
        t.board()->scrollToTechnician(QStringLiteral("nobody")); // unknown: nothing happens
        QVERIFY(t.rowY("t3") >= 0);
    }

    void dragBetweenRowsReassignsAndCtrlZRestores()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        const QPoint from = bar.center();
        const QPoint to(from.x() + int(2 * t.pxPerHour()), t.rowY("t2"));
        t.drag(from, to);
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(t.stack()->undoText(), QStringLiteral("Move appointment"));
        auto s = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(s.technician, QStringLiteral("t2"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T12:00:00Z"));
        QVERIFY(qAbs(t.board()->barViewportRect(QStringLiteral("a1")).center().y() - t.rowY("t2")) <= 1);

        t.ctrlZ();
        s = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(s.technician, QStringLiteral("t1"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(t.stack()->index(), 0);
        QCOMPARE(t.board()->barViewportRect(QStringLiteral("a1")), bar);
    }

    void edgeDragResizesAndCtrlZRestores()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        const QPoint from(bar.right() - 1, bar.center().y());
        t.drag(from, from + QPoint(int(1.5 * t.pxPerHour()), 0));
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(t.stack()->undoText(), QStringLiteral("Resize appointment"));
        auto s = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T11:30:00Z"));
        // The left edge too: a later start.
        const QRect grown = t.board()->barViewportRect(QStringLiteral("a1"));
        const QPoint left(grown.left() + 1, grown.center().y());
        t.drag(left, left + QPoint(int(0.5 * t.pxPerHour()), 0));
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:30:00Z"));
        QCOMPARE(t.stack()->count(), 2);

        t.ctrlZ();
        t.ctrlZ();
        s = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T10:00:00Z"));
        QCOMPARE(t.stack()->index(), 0);
    }

    void dropOnBusySlotIsRefusedAndWritesNothing()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*t.db);
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        // Onto Bruno at 13:30, over a2 (13:00–14:00).
        const QPoint to(bar.center().x() + int(4.5 * t.pxPerHour()), t.rowY("t2"));
        QTest::mousePress(t.viewport(), Qt::LeftButton, Qt::NoModifier, bar.center());
        for (int i = 1; i <= 6; ++i) {
            const QPoint p = bar.center() + (to - bar.center()) * i / 6;
            QMouseEvent move(QEvent::MouseMove, p, t.viewport()->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
            QApplication::sendEvent(t.viewport(), &move);
        }
        // The live verdict while dragging: red, and it says with whom.
        QVERIFY(t.board()->ghost());
        QCOMPARE(t.board()->ghost()->verdict, widgets::BoardGhost::Verdict::Hard);
        QVERIFY2(t.board()->ghost()->message.contains(QStringLiteral("Bruno")), qPrintable(t.board()->ghost()->message));
        QTest::mouseRelease(t.viewport(), Qt::LeftButton, Qt::NoModifier, to);

        const QString msg = t.page->messageLine()->text();
        QVERIFY2(msg.startsWith(QStringLiteral("Refused")), qPrintable(msg));
        QCOMPARE(t.page->messageKind(), widgets::ScheduleBoard::MessageKind::Refusal);
        QVERIFY(t.page->messageLine()->styleSheet().contains(colours::css(colours::alarm())));
        QVERIFY2(msg.contains(QStringLiteral("Bruno")) && msg.contains(QStringLiteral("Globex")) && msg.contains(QStringLiteral("w2")),
                 qPrintable(msg));
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*t.db), before);
        QCOMPARE(t.board()->barViewportRect(QStringLiteral("a1")), bar);
    }

    void inactiveTechnicianKeepsVisitsButTakesNoNewOnes()
    {
        BoardUnderTest t;
        // Bruno (t2, a2 at 13:00) and Carla (t3, nothing booked) are deactivated.
        QVERIFY2(t.open({QStringLiteral("UPDATE technicians SET active = 0 WHERE id IN ('t2', 't3')")}),
                 qPrintable(test::lastError()));
        QVERIFY(t.rowY("t2") >= 0);  // his row stays for the visit he holds
        QCOMPARE(t.rowY("t3"), -1);  // hers is gone: nothing to show
        QVERIFY(!t.board()->barViewportRect(QStringLiteral("a2")).isNull());
        t.page->grab().save(fieldops::test::screenshotPath(QStringLiteral("board-inactive.png"))); // for a look
        const QString before = test::dumpDatabase(*t.db);

        // A queue drop onto Bruno: red while hovering, refused on release, nothing written.
        QStandardItemModel queue;
        auto *row = new QStandardItem(QStringLiteral("w3"));
        row->setData(QStringLiteral("w3"), roles::WorkOrderId);
        queue.appendRow(row);
        std::unique_ptr<QMimeData> mime(widgets::QueueDragSource::mimeFor(queue.index(0, 0)));
        const QPoint target(t.x("2026-03-02T10:05:00Z"), t.rowY("t2"));
        QDragEnterEvent enter(target, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &enter);
        QDragMoveEvent move(target, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &move);
        QVERIFY(t.board()->ghost());
        QCOMPARE(t.board()->ghost()->verdict, widgets::BoardGhost::Verdict::Hard);
        QVERIFY2(t.board()->ghost()->message.contains(QStringLiteral("Bruno is inactive")), qPrintable(t.board()->ghost()->message));
        QDropEvent drop(target, Qt::CopyAction | Qt::MoveAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &drop);
        QVERIFY2(t.page->messageLine()->text().contains(QStringLiteral("Bruno is inactive")), qPrintable(t.page->messageLine()->text()));
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*t.db), before);

        // Ana's visit dragged onto his row: refused the same way.
        const QRect a1 = t.board()->barViewportRect(QStringLiteral("a1"));
        t.drag(a1.center(), QPoint(a1.center().x(), t.rowY("t2")));
        QVERIFY2(t.page->messageLine()->text().contains(QStringLiteral("Bruno is inactive")), qPrintable(t.page->messageLine()->text()));
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*t.db), before);

        // His own visit still moves in time on his row.
        const QRect a2 = t.board()->barViewportRect(QStringLiteral("a2"));
        t.drag(a2.center(), a2.center() + QPoint(int(t.pxPerHour()), 0));
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a2")).start, QStringLiteral("2026-03-02T14:00:00Z"));
        QCOMPARE(test::stored(*t.db, QStringLiteral("a2")).technician, QStringLiteral("t2"));
    }

    // "Mark absent": a drag along a row draws the absence and counts the visits it covers
    // while the hand moves; letting go asks for it to be recorded (nothing written here:
    // the absence editor does that), bars under the drag do not move, Esc leaves the mode.
    void markAbsentDrawsAnAbsenceAndWritesNothing()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*t.db);
        auto *button = t.page->findChild<QToolButton *>(QStringLiteral("markAbsentButton"));
        QVERIFY(button);
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(t.board()->markAbsentMode());
        QVERIFY2(t.page->messageLine()->text().startsWith(QStringLiteral("Mark absent:")), qPrintable(t.page->messageLine()->text()));
        QSignalSpy drawn(t.board(), &ScheduleBoard::absenceDrawn);

        // From 12:00 to 16:00 on Bruno's row, over his 13:00 visit (pressed on empty time).
        const QPoint from(t.x("2026-03-02T12:00:00Z"), t.rowY("t2"));
        const QPoint to(t.x("2026-03-02T16:00:00Z"), t.rowY("t2"));
        QTest::mousePress(t.viewport(), Qt::LeftButton, Qt::NoModifier, from);
        const QPoint mid(t.x("2026-03-02T12:40:00Z"), t.rowY("t2"));
        QMouseEvent early(QEvent::MouseMove, mid, t.viewport()->mapToGlobal(mid), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &early);
        QVERIFY(t.board()->ghost());
        QCOMPARE(t.board()->ghost()->verdict, widgets::BoardGhost::Verdict::Clean); // 12:00–12:45 covers nothing yet
        QMouseEvent late(QEvent::MouseMove, to, t.viewport()->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(t.viewport(), &late);
        QCOMPARE(t.board()->ghost()->verdict, widgets::BoardGhost::Verdict::Soft);
        // (English singular and plural forms come from the translation the console loads.)
        QVERIFY2(t.board()->ghost()->message.contains(QStringLiteral("covers 1 visit")), qPrintable(t.board()->ghost()->message));
        t.page->grab().save(fieldops::test::screenshotPath(QStringLiteral("board-mark-absent.png"))); // for a look
        QTest::mouseRelease(t.viewport(), Qt::LeftButton, Qt::NoModifier, to);
        QCOMPARE(drawn.count(), 1);
        QCOMPARE(drawn.at(0).at(0).toString(), QStringLiteral("t2"));
        QCOMPARE(drawn.at(0).at(1).toDateTime(), test::utcAt("2026-03-02T12:00:00Z"));
        QCOMPARE(drawn.at(0).at(2).toDateTime(), test::utcAt("2026-03-02T16:00:00Z"));
        QVERIFY(!t.board()->ghost());

        // Drawn leftwards from a bar: the bar stays, the span still runs forwards in time.
        const QRect a2 = t.board()->barViewportRect(QStringLiteral("a2"));
        t.drag(a2.center(), QPoint(t.x("2026-03-02T09:00:00Z"), t.rowY("t2")));
        QCOMPARE(drawn.count(), 2);
        QCOMPARE(drawn.at(1).at(1).toDateTime(), test::utcAt("2026-03-02T09:00:00Z"));
        QCOMPARE(drawn.at(1).at(2).toDateTime(), test::utcAt("2026-03-02T13:30:00Z"));
        QCOMPARE(t.board()->barViewportRect(QStringLiteral("a2")), a2);
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*t.db), before);

        // Esc leaves the mode and the button follows; a drag then moves bars again.
        QTest::keyClick(t.board(), Qt::Key_Escape);
        QVERIFY(!t.board()->markAbsentMode());
        QVERIFY(!button->isChecked());
        t.drag(a2.center(), a2.center() + QPoint(int(t.pxPerHour()), 0));
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(drawn.count(), 2);
    }

    void staleVersionIsReportedAndReloaded()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        auto other = test::openUrl(t.url);
        QVERIFY(other);
        QVERIFY(test::touchAppointment(*other, QStringLiteral("a1")).ok()); // locked, version 2, underneath
        QCOMPARE(t.model.item(QStringLiteral("a1"))->appointment.version, 1);
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        t.drag(bar.center(), bar.center() + QPoint(int(2 * t.pxPerHour()), 0));
        const QString msg = t.page->messageLine()->text();
        // The lost race names who won it (the same tester, from another connection) and what they did.
        QVERIFY2(msg.contains(QStringLiteral("You (in another window) locked this visit while you were editing")), qPrintable(msg));
        QCOMPARE(t.page->messageKind(), widgets::ScheduleBoard::MessageKind::Refusal);
        QCOMPARE(t.stack()->count(), 0);
        const auto s = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(s.version, 2);
        // Reloaded: the board now holds the server's row, and a retry goes through.
        QCOMPARE(t.model.item(QStringLiteral("a1"))->appointment.version, 2);
        QVERIFY(t.model.item(QStringLiteral("a1"))->appointment.locked);
        QCOMPARE(t.board()->barViewportRect(QStringLiteral("a1")), bar);
        t.drag(bar.center(), bar.center() + QPoint(int(2 * t.pxPerHour()), 0));
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T11:00:00Z"));
    }

    void rubberBandSelectsAndArrowsNudge()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        const QRect a1 = t.board()->barViewportRect(QStringLiteral("a1"));
        const QRect a2 = t.board()->barViewportRect(QStringLiteral("a2"));
        // A band from empty space before a1 to past a2 takes both.
        t.drag(QPoint(a1.left() - 20, a1.top() - 2), QPoint(a2.right() + 10, a2.bottom() + 2));
        QCOMPARE(t.board()->selectedAppointments(), (QStringList{QStringLiteral("a1"), QStringLiteral("a2")}));
        QTest::keyClick(t.board(), Qt::Key_Right);
        QTest::keyClick(t.board(), Qt::Key_Right);
        QCOMPARE(t.stack()->count(), 1); // nudges merge
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:30:00Z"));
        QCOMPARE(test::stored(*t.db, QStringLiteral("a2")).start, QStringLiteral("2026-03-02T13:30:00Z"));
        t.ctrlZ();
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(test::stored(*t.db, QStringLiteral("a2")).start, QStringLiteral("2026-03-02T13:00:00Z"));
    }

    void conflictsPanelScrollsTheBoard()
    {
        BoardUnderTest t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        QVERIFY(t.db->execDirect(QStringLiteral("INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w2', 'hvac')")).ok());
        t.page->showDate(QDate(2026, 3, 2));
        widgets::ConflictsPanel panel(&t.model);
        QCOMPARE(panel.model()->rowCount(), 1);
        connect(&panel, &widgets::ConflictsPanel::appointmentActivated, t.board(), &ScheduleBoard::scrollToAppointment);
        t.board()->horizontalScrollBar()->setValue(t.board()->horizontalScrollBar()->maximum());
        QVERIFY(t.board()->barViewportRect(QStringLiteral("a2")).right() < 0);
        panel.resize(600, 200);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const QRect cell = panel.view()->visualRect(panel.model()->index(0, 0));
        QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, Qt::NoModifier, cell.center());
        QVERIFY(t.viewport()->rect().contains(t.board()->barViewportRect(QStringLiteral("a2")).center()));
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a2")});
    }
};

QTEST_MAIN(TestScheduleBoard)
#include "tst_schedule_board.moc"
