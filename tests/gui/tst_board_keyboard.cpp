// The schedule board driven from the keyboard alone, over a real SQLite file: Tab reaches
// it, the arrow keys move its focus cell, Tab picks a bar, Alt+arrows move the bar through
// the same path as a drag (database, undo, conflict, lost race), Enter books the queue's selected work
// order at the cell, Shift+F10 opens the bar's menu, Esc lets go; a screen reader is told
// where the focus is.
#include "../board/BoardFixture.h"
#include "Screenshots.h"
#include "TestDatabases.h"
#include "board/BoardModel.h"
#include "board/BoardToolbar.h"
#include "board/SchedulePage.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "document/ScheduleDocument.h"
#include "selection/SelectionService.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QtTest>

using namespace fieldops;
using widgets::ScheduleBoard;
using widgets::SchedulePage;

namespace {
// The board as the schedule tab builds it, with the shared selection the queue writes.
struct KeyboardBoard {
    std::unique_ptr<Database> db;
    QString url;
    ScheduleDocument document;
    board::BoardModel model;
    SelectionService selection;
    std::unique_ptr<BoardEditor> editor;
    std::unique_ptr<SchedulePage> page;

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
        board()->setWorkOrderSelection(&selection);
        board()->setDisplayZone(QTimeZone::utc());
        board()->setNowOverride(test::utcAt("2026-03-02T08:30:00Z"));
        QAction *undo = document.undoStack()->createUndoAction(page.get());
        undo->setShortcut(QKeySequence::Undo);
        undo->setShortcutContext(Qt::WindowShortcut);
        page->addAction(undo);
        page->resize(1300, 500);
        page->show();
        page->activateWindow();
        if (!QTest::qWaitForWindowActive(page.get()))
            return false;
        page->showDate(QDate(2026, 3, 2));
        board()->scrollToTime(test::utcAt("2026-03-02T07:00:00Z").toMSecsSinceEpoch(), 0.0);
        return model.isLoaded();
    }
    ScheduleBoard *board() const { return page->board(); }
    QUndoStack *stack() { return document.undoStack(); }
    void key(Qt::Key k, Qt::KeyboardModifiers mods = Qt::NoModifier) { QTest::keyClick(board(), k, mods); }
    // The board focused and a1 (Ana, 09:00–10:00) picked with Tab from a cell before it.
    bool pickA1()
    {
        board()->setFocus(Qt::TabFocusReason);
        board()->setFocusCell(QStringLiteral("t1"), test::utcAt("2026-03-02T08:00:00Z"));
        key(Qt::Key_Tab);
        return board()->selectedAppointments() == QStringList{QStringLiteral("a1")};
    }
    QString message() const { return page->messageLine()->text(); }
};
} // namespace

