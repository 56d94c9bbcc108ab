// "Optimize day" in the real main window over a real SQLite file (the board fixture, with a
// plumbing job nobody can do): Ctrl+Shift+P opens the panel on the board's day, Solve plans
// it off the GUI thread, the rows and the board's dashed preview bars show the proposal,
// Accept books it as one undo step (database and board), Undo takes it all back; an edit
// from outside makes the proposal stale and Accept refuses it; Cancel stops a long solve.
//
// On Monday 2 March the queue holds w3 (hvac, urgent, 60 min at Plant), w4 (no skill, 90 min
// at Depot) and w5 (plumbing): the first two fit, w5 has no qualified technician.
#include "../board/BoardFixture.h"
#include "BoardPanelWindow.h"
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "board/BoardModel.h"
#include "board/BoardToolbar.h"
#include "board/SchedulePage.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "controllers/OptimizeController.h"
#include "dayplan/DayPlan.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/DayPlanProposalModel.h"
#include "itemmodels/ItemRoles.h"
#include "optimize/OptimizePanel.h"
#include "util/Translations.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolTip>
#include <QTreeWidget>
#include <QUndoStack>
#include <QtTest>

using namespace fieldops;

namespace {

const char *kNow = "2026-03-02T07:30:00Z";

struct PanelUnderTest : test::BoardPanelWindow<gui::OptimizeController, widgets::OptimizePanel> {
    bool open(const QStringList &extraSql = {}) { return BoardPanelWindow::open(QStringLiteral("tst_optimize_panel"), kNow, extraSql); }

    // Ctrl+Shift+P on the focused board, as a dispatcher opens the panel.
    bool openByShortcut()
    {
        board()->setFocus();
        QTest::keyClick(board(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        return controller->dock()->isVisible();
    }
    // Solve clicked with this time limit, then the end of the solve.
    bool solve(double seconds)
    {
        panel->setTimeLimitSeconds(seconds);
        QSignalSpy finished(controller, &gui::OptimizeController::solveFinished);
        QTest::mouseClick(panel->solveButton(), Qt::LeftButton);
        return finished.count() > 0 || finished.wait(30000);
    }
    QStringList proposedWorkOrders() const
    {
        QStringList ids;
        for (int r = 0; r < controller->model()->rowCount(); ++r)
            ids << controller->model()->index(r, 0).data(roles::WorkOrderId).toString();
        ids.sort();
        return ids;
    }
    int activeVisitsOf(const QString &workOrderId) const
    {
        auto n = db->scalar(QStringLiteral("SELECT COUNT(*) FROM appointments WHERE work_order_id = ? AND status <> 'cancelled'"),
                            {workOrderId});
        return n ? n->toInt() : -1;
    }
    QString statusOf(const QString &workOrderId) const
    {
        auto s = db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = ?"), {workOrderId});
        return s ? s->toString() : QString();
    }
    bool boardHasVisitOf(const QString &workOrderId) const
    {
        for (const QString &id : board()->model()->appointmentsOfWorkOrders({workOrderId})) {
            const board::BoardItem *item = board()->model()->item(id);
            if (item && !item->isRemoved() && !item->isCancelled())
                return true;
        }
        return false;
    }
};

} // namespace

class TestOptimizePanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The undo text is checked in words: English plurals, English day names.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        installTranslations(*QCoreApplication::instance());
    }

