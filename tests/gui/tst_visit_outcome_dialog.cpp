// A dispatcher on the phone with a technician records how the visit ended, on the real
// main window with QTest key and mouse events: the visit picked in the inspector, Ctrl+Shift+R,
// "Not resolved" without a reason blocking Save with its message, a reason chosen by keys,
// Save; the work order goes back to the queue, the return visit is offered, the inspector
// tells the story, and Ctrl+Z puts everything back. Needing parts (typed in "Parts needed")
// opens the return visit as a follow-up work order with the parts reserved. A time out of order blocks Save, and a
// visit changed by someone else meanwhile is refused in the dialog with nothing written.
#include "../itemmodels/WorkOrderFixture.h"
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "controllers/DockController.h"
#include "controllers/VisitOutcomeController.h"
#include "document/ScheduleDocument.h"
#include "field/VisitOutcomeDialog.h"
#include "inspector/WorkOrderInspector.h"
#include "selection/SelectionService.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QUndoStack>

using namespace fieldops;

class TestVisitOutcomeDialog : public QObject {
    Q_OBJECT

    QString m_failure;

    std::unique_ptr<gui::MainWindow> window(const QString &backend, std::unique_ptr<Database> *db)
    {
        return test::openMainWindowOnFixture(backend, test::insertWorkOrderFixture, test::fixtureNow(), db, &m_failure);
    }

    // w4's only visit (ap1, Bruno at 11:00) picked in the inspector, then Ctrl+Shift+R.
    widgets::VisitOutcomeDialog *openForAp1(gui::MainWindow *w)
    {
        widgets::WorkOrderInspector *inspector = w->docks()->inspector();
        w->session()->selection()->selectWorkOrder(QStringLiteral("w4"));
        QTreeWidget *visits = inspector->appointmentList();
        if (!QTest::qWaitFor([&] { return inspector->isShowingDetails() && visits->topLevelItemCount() == 1; }, 10000))
            return nullptr;
        const QRect item = visits->visualItemRect(visits->topLevelItem(0));
        QTest::mouseClick(visits->viewport(), Qt::LeftButton, {}, item.center());
        if (inspector->selectedAppointmentId() != QLatin1String("ap1"))
            return nullptr;
        w->activateWindow();
        if (!QTest::qWaitForWindowActive(w))
            return nullptr;
        QTest::keyClick(w, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
        if (!QTest::qWaitFor([&] { return w->outcomes()->dialog() != nullptr; }, 10000))
            return nullptr;
        widgets::VisitOutcomeDialog *dialog = w->outcomes()->dialog();
        return QTest::qWaitForWindowExposed(dialog) ? dialog : nullptr;
    }

    static QPushButton *saveButton(widgets::VisitOutcomeDialog *d)
    {
        return d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save);
    }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_visit_outcome_dialog")); }

    void unresolvedVisitThenUndo_data() { test::addBackendRows(); }
    void unresolvedVisitThenUndo()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        QStringList asked;
        w->outcomes()->setAskFollowUp([&asked](const QString &workOrderId, const QString &reason) {
            asked << workOrderId + QLatin1Char('|') + reason;
            return false;
        });
        QSignalSpy followUps(w->outcomes(), &gui::VisitOutcomeController::followUpRequested);

        widgets::VisitOutcomeDialog *dialog = openForAp1(w.get());
        QVERIFY(dialog);
        // Proposed: arrived at the booked start, the work ended now (12:00, before the booked end).
        QCOMPARE(dialog->arrivedEdit()->dateTime().toUTC(), QDateTime(QDate(2026, 3, 2), QTime(11, 0), Qt::UTC));
        QCOMPARE(dialog->completedEdit()->dateTime().toUTC(), test::fixtureNow());
        QVERIFY(dialog->resolvedButton()->isChecked());
        QVERIFY(saveButton(dialog)->isEnabled());