class TestBoardKeyboard : public QObject {
    Q_OBJECT

private slots:
    void tabReachesTheBoard()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        QCOMPARE(t.board()->accessibleName(), QStringLiteral("Schedule board"));
        auto *search = t.page->toolbar()->findChild<QLineEdit *>(QStringLiteral("boardSearch"));
        QVERIFY(search);
        search->setFocus(Qt::OtherFocusReason);
        QVERIFY(search->hasFocus());
        // Past the filters' last widget the next Tab lands on the board.
        for (int i = 0; i < 4 && !t.board()->hasFocus(); ++i)
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY(t.board()->hasFocus());
        // It starts with a cell where it looks: the first technician, the first slot in view.
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("t1"));
        QCOMPARE(t.board()->focusCellStart(), test::utcAt("2026-03-02T07:00:00Z"));
        QVERIFY(t.board()->accessibleDescription().contains(QStringLiteral("Ana")));
        // The toolbar's buttons say what they do.
        for (QToolButton *b : t.page->toolbar()->findChildren<QToolButton *>()) {
            if (b->isVisible() && !b->text().isEmpty())
                QVERIFY2(!b->accessibleName().isEmpty(), qPrintable(b->text()));
        }
    }

    void arrowsMoveTheFocusCell()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        t.board()->setFocus(Qt::TabFocusReason);
        const QRect first = t.board()->focusCellViewportRect();
        QVERIFY(!first.isNull());
        t.key(Qt::Key_Right);
        t.key(Qt::Key_Right);
        QCOMPARE(t.board()->focusCellStart(), test::utcAt("2026-03-02T07:30:00Z")); // two 15-min steps
        t.key(Qt::Key_Down);
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("t2"));
        t.key(Qt::Key_Down); // over the "South" header to Carla
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("t3"));
        t.key(Qt::Key_Down); // the last row: stays
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("t3"));
        t.key(Qt::Key_Left);
        QCOMPARE(t.board()->focusCellStart(), test::utcAt("2026-03-02T07:15:00Z"));
        const QRect moved = t.board()->focusCellViewportRect();
        QVERIFY(moved.top() > first.top());
        QVERIFY(qAbs(moved.left() - (first.left() + first.width())) <= 1);
        QVERIFY2(t.board()->accessibleDescription().contains(QStringLiteral("Carla")), qPrintable(t.board()->accessibleDescription()));
        t.page->grab().save(test::screenshotPath(QStringLiteral("board-focus-cell.png"))); // for a look
        QCOMPARE(t.stack()->count(), 0); // moving the cell writes nothing
        t.key(Qt::Key_Escape);
        QVERIFY(t.board()->focusCellTechnician().isEmpty());
    }

    // The focus cell's row is marked in the row header too (the highlight colour's strip at its
    // left edge), and follows the cell; without focus no row is marked.
    void focusRowIsMarkedInTheRowHeader()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        auto *header = t.board()->findChild<QWidget *>(QStringLiteral("boardRowHeader"));
        QVERIFY(header);
        const QColor highlight = QApplication::palette().color(QPalette::Highlight);
        auto stripAtCellRow = [&](const QRect &cell) {
            const QPoint at = header->mapFromGlobal(t.board()->viewport()->mapToGlobal(cell.center()));
            return header->grab().toImage().pixelColor(1, at.y());
        };
        t.board()->setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(t.board()->focusCellTechnician(), QStringLiteral("t1"));
        const QRect anaCell = t.board()->focusCellViewportRect();
        QCOMPARE(stripAtCellRow(anaCell), highlight);
        t.key(Qt::Key_Down);
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("t2"));
        const QRect brunoCell = t.board()->focusCellViewportRect();
        QCOMPARE(stripAtCellRow(brunoCell), highlight);
        QVERIFY(stripAtCellRow(anaCell) != highlight);
        t.page->grab().save(test::screenshotPath(QStringLiteral("board-focus-row.png"))); // for a look
        t.page->toolbar()->findChild<QLineEdit *>(QStringLiteral("boardSearch"))->setFocus(Qt::OtherFocusReason);
        QVERIFY(!t.board()->hasFocus());
        QVERIFY(stripAtCellRow(brunoCell) != highlight);
    }

    void tabCyclesTheBarsOfARow()
    {
        KeyboardBoard t;
        // A second visit for Ana: a3 at 15:00.
        QVERIFY2(t.open({QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                        "VALUES ('a3', 'w4', 't1', '2026-03-02T15:00:00Z', '2026-03-02T16:30:00Z', 'scheduled')")}),
                 qPrintable(test::lastError()));
        QVERIFY(t.pickA1());
        QVERIFY2(t.board()->accessibleDescription().startsWith(QStringLiteral("w1")), qPrintable(t.board()->accessibleDescription()));
        t.key(Qt::Key_Tab);
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a3")});
        t.key(Qt::Key_Tab); // round the row
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        QTest::keyClick(t.board(), Qt::Key_Tab, Qt::ShiftModifier);
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a3")});
        QVERIFY(t.board()->hasFocus());
        // Esc lets go of the bar; then Tab from a cell with no bar after it leaves the board.
        t.key(Qt::Key_Escape);
        QVERIFY(t.board()->selectedAppointments().isEmpty());
        t.board()->setFocusCell(QStringLiteral("t1"), test::utcAt("2026-03-02T17:00:00Z"));
        t.key(Qt::Key_Tab);
        QVERIFY(!t.board()->hasFocus());
    }

    void aClickedBarTakesTheCellWithoutScrolling()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        // a1 (09:00–10:00) half out of view on the left: its cell would be too.
        t.board()->scrollToTime(test::utcAt("2026-03-02T09:30:00Z").toMSecsSinceEpoch(), 0.0);
        const QPoint scroll = t.board()->scrollOffset();
        const QRect shown = t.board()->barViewportRect(QStringLiteral("a1")).intersected(t.board()->viewport()->rect());
        QVERIFY(!shown.isEmpty());
        QTest::mouseClick(t.board()->viewport(), Qt::LeftButton, Qt::NoModifier, shown.center());
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        QCOMPARE(t.board()->scrollOffset(), scroll); // the board stays under the pointer
        QCOMPARE(t.board()->focusCellStart(), test::utcAt("2026-03-02T09:00:00Z"));
        // A click on free space puts the cell there: Enter then books that slot.
        QTest::mouseClick(t.board()->viewport(), Qt::LeftButton, Qt::NoModifier,
                          QPoint(t.board()->viewportX(test::utcAt("2026-03-02T11:40:00Z").toMSecsSinceEpoch()),
                                 t.board()->viewportRowCenter(QStringLiteral("t3"))));
        QVERIFY(t.board()->selectedAppointments().isEmpty());
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("t3"));
        QCOMPARE(t.board()->focusCellStart(), test::utcAt("2026-03-02T11:30:00Z"));
        QCOMPARE(t.board()->scrollOffset(), scroll);
        // Space on a cell picks the bar under it.
        t.key(Qt::Key_Escape);
        t.board()->setFocusCell(QStringLiteral("t2"), test::utcAt("2026-03-02T13:30:00Z"));
        t.key(Qt::Key_Space);
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a2")});
    }

    void altDownReassignsAndCtrlZRestores()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        QVERIFY(t.pickA1());
        t.key(Qt::Key_Down, Qt::AltModifier);
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(t.stack()->undoText(), QStringLiteral("Move appointment")); // as a drag reads
        auto s = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(s.technician, QStringLiteral("t2"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T09:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T10:00:00Z"));
        // Still in hand, and the cell went with it.
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        QCOMPARE(t.board()->focusCellTechnician(), QStringLiteral("t2"));
        QVERIFY(qAbs(t.board()->barViewportRect(QStringLiteral("a1")).center().y() - t.board()->viewportRowCenter(QStringLiteral("t2"))) <= 1);

        QTest::keyClick(t.board(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(t.stack()->index(), 0);
        s = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(s.technician, QStringLiteral("t1"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T09:00:00Z"));
        // Alt+Up from the first row has nowhere to go and writes nothing.
        QVERIFY(t.pickA1());
        t.key(Qt::Key_Up, Qt::AltModifier);
        QCOMPARE(t.stack()->index(), 0);
    }

    void altRightMovesOneStepLaterAndAltShiftAnHour()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        QVERIFY(t.pickA1());
        t.key(Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:15:00Z"));
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).end, QStringLiteral("2026-03-02T10:15:00Z"));
        t.key(Qt::Key_Right, Qt::AltModifier | Qt::ShiftModifier);
        QCOMPARE(t.stack()->count(), 2); // each key one step, as each drag is
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T10:15:00Z"));
        t.key(Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T10:00:00Z"));
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        QTest::keyClick(t.board(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T10:15:00Z"));
    }

    void doubleBookingByKeysIsRefusedAsADragIs()
    {
        KeyboardBoard t;
        // Bruno's a2 moved to 09:30–10:30, right under Ana's a1 (09:00–10:00).
        QVERIFY2(t.open({QStringLiteral("UPDATE appointments SET start_at = '2026-03-02T09:30:00Z', end_at = "
                                        "'2026-03-02T10:30:00Z' WHERE id = 'a2'")}),
                 qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*t.db);
        QVERIFY(t.pickA1());
        t.key(Qt::Key_Down, Qt::AltModifier);
        const QString msg = t.message();
        QVERIFY2(msg.startsWith(QStringLiteral("Refused")), qPrintable(msg));
        QVERIFY2(msg.contains(QStringLiteral("Bruno")) && msg.contains(QStringLiteral("Globex")) && msg.contains(QStringLiteral("w2")),
                 qPrintable(msg));
        QCOMPARE(t.page->messageKind(), ScheduleBoard::MessageKind::Refusal);
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(test::dumpDatabase(*t.db), before);
        QVERIFY(!t.board()->ghost());
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
    }

    void aLostRaceByKeysIsReportedAsADragsIs()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        auto other = test::openUrl(t.url);
        QVERIFY(other);
        QVERIFY(test::touchAppointment(*other, QStringLiteral("a1")).ok()); // locked, version 2, underneath
        QVERIFY(t.pickA1());
        t.key(Qt::Key_Right, Qt::AltModifier);
        QVERIFY2(t.message().contains(QStringLiteral("You (in another window) locked this visit while you were editing")),
                 qPrintable(t.message()));
        QCOMPARE(t.page->messageKind(), ScheduleBoard::MessageKind::Refusal);
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:00:00Z"));
        // Reloaded and still in hand: the same key again goes through.
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        t.key(Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).start, QStringLiteral("2026-03-02T09:15:00Z"));
    }

    void enterBooksTheQueuesWorkOrderAtTheCell()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        QSignalSpy assigned(t.editor.get(), &BoardEditor::assigned);
        t.board()->setFocus(Qt::TabFocusReason);
        // Nothing picked in the queue: Enter says what it needs and writes nothing.
        t.key(Qt::Key_Return);
        QVERIFY2(t.message().contains(QStringLiteral("queue")), qPrintable(t.message()));
        QCOMPARE(t.stack()->count(), 0);

        t.selection.selectWorkOrder(QStringLiteral("w3"));
        t.board()->setFocusCell(QStringLiteral("t3"), test::utcAt("2026-03-02T10:00:00Z"));
        t.key(Qt::Key_Right);
        t.key(Qt::Key_Right);
        t.key(Qt::Key_Return);
        QCOMPARE(assigned.count(), 1);
        const QString id = assigned.at(0).at(0).toString();
        QCOMPARE(t.stack()->count(), 1);
        const auto s = test::stored(*t.db, id);
        QCOMPARE(s.technician, QStringLiteral("t3"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T10:30:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T11:30:00Z")); // the work order's 60 min
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w3")), QStringLiteral("scheduled"));

        // The same work order again: it is on the board now, not in the queue.
        t.key(Qt::Key_Down);
        t.key(Qt::Key_Return);
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(t.page->messageKind(), ScheduleBoard::MessageKind::Refusal);

        // Onto a busy slot: refused with whom, as a drop would be.
        t.selection.selectWorkOrder(QStringLiteral("w4"));
        t.board()->setFocusCell(QStringLiteral("t2"), test::utcAt("2026-03-02T13:00:00Z"));
        t.key(Qt::Key_Return);
        QVERIFY2(t.message().startsWith(QStringLiteral("Refused")) && t.message().contains(QStringLiteral("Bruno")),
                 qPrintable(t.message()));
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w4")), QStringLiteral("open"));

        QTest::keyClick(t.board(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(!test::stored(*t.db, id).exists);
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w3")), QStringLiteral("open"));
    }

    void shiftF10AndMenuKeyOpenTheBarsMenu()
    {
        KeyboardBoard t;
        QVERIFY2(t.open(), qPrintable(test::lastError()));
        QVERIFY(t.pickA1());
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        for (const auto &[k, mods] : {std::pair{Qt::Key_F10, Qt::KeyboardModifiers(Qt::ShiftModifier)},
                                      std::pair{Qt::Key_Menu, Qt::KeyboardModifiers(Qt::NoModifier)}}) {
            QStringList actions;
            QPoint at;
            bool seen = false;
            // The menu runs its own loop: look at it and close it from inside.
            QTimer::singleShot(0, this, [&] {
                for (QWidget *w : QApplication::topLevelWidgets()) {
                    auto *menu = qobject_cast<QMenu *>(w);
                    if (!menu || !menu->isVisible())
                        continue;
                    seen = true;
                    at = menu->pos();
                    for (QAction *a : menu->actions())
                        actions << a->text();
                    QTest::keyClick(menu, Qt::Key_Escape);
                }
            });
            t.key(k, mods);
            QVERIFY(seen);
            QVERIFY2(actions.contains(QStringLiteral("Open work order")) && actions.contains(QStringLiteral("Unassign"))
                         && actions.contains(QStringLiteral("Lock")),
                     qPrintable(actions.join(QLatin1Char('|'))));
            // At the bar, not wherever the pointer happens to be.
            const QRect global(t.board()->viewport()->mapToGlobal(bar.topLeft()), bar.size());
            QVERIFY2(qAbs(at.y() - global.bottom()) <= 2 && at.x() >= global.left() && at.x() <= global.right(),
                     qPrintable(QStringLiteral("menu at %1,%2").arg(at.x()).arg(at.y())));
        }
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        t.key(Qt::Key_Escape);
        QVERIFY(t.board()->selectedAppointments().isEmpty());
    }
};

QTEST_MAIN(TestBoardKeyboard)
#include "tst_board_keyboard.moc"