    void offeredByShortcutMenuAndToolbar()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QAction *action = t.controller->optimizeAction();
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        bool inEditMenu = false;
        for (QAction *menu : t.window->menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(action))
                inEditMenu = menu->text() == QLatin1String("&Edit");
        }
        QVERIFY(inEditMenu);
        QVERIFY(t.page->toolbar()->toolBar()->widgetForAction(action));
        // Hidden until asked for, then tabbed with the Conflicts dock.
        QVERIFY(!t.controller->dock()->isVisible());
        QVERIFY(t.openByShortcut());
        QCOMPARE(t.panel->date(), QDate(2026, 3, 2)); // the board's day
        QVERIFY(t.window->tabifiedDockWidgets(t.controller->dock()).contains(
            t.window->findChild<QDockWidget *>(QStringLiteral("conflictsDock"))));
        // The toolbar button opens it too.
        t.controller->dock()->hide();
        QTest::mouseClick(t.page->toolbar()->toolBar()->widgetForAction(action), Qt::LeftButton);
        QVERIFY(t.controller->dock()->isVisible());
    }

    void solveShowsTheDiffAcceptBooksUndoTakesBack()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.openByShortcut());
        QVERIFY(t.solve(0.5));
        QVERIFY(!t.controller->isSolving());
        QVERIFY(!t.panel->progressBar()->isVisible());

        // The diff: both jobs that fit, from the queue; w5 unplaced with why.
        DayPlanProposalModel *m = t.controller->model();
        QCOMPARE(t.proposedWorkOrders(), (QStringList{"w3", "w4"}));
        for (int r = 0; r < m->rowCount(); ++r) {
            QCOMPARE(m->index(r, DayPlanProposalModel::FromColumn).data().toString(), QStringLiteral("Queue"));
            const QString tech = m->index(r, 0).data(roles::TechnicianId).toString();
            QVERIFY(m->index(r, DayPlanProposalModel::ToColumn).data().toString().startsWith(m->technicianName(tech)));
            if (m->index(r, 0).data(roles::WorkOrderId).toString() == QLatin1String("w3"))
                QVERIFY(tech == QLatin1String("t1") || tech == QLatin1String("t3")); // hvac
        }
        QVERIFY(t.panel->table()->isVisible());
        QVERIFY(t.panel->travelLabel()->text().contains(QStringLiteral("→")));
        QTreeWidget *unplaced = t.panel->unplacedList();
        QCOMPARE(unplaced->topLevelItemCount(), 1);
        QCOMPARE(unplaced->topLevelItem(0)->data(0, Qt::UserRole).toString(), QStringLiteral("w5"));
        QCOMPARE(unplaced->topLevelItem(0)->text(1), dayplan::unplacedReasonText(dayplan::UnplacedReason::NoQualifiedTechnician));
        QVERIFY(t.panel->acceptButton()->isEnabled());

        // The board previews the proposal: one dashed bar per visit, with a tooltip.
        QCOMPARE(t.board()->previewVisits().size(), 2);
        for (const auto &v : t.board()->previewVisits())
            QVERIFY(v.tooltip.contains(QStringLiteral("proposed")));
        QCOMPARE(t.board()->paintContext().previews->size(), size_t(2));
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 0); // nothing written yet
        QCOMPARE(t.stack()->count(), 0);
        // Hovering a dashed bar shows what is proposed (the bar's tooltip is not the booked one's).
        t.board()->scrollToTime(test::utcAt("2026-03-02T07:00:00Z").toMSecsSinceEpoch(), 0.0);
        QCoreApplication::processEvents();
        const QRect bar = t.board()->previewViewportRect(0);
        QVERIFY(!bar.isNull());
        QHelpEvent hover(QEvent::ToolTip, bar.center(), t.board()->viewport()->mapToGlobal(bar.center()));
        QCoreApplication::sendEvent(t.board()->viewport(), &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        QCOMPARE(QToolTip::text(), t.board()->previewVisits().at(0).tooltip);
        QToolTip::hideText();
        QVERIFY(t.window->grab().save(test::screenshotPath(QStringLiteral("optimize-panel.png"))));
        // Closing the dock takes the bars off the board; opening it brings them back.
        t.controller->dock()->close();
        QVERIFY(t.board()->previewVisits().isEmpty());
        QVERIFY(t.openByShortcut());
        QCOMPARE(t.board()->previewVisits().size(), 2);

        // Accept: one undo step, the database and the board have both visits.
        QSignalSpy accepted(t.controller, &gui::OptimizeController::accepted);
        QTest::mouseClick(t.panel->acceptButton(), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(accepted.at(0).at(0).toStringList().size(), 2);
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(t.stack()->undoText(), QStringLiteral("Optimize Mon 2 Mar: 2 visits"));
        for (const QString &wo : {QStringLiteral("w3"), QStringLiteral("w4")}) {
            QCOMPARE(t.activeVisitsOf(wo), 1);
            QCOMPARE(t.statusOf(wo), QStringLiteral("scheduled"));
            QVERIFY2(t.boardHasVisitOf(wo), qPrintable(wo));
        }
        for (const QString &id : accepted.at(0).at(0).toStringList())
            QCOMPARE(test::stored(*t.db, id).version, 1);
        QVERIFY(t.board()->previewVisits().isEmpty());
        QCOMPARE(m->rowCount(), 0);
        QVERIFY(!t.panel->acceptButton()->isEnabled());
        // Written the board's way: in the change log.
        auto logged = t.db->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'appointments' AND op = 'insert'"));
        QVERIFY(logged.ok());
        QVERIFY(logged->toInt() >= 2);

        // Ctrl+Z: both visits go, both work orders are open again, on the board too.
        t.board()->setFocus();
        QTest::keyClick(t.window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(t.stack()->index(), 0);
        for (const QString &wo : {QStringLiteral("w3"), QStringLiteral("w4")}) {
            QCOMPARE(t.activeVisitsOf(wo), 0);
            QCOMPARE(t.statusOf(wo), QStringLiteral("open"));
            QVERIFY2(!t.boardHasVisitOf(wo), qPrintable(wo));
        }
        // Redo books them again.
        t.stack()->redo();
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 1);
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w4")), 1);
    }

    // "Move booked visits": Ana is also booked at 11:00 at a yard by Carla's home, 17 minutes
    // each way for her and none for Carla. The re-plan moves that visit to Carla (the diff
    // says from whom and when), Accept writes it with the new visits as one undo step, and
    // Ctrl+Z puts everything back.
    void moveBookedReplansTheDayAsOneUndoStep()
    {
        PanelUnderTest t;
        QVERIFY2(t.open({QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s9', 'c1', 'South yard', -23.60, -46.70)"),
                         QStringLiteral("INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, status, summary) VALUES "
                                        "('w9', 's9', 3, 60, '2026-02-20T08:00:00Z', 'scheduled', 'Pump service')"),
                         QStringLiteral("INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('w9', 'hvac')"),
                         QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                                        "('a9', 'w9', 't1', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', 'scheduled')")}),
                 qPrintable(t.why));
        QVERIFY(t.openByShortcut());
        QVERIFY(!t.panel->moveBooked()); // off unless asked for
        t.panel->moveBookedBox()->setFocus();
        QTest::keyClick(t.panel->moveBookedBox(), Qt::Key_Space);
        QVERIFY(t.panel->moveBooked());
        QVERIFY(t.solve(0.5));

        DayPlanProposalModel *m = t.controller->model();
        int movedRow = -1;
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data(roles::AppointmentId).toString() == QLatin1String("a9"))
                movedRow = r;
        }
        QVERIFY2(movedRow >= 0, "the visit by Carla's home is not among the moves");
        QCOMPARE(m->index(movedRow, 0).data(roles::TechnicianId).toString(), QStringLiteral("t3"));
        QVERIFY(m->index(movedRow, DayPlanProposalModel::FromColumn).data().toString().startsWith(QStringLiteral("Ana, ")));
        QVERIFY(t.panel->messageLabel()->text().contains(QStringLiteral("moved")));
        QCOMPARE(t.board()->previewVisits().size(), m->rowCount());
        bool movedPreview = false;
        for (const auto &v : t.board()->previewVisits())
            movedPreview = movedPreview || v.tooltip.contains(QStringLiteral("proposed move"));
        QVERIFY(movedPreview);
        QVERIFY(t.window->grab().save(test::screenshotPath(QStringLiteral("optimize-replan.png"))));
        const QStringList added = t.proposedWorkOrders();

        QSignalSpy accepted(t.controller, &gui::OptimizeController::accepted);
        QTest::mouseClick(t.panel->acceptButton(), Qt::LeftButton);
        QCOMPARE(accepted.count(), 1);
        QCOMPARE(t.stack()->count(), 1);
        QVERIFY2(t.stack()->undoText().startsWith(QStringLiteral("Re-plan Mon 2 Mar")), qPrintable(t.stack()->undoText()));
        const test::StoredAppointment moved = test::stored(*t.db, QStringLiteral("a9"));
        QCOMPARE(moved.technician, QStringLiteral("t3"));
        QCOMPARE(moved.version, 2);
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 1);
        QVERIFY(t.board()->previewVisits().isEmpty());

        t.board()->setFocus();
        QTest::keyClick(t.window.get(), Qt::Key_Z, Qt::ControlModifier);
        const test::StoredAppointment back = test::stored(*t.db, QStringLiteral("a9"));
        QCOMPARE(back.technician, QStringLiteral("t1"));
        QCOMPARE(back.start, QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 0);
        QVERIFY(added.contains(QStringLiteral("w9"))); // the moved row names its work order too
    }

    void discardClearsThePreview()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.openByShortcut());
        QVERIFY(t.solve(0.3));
        QCOMPARE(t.board()->previewVisits().size(), 2);
        QTest::mouseClick(t.panel->discardButton(), Qt::LeftButton);
        QVERIFY(t.board()->previewVisits().isEmpty());
        QCOMPARE(t.controller->model()->rowCount(), 0);
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 0);
        QCOMPARE(t.stack()->count(), 0);
    }

    void anOutsideEditMakesTheProposalStale()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.openByShortcut());
        QVERIFY(t.solve(0.3));
        QCOMPARE(t.controller->model()->rowCount(), 2);

        // Someone else stretches Ana's visit; Accept right away is refused by the write
        // itself (the change feed may not have told this console yet).
        QVERIFY(t.db->execDirect(QStringLiteral("UPDATE appointments SET end_at = '2026-03-02T12:00:00Z', version = version + 1 "
                                                "WHERE id = 'a1'")));
        QTest::mouseClick(t.panel->acceptButton(), Qt::LeftButton);
        QVERIFY(t.controller->isStale());
        QVERIFY2(t.panel->messageLabel()->text().contains(QStringLiteral("stale")), qPrintable(t.panel->messageLabel()->text()));
        QCOMPARE(t.panel->solveButton()->text(), QStringLiteral("&Solve again"));
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 0);
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w4")), 0);
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(t.board()->previewVisits().size(), 2); // still there to look at

        // Solve again: a fresh proposal is accepted.
        QVERIFY(t.solve(0.3));
        QVERIFY(!t.controller->isStale());
        QTest::mouseClick(t.panel->acceptButton(), Qt::LeftButton);
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 1);
        QCOMPARE(t.stack()->count(), 1);
    }

    void theChangeFeedMarksItStaleBeforeAccept()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.openByShortcut());
        QVERIFY(t.solve(0.3));
        QVERIFY(!t.controller->isStale());
        // An absence recorded elsewhere: heard through the change feed, the panel says so.
        QVERIFY(t.db->execDirect(QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES "
                                                "('t2', '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z', 'training')")));
        QTRY_VERIFY_WITH_TIMEOUT(t.controller->isStale(), 15000);
        QVERIFY(t.panel->messageLabel()->text().contains(QStringLiteral("stale")));
        QTest::mouseClick(t.panel->acceptButton(), Qt::LeftButton);
        QCOMPARE(t.activeVisitsOf(QStringLiteral("w3")), 0);
        QCOMPARE(t.stack()->count(), 0);
        QVERIFY(t.board()->lastMessage().contains(QStringLiteral("stale")));
    }

    void cancelStopsARunningSolve()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.openByShortcut());
        t.panel->setTimeLimitSeconds(30);
        QSignalSpy finished(t.controller, &gui::OptimizeController::solveFinished);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(t.panel->solveButton(), Qt::LeftButton);
        QVERIFY(t.controller->isSolving());
        QVERIFY(t.panel->cancelButton()->isVisible());
        QVERIFY(t.panel->progressBar()->isVisible());
        // The progress bar moves while the optimiser searches.
        QTRY_VERIFY_WITH_TIMEOUT(t.panel->progressBar()->value() > 0, 10000);
        QVERIFY(t.controller->isSolving());
        QTest::mouseClick(t.panel->cancelButton(), Qt::LeftButton);
        QVERIFY(finished.count() > 0 || finished.wait(10000));
        QVERIFY(clock.elapsed() < 25000);
        QVERIFY(!t.controller->isSolving());
        QVERIFY(t.panel->messageLabel()->text().startsWith(QStringLiteral("Cancelled")));
        QCOMPARE(t.controller->model()->rowCount(), 0);
        QVERIFY(t.board()->previewVisits().isEmpty());
        QVERIFY(!t.panel->cancelButton()->isVisible());
        QVERIFY(t.panel->solveButton()->isEnabled());
    }
};

QTEST_MAIN(TestOptimizePanel)
#include "tst_optimize_panel.moc"