        // Not resolved, and no reason yet: Save waits and the field says why.
        QTest::mouseClick(dialog->unresolvedButton(), Qt::LeftButton);
        QVERIFY(dialog->unresolvedButton()->isChecked());
        QVERIFY(!saveButton(dialog)->isEnabled());
        QLabel *reasonIssue = dialog->issueLabel(QStringLiteral("outcome_reason"));
        QVERIFY(reasonIssue->isVisible());
        QVERIFY(!reasonIssue->text().isEmpty());
        QVERIFY(test::chooseByKeys(dialog->reasonBox(), QStringLiteral("customer_absent")));
        QVERIFY(!reasonIssue->isVisible());
        QVERIFY(saveButton(dialog)->isEnabled());
        // Parts are for a visit that needs them only.
        QVERIFY(!dialog->partsEdit()->isEnabled());
        dialog->notesEdit()->setFocus();
        QTest::keyClicks(dialog->notesEdit(), QStringLiteral("Nobody at the panel room"));
        QTest::keyClicks(dialog->signedByEdit(), QStringLiteral("Carla Reis"));
        dialog->grab().save(test::screenshotPath(QStringLiteral("visit-outcome-%1.png").arg(backend)));

        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w->outcomes()->dialog(), 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'"))->toString(), QStringLiteral("completed"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT outcome_reason FROM appointments WHERE id = 'ap1'"))->toString(), QStringLiteral("customer_absent"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT outcome_notes FROM appointments WHERE id = 'ap1'"))->toString(),
                 QStringLiteral("Nobody at the panel room"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT signed_by FROM appointments WHERE id = 'ap1'"))->toString(), QStringLiteral("Carla Reis"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("open"));
        QCOMPARE(asked, QStringList{QStringLiteral("w4|Customer absent")});
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w4'"))->toInt(), 0);
        QCOMPARE(followUps.count(), 0); // the dispatcher said "not now"
        QUndoStack *stack = w->session()->document()->undoStack();
        QCOMPARE(stack->undoText(), QStringLiteral("Outcome of visit ap1"));

        // The inspector tells the story: the outcome on the visit, what remains below.
        widgets::WorkOrderInspector *inspector = w->docks()->inspector();
        QTreeWidget *visits = inspector->appointmentList();
        QTRY_COMPARE_WITH_TIMEOUT(visits->topLevelItem(0)->text(6), QStringLiteral("Not resolved: Customer absent"), 10000);
        QVERIFY(!visits->topLevelItem(0)->text(4).isEmpty()); // arrived
        QVERIFY(inspector->fieldText(QStringLiteral("story")).contains(QLatin1String("Nobody at the panel room")));
        QCOMPARE(inspector->fieldText(QStringLiteral("status")), QStringLiteral("Open"));
        w->grab().save(test::screenshotPath(QStringLiteral("window-story-%1.png").arg(backend)));
        {
            // The inspector alone, at a size where its story shows, for a look by eye.
            widgets::WorkOrderInspector alone;
            alone.setDetails(w->session()->selectedDetails());
            alone.resize(560, 900);
            alone.grab().save(test::screenshotPath(QStringLiteral("inspector-story-%1.png").arg(backend)));
        }

        // Ctrl+Z in the main window: the visit and its job as they were.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'"))->toString(), QStringLiteral("scheduled"));
        QVERIFY(db->scalar(QStringLiteral("SELECT outcome_reason FROM appointments WHERE id = 'ap1'"))->isNull());
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("scheduled"));
        QTRY_COMPARE_WITH_TIMEOUT(inspector->fieldText(QStringLiteral("status")), QStringLiteral("Scheduled"), 10000);
        QCOMPARE(visits->topLevelItem(0)->text(6), QString());
        // The job left the queue again; the selection stayed on it, not on its neighbour there.
        QCOMPARE(w->session()->selection()->workOrderId(), QStringLiteral("w4"));
    }

    void resolvedOffersNoReturnVisitAndTimesMustBeInOrder()
    {
        std::unique_ptr<Database> db;
        auto w = window(QStringLiteral("sqlite"), &db);
        QVERIFY2(w, qPrintable(m_failure));
        int asked = 0;
        w->outcomes()->setAskFollowUp([&asked](const QString &, const QString &) { return ++asked, true; });
        widgets::VisitOutcomeDialog *dialog = openForAp1(w.get());
        QVERIFY(dialog);

        // The work "ended" two hours before noon: before the 11:00 arrival.
        QDateTimeEdit *completed = dialog->completedEdit();
        completed->setFocus();
        completed->setCurrentSection(QDateTimeEdit::HourSection);
        QTest::keyClick(completed, Qt::Key_Down);
        QTest::keyClick(completed, Qt::Key_Down);
        QCOMPARE(completed->dateTime().toUTC(), test::fixtureNow().addSecs(-2 * 3600));
        QVERIFY(!saveButton(dialog)->isEnabled());
        QVERIFY(dialog->issueLabel(QStringLiteral("completed_at"))->isVisible());
        QTest::keyClick(completed, Qt::Key_Up);
        QTest::keyClick(completed, Qt::Key_Up);
        QVERIFY(saveButton(dialog)->isEnabled());

        // A departure before the end of the work is refused at its field.
        QTest::mouseClick(dialog->departedKnown(), Qt::LeftButton);
        QVERIFY(dialog->departedEdit()->isEnabled());
        QDateTimeEdit *departed = dialog->departedEdit();
        departed->setFocus();
        departed->setCurrentSection(QDateTimeEdit::HourSection);
        QTest::keyClick(departed, Qt::Key_Down);
        QVERIFY(dialog->issueLabel(QStringLiteral("departed_at"))->isVisible());
        QVERIFY(!saveButton(dialog)->isEnabled());
        QTest::keyClick(departed, Qt::Key_Up);
        QVERIFY(saveButton(dialog)->isEnabled());

        // Resolved (the default): the job is done and no return visit is offered.
        QTest::keyClick(dialog, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!w->outcomes()->dialog(), 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("done"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT resolved FROM appointments WHERE id = 'ap1'"))->toBool(), true);
        QCOMPARE(asked, 0);
    }

    void needsPartsOpensTheReturnVisit_data() { test::addBackendRows(); }
    void needsPartsOpensTheReturnVisit()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        QVERIFY(db->run(QStringLiteral("INSERT INTO parts(sku, name, unit_cost) VALUES ('BAT-12', 'Panel battery', 30)")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO stock(sku, location, quantity) VALUES ('BAT-12', 'warehouse:central', 6)")));
        QStringList asked;
        w->outcomes()->setAskFollowUp([&asked](const QString &workOrderId, const QString &reason) {
            asked << workOrderId + QLatin1Char('|') + reason;
            return true;
        });
        QSignalSpy followUps(w->outcomes(), &gui::VisitOutcomeController::followUpRequested);
        widgets::VisitOutcomeDialog *dialog = openForAp1(w.get());
        QVERIFY(dialog);
        QTest::mouseClick(dialog->unresolvedButton(), Qt::LeftButton);
        QVERIFY(test::chooseByKeys(dialog->reasonBox(), QStringLiteral("needs_parts")));
        QVERIFY(dialog->partsEdit()->isEnabled());
        // Text that is no list of parts blocks Save, with the reason under the field.
        dialog->partsEdit()->setFocus();
        QTest::keyClicks(dialog->partsEdit(), QStringLiteral("two batteries"));
        QLabel *partsIssue = dialog->issueLabel(QStringLiteral("parts"));
        QVERIFY(partsIssue->isVisible());
        QCOMPARE(partsIssue->text(), QStringLiteral("\"two batteries\" is not a part: write the SKU, or the quantity × the SKU (2 × FLT-100)"));
        QVERIFY(!saveButton(dialog)->isEnabled());
        dialog->partsEdit()->clear();
        QTest::keyClicks(dialog->partsEdit(), QStringLiteral("2 x BAT-12"));
        QVERIFY(!partsIssue->isVisible());
        QVERIFY(saveButton(dialog)->isEnabled());

        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w->outcomes()->dialog(), 10000);
        // The return visit is its own work order, following w4, with the batteries reserved
        // where they are; w4 waits for it in progress.
        QCOMPARE(db->scalar(QStringLiteral("SELECT id FROM work_orders WHERE follow_up_of = 'w4'"))->toString(), QStringLiteral("WO-000001"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT summary FROM work_orders WHERE id = 'WO-000001'"))->toString(),
                 QStringLiteral("Return visit: Fire panel inspection"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT reserved_location FROM work_order_parts WHERE work_order_id = 'WO-000001' AND sku = 'BAT-12'"))->toString(),
                 QStringLiteral("warehouse:central"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT quantity FROM work_order_parts WHERE work_order_id = 'WO-000001'"))->toDouble(), 2.0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("in_progress"));
        // The dispatcher is asked about the follow-up, and finding a technician is for it.
        QCOMPARE(asked, QStringList{QStringLiteral("WO-000001|Needs parts")});
        QCOMPARE(followUps.count(), 1);
        QCOMPARE(followUps.at(0).at(0).toString(), QStringLiteral("WO-000001"));
    }

    void visitChangedMeanwhileIsRefusedInTheDialog()
    {
        std::unique_ptr<Database> db;
        auto w = window(QStringLiteral("sqlite"), &db);
        QVERIFY2(w, qPrintable(m_failure));
        widgets::VisitOutcomeDialog *dialog = openForAp1(w.get());
        QVERIFY(dialog);
        // Another dispatcher moves the visit while this one is on the phone.
        QVERIFY(db->run(QStringLiteral("UPDATE appointments SET end_at = '2026-03-02T13:00:00Z', version = version + 1 WHERE id = 'ap1'")));
        const QString before = test::dumpDatabase(*db);
        QTest::mouseClick(saveButton(dialog), Qt::LeftButton);
        auto *refusal = dialog->findChild<QLabel *>(QStringLiteral("refusal"));
        QTRY_VERIFY_WITH_TIMEOUT(refusal->isVisible(), 10000);
        QVERIFY2(!refusal->text().isEmpty(), "the refusal is said in words");
        QVERIFY(w->outcomes()->dialog()); // still open, the dispatcher's input kept
        QCOMPARE(test::dumpDatabase(*db), before);
        QCOMPARE(w->session()->document()->undoStack()->count(), 0);
    }
};

QTEST_MAIN(TestVisitOutcomeDialog)
#include "tst_visit_outcome_dialog.moc"
