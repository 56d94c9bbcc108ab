// The schedule board's suggestion panel in the real main window over a real SQLite file
// (the board fixture): Ctrl+G on an unassigned work order ranks its slots off the GUI
// thread; the first row is the one worked out by hand and every row is what the engine
// returns for the same data; Enter books it through the board's assign command (the
// database has it, undo removes it, redo restores it); a work order nobody holds the skill
// for says why; another planner's change while the panel is open ranks again.
#include "../board/BoardFixture.h"
#include "BoardPanelWindow.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
#include "board/BoardModel.h"
#include "board/QueueDragSource.h"
#include "board/SchedulePage.h"
#include "board/ScheduleBoard.h"
#include "commands/BoardEditor.h"
#include "controllers/DockController.h"
#include "controllers/SuggestionController.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/SuggestionModel.h"
#include "queue/UnassignedQueueView.h"
#include "scheduling/CompiledSchedule.h"
#include "scheduling/SuggestionLoader.h"
#include "scheduling/SuggestionRanker.h"
#include "selection/SelectionService.h"
#include "suggest/SuggestionPanel.h"

#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QtTest>

using namespace fieldops;

namespace {

// Ana's visit a1 ends at 10:00 at the very site of w3 (Plant): she can start it there at
// 10:00 with no travel. Carla (the other hvac technician) drives from her southern home
// base; Bruno has no hvac.
const char *kNow = "2026-03-02T08:30:00Z";

struct PanelUnderTest : test::BoardPanelWindow<gui::SuggestionController, widgets::SuggestionPanel> {
    bool open() { return BoardPanelWindow::open(QStringLiteral("tst_suggestion_panel"), kNow); }

    // Selects a work order as a dispatcher does: its row in the unassigned queue.
    bool selectInQueue(const QString &workOrderId)
    {
        QTreeView *view = window->docks()->queue()->view();
        QAbstractItemModel *m = view->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            const QModelIndex i = m->index(r, 0);
            if (i.data(roles::WorkOrderId).toString() == workOrderId) {
                view->setCurrentIndex(i);
                return window->session()->selection()->workOrderId() == workOrderId;
            }
        }
        return false;
    }
    // Ctrl+G on the focused board, then the ranking's answer.
    bool suggestByShortcut()
    {
        QSignalSpy ranked(controller, &gui::SuggestionController::ranked);
        board()->setFocus();
        QTest::keyClick(board(), Qt::Key_G, Qt::ControlModifier);
        return controller->dock()->isVisible() && (ranked.count() > 0 || ranked.wait(10000));
    }
    // What the engine itself says for the same data and horizon.
    scheduling::SuggestionResult engine(const QString &workOrderId) const
    {
        const QDateTime from = test::utcAt(kNow);
        const QDateTime to = from.addDays(gui::SuggestionController::kHorizonDays);
        auto input = scheduling::SuggestionLoader(*db).load(workOrderId, from, to);
        if (!input)
            return {};
        const scheduling::CompiledSchedule schedule(input->snapshot);
        const scheduling::SuggestionRanker ranker(schedule,
                                                  scheduling::SuggestionRanker::basesOf(input->snapshot, input->inactiveTechnicians));
        return ranker.suggest({workOrderId, input->workOrder.durationMin, from, to, gui::SuggestionController::kTop});
    }
    int appointmentsOf(const QString &workOrderId) const
    {
        auto n = db->scalar(QStringLiteral("SELECT COUNT(*) FROM appointments WHERE work_order_id = ?"), {workOrderId});
        return n ? n->toInt() : -1;
    }
    test::StoredAppointment bookingOf(const QString &workOrderId) const
    {
        auto id = db->scalar(QStringLiteral("SELECT id FROM appointments WHERE work_order_id = ?"), {workOrderId});
        return id && id->isValid() ? test::stored(*db, id->toString()) : test::StoredAppointment{};
    }
};

} // namespace

