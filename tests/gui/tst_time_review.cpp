// The Time tab on the real main window over the work-order fixture and four time entries
// of Monday 2 March, driven with QTest mouse and key events: the entries with their flags
// in words (Bruno's visit ap1 inferred from 11:00 to 12:10 by the GPS), flagged rows in the
// alarm colour; a row selected with the mouse selects its work order; Ctrl+Enter approves
// it and Ctrl+Z undoes that; Correct… with an end before the start blocks Save with the
// problem at the end field, a good correction is saved; a billing export writes the CSV
// and PDF into a folder. A screenshot of the tab is left for a look by eye.
//
//   1  Bruno w4 11:00–12:00 work "inspected the panel"   clean
//   2  Bruno w4 12:00–12:30 work, no comment             ends 20 min after the GPS departure,
//                                                        billable time without a comment
//   3  Bruno w4 10:40–11:00 travel "drive", not billable clean
//   4  Ana   w1 09:00–10:00 work "diagnosis"             outside her visits (she has none)
#include "../itemmodels/WorkOrderFixture.h"
#include "CliRunner.h"
#include "GuiTestSupport.h"
#include "PgTestServer.h"
#include "Screenshots.h"
#include "billing/BillingExportDialog.h"
#include "billing/TimeEntryCorrectionDialog.h"
#include "billing/TimeReviewView.h"
#include "common/ElidedLabel.h"
#include "controllers/TimeTabController.h"
#include "document/ScheduleDocument.h"
#include "domain/SignalColours.h"
#include "itemmodels/ItemRoles.h"
#include "itemmodels/TimeEntryTableModel.h"
#include "selection/SelectionService.h"

#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace fieldops;

class TestTimeReview : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    QString m_url;

    QString state(int id)
    {
        auto v = m_db->scalar(QStringLiteral("SELECT review_state FROM time_entries WHERE id = ?"), {id});
        return v ? v->toString() : QString();
    }
    static int rowOf(TimeEntryTableModel *model, qint64 id) { return model->rowOfEntry(id); }
    static void clickRow(QTableView *table, int row)
    {
        const QRect r = table->visualRect(table->model()->index(row, TimeEntryTableModel::Technician));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, r.center());
    }

