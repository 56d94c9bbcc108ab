// The Technicians tab as a dispatcher and an administrator use it, through QTest key and
// mouse events on the real view and controller over a connected session: filtering the
// list, opening a technician, an invalid field blocking Save with its message at the
// field, Save, Ctrl+Z through the document's undo stack; a new technician; an absence
// over a booked visit with the visit returned to the queue in the same step (one undo);
// an absence drawn on the board opening the editor for its technician; and a dispatcher
// on PostgreSQL seeing the technician read-only, saying why.
#include "../technicians/TechnicianFixture.h"
#include "Screenshots.h"
#include "CliRunner.h"
#include "GuiTestSupport.h"
#include "PgTestServer.h"
#include "controllers/TechniciansTabController.h"
#include "document/ScheduleDocument.h"
#include "technicians/AbsenceDialog.h"
#include "technicians/TechnicianForm.h"
#include "technicians/TechnicianFormModel.h"
#include "technicians/TechnicianListModel.h"
#include "technicians/TechniciansView.h"

#include <QAction>
#include <QCheckBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QUndoStack>

using namespace fieldops;
using widgets::TechniciansView;

class TestTechniciansView : public QObject {
    Q_OBJECT

    QString m_failure;

    // A session on a fresh database holding the technicians' fixture, connected.
    std::unique_ptr<ConsoleSession> session(const QString &backend, QString *url, std::unique_ptr<Database> *db)
    {
        *db = test::freshDatabase(backend, true, url);
        if (!*db) {
            m_failure = test::lastError();
            return nullptr;
        }
        if (const QString failed = test::insertTechnicianFixture(**db); !failed.isEmpty()) {
            m_failure = failed;
            return nullptr;
        }
        return connectSession(*url);
    }

    std::unique_ptr<ConsoleSession> connectSession(const QString &url)
    {
        auto s = std::make_unique<ConsoleSession>();
        QSignalSpy refreshed(s.get(), &ConsoleSession::refreshed);
        s->connectTo(*DatabaseUrl::parse(url));
        if (!refreshed.wait(15000)) {
            m_failure = QStringLiteral("no first load from ") + url;
            return nullptr;
        }
        return s;
    }

    static bool shown(TechniciansView *view)
    {
        // Ctrl+Z as in the console: the document's undo action on the window.
        return test::showExposed(*view, QSize(1280, 860));
    }