class TestSuggestionPanel : public QObject {
    Q_OBJECT

private slots:
    void ctrlGRanksEnterBooksUndoRedo()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.selectInQueue(QStringLiteral("w3")));
        QVERIFY(!t.controller->dock()->isVisible());
        QVERIFY(t.suggestByShortcut());
        QVERIFY(!t.panel->isBusy());
        QVERIFY(t.panel->titleLabel()->text().contains(QStringLiteral("w3")));
        QVERIFY(t.panel->titleLabel()->text().contains(QStringLiteral("Leak")));

        // By hand: Ana at 10:00, straight after a1 at the same site, no travel.
        SuggestionModel *m = t.controller->model();
        QVERIFY(m->rowCount() >= 2);
        QCOMPARE(m->index(0, 0).data(roles::TechnicianId).toString(), QStringLiteral("t1"));
        QCOMPARE(m->index(0, SuggestionModel::TechnicianColumn).data().toString(), QStringLiteral("Ana"));
        QCOMPARE(m->index(0, 0).data(roles::SlotStart).toDateTime(), test::utcAt("2026-03-02T10:00:00Z"));
        QCOMPARE(m->index(0, SuggestionModel::TravelColumn).data().toString(), QStringLiteral("0 min"));
        // Bruno holds no hvac: never a candidate.
        for (int r = 0; r < m->rowCount(); ++r)
            QVERIFY(m->index(r, 0).data(roles::TechnicianId).toString() != QLatin1String("t2"));
        // Every row as the engine ranks the same data.
        const scheduling::SuggestionResult expected = t.engine(QStringLiteral("w3"));
        QCOMPARE(size_t(m->rowCount()), expected.candidates.size());
        for (int r = 0; r < m->rowCount(); ++r) {
            const scheduling::Suggestion &e = expected.candidates[size_t(r)];
            QCOMPARE(m->index(r, 0).data(roles::TechnicianId).toString(), e.technicianId);
            QCOMPARE(m->index(r, 0).data(roles::SlotStart).toDateTime(), e.start);
            QCOMPARE(m->index(r, 0).data(roles::SlotEnd).toDateTime(), e.end);
            QCOMPARE(m->index(r, SuggestionModel::ReasonsColumn).data().toString(), e.reasons.join(QStringLiteral("; ")));
        }
        QVERIFY(!expected.candidates.front().reasons.isEmpty());
        // The board shades each suggested slot on its technician's row.
        QCOMPARE(t.board()->highlightedSlots().size(), size_t(m->rowCount()));
        QCOMPARE(t.board()->highlightedSlots().front().technician, t.board()->model()->technicianIndex(QStringLiteral("t1")));

        t.board()->scrollToTime(test::utcAt("2026-03-02T07:00:00Z").toMSecsSinceEpoch(), 0.0);
        QCoreApplication::processEvents();
        QVERIFY(t.window->grab().save(fieldops::test::screenshotPath(QStringLiteral("suggestion-panel.png"))));

        // Enter books the first row, through the board's own assign command.
        QSignalSpy booked(t.controller, &gui::SuggestionController::booked);
        QCOMPARE(t.panel->currentRow(), 0);
        QTest::keyClick(t.panel->table(), Qt::Key_Return);
        QCOMPARE(booked.count(), 1);
        const QString landed = booked.at(0).at(0).toString();
        const test::StoredAppointment s = test::stored(*t.db, landed);
        QVERIFY(s.exists);
        QCOMPARE(s.technician, QStringLiteral("t1"));
        QCOMPARE(s.start, QStringLiteral("2026-03-02T10:00:00Z"));
        QCOMPARE(s.end, QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(t.stack()->count(), 1);
        QCOMPARE(t.stack()->undoText(), QStringLiteral("Assign w3"));
        // The board shows where the visit landed.
        QCOMPARE(t.board()->selectedAppointments(), QStringList{landed});
        QVERIFY(!t.board()->barViewportRect(landed).isNull());

        t.stack()->undo();
        QCOMPARE(t.appointmentsOf(QStringLiteral("w3")), 0);
        t.stack()->redo();
        QCOMPARE(t.appointmentsOf(QStringLiteral("w3")), 1);
        const test::StoredAppointment again = t.bookingOf(QStringLiteral("w3"));
        QCOMPARE(again.technician, QStringLiteral("t1"));
        QCOMPARE(again.start, QStringLiteral("2026-03-02T10:00:00Z"));

        // Esc closes the panel and the board stops shading.
        QTest::keyClick(t.panel->table(), Qt::Key_Escape);
        QVERIFY(!t.controller->dock()->isVisible());
        QVERIFY(t.board()->highlightedSlots().empty());
    }

    void aBookedWorkOrderMovesItsVisit()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        // w1 is booked (a1, Ana 09:00): a suggestion moves that visit, it adds none.
        QVERIFY(t.board()->model()->item(QStringLiteral("a1")));
        t.window->session()->selection()->selectWorkOrder(QStringLiteral("w1"));
        QVERIFY(t.suggestByShortcut());
        const scheduling::SuggestionResult expected = t.engine(QStringLiteral("w1"));
        QVERIFY(!expected.candidates.empty());
        // By hand: Ana can take it from now (08:30), before its booked 09:00, on the same site.
        QCOMPARE(expected.candidates.front().technicianId, QStringLiteral("t1"));
        QCOMPARE(expected.candidates.front().start, test::utcAt(kNow));
        SuggestionModel *m = t.controller->model();
        QCOMPARE(m->workOrderId(), QStringLiteral("w1"));
        QCOMPARE(m->index(0, 0).data(roles::TechnicianId).toString(), expected.candidates.front().technicianId);
        QCOMPARE(m->index(0, 0).data(roles::SlotStart).toDateTime(), expected.candidates.front().start);

        QSignalSpy booked(t.controller, &gui::SuggestionController::booked);
        QTest::keyClick(t.panel->table(), Qt::Key_Return);
        QCOMPARE(booked.count(), 1);
        QCOMPARE(booked.at(0).at(0).toString(), QStringLiteral("a1"));
        QCOMPARE(t.appointmentsOf(QStringLiteral("w1")), 1);
        const test::StoredAppointment moved = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(moved.technician, expected.candidates.front().technicianId);
        QCOMPARE(moved.start, timefmt::toIsoUtc(expected.candidates.front().start));
        QCOMPARE(t.stack()->undoText(), QStringLiteral("Move appointment"));
        t.stack()->undo();
        const test::StoredAppointment back = test::stored(*t.db, QStringLiteral("a1"));
        QCOMPARE(back.technician, QStringLiteral("t1"));
        QCOMPARE(back.start, QStringLiteral("2026-03-02T09:00:00Z"));
    }

    void aBookedVisitOffTheBoardIsNotBookedTwice()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QSignalSpy loaded(t.board()->editor(), &BoardEditor::horizonLoaded);
        t.page->showDate(QDate(2026, 4, 1)); // a1 (2 March) is not on the board now
        QVERIFY(loaded.wait(10000));
        QVERIFY(!t.board()->model()->item(QStringLiteral("a1")));
        t.window->session()->selection()->selectWorkOrder(QStringLiteral("w1"));
        QVERIFY(t.suggestByShortcut());
        QVERIFY(t.controller->model()->rowCount() > 0);
        QTest::keyClick(t.panel->table(), Qt::Key_Return);
        QCOMPARE(t.appointmentsOf(QStringLiteral("w1")), 1);
        QCOMPARE(t.stack()->count(), 0);
        QCOMPARE(t.board()->lastMessage(),
                 QStringLiteral("w1 is already booked outside the dates on the board: show its day, then book to move it."));
    }

    void nobodyCanDoItSaysWhy()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.selectInQueue(QStringLiteral("w5")));
        QVERIFY(t.suggestByShortcut());
        QCOMPARE(t.controller->model()->rowCount(), 0);
        const scheduling::SuggestionResult expected = t.engine(QStringLiteral("w5"));
        QVERIFY(expected.candidates.empty());
        QVERIFY(!expected.whyNone.isEmpty());
        QVERIFY(t.panel->whyNoneLabel()->isVisible());
        QVERIFY(t.panel->whyNoneLabel()->text().contains(expected.whyNone));
        QVERIFY(!t.panel->table()->isVisible());
        QVERIFY(!t.panel->bookButton()->isEnabled());
        QTest::keyClick(t.panel->whyNoneLabel(), Qt::Key_Return); // nothing to book
        QCOMPARE(t.appointmentsOf(QStringLiteral("w5")), 0);
        QCOMPARE(t.stack()->count(), 0);
    }

    void anotherPlannersChangeRanksAgain()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.selectInQueue(QStringLiteral("w3")));
        QVERIFY(t.suggestByShortcut());
        QCOMPARE(t.controller->model()->index(0, 0).data(roles::SlotStart).toDateTime(), test::utcAt("2026-03-02T10:00:00Z"));

        // Someone else stretches Ana's visit to noon: her 10:00 slot is gone.
        QSignalSpy ranked(t.controller, &gui::SuggestionController::ranked);
        QVERIFY(t.db->execDirect(QStringLiteral("UPDATE appointments SET end_at = '2026-03-02T12:00:00Z', version = version + 1 "
                                                "WHERE id = 'a1'")));
        QVERIFY(ranked.wait(15000));
        SuggestionModel *m = t.controller->model();
        QVERIFY(m->rowCount() > 0);
        for (int r = 0; r < m->rowCount(); ++r) {
            const bool overlapsA1 = m->index(r, 0).data(roles::TechnicianId).toString() == QLatin1String("t1")
                                    && m->index(r, 0).data(roles::SlotStart).toDateTime() < test::utcAt("2026-03-02T12:00:00Z")
                                    && m->index(r, 0).data(roles::SlotEnd).toDateTime() > test::utcAt("2026-03-02T09:00:00Z");
            QVERIFY2(!overlapsA1, qPrintable(QStringLiteral("row %1 still overlaps the stretched visit").arg(r)));
        }
        const scheduling::SuggestionResult expected = t.engine(QStringLiteral("w3"));
        QCOMPARE(m->index(0, 0).data(roles::TechnicianId).toString(), expected.candidates.front().technicianId);
        QCOMPARE(m->index(0, 0).data(roles::SlotStart).toDateTime(), expected.candidates.front().start);
    }

    void draggingFromTheQueueShowsItsSlots()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        auto *source = t.window->docks()->queue()->view()->findChild<widgets::QueueDragSource *>();
        QVERIFY(source);
        QVERIFY(t.board()->highlightedSlots().empty());
        // QDrag::exec needs a real pointer, which an offscreen test lacks: announce the drag
        // as the source does around it.
        QSignalSpy ranked(t.controller, &gui::SuggestionController::ranked);
        emit source->dragStarted(QStringLiteral("w4"));
        QVERIFY(t.controller->dock()->isVisible());
        QVERIFY(ranked.wait(10000));
        QCOMPARE(t.controller->model()->workOrderId(), QStringLiteral("w4"));
        const scheduling::SuggestionResult expected = t.engine(QStringLiteral("w4"));
        QVERIFY(!expected.candidates.empty());
        QCOMPARE(t.controller->model()->rowCount(), int(expected.candidates.size()));
        QCOMPARE(t.board()->highlightedSlots().size(), expected.candidates.size());
        emit source->dragFinished(QStringLiteral("w4"));
        QCOMPARE(t.stack()->count(), 0); // suggesting writes nothing
    }

    void selectionMovingOnDropsTheOlderAnswer()
    {
        PanelUnderTest t;
        QVERIFY2(t.open(), qPrintable(t.why));
        QVERIFY(t.selectInQueue(QStringLiteral("w3")));
        QVERIFY(t.suggestByShortcut());
        // w5 is selected while w4's answer is still on its way: only w5's is shown.
        QSignalSpy ranked(t.controller, &gui::SuggestionController::ranked);
        QVERIFY(t.selectInQueue(QStringLiteral("w4")));
        QVERIFY(t.selectInQueue(QStringLiteral("w5")));
        QVERIFY(ranked.wait(10000));
        QTest::qWait(300); // time for w4's answer, had it not been dropped
        QCOMPARE(ranked.count(), 1);
        QCOMPARE(ranked.at(0).at(0).toString(), QStringLiteral("w5"));
        QCOMPARE(t.controller->model()->workOrderId(), QStringLiteral("w5"));
    }
};

QTEST_MAIN(TestSuggestionPanel)
#include "tst_suggestion_panel.moc"
