// Logging a call as a dispatcher does: Ctrl+N, the customer found by typing, the site
// picked for them, each invalid field blocking Save with its message at the field, Save,
// then Edit → Undo and Redo naming the work order, all through QTest key and mouse
// events on the real main window. On the test PostgreSQL server a second console sees the
// new work order in its queue, and an undo after someone else's change is refused in words.
#include "../itemmodels/WorkOrderFixture.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
#include "WorkOrderDialog.h"
#include "common/TypeAheadField.h"
#include "controllers/WorkOrderIntakeController.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "selection/SelectionService.h"
#include "workorders/WorkOrderForm.h"
#include "workorders/WorkOrderFormModel.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>

using namespace fieldops;

class TestWorkOrderIntake : public QObject {
    Q_OBJECT

    QString m_failure;

    std::unique_ptr<gui::MainWindow> window(const QString &backend, QString *url, std::unique_ptr<Database> *db)
    {
        *db = test::freshDatabase(backend, true, url);
        if (!*db) {
            m_failure = test::lastError();
            return nullptr;
        }
        const QString failed = test::insertWorkOrderFixture(**db);
        if (!failed.isEmpty()) {
            m_failure = failed;
            return nullptr;
        }
        auto w = test::openMainWindow(*url, &m_failure, test::fixtureNow());
        if (w)
            w->intake()->setClockOverride(test::fixtureNow());
        return w;
    }

    static QAction *action(gui::MainWindow *w, const char *name) { return w->findChild<QAction *>(QString::fromLatin1(name)); }

