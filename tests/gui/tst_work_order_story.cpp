// A work order's whole story in its own window, and the parts a work order needs edited
// in its form, as a dispatcher does it on the real main window: Ctrl+E, the parts typed
// ("2 × F-100, V-2"), a part that does not exist refused in words with nothing written,
// Save, then Ctrl+Z and Ctrl+Shift+Z; Ctrl+I opens the story, which follows the work order
// as it changes (a visit recorded as needing parts, its follow-up and reserved parts) and
// exports as a PDF. Screenshots of the story go to the test's screenshot folder.
#include "../field/FollowUpFixture.h"
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "WorkOrderDialog.h"
#include "controllers/DockController.h"
#include "controllers/StoryController.h"
#include "controllers/WorkOrderIntakeController.h"
#include "document/ScheduleDocument.h"
#include "field/VisitOutcomeRecorder.h"
#include "inspector/WorkOrderInspector.h"
#include "inspector/WorkOrderStoryWindow.h"
#include "selection/SelectionService.h"
#include "workorders/WorkOrderForm.h"
#include "workorders/WorkOrderFormModel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QUndoStack>

using namespace fieldops;

class TestWorkOrderStory : public QObject {
    Q_OBJECT

    QString m_failure;

    // The follow-up fixture, with an hour booked on w1 and the customer's rating.
    static QString fixture(Database &db)
    {
        if (QString failed = test::insertFollowUpFixture(db); !failed.isEmpty())
            return failed;
        for (const char *sql : {"INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
                                "('t2', 'w1', '2026-03-02T09:05:00Z', '2026-03-02T10:00:00Z', TRUE, 'work', 'Compressor relay burnt; valve leaking')",
                                "INSERT INTO ratings(work_order_id, score, comment, rated_at) VALUES ('w1', 4, 'Quick and tidy', '2026-03-02T12:00:00Z')"}) {
            if (Status s = db.execDirect(QString::fromLatin1(sql)); !s)
                return s.error().message + QLatin1Char(' ') + s.error().detail;
        }
        return {};
    }

    std::unique_ptr<gui::MainWindow> window(const QString &backend, std::unique_ptr<Database> *db)
    {
        auto w = test::openMainWindowOnFixture(backend, fixture, test::fixtureNow(), db, &m_failure);
        if (w)
            w->intake()->setClockOverride(test::fixtureNow());
        return w;
    }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_work_order_story")); }

    void partsNeededEditedInTheForm_data() { test::addBackendRows(); }
    void partsNeededEditedInTheForm()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        w->session()->selection()->selectWorkOrder(QStringLiteral("w1"));
        QTRY_VERIFY_WITH_TIMEOUT(w->session()->selectedDetails().has_value(), 10000);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(w->intake()->dialog() && w->intake()->dialog()->isVisible(), 10000);
        gui::WorkOrderDialog *dialog = w->intake()->dialog();
        auto *model = dialog->findChild<workorders::WorkOrderFormModel *>();
        QTRY_COMPARE_WITH_TIMEOUT(model->draft().id, QStringLiteral("w1"), 10000);
        auto *parts = dialog->findChild<QLineEdit *>(QStringLiteral("partsField"));
        QVERIFY(parts);
        QCOMPARE(parts->text(), QString());