private slots:
    // The work-order fixture and the four entries above, on a fresh database of `backend`.
    bool seed(const QString &backend, std::unique_ptr<Database> *db, QString *url)
    {
        *db = test::freshDatabase(backend, true, url);
        if (!*db || !test::insertWorkOrderFixture(**db).isEmpty())
            return false;
        return test::runAll(**db, {"UPDATE appointments SET inferred_arrived_at = '2026-03-02T11:00:00Z', inferred_departed_at = '2026-03-02T12:10:00Z' WHERE id = 'ap1'",
                                   "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
                                   "('t2', 'w4', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', TRUE, 'work', 'inspected the panel')",
                                   "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
                                   "('t2', 'w4', '2026-03-02T12:00:00Z', '2026-03-02T12:30:00Z', TRUE, 'work', '')",
                                   "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
                                   "('t2', 'w4', '2026-03-02T10:40:00Z', '2026-03-02T11:00:00Z', FALSE, 'travel', 'drive')",
                                   "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
                                   "('t1', 'w1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', TRUE, 'work', 'diagnosis')"})
            .ok();
    }

    // A session as `login` (made with `user add --role role`) on the PostgreSQL database at `url`.
    std::unique_ptr<ConsoleSession> sessionAs(const QString &url, const QString &login, const QString &role, QString *why)
    {
        const test::CliRun added = test::runCli(url, {QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role});
        if (added.exitCode != 0) {
            *why = added.err;
            return nullptr;
        }
        auto s = std::make_unique<ConsoleSession>();
        s->setClockOverride(test::fixtureNow());
        QSignalSpy refreshed(s.get(), &ConsoleSession::refreshed);
        s->connectTo(*DatabaseUrl::parse(test::PgTestServer::shared()->urlFor(url.section(QLatin1Char('/'), -1), login)));
        if (!refreshed.wait(15000)) {
            *why = QStringLiteral("no first load as ") + login;
            return nullptr;
        }
        return s;
    }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_time_review"));
        QVERIFY2(seed(QStringLiteral("sqlite"), &m_db, &m_url), qPrintable(test::lastError()));
    }

    void reviewInTheConsole()
    {
        QString why;
        auto w = test::openMainWindow(m_url, &why, test::fixtureNow());
        QVERIFY2(w, qPrintable(why));
        gui::TimeTabController *tab = w->timeTab();
        QVERIFY(tab);
        w->tabs()->setCurrentWidget(tab->widget());
        widgets::TimeReviewView *view = tab->view();
        TimeEntryTableModel *model = tab->model();
        QTableView *table = view->table();

        // This week's pending entries, with their reasons in words.
        QCOMPARE(view->from(), QDate(2026, 3, 2));
        QCOMPARE(view->to(), QDate(2026, 3, 8));
        QTRY_COMPARE(model->rowCount(), 4);
        QVERIFY(view->approveButton()->isEnabled() == false); // nothing selected yet
        auto flags = [&](qint64 id) { return model->index(rowOf(model, id), TimeEntryTableModel::Flags).data().toString(); };
        QCOMPARE(flags(1), QString());
        QCOMPARE(flags(2), QStringLiteral("ends 20 min after the departure the GPS shows\nbillable time without a comment of what was done"));
        QCOMPARE(flags(3), QString());
        QCOMPARE(flags(4), QStringLiteral("outside the technician's visits of this work order"));
        QCOMPARE(model->index(rowOf(model, 2), TimeEntryTableModel::Technician).data(Qt::ForegroundRole).value<QColor>(), colours::alarm());
        QVERIFY(!model->index(rowOf(model, 3), TimeEntryTableModel::Technician).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model->index(rowOf(model, 4), TimeEntryTableModel::Customer).data().toString(), QStringLiteral("Acme Foods"));
        QVERIFY2(view->totalsLabel()->text().contains(QLatin1String("flagged: 2")), qPrintable(view->totalsLabel()->text()));

        QVERIFY(test::showExposed(*w, QSize(1280, 800)));
        w->grab().save(test::screenshotPath(QStringLiteral("time-tab.png"))); // for a look

        // The clean travel entry, chosen with the mouse: its work order is selected too.
        clickRow(table, rowOf(model, 3));
        QCOMPARE(view->selectedEntryIds(), QList<qint64>{3});
        QCOMPARE(w->session()->selection()->workOrderId(), QStringLiteral("w4"));

        // Ctrl+Enter approves it; it leaves the pending list.
        QSignalSpy reviewed(tab, &gui::TimeTabController::reviewed);
        QTest::keyClick(table, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(reviewed.wait(10000));
        QCOMPARE(state(3), QStringLiteral("approved"));
        QTRY_COMPARE(model->rowCount(), 3);

        // Ctrl+Z: pending again, and back in the list.
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(state(3), QStringLiteral("pending"));
        QTRY_COMPARE(model->rowCount(), 4);

        // Correct… on entry 2: an end before the start blocks Save, said at the end field.
        clickRow(table, rowOf(model, 2));
        QCOMPARE(view->selectedEntryIds(), QList<qint64>{2});
        QTest::mouseClick(view->correctButton(), Qt::LeftButton);
        widgets::TimeEntryCorrectionDialog *dialog = tab->correctionDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->saveButton()->isEnabled());
        dialog->endEdit()->setDateTime(QDateTime(QDate(2026, 3, 2), QTime(11, 30), QTimeZone::utc()).toLocalTime());
        QVERIFY(!dialog->saveButton()->isEnabled());
        QLabel *endIssue = dialog->issueLabel(QStringLiteral("end_at"));
        QVERIFY(endIssue && endIssue->isVisible());
        QCOMPARE(endIssue->text(), QStringLiteral("the end must be after the start"));
        dialog->grab().save(test::screenshotPath(QStringLiteral("time-correction.png"))); // for a look
        // A good correction: 12:00 to 12:20, with what was done.
        dialog->endEdit()->setDateTime(QDateTime(QDate(2026, 3, 2), QTime(12, 20), QTimeZone::utc()).toLocalTime());
        QVERIFY(dialog->saveButton()->isEnabled());
        QVERIFY(!endIssue->isVisible());
        dialog->commentEdit()->setFocus();
        QTest::keyClicks(dialog->commentEdit(), QStringLiteral("signed the report"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QVERIFY(reviewed.wait(10000));
        QCOMPARE(state(2), QStringLiteral("corrected"));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT comment FROM time_entries WHERE id = 2"))->toString(), QStringLiteral("signed the report"));
        QTRY_COMPARE(model->rowCount(), 3);
        // One step on the undo stack, like the approval (the window active again once the
        // dialog is gone, as shortcuts need).
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(table, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(state(2), QStringLiteral("pending"));

        // Export billing… into a temporary folder: the CSV and PDF are there.
        QTemporaryDir out;
        QVERIFY(out.isValid());
        QTest::mouseClick(view->exportButton(), Qt::LeftButton);
        widgets::BillingExportDialog *exporter = tab->exportDialog();
        QVERIFY(exporter);
        QVERIFY(QTest::qWaitForWindowExposed(exporter));
        exporter->setChooseFolder([&](const QString &) { return out.path(); });
        QTest::mouseClick(exporter->chooseButton(), Qt::LeftButton);
        QCOMPARE(exporter->folder(), out.path());
        QSignalSpy exported(tab, &gui::TimeTabController::exported);
        QTest::mouseClick(exporter->exportButton(), Qt::LeftButton);
        QVERIFY(exported.wait(20000));
        for (const char *name : {"billing_summary.csv", "billing_lines.csv", "billing.pdf"})
            QVERIFY2(QFileInfo(QDir(out.path()).filePath(QString::fromLatin1(name))).size() > 0, name);
        QVERIFY2(exporter->resultLabel()->text().contains(QLatin1String("billing.pdf")), qPrintable(exporter->resultLabel()->text()));
        exporter->grab().save(test::screenshotPath(QStringLiteral("time-export.png"))); // for a look
    }

    // On PostgreSQL the server decides: a planner sees the entries read-only and is told
    // why; a dispatcher (granted the review's columns) approves through the same edits.
    void rolesOnPostgres()
    {
        std::unique_ptr<Database> db;
        QString url, why;
        QVERIFY2(seed(QStringLiteral("postgres"), &db, &url), qPrintable(test::lastError()));

        auto planner = sessionAs(url, QStringLiteral("pia"), QStringLiteral("planner"), &why);
        QVERIFY2(planner, qPrintable(why));
        QVERIFY(!planner->permissions().reviewTime);
        {
            gui::TimeTabController tab(planner.get());
            const std::unique_ptr<QWidget> page(tab.widget()); // as the main window's tab widget owns it
            QVERIFY(test::showExposed(*page, QSize(1280, 700)));
            tab.reload();
            QTRY_COMPARE_WITH_TIMEOUT(tab.model()->rowCount(), 4, 10000);
            clickRow(tab.view()->table(), 0);
            QVERIFY(!tab.view()->approveButton()->isEnabled());
            QVERIFY(!tab.view()->correctButton()->isEnabled());
            QVERIFY(tab.view()->readOnlyLabel()->isVisible());
            QVERIFY2(tab.view()->readOnlyLabel()->text().contains(QLatin1String("may not approve")), qPrintable(tab.view()->readOnlyLabel()->text()));
        }

        auto dispatcher = sessionAs(url, QStringLiteral("dora"), QStringLiteral("dispatcher"), &why);
        QVERIFY2(dispatcher, qPrintable(why));
        QVERIFY(dispatcher->permissions().reviewTime);
        gui::TimeTabController tab(dispatcher.get());
        const std::unique_ptr<QWidget> page(tab.widget());
        QVERIFY(test::showExposed(*page, QSize(1280, 700)));
        tab.reload();
        QTRY_COMPARE_WITH_TIMEOUT(tab.model()->rowCount(), 4, 10000);
        QVERIFY(!tab.view()->readOnlyLabel()->isVisible());
        clickRow(tab.view()->table(), tab.model()->rowOfEntry(1));
        QSignalSpy reviewed(&tab, &gui::TimeTabController::reviewed);
        QTest::keyClick(tab.view()->table(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(reviewed.wait(10000));
        QCOMPARE(db->scalar(QStringLiteral("SELECT review_state || ' ' || reviewed_by FROM time_entries WHERE id = 1"))->toString(),
                 QStringLiteral("approved dora"));
        // Undone on the document's stack, by the dispatcher's own connection.
        dispatcher->document()->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(db->scalar(QStringLiteral("SELECT review_state FROM time_entries WHERE id = 1"))->toString(),
                                  QStringLiteral("pending"), 10000);
    }
};

QTEST_MAIN(TestTimeReview)
#include "tst_time_review.moc"