    static void addUndoActions(TechniciansView *view, ConsoleSession *s)
    {
        QAction *undo = s->document()->undoStack()->createUndoAction(view);
        undo->setShortcut(QKeySequence::Undo);
        QAction *redo = s->document()->undoStack()->createRedoAction(view);
        redo->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z));
        view->addAction(undo);
        view->addAction(redo);
    }

    static void clickRow(QTableView *table, int row)
    {
        const QRect r = table->visualRect(table->model()->index(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, r.center());
    }

    static void retype(QLineEdit *field, const QString &text)
    {
        field->setFocus();
        field->selectAll();
        if (text.isEmpty())
            QTest::keyClick(field, Qt::Key_Backspace);
        else
            QTest::keyClicks(field, text);
    }

    static QLineEdit *line(TechniciansView *view, const char *name) { return view->findChild<QLineEdit *>(QString::fromLatin1(name)); }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_technicians_view")); }

    void filterOpenInvalidSaveUndo()
    {
        QString url;
        std::unique_ptr<Database> db;
        auto s = session(QStringLiteral("sqlite"), &url, &db);
        QVERIFY2(s, qPrintable(m_failure));
        gui::TechniciansTabController tab(s.get());
        QCOMPARE(tab.id(), QStringLiteral("technicians"));
        QCOMPARE(tab.title(), QStringLiteral("Technicians"));
        TechniciansView *view = tab.view();
        const std::unique_ptr<QWidget> tabPage(view); // as the main window's tab widget owns it
        addUndoActions(view, s.get());
        QVERIFY(shown(view));
        technicians::TechnicianListModel *list = view->listModel();
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 2, 10000);

        // Filters: text, territory, employment, active.
        view->textFilter()->setFocus();
        QTest::keyClicks(view->textFilter(), QStringLiteral("bru"));
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 1, 10000);
        QCOMPARE(list->rows().front().name, QStringLiteral("Bruno Lima"));
        retype(view->textFilter(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 2, 10000);
        auto *territory = view->findChild<QComboBox *>(QStringLiteral("technicianTerritoryFilter"));
        QTRY_COMPARE_WITH_TIMEOUT(territory->count(), 3, 10000);
        QVERIFY(test::chooseByKeys(territory, QStringLiteral("north")));
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 1, 10000);
        QCOMPARE(list->rows().front().id, QStringLiteral("t1"));
        QVERIFY(test::chooseByKeys(territory, QString()));
        auto *employment = view->findChild<QComboBox *>(QStringLiteral("technicianEmploymentFilter"));
        QVERIFY(test::chooseByKeys(employment, QStringLiteral("contractor")));
        QTRY_VERIFY_WITH_TIMEOUT(list->rowCount() == 1 && list->rows().front().id == QLatin1String("t2"), 10000);
        QVERIFY(test::chooseByKeys(employment, QString()));
        auto *activity = view->findChild<QComboBox *>(QStringLiteral("technicianActiveFilter"));
        QVERIFY(test::chooseByKeys(activity, int(technicians::TechnicianFilter::Activity::Inactive)));
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 0, 10000);
        QVERIFY(test::chooseByKeys(activity, int(technicians::TechnicianFilter::Activity::Any)));
        QTRY_COMPARE_WITH_TIMEOUT(list->rowCount(), 2, 10000);

        // Open Ana with the mouse.
        QSignalSpy loaded(&tab, &gui::TechniciansTabController::technicianLoaded);
        clickRow(view->table(), list->rowOf(QStringLiteral("t1")));
        QTRY_COMPARE_WITH_TIMEOUT(line(view, "nameField")->text(), QStringLiteral("Ana Souza"), 10000);
        QCOMPARE(line(view, "idField")->isReadOnly(), true);
        QCOMPARE(view->absencesTable()->rowCount(), 1);
        QVERIFY(!view->saveButton()->isEnabled()); // nothing changed yet

        // An invalid latitude blocks Save and says why under the field.
        retype(line(view, "homeLatField"), QStringLiteral("123"));
        QLabel *latIssue = view->form()->issueLabel(QStringLiteral("home_lat"));
        QVERIFY(latIssue->isVisible());
        QCOMPARE(latIssue->text(), QStringLiteral("123 is outside [-90, 90]"));
        QVERIFY(!view->saveButton()->isEnabled());
        retype(line(view, "homeLatField"), QStringLiteral("-23.52"));
        QVERIFY(!latIssue->isVisible());
        QVERIFY(view->saveButton()->isEnabled());
        // A shift that ends before it starts.
        retype(line(view, "shiftEndField"), QStringLiteral("07:00"));
        QLabel *shiftIssue = view->form()->issueLabel(QStringLiteral("shift_end"));
        QVERIFY(shiftIssue->isVisible());
        QCOMPARE(shiftIssue->text(), QStringLiteral("the shift must end after it starts (08:00)"));
        QVERIFY(!view->saveButton()->isEnabled());
        retype(line(view, "shiftEndField"), QStringLiteral("18:00"));
        QVERIFY(view->saveButton()->isEnabled());
        // No working day at all.
        QCheckBox *monday = view->findChild<QCheckBox *>(QStringLiteral("workDayMon"));
        for (const char *day : {"workDayMon", "workDayTue", "workDayWed", "workDayThu", "workDayFri"}) {
            QCheckBox *box = view->findChild<QCheckBox *>(QString::fromLatin1(day));
            QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
        }
        QCOMPARE(view->form()->issueLabel(QStringLiteral("work_days"))->text(), QStringLiteral("choose at least one working day"));
        QVERIFY(!view->saveButton()->isEnabled());
        QTest::mouseClick(monday, Qt::LeftButton, {}, QPoint(8, monday->height() / 2));
        QVERIFY(view->saveButton()->isEnabled());

        QLineEdit *name = line(view, "nameField");
        name->setFocus();
        QTest::keyClick(name, Qt::Key_End);
        QTest::keyClicks(name, QStringLiteral(" Reis"));
        QUndoStack *stack = s->document()->undoStack();
        QTest::mouseClick(view->saveButton(), Qt::LeftButton);
        // Written on the worker; on the stack once the answer is back.
        QTRY_COMPARE_WITH_TIMEOUT(stack->count(), 1, 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT name FROM technicians WHERE id = 't1'"))->toString(), QStringLiteral("Ana Souza Reis"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT work_days FROM technicians WHERE id = 't1'"))->toString(), QStringLiteral("Mon"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT shift_end FROM technicians WHERE id = 't1'"))->toString(), QStringLiteral("18:00"));
        QCOMPARE(stack->undoText(), QStringLiteral("Edit technician t1"));
        QTRY_VERIFY_WITH_TIMEOUT(list->rows().value(list->rowOf(QStringLiteral("t1"))).name == QLatin1String("Ana Souza Reis"), 10000);
        QVERIFY(!view->saveButton()->isEnabled());

        view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(view));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(stack->index(), 0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT name FROM technicians WHERE id = 't1'"))->toString(), QStringLiteral("Ana Souza"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT work_days FROM technicians WHERE id = 't1'"))->toString(),
                 QStringLiteral("Mon;Tue;Wed;Thu;Fri"));
        // The page shows what the database holds again.
        QTRY_COMPARE_WITH_TIMEOUT(name->text(), QStringLiteral("Ana Souza"), 10000);
        QVERIFY(view->findChild<QCheckBox *>(QStringLiteral("workDayFri"))->isChecked());
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(db->scalar(QStringLiteral("SELECT name FROM technicians WHERE id = 't1'"))->toString(), QStringLiteral("Ana Souza Reis"));
        QTRY_COMPARE_WITH_TIMEOUT(name->text(), QStringLiteral("Ana Souza Reis"), 10000);

        view->grab().save(fieldops::test::screenshotPath(QStringLiteral("technicians-view.png")));

        // Deactivate: kept in the list, greyed as inactive, undone like any edit.
        QVERIFY(view->activeButton()->isEnabled());
        QTest::mouseClick(view->activeButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stack->undoText(), QStringLiteral("Deactivate technician t1"), 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = 't1' AND active = 0"))->toInt(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!list->rows().value(list->rowOf(QStringLiteral("t1"))).active, 10000);
        QCOMPARE(view->activeButton()->text(), QStringLiteral("Re&activate"));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(list->rows().value(list->rowOf(QStringLiteral("t1"))).active, 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = 't1' AND active = 1"))->toInt(), 1);
    }

    void newTechnicianByKeyboard()
    {
        QString url;
        std::unique_ptr<Database> db;
        auto s = session(QStringLiteral("sqlite"), &url, &db);
        QVERIFY2(s, qPrintable(m_failure));
        gui::TechniciansTabController tab(s.get());
        TechniciansView *view = tab.view();
        const std::unique_ptr<QWidget> tabPage(view); // as the main window's tab widget owns it
        QVERIFY(shown(view));
        QTRY_COMPARE_WITH_TIMEOUT(view->listModel()->rowCount(), 2, 10000);
        QTest::mouseClick(view->newButton(), Qt::LeftButton);
        QVERIFY(!view->saveButton()->isEnabled());
        QCOMPARE(view->form()->issueLabel(QStringLiteral("name"))->text(), QStringLiteral("the name is required"));
        retype(line(view, "idField"), QStringLiteral("t 9"));
        QCOMPARE(view->form()->issueLabel(QStringLiteral("id"))->text(), QStringLiteral("an id has 1 to 64 characters and no spaces"));
        retype(line(view, "idField"), QStringLiteral("t1")); // taken: the server says so at save
        retype(line(view, "nameField"), QStringLiteral("Carla Dias"));
        retype(line(view, "homeLatField"), QStringLiteral("-23.51"));
        retype(line(view, "homeLonField"), QStringLiteral("-46.62"));
        retype(line(view, "hourlyCostField"), QStringLiteral("-3"));
        QCOMPARE(view->form()->issueLabel(QStringLiteral("hourly_cost"))->text(), QStringLiteral("-3 must be at least 0"));
        retype(line(view, "hourlyCostField"), QStringLiteral("40"));
        QVERIFY(view->saveButton()->isEnabled());
        QTest::mouseClick(view->saveButton(), Qt::LeftButton);
        QLabel *idIssue = view->form()->issueLabel(QStringLiteral("id"));
        QTRY_VERIFY_WITH_TIMEOUT(idIssue->isVisible(), 10000);
        QCOMPARE(idIssue->text(), QStringLiteral("technician t1 already exists"));
        QVERIFY(!view->saveButton()->isEnabled());
        retype(line(view, "idField"), QStringLiteral("t9"));
        QVERIFY(view->saveButton()->isEnabled());
        QTest::mouseClick(view->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view->listModel()->rowCount(), 3, 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT hourly_cost FROM technicians WHERE id = 't9'"))->toDouble(), 40.0);
        QCOMPARE(s->document()->undoStack()->undoText(), QStringLiteral("New technician t9"));
        QVERIFY(view->addAbsenceButton()->isEnabled()); // saved: absences may be added now
        s->document()->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(view->listModel()->rowCount(), 2, 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = 't9'"))->toInt(), 0);
    }

    void absenceOverABookedVisit_data() { test::addBackendRows(); }
    void absenceOverABookedVisit()
    {
        QFETCH(QString, backend);
        QString url;
        std::unique_ptr<Database> db;
        auto s = session(backend, &url, &db);
        QVERIFY2(s, qPrintable(m_failure));
        gui::TechniciansTabController tab(s.get());
        TechniciansView *view = tab.view();
        const std::unique_ptr<QWidget> tabPage(view); // as the main window's tab widget owns it
        addUndoActions(view, s.get());
        QVERIFY(shown(view));
        QTRY_COMPARE_WITH_TIMEOUT(view->listModel()->rowCount(), 2, 10000);
        clickRow(view->table(), view->listModel()->rowOf(QStringLiteral("t2")));
        QTRY_COMPARE_WITH_TIMEOUT(line(view, "nameField")->text(), QStringLiteral("Bruno Lima"), 10000);
        QCOMPARE(view->absencesTable()->rowCount(), 0);
        QTest::mouseClick(view->addAbsenceButton(), Qt::LeftButton);
        widgets::AbsenceDialog *dialog = tab.absenceDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));

        // Bruno is off sick from 10:00 to 18:00 on 2 March: his 11:00 visit is covered.
        auto *start = dialog->findChild<QDateTimeEdit *>(QStringLiteral("absenceStartField"));
        auto *end = dialog->findChild<QDateTimeEdit *>(QStringLiteral("absenceEndField"));
        end->setFocus();
        end->setDateTime(test::utc(2, 18).toLocalTime());
        start->setFocus();
        start->setDateTime(test::utc(2, 10).toLocalTime());
        // An end before the start first: refused at the field.
        end->setDateTime(test::utc(2, 9).toLocalTime());
        QVERIFY(dialog->issueLabel(QStringLiteral("end"))->isVisible());
        QVERIFY(!dialog->saveButton()->isEnabled());
        end->setDateTime(test::utc(2, 18).toLocalTime());
        QVERIFY(!dialog->issueLabel(QStringLiteral("end"))->isVisible());
        auto *visits = dialog->findChild<QLabel *>(QStringLiteral("coveredVisits"));
        QTRY_VERIFY_WITH_TIMEOUT(visits->text().contains(QLatin1String("w4")), 10000);
        QVERIFY(visits->text().contains(QLatin1String("Fire panel inspection")));
        QCheckBox *returnThem = dialog->returnVisitsBox();
        QVERIFY(returnThem->isVisible());
        QVERIFY(!returnThem->isChecked());
        QTest::mouseClick(returnThem, Qt::LeftButton, {}, QPoint(8, returnThem->height() / 2));
        QVERIFY(returnThem->isChecked());
        auto *reason = dialog->findChild<QComboBox *>(QStringLiteral("absenceReasonField"));
        QVERIFY(test::chooseByKeys(reason, QStringLiteral("sick")));
        QVERIFY(dialog->saveButton()->isEnabled());
        if (backend == QLatin1String("sqlite"))
            dialog->grab().save(fieldops::test::screenshotPath(QStringLiteral("technicians-absence-dialog.png"))); // for a look
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.absenceDialog(), 10000);

        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'"))->toInt(), 1);
        QCOMPARE(db->scalar(QStringLiteral("SELECT reason FROM absences WHERE technician_id = 't2'"))->toString(), QStringLiteral("sick"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'"))->toString(), QStringLiteral("cancelled"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("open"));
        QUndoStack *stack = s->document()->undoStack();
        QCOMPARE(stack->count(), 1);
        QCOMPARE(stack->undoText(), QStringLiteral("Absence of Bruno Lima, 1 visit back to the queue"));
        QTRY_COMPARE_WITH_TIMEOUT(view->absencesTable()->rowCount(), 1, 10000);

        // One Ctrl+Z: the absence goes and the visit is booked again.
        view->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(view));
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'"))->toInt(), 0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'"))->toString(), QStringLiteral("scheduled"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("scheduled"));
        QTRY_COMPARE_WITH_TIMEOUT(view->absencesTable()->rowCount(), 0, 10000);
    }

    // An absence drawn on the board opens the editor for that technician, whoever the
    // Technicians tab shows, with the visits it covers; saved as one undo step.
    void absenceDrawnOnTheBoard_data() { test::addBackendRows(); }
    void absenceDrawnOnTheBoard()
    {
        QFETCH(QString, backend);
        QString url;
        std::unique_ptr<Database> db;
        auto s = session(backend, &url, &db);
        QVERIFY2(s, qPrintable(m_failure));
        gui::TechniciansTabController tab(s.get());
        TechniciansView *view = tab.view();
        const std::unique_ptr<QWidget> tabPage(view);
        QVERIFY(shown(view));
        QTRY_COMPARE_WITH_TIMEOUT(view->listModel()->rowCount(), 2, 10000);
        clickRow(view->table(), view->listModel()->rowOf(QStringLiteral("t1")));
        QTRY_COMPARE_WITH_TIMEOUT(line(view, "nameField")->text(), QStringLiteral("Ana Souza"), 10000);
        retype(line(view, "nameField"), QStringLiteral("Ana S. Souza")); // an edit under way on her page

        tab.markAbsent(QStringLiteral("t2"), test::utc(2, 10), test::utc(2, 18));
        QTRY_VERIFY_WITH_TIMEOUT(tab.absenceDialog(), 10000);
        widgets::AbsenceDialog *dialog = tab.absenceDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY2(dialog->windowTitle().contains(QLatin1String("Bruno Lima")), qPrintable(dialog->windowTitle()));
        auto *visits = dialog->findChild<QLabel *>(QStringLiteral("coveredVisits"));
        QTRY_VERIFY_WITH_TIMEOUT(visits->text().contains(QLatin1String("w4")), 10000);
        QTest::mouseClick(dialog->returnVisitsBox(), Qt::LeftButton, {}, QPoint(8, dialog->returnVisitsBox()->height() / 2));
        auto *reason = dialog->findChild<QComboBox *>(QStringLiteral("absenceReasonField"));
        QVERIFY(test::chooseByKeys(reason, QStringLiteral("training")));
        QVERIFY(dialog->saveButton()->isEnabled());
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!tab.absenceDialog(), 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT reason FROM absences WHERE technician_id = 't2'"))->toString(), QStringLiteral("training"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("open"));
        QCOMPARE(s->document()->undoStack()->undoText(), QStringLiteral("Absence of Bruno Lima, 1 visit back to the queue"));
        // Ana's page and its unsaved edit are as they were.
        QCOMPARE(view->shownTechnicianId(), QStringLiteral("t1"));
        QCOMPARE(line(view, "nameField")->text(), QStringLiteral("Ana S. Souza"));
        s->document()->undoStack()->undo();
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'"))->toInt(), 0);
        QCOMPARE(db->scalar(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'"))->toString(), QStringLiteral("scheduled"));
    }

    void dispatcherSeesTechnicianReadOnly()
    {
        QString url;
        std::unique_ptr<Database> db;
        db = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QCOMPARE(test::insertTechnicianFixture(*db), QString());
        const test::CliRun added = test::runCli(url, {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("dora"),
                                                      QStringLiteral("--role"), QStringLiteral("dispatcher")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        auto s = connectSession(test::PgTestServer::shared()->urlFor(url.section(QLatin1Char('/'), -1), QStringLiteral("dora")));
        QVERIFY2(s, qPrintable(m_failure));
        QVERIFY(!s->permissions().editTechnicians);
        QVERIFY(s->permissions().editAbsences);
        gui::TechniciansTabController tab(s.get());
        TechniciansView *view = tab.view();
        const std::unique_ptr<QWidget> tabPage(view); // as the main window's tab widget owns it
        QVERIFY(shown(view));
        QTRY_COMPARE_WITH_TIMEOUT(view->listModel()->rowCount(), 2, 10000);
        QVERIFY(!view->newButton()->isEnabled());
        clickRow(view->table(), view->listModel()->rowOf(QStringLiteral("t1")));
        QTRY_COMPARE_WITH_TIMEOUT(line(view, "nameField")->text(), QStringLiteral("Ana Souza"), 10000);
        auto *note = view->findChild<QLabel *>(QStringLiteral("readOnlyNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("not change them")), qPrintable(note->text()));
        QVERIFY(!line(view, "nameField")->isEnabled());
        QVERIFY(!view->saveButton()->isEnabled());
        QVERIFY(!view->activeButton()->isEnabled());
        // Absences are a dispatcher's to keep.
        QVERIFY(view->addAbsenceButton()->isEnabled());
    }
};

QTEST_MAIN(TestTechniciansView)
#include "tst_technicians_view.moc"