        // Half typed is no list of parts: the field says so and Save waits.
        parts->setFocus();
        QTest::keyClicks(parts, QStringLiteral("2 × F-100 x"));
        QLabel *issue = dialog->form()->issueLabel(QStringLiteral("parts_needed"));
        QVERIFY(issue->isVisible());
        QVERIFY(!dialog->saveButton()->isEnabled());
        QCOMPARE(parts->text(), QStringLiteral("2 × F-100 x")); // never rewritten under the user's hands
        parts->clear();
        QTest::keyClicks(parts, QStringLiteral("2 × F-100, NOPE"));
        QVERIFY(!issue->isVisible());
        QVERIFY(dialog->saveButton()->isEnabled());
        // A part that does not exist: refused by the save, nothing written.
        const QString before = test::dumpDatabase(*db);
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QLabel *>(QStringLiteral("saveProblem"))
                                     && dialog->findChild<QLabel *>(QStringLiteral("saveProblem"))->text().contains(QLatin1String("NOPE")),
                                 10000);
        QCOMPARE(test::dumpDatabase(*db), before);

        parts->clear();
        QTest::keyClicks(parts, QStringLiteral("2 × F-100, V-2"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w->intake()->dialog(), 10000);
        const QString listed = QStringLiteral("SELECT sku, quantity, coalesce(reserved_location, 'NULL') FROM work_order_parts WHERE work_order_id = 'w1' ORDER BY sku");
        QCOMPARE(test::queryRows(*db, listed), QStringLiteral("F-100|2|NULL;V-2|1|NULL"));
        QUndoStack *stack = w->session()->document()->undoStack();
        QVERIFY2(stack->undoText().contains(QLatin1String("w1")), qPrintable(stack->undoText()));
        // The inspector lists them, and whose van lacks what.
        QTRY_VERIFY2_WITH_TIMEOUT(w->docks()->inspector()->fieldText(QStringLiteral("parts")).contains(QStringLiteral("2 × F-100")),
                                  qPrintable(w->docks()->inspector()->fieldText(QStringLiteral("parts"))), 10000);

        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(test::queryRows(*db, listed), QString());
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(test::queryRows(*db, listed), QStringLiteral("F-100|2|NULL;V-2|1|NULL"));
    }

    void storyWindowFollowsTheWorkOrder_data() { test::addBackendRows(); }
    void storyWindowFollowsTheWorkOrder()
    {
        QFETCH(QString, backend);
        std::unique_ptr<Database> db;
        auto w = window(backend, &db);
        QVERIFY2(w, qPrintable(m_failure));
        gui::StoryController *story = w->story();
        QVERIFY(!story->storyAction()->isEnabled()); // nothing selected yet
        w->session()->selection()->selectWorkOrder(QStringLiteral("w1"));
        QTRY_VERIFY_WITH_TIMEOUT(story->storyAction()->isEnabled(), 10000);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_I, Qt::ControlModifier);
        widgets::WorkOrderStoryWindow *window = story->window();
        QVERIFY(window);
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QCOMPARE(window->workOrderId(), QStringLiteral("w1"));
        QCOMPARE(window->windowTitle(), QStringLiteral("Story of work order w1"));
        QString text = window->page()->toPlainText();
        for (const char *expected : {"Chiller down in cold room", "Visits", "ap9", "What was done", "Compressor relay burnt; valve leaking",
                                     "Booked 55 min, of which billable 55 min", "4 of 5", "Quick and tidy", "What remains"})
            QVERIFY2(text.contains(QLatin1String(expected)), expected);
        // Wide enough for its tables, unlike the dock.
        QVERIFY(window->width() > w->docks()->inspector()->width());

        // The visit ends needing parts (recorded elsewhere): the story follows on its own.
        field::VisitOutcome o;
        o.arrivedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC);
        o.completedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        o.resolved = false;
        o.reason = QStringLiteral("needs_parts");
        o.notes = QStringLiteral("Valve body cracked");
        o.parts = {{QStringLiteral("V-2"), QString(), 1}};
        auto r = field::VisitOutcomeRecorder::record(*db, QStringLiteral("ap9"), 1, o, test::fixtureNow());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        w->session()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(window->page()->toPlainText().contains(QLatin1String("WO-000001")), 15000);
        text = window->page()->toPlainText();
        QVERIFY2(text.contains(QLatin1String("Not resolved: Needs parts")), qPrintable(text));
        QVERIFY(text.contains(QLatin1String("Valve body cracked")));
        QVERIFY(text.contains(QLatin1String("The return visit is work order WO-000001")));
        window->resize(1400, 1000);
        window->grab().save(test::screenshotPath(QStringLiteral("work-order-story-%1.png").arg(backend)));

        // The follow-up's own story: what it returns for, the parts it holds and where.
        w->session()->selection()->selectWorkOrder(QStringLiteral("WO-000001"));
        QTRY_COMPARE_WITH_TIMEOUT(window->workOrderId(), QStringLiteral("WO-000001"), 10000);
        text = window->page()->toPlainText();
        QVERIFY(text.contains(QLatin1String("Return visit of")));
        QVERIFY(text.contains(QLatin1String("Parts needed")));
        QVERIFY2(text.contains(QLatin1String("van:t2")), qPrintable(text));

        // Export PDF writes a PDF; a folder that does not exist is named in the refusal.
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("story.pdf"));
        QCOMPARE(window->exportPdf(pdf), QString());
        QFile written(pdf);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.read(5) == "%PDF-");
        QVERIFY(written.size() > 1000);
        const QString refused = window->exportPdf(dir.filePath(QStringLiteral("missing/story.pdf")));
        QVERIFY2(refused.contains(QLatin1String("missing")), qPrintable(refused));

        // Escape closes it; its size is kept for next time.
        QTest::keyClick(window, Qt::Key_Escape);
        QTRY_VERIFY(!story->window());
    }
};

QTEST_MAIN(TestWorkOrderStory)
#include "tst_work_order_story.moc"