    // Ctrl+N, then the customer typed and chosen from the popup with the keyboard.
    static gui::WorkOrderDialog *startForAcme(gui::MainWindow *w)
    {
        w->activateWindow();
        if (!QTest::qWaitForWindowActive(w))
            return nullptr;
        QTest::keyClick(w, Qt::Key_N, Qt::ControlModifier);
        gui::WorkOrderDialog *dialog = w->intake()->dialog();
        if (!dialog || !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        widgets::TypeAheadField *customer = dialog->form()->customerField();
        // The directory is read on the worker: type once it is there, as a user would wait.
        if (!QTest::qWaitFor([&] {
                customer->clear();
                QTest::keyClicks(customer, QStringLiteral("acme"));
                return customer->suggestionCount() > 0;
            }, 10000))
            return nullptr;
        QAbstractItemView *popup = customer->findChild<QCompleter *>()->popup();
        if (!popup->isVisible())
            return nullptr;
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        // Acme has one site: it is chosen with the customer once their file is read.
        auto *model = dialog->findChild<workorders::WorkOrderFormModel *>();
        if (!QTest::qWaitFor([&] { return model->draft().siteId == QLatin1String("s1"); }, 10000))
            return nullptr;
        return dialog;
    }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_work_order_intake")); }

    void newWorkOrderWithTheKeyboardThenUndoRedo()
    {
        QString url;
        std::unique_ptr<Database> db;
        auto w = window(QStringLiteral("sqlite"), &url, &db);
        QVERIFY2(w, qPrintable(m_failure));
        gui::WorkOrderDialog *dialog = startForAcme(w.get());
        QVERIFY(dialog);
        auto *model = dialog->findChild<workorders::WorkOrderFormModel *>();
        QCOMPARE(model->draft().customerId, QStringLiteral("c1"));
        QCOMPARE(dialog->form()->customerField()->text(), QStringLiteral("Acme Foods"));
        // The contract's SLA, with its rule in words: Acme Gold answers in 4 h.
        QCOMPARE(model->draft().contractId, QStringLiteral("k1"));
        QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("slaRule"))->text().contains(QLatin1String("k1")),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("slaRule"))->text()));
        QCOMPARE(model->draft().slaDue, test::fixtureNow().addSecs(4 * 3600));

        // No summary yet: Save stays disabled and the field says why.
        QVERIFY(!dialog->saveButton()->isEnabled());
        QLabel *summaryIssue = dialog->form()->issueLabel(QStringLiteral("summary"));
        QVERIFY(summaryIssue->isVisible());
        QVERIFY(!summaryIssue->text().isEmpty());
        auto *summary = dialog->findChild<QLineEdit *>(QStringLiteral("summaryField"));
        summary->setFocus();
        QTest::keyClicks(summary, QStringLiteral("Freezer alarm in cold room"));
        QVERIFY(!summaryIssue->isVisible());
        QVERIFY(test::chooseByKeys(dialog->findChild<QComboBox *>(QStringLiteral("priorityField")), 2));
        QCOMPARE(model->draft().priority, 2);
        QVERIFY(dialog->saveButton()->isEnabled());

        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w->intake()->dialog(), 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT summary FROM work_orders WHERE id = 'WO-000001'"))->toString(),
                 QStringLiteral("Freezer alarm in cold room"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT priority FROM work_orders WHERE id = 'WO-000001'"))->toInt(), 2);
        QUndoStack *stack = w->session()->document()->undoStack();
        QCOMPARE(stack->count(), 1);
        QCOMPARE(stack->undoText(), QStringLiteral("New work order WO-000001"));
        QVERIFY(action(w.get(), "actionUndo")->text().contains(QLatin1String("WO-000001")));
        // The new work order is selected and reaches the console's list.
        QCOMPARE(w->session()->selection()->workOrderId(), QStringLiteral("WO-000001"));
        QTRY_VERIFY_WITH_TIMEOUT(w->session()->workOrders()->rowOf(QStringLiteral("WO-000001")) >= 0, 10000);

        // Back in the main window (the dialog had the focus), as the dispatcher would be.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stack->index(), 0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = 'WO-000001'"))->toInt(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(w->session()->workOrders()->rowOf(QStringLiteral("WO-000001")) < 0, 10000);
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = 'WO-000001'"))->toInt(), 1);
        QCOMPARE(db->scalar(QStringLiteral("SELECT summary FROM work_orders WHERE id = 'WO-000001'"))->toString(),
                 QStringLiteral("Freezer alarm in cold room"));
        QCOMPARE(stack->count(), 1);
    }

    void eachInvalidFieldBlocksSave()
    {
        QString url;
        std::unique_ptr<Database> db;
        auto w = window(QStringLiteral("sqlite"), &url, &db);
        QVERIFY2(w, qPrintable(m_failure));
        gui::WorkOrderDialog *dialog = startForAcme(w.get());
        QVERIFY(dialog);
        auto *summary = dialog->findChild<QLineEdit *>(QStringLiteral("summaryField"));
        summary->setFocus();
        QTest::keyClicks(summary, QStringLiteral("Leak"));
        QVERIFY(dialog->saveButton()->isEnabled());

        // Duration 0: refused at the field with the interchange's wording.
        auto *duration = dialog->findChild<QSpinBox *>(QStringLiteral("durationField"));
        duration->setFocus();
        duration->selectAll();
        QTest::keyClicks(duration, QStringLiteral("0"));
        QLabel *durationIssue = dialog->form()->issueLabel(QStringLiteral("duration_min"));
        QVERIFY(durationIssue->isVisible());
        QCOMPARE(durationIssue->text(), QStringLiteral("0 must be greater than 0"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        duration->selectAll();
        QTest::keyClicks(duration, QStringLiteral("90"));
        QVERIFY(!durationIssue->isVisible());
        QVERIFY(dialog->saveButton()->isEnabled());

        // A window that ends before it starts.
        auto *window = dialog->findChild<QCheckBox *>(QStringLiteral("windowField"));
        QTest::mouseClick(window, Qt::LeftButton, {}, QPoint(8, window->height() / 2));
        auto *end = dialog->findChild<QDateTimeEdit *>(QStringLiteral("windowEndField"));
        auto *start = dialog->findChild<QDateTimeEdit *>(QStringLiteral("windowStartField"));
        end->setFocus();
        end->setDateTime(start->dateTime().addSecs(-3600));
        QLabel *windowIssue = dialog->form()->issueLabel(QStringLiteral("window_end"));
        QVERIFY(windowIssue->isVisible());
        QVERIFY(!dialog->saveButton()->isEnabled());
        QTest::mouseClick(window, Qt::LeftButton, {}, QPoint(8, window->height() / 2));
        QVERIFY(!windowIssue->isVisible());
        QVERIFY(dialog->saveButton()->isEnabled());

        // Clearing the customer: Save is blocked until one is chosen again.
        widgets::TypeAheadField *customer = dialog->form()->customerField();
        customer->setFocus();
        QTest::keyClick(customer, Qt::Key_Backspace);
        QVERIFY(!dialog->saveButton()->isEnabled());
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!w->intake()->dialog());
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM work_orders"))->toInt(), 6);
    }

    // A form with unsaved edits of a work order someone else changes: it says who, Save
    // waits, and Reload shows their version while Overwrite writes these edits on top.
    void concurrentChangeWhileEditing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("overwrite");
        for (const char *backend : {"sqlite", "postgres"}) {
            QTest::addRow("%s reload", backend) << QString::fromLatin1(backend) << false;
            QTest::addRow("%s overwrite", backend) << QString::fromLatin1(backend) << true;
        }
    }
    void concurrentChangeWhileEditing()
    {
        QFETCH(QString, backend);
        QFETCH(bool, overwrite);
        QString url;
        std::unique_ptr<Database> db;
        auto w = window(backend, &url, &db);
        QVERIFY2(w, qPrintable(m_failure));
        w->session()->selection()->selectWorkOrder(QStringLiteral("w2"));
        w->activateWindow();
        QTest::keyClick(w.get(), Qt::Key_E, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(w->intake()->dialog(), 10000);
        gui::WorkOrderDialog *dialog = w->intake()->dialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        auto *summary = dialog->findChild<QLineEdit *>(QStringLiteral("summaryField"));
        QCOMPARE(summary->text(), QStringLiteral("Install badge readers"));
        summary->setFocus();
        summary->selectAll();
        QTest::keyClicks(summary, QStringLiteral("Badge readers, lobby first"));
        QVERIFY(dialog->saveButton()->isEnabled());

        // Maria raises the priority from another console.
        auto maria = Database::open(*DatabaseUrl::parse(url), QStringLiteral("maria"));
        QVERIFY(maria.ok());
        {
            Transaction tx(**maria); // stamps her name on the change for the other consoles
            QVERIFY((*maria)->run(QStringLiteral("UPDATE work_orders SET priority = 1, version = version + 1 WHERE id = 'w2'")).ok());
            QVERIFY(tx.commit().ok());
        }
        QTRY_VERIFY_WITH_TIMEOUT(dialog->conflictBar()->isVisible(), 15000);
        QVERIFY(!dialog->saveButton()->isEnabled());
        auto *bar = dialog->conflictBar();
        QVERIFY(bar->findChild<QLabel *>()->text().contains(QLatin1String("maria")));

        if (overwrite) {
            QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("overwriteButton")), Qt::LeftButton);
            QVERIFY(!bar->isVisible());
            QCOMPARE(summary->text(), QStringLiteral("Badge readers, lobby first"));
            QVERIFY(dialog->saveButton()->isEnabled());
            QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!w->intake()->dialog(), 10000);
            // Her priority and these edits: a normal versioned write on top of hers.
            QCOMPARE(db->scalar(QStringLiteral("SELECT summary FROM work_orders WHERE id = 'w2'"))->toString(), QStringLiteral("Badge readers, lobby first"));
            QCOMPARE(db->scalar(QStringLiteral("SELECT priority FROM work_orders WHERE id = 'w2'"))->toInt(), 1);
            QCOMPARE(db->scalar(QStringLiteral("SELECT version FROM work_orders WHERE id = 'w2'"))->toInt(), 3);
            QCOMPARE(w->session()->document()->undoStack()->undoText(), QStringLiteral("Edit work order w2"));
        } else {
            QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("reloadButton")), Qt::LeftButton);
            QVERIFY(!bar->isVisible());
            QCOMPARE(summary->text(), QStringLiteral("Install badge readers"));
            auto *model = dialog->findChild<workorders::WorkOrderFormModel *>();
            QCOMPARE(model->draft().priority, 1);
            QCOMPARE(model->draft().version, 2);
            QTest::keyClick(dialog, Qt::Key_Escape);
            QTRY_VERIFY(!w->intake()->dialog());
            QCOMPARE(db->scalar(QStringLiteral("SELECT summary FROM work_orders WHERE id = 'w2'"))->toString(), QStringLiteral("Install badge readers"));
            QCOMPARE(db->scalar(QStringLiteral("SELECT version FROM work_orders WHERE id = 'w2'"))->toInt(), 2);
        }
    }

    // Two consoles on the shared server: the work order logged in one appears in the
    // other's unassigned queue through the change feed, with nothing refreshed by hand.
    void secondConsoleSeesTheNewWorkOrder()
    {
        QString url;
        std::unique_ptr<Database> db;
        auto first = window(QStringLiteral("postgres"), &url, &db);
        QVERIFY2(first, qPrintable(m_failure));
        auto second = test::openMainWindow(url, &m_failure, test::fixtureNow());
        QVERIFY2(second, qPrintable(m_failure));
        QCOMPARE(second->session()->workOrders()->rowOf(QStringLiteral("WO-000001")), -1);

        gui::WorkOrderDialog *dialog = startForAcme(first.get());
        QVERIFY(dialog);
        auto *summary = dialog->findChild<QLineEdit *>(QStringLiteral("summaryField"));
        summary->setFocus();
        QTest::keyClicks(summary, QStringLiteral("Compressor tripping"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!first->intake()->dialog(), 10000);

        WorkOrderTableModel *theirs = second->session()->workOrders();
        QTRY_VERIFY_WITH_TIMEOUT(theirs->rowOf(QStringLiteral("WO-000001")) >= 0, 15000);
        const WorkOrderListRow *row = theirs->rowAt(theirs->rowOf(QStringLiteral("WO-000001")));
        QVERIFY(row->isUnassigned());
        QCOMPARE(row->order.summary, QStringLiteral("Compressor tripping"));
    }

    void openWorkOnTheSiteIsOffered()
    {
        QString url;
        std::unique_ptr<Database> db;
        auto w = window(QStringLiteral("sqlite"), &url, &db);
        QVERIFY2(w, qPrintable(m_failure));
        gui::WorkOrderDialog *dialog = startForAcme(w.get());
        QVERIFY(dialog);
        // w1 and w3 are open at Acme's plant, created the day before.
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("duplicatesNote"));
        QTRY_VERIFY_WITH_TIMEOUT(note->isVisible(), 10000);
        QVERIFY(note->text().contains(QLatin1String("w1")));
        QVERIFY(note->text().contains(QLatin1String("w3")));
        QVERIFY(!note->text().contains(QLatin1String("w5"))); // done: not a duplicate
        dialog->grab().save(fieldops::test::screenshotPath(QStringLiteral("work-order-intake.png")));
    }
};

QTEST_MAIN(TestWorkOrderIntake)
#include "tst_work_order_intake.moc"
