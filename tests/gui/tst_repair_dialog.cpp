// Repairing the day in the real main window over a real SQLite file (the board fixture on
// Monday 2 March, "now" 07:30 UTC): Ana's bar's menu (Shift+F10) says she is off sick from
// now, the dialog works the options out off the GUI thread and lists them cheapest first,
// Enter applies the first (her 09:00 visit goes to Carla, the other hvac technician, and the
// absence is recorded) as one undo step, and Ctrl+Z takes it all back. Ctrl+Shift+U on the
// queue's urgent w3 books it where it fits.
#include "BoardPanelWindow.h"
#include "Screenshots.h"
#include "board/BoardModel.h"
#include "controllers/RepairController.h"
#include "repair/RepairDialog.h"
#include "selection/SelectionService.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QtTest>

using namespace fieldops;

namespace {

const char *kNow = "2026-03-02T07:30:00Z";

struct RepairUnderTest : test::BoardPanelWindow<gui::RepairController, widgets::RepairDialog> {
    bool open() { return BoardPanelWindow::open(QStringLiteral("tst_repair_dialog"), kNow); }

    // The dialog once its options are on show.
    widgets::RepairDialog *dialogWithOptions()
    {
        if (!QTest::qWaitFor([this] { return controller->dialog() != nullptr; }, 10000))
            return nullptr;
        widgets::RepairDialog *d = controller->dialog();
        if (!QTest::qWaitFor([d] { return d->applyButton()->isEnabled(); }, 30000))
            return nullptr;
        return d;
    }
    int count(const QString &sql) const
    {
        auto n = db->scalar(sql);
        return n ? n->toInt() : -1;
    }
    QString technicianOfA1() const { return board()->model()->item(QStringLiteral("a1"))->appointment.technicianId; }
};

} // namespace

class TestRepairDialog : public QObject {
    Q_OBJECT

private slots:
    // Times in words as a dispatcher in London reads them (09:00, not 09:00:00).
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void absenceFromTheBarsMenuThenUndo()
    {
        RepairUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        // Ana's visit picked with the mouse, then her bar's menu.
        const QRect bar = t.board()->barViewportRect(QStringLiteral("a1"));
        QVERIFY(bar.isValid());
        QTest::mouseClick(t.board()->viewport(), Qt::LeftButton, {}, bar.center());
        QCOMPARE(t.board()->selectedAppointments(), QStringList{QStringLiteral("a1")});
        bool chosen = false;
        // The menu runs its own loop: pick the entry from inside it, once the menu shows.
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            QMenu *menu = nullptr;
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *m = qobject_cast<QMenu *>(w); m && m->isVisible())
                    menu = m;
            }
            if (!menu)
                return;
            poll.stop();
            for (QAction *a : menu->actions()) {
                if (a->text() == QStringLiteral("Technician off sick from now…")) {
                    menu->setActiveAction(a);
                    chosen = true;
                }
            }
            QTest::keyClick(menu, chosen ? Qt::Key_Return : Qt::Key_Escape);
        });
        poll.start();
        // What a right click delivers to the board (QTest's clicks send no context-menu event).
        QContextMenuEvent rightClick(QContextMenuEvent::Mouse, bar.center(), t.board()->viewport()->mapToGlobal(bar.center()));
        QApplication::sendEvent(t.board()->viewport(), &rightClick);
        QVERIFY(chosen);
        widgets::RepairDialog *dialog = t.dialogWithOptions();
        QVERIFY(dialog);
        QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("Displaced: w1 Chiller noise")),
                 qPrintable(dialog->messageLabel()->text()));
        QTreeWidget *options = dialog->optionList();
        QCOMPARE(options->topLevelItemCount(), 2);
        QCOMPARE(options->topLevelItem(0)->text(0), QStringLiteral("Reassign to colleagues"));
        QCOMPARE(options->topLevelItem(1)->text(0), QStringLiteral("Send back to the queue"));
        QVERIFY2(options->topLevelItem(0)->child(0)->text(0).contains(QStringLiteral("Ana at 09:00 → Carla at")),
                 qPrintable(options->topLevelItem(0)->child(0)->text(0)));
        dialog->grab().save(test::screenshotPath(QStringLiteral("repair-absence.png")));

        QSignalSpy applied(t.controller, &gui::RepairController::applied);
        QTest::keyClick(options, Qt::Key_Return);
        QVERIFY(applied.count() == 1 || applied.wait(10000));
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).technician, QStringLiteral("t3"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't1'")), 1);
        QCOMPARE(t.stack()->undoText(), QStringLiteral("Technician off sick: Reassign to colleagues"));
        QTRY_COMPARE_WITH_TIMEOUT(t.technicianOfA1(), QStringLiteral("t3"), 10000);

        t.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(t.window.get()));
        QTest::keyClick(t.window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::stored(*t.db, QStringLiteral("a1")).technician, QStringLiteral("t1"));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM absences")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(t.technicianOfA1(), QStringLiteral("t1"), 10000);
    }

    void urgentJobByShortcut()
    {
        RepairUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QCOMPARE(t.controller->urgentAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
        t.window->session()->selection()->selectWorkOrder(QStringLiteral("w3"));
        t.board()->setFocus();
        QTest::keyClick(t.board(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
        widgets::RepairDialog *dialog = t.dialogWithOptions();
        QVERIFY(dialog);
        QCOMPARE(dialog->optionList()->topLevelItem(0)->text(0), QStringLiteral("Book where it fits"));
        QCOMPARE(dialog->optionList()->topLevelItem(dialog->optionList()->topLevelItemCount() - 1)->text(0),
                 QStringLiteral("Leave in the queue"));
        QSignalSpy applied(t.controller, &gui::RepairController::applied);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        QVERIFY(applied.count() == 1 || applied.wait(10000));
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'w3' AND status = 'scheduled'")), 1);
        QCOMPARE(test::workOrderStatus(*t.db, QStringLiteral("w3")), QStringLiteral("scheduled"));
        t.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(t.window.get()));
        QTest::keyClick(t.window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(t.count(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'w3'")), 0);
    }

    void nothingSelectedSaysSo()
    {
        RepairUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        t.window->session()->selection()->clear();
        QSignalSpy problem(t.controller, &gui::RepairController::problem);
        t.controller->urgentAction()->trigger();
        QCOMPARE(problem.count(), 1);
        QCOMPARE(problem.at(0).at(0).toString(), QStringLiteral("Select the urgent work order in the queue first."));
        QVERIFY(t.controller->dialog() == nullptr);
    }
};

QTEST_MAIN(TestRepairDialog)
#include "tst_repair_dialog.moc"
