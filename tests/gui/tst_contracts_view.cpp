// The Contracts tab as a planner uses it, with QTest keys and mouse on the real main
// window over a real SQLite file: the list's filters (running, ending within 30 days,
// ended), a contract's terms where each invalid field blocks saving with its message,
// saving coverage and covered sites as one undoable step, a preventive plan whose
// calendar previews the next occurrences as they are typed, a renewal that copies the
// contract and its plans in one undoable step, and generating the preventive work orders
// after a preview, as one undoable step. Saves contracts-terms.png, contracts-plan-editor.png,
// contracts-consumption.png and contracts-generate.png for a look.
#include "../itemmodels/WorkOrderFixture.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
#include "common/TypeAheadField.h"
#include "contracts/ConsumptionPanel.h"
#include "contracts/ContractListModel.h"
#include "contracts/ContractTermsPanel.h"
#include "contracts/ContractsView.h"
#include "contracts/CapacityPreviewPanel.h"
#include "contracts/CoverageList.h"
#include "contracts/GeneratePmDialog.h"
#include "contracts/HolidayCalendarDialog.h"
#include "contracts/PlanEditor.h"
#include "contracts/RenewContractDialog.h"
#include "controllers/ContractsTabController.h"
#include "document/ScheduleDocument.h"
#include "records/RecordFormModel.h"
#include "records/RecordFormWidget.h"

#include <QAbstractItemView>
#include <QAction>
#include <QStatusBar>
#include <QApplication>
#include <QCompleter>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QSpinBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <QTableWidget>
#include <QTextCharFormat>
#include <QTimer>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace fieldops;

class TestContractsView : public QObject {
    Q_OBJECT

    QString m_failure;
    QString m_url;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<gui::MainWindow> m_window;
    widgets::ContractsView *m_view = nullptr;

    QString text(const QString &sql) { return m_db->scalar(sql)->toString(); }
    int count(const QString &sql) { return m_db->scalar(sql)->toInt(); }
    QUndoStack *stack() { return m_window->session()->document()->undoStack(); }

    static void typeInto(QWidget *w, const QString &text)
    {
        w->setFocus();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            edit->selectAll();
        QTest::keyClicks(w, text);
    }

    void typeField(const QString &field, const QString &value) { typeInto(m_view->terms()->editor(field), value); }
    QString issue(const QString &field)
    {
        for (const char *section : {"general", "coverage", "response", "resolution", "billing"})
            if (QLabel *l = m_view->terms()->section(QString::fromLatin1(section))->issueLabel(field))
                return l->isVisible() ? l->text() : QString();
        return QStringLiteral("(no such field)");
    }

    void chooseContract(const QString &id)
    {
        QTableView *list = m_view->list();
        for (int r = 0; r < list->model()->rowCount(); ++r) {
            const QModelIndex index = list->model()->index(r, 0);
            if (index.data().toString() == id) {
                QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(index).center());
                break;
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_view->currentContractId(), id, 10000);
        QVERIFY2(!m_view->findChild<QLabel *>(QStringLiteral("contractProblem"))->isVisible(),
                 qPrintable(m_view->findChild<QLabel *>(QStringLiteral("contractProblem"))->text()));
    }

    int listed() { return m_view->list()->model()->rowCount(); }

    // The contract's pages scroll: its tab holds a scroll area around the panel.
    void showPage(QWidget *panel)
    {
        for (QWidget *w = panel; w; w = w->parentWidget())
            if (const int i = m_view->pageTabs()->indexOf(w); i >= 0)
                return m_view->pageTabs()->setCurrentIndex(i);
    }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_contracts_view"));
        m_db = test::freshDatabase(QStringLiteral("sqlite"), true, &m_url);
        QVERIFY2(m_db, qPrintable(test::lastError()));
        QString failed = test::insertWorkOrderFixture(*m_db);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        // Beside the fixture's Acme Gold (k1, runs all 2026): one ending within 30 days of
        // the fixture's day (2026-03-02), one ended, a territory with a holiday calendar.
        for (const QString &sql : {
                 QStringLiteral("INSERT INTO territories(id, name) VALUES ('sp', 'São Paulo')"),
                 QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('sp', '2026-04-21', 'Tiradentes')"),
                 QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                                "('k2', 'c2', 'Beta Basic', '2025-03-21', '2026-03-20', 24, 'business_hours'), "
                                "('k0', 'c1', 'Acme Silver', '2025-01-01', '2025-12-31', 8, 'business_hours')"),
                 QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due) VALUES "
                                "('pm1', 'k1', 'a1', 'Chiller inspection', 30, 90, '2026-03-10')"),
                 QStringLiteral("INSERT INTO maintenance_plan_skills(plan_id, skill_code) VALUES ('pm1', 'hvac')"),
             }) {
            QVERIFY2(m_db->execDirect(sql), qPrintable(sql));
        }
        m_window = test::openMainWindow(m_url, &m_failure, test::fixtureNow());
        QVERIFY2(m_window, qPrintable(m_failure));
        m_view = m_window->findChild<widgets::ContractsView *>();
        QVERIFY(m_view);
        m_window->tabs()->setCurrentWidget(m_view);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->listModel()->rowCount(), 3, 10000);
        QCOMPARE(m_view->today(), QDate(2026, 3, 2));
    }

    void filtersTheList()
    {
        QComboBox *state = m_view->stateFilter();
        const auto pick = [state](const QString &text) {
            state->setFocus();
            const int index = state->findText(text);
            QVERIFY(index >= 0);
            state->setCurrentIndex(index);
        };
        pick(QStringLiteral("Ending within 30 days"));
        QCOMPARE(listed(), 1);
        QCOMPARE(m_view->list()->model()->index(0, 0).data().toString(), QStringLiteral("k2"));
        QCOMPARE(m_view->list()->model()->index(0, contracts::ContractListModel::StateColumn).data().toString(), QStringLiteral("Ends in 18 day(s)"));
        pick(QStringLiteral("Ended"));
        QCOMPARE(listed(), 1);
        QCOMPARE(m_view->list()->model()->index(0, 0).data().toString(), QStringLiteral("k0"));
        pick(QStringLiteral("Running"));
        QCOMPARE(listed(), 2);
        pick(QStringLiteral("All contracts"));
        typeInto(m_view->searchField(), QStringLiteral("beta"));
        QCOMPARE(listed(), 1);
        m_view->searchField()->clear();
        QCOMPARE(listed(), 3);
        m_view->coverageFilter()->setCurrentIndex(m_view->coverageFilter()->findData(QStringLiteral("24x7")));
        QCOMPARE(listed(), 1);
        m_view->coverageFilter()->setCurrentIndex(0);
    }

    void eachInvalidFieldBlocksSaving()
    {
        chooseContract(QStringLiteral("k1"));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->contractForm()->value(QStringLiteral("name")).toString(), QStringLiteral("Acme Gold"), 10000);
        QPushButton *save = m_view->saveButton();
        QVERIFY(!save->isEnabled()); // nothing changed yet

        struct Case {
            QString field, bad, message, good;
        };
        const Case cases[] = {
            {QStringLiteral("name"), QString(), QStringLiteral("give the contract a name planners and dispatchers recognise, e.g. \"Gold 24×7\""),
             QStringLiteral("Acme Gold Plus")},
            {QStringLiteral("ends_on"), QStringLiteral("2025-12-01"), QStringLiteral("the contract cannot end before it starts (2026-01-01)"),
             QStringLiteral("2026-12-31")},
            {QStringLiteral("starts_on"), QStringLiteral("2026-13-01"), QStringLiteral("the first day is a date YYYY-MM-DD"), QStringLiteral("2026-01-01")},
            {QStringLiteral("response_hours_p1"), QStringLiteral("2.5"), QStringLiteral("the response time in hours is a whole number from 1 to 8760"),
             QStringLiteral("8")},
            {QStringLiteral("resolution_hours_p1"), QStringLiteral("4"), QStringLiteral("resolving cannot take less time than responding (8 h)"),
             QStringLiteral("24")},
            {QStringLiteral("fixed_fee"), QStringLiteral("-10"), QStringLiteral("the fixed fee is an amount of zero or more"), QStringLiteral("1500")},
            {QStringLiteral("included_hours"), QStringLiteral("lots"), QStringLiteral("included hours is an amount of zero or more"), QStringLiteral("10")},
        };
        for (const Case &c : cases) {
            typeField(c.field, c.bad);
            if (c.bad.isEmpty()) { // an emptied field
                auto *edit = qobject_cast<QLineEdit *>(m_view->terms()->editor(c.field));
                edit->selectAll();
                QTest::keyClick(edit, Qt::Key_Delete);
            }
            QVERIFY2(issue(c.field) == c.message, qPrintable(c.field + QStringLiteral(": ") + issue(c.field)));
            QVERIFY2(!save->isEnabled(), qPrintable(c.field));
            typeField(c.field, c.good);
            QVERIFY2(issue(c.field).isEmpty(), qPrintable(c.field + QStringLiteral(": ") + issue(c.field)));
        }
        QVERIFY(save->isEnabled());

        // Business hours: the days and hours come alive; a closing time before opening is refused.
        auto *coverage = qobject_cast<QComboBox *>(m_view->terms()->editor(QStringLiteral("coverage")));
        coverage->setFocus();
        QTest::keyClick(coverage, Qt::Key_Down); // 24x7 → business hours
        QCOMPARE(m_view->contractForm()->value(QStringLiteral("coverage")).toString(), QStringLiteral("business_hours"));
        QVERIFY(m_view->terms()->editor(QStringLiteral("coverage_open"))->isEnabled());
        typeField(QStringLiteral("coverage_open"), QStringLiteral("09:00"));
        typeField(QStringLiteral("coverage_close"), QStringLiteral("07:30"));
        QCOMPARE(issue(QStringLiteral("coverage_close")), QStringLiteral("closing time must be after the opening time 09:00"));
        QVERIFY(!save->isEnabled());
        typeField(QStringLiteral("coverage_close"), QStringLiteral("17:00"));
        QVERIFY(save->isEnabled());
        // Saturday too, and the São Paulo holiday calendar.
        QWidget *days = m_view->terms()->editor(QStringLiteral("coverage_days"));
        auto *saturday = days->findChild<QCheckBox *>(QStringLiteral("coverage_daysSat"));
        QVERIFY(saturday);
        QTest::mouseClick(saturday, Qt::LeftButton, {}, QPoint(5, saturday->height() / 2));
        QCOMPARE(m_view->contractForm()->value(QStringLiteral("coverage_days")).toString(), QStringLiteral("Mon;Tue;Wed;Thu;Fri;Sat"));
        auto *calendar = qobject_cast<QComboBox *>(m_view->terms()->editor(QStringLiteral("holiday_territory_id")));
        calendar->setCurrentIndex(calendar->findData(QStringLiteral("sp")));
        emit calendar->activated(calendar->currentIndex());
        // Cover site s1 only; the asset list marks a1 under warranty (until 2027-01-10).
        QListWidget *sites = m_view->terms()->sites()->list();
        QCOMPARE(sites->count(), 1);
        QListWidget *assets = m_view->terms()->assets()->list();
        QCOMPARE(assets->count(), 1);
        QVERIFY2(assets->item(0)->text().contains(QStringLiteral("under warranty until")), qPrintable(assets->item(0)->text()));
        sites->item(0)->setCheckState(Qt::Checked);
        QCOMPARE(m_view->contractForm()->value(QStringLiteral("covered_sites")).toStringList(), QStringList{QStringLiteral("s1")});
        m_view->grab().save(fieldops::test::screenshotPath(QStringLiteral("contracts-terms.png")));

        QTest::keySequence(m_view->saveButton(), QKeySequence::Save);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT name FROM contracts WHERE id = 'k1'")), QStringLiteral("Acme Gold Plus"), 10000);
        QCOMPARE(text(QStringLiteral("SELECT coverage || ' ' || coverage_days || ' ' || coverage_open || '-' || coverage_close || ' ' || holiday_territory_id "
                                     "FROM contracts WHERE id = 'k1'")),
                 QStringLiteral("business_hours Mon;Tue;Wed;Thu;Fri;Sat 09:00-17:00 sp"));
        QCOMPARE(count(QStringLiteral("SELECT response_hours_p1 * 1000 + resolution_hours_p1 FROM contracts WHERE id = 'k1'")), 8024);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT fixed_fee FROM contracts WHERE id = 'k1'"))->toDouble(), 1500.0);
        QCOMPARE(text(QStringLiteral("SELECT group_concat(site_id) FROM contract_sites WHERE contract_id = 'k1'")), QStringLiteral("s1"));
        QTRY_COMPARE_WITH_TIMEOUT(stack()->undoText(), QStringLiteral("Edit contract k1"), 10000);
        // One step back restores every field and the covered sites.
        stack()->undo();
        QCOMPARE(text(QStringLiteral("SELECT name || ' ' || coverage FROM contracts WHERE id = 'k1'")), QStringLiteral("Acme Gold 24x7"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contract_sites WHERE contract_id = 'k1'")), 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->contractForm()->value(QStringLiteral("name")).toString(), QStringLiteral("Acme Gold"), 10000);
        stack()->redo();
        QCOMPARE(text(QStringLiteral("SELECT name FROM contracts WHERE id = 'k1'")), QStringLiteral("Acme Gold Plus"));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->contractForm()->value(QStringLiteral("name")).toString(), QStringLiteral("Acme Gold Plus"), 10000);
    }

    void planCalendarPreviewsOccurrences()
    {
        showPage(m_view->plans());
        widgets::PlanEditor *plans = m_view->plans();
        QTRY_COMPARE_WITH_TIMEOUT(plans->plansTable()->rowCount(), 1, 10000);
        QCOMPARE(plans->form()->id(), QStringLiteral("pm1"));
        // pm1 recurs every 30 days from 2026-03-10.
        QVERIFY(plans->occurrences()->count() >= 3);
        QCOMPARE(plans->calendar()->dateTextFormat(QDate(2026, 3, 10)).fontWeight(), int(QFont::Bold));
        QCOMPARE(plans->calendar()->dateTextFormat(QDate(2026, 4, 9)).fontWeight(), int(QFont::Bold));

        QTest::mouseClick(plans->findChild<QPushButton *>(QStringLiteral("newPlanButton")), Qt::LeftButton);
        widgets::RecordFormWidget *form = plans->formWidget();
        typeInto(form->editor(QStringLiteral("id")), QStringLiteral("pm2"));
        typeInto(form->editor(QStringLiteral("task")), QStringLiteral("Monthly coil cleaning"));
        auto *asset = qobject_cast<QComboBox *>(form->editor(QStringLiteral("asset_id")));
        asset->setFocus();
        QTest::keyClick(asset, Qt::Key_Down); // (no asset) → a1
        QCOMPARE(plans->form()->value(QStringLiteral("asset_id")).toString(), QStringLiteral("a1"));
        typeInto(form->editor(QStringLiteral("recurrence")), QStringLiteral("every month on Friday"));
        QVERIFY(form->issueLabel(QStringLiteral("recurrence"))->isVisible());
        QVERIFY(!plans->saveButton()->isEnabled());
        typeInto(form->editor(QStringLiteral("recurrence")), QStringLiteral("every 1 months on last Fri"));
        typeInto(form->editor(QStringLiteral("next_due")), QStringLiteral("2026-03-01"));
        typeInto(form->editor(QStringLiteral("seasonal_months")), QStringLiteral("13"));
        QVERIFY(form->issueLabel(QStringLiteral("seasonal_months"))->isVisible());
        QVERIFY(!plans->saveButton()->isEnabled());
        typeInto(form->editor(QStringLiteral("seasonal_months")), QStringLiteral("3;4;5"));
        typeInto(form->editor(QStringLiteral("preferred_start")), QStringLiteral("09:30"));
        // The last Fridays of March, April and May 2026, and nothing in June (out of season).
        QCOMPARE(plans->calendar()->dateTextFormat(QDate(2026, 3, 27)).fontWeight(), int(QFont::Bold));
        QCOMPARE(plans->calendar()->dateTextFormat(QDate(2026, 4, 24)).fontWeight(), int(QFont::Bold));
        QCOMPARE(plans->calendar()->dateTextFormat(QDate(2026, 5, 29)).fontWeight(), int(QFont::Bold));
        QCOMPARE(plans->calendar()->dateTextFormat(QDate(2026, 6, 26)).fontWeight(), QTextCharFormat().fontWeight());
        QCOMPARE(plans->occurrences()->count(), 3); // the next season starts after the contract ends
        plans->findChild<QListWidget *>(QStringLiteral("skillsList"))->item(0)->setCheckState(Qt::Checked); // elec
        QVERIFY(plans->saveButton()->isEnabled());
        // A short skills list is only a few rows tall: the form does not stretch it.
        auto *skillsList = plans->findChild<QListWidget *>(QStringLiteral("skillsList"));
        QVERIFY2(skillsList->height() <= 12 * skillsList->fontMetrics().lineSpacing(),
                 qPrintable(QStringLiteral("skills list %1 px tall").arg(skillsList->height())));
        plans->grab().save(fieldops::test::screenshotPath(QStringLiteral("contracts-plan-editor.png")));
        QTest::mouseClick(plans->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT recurrence FROM maintenance_plans WHERE id = 'pm2'")),
                                  QStringLiteral("every 1 months on last Fri"), 10000);
        QCOMPARE(text(QStringLiteral("SELECT contract_id || ' ' || asset_id || ' ' || seasonal_months || ' ' || preferred_start FROM maintenance_plans WHERE id = 'pm2'")),
                 QStringLiteral("k1 a1 3;4;5 09:30"));
        QCOMPARE(text(QStringLiteral("SELECT skill_code FROM maintenance_plan_skills WHERE plan_id = 'pm2'")), QStringLiteral("elec"));
        QTRY_COMPARE_WITH_TIMEOUT(stack()->undoText(), QStringLiteral("New maintenance plan pm2"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(plans->plansTable()->rowCount(), 2, 10000);
    }

    void renewalCopiesTheContractAndItsPlans()
    {
        m_view->pageTabs()->setCurrentIndex(0);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->renewButton()->isEnabled(), 10000);
        bool answered = false;
        QTimer::singleShot(0, this, [&answered] {
            auto *dialog = qobject_cast<widgets::RenewContractDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            QCOMPARE(dialog->idField()->text(), QStringLiteral("k1-2027"));
            QCOMPARE(dialog->startField()->date(), QDate(2027, 1, 1));
            QCOMPARE(dialog->endField()->date(), QDate(2027, 12, 31));
            // An end before the start blocks the renewal with its message.
            dialog->endField()->setDate(QDate(2026, 6, 1));
            QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
            QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("renewalProblem"))->text(), QStringLiteral("The renewal cannot end before it starts."));
            dialog->endField()->setDate(QDate(2027, 12, 31));
            answered = true;
            QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        });
        QTest::mouseClick(m_view->renewButton(), Qt::LeftButton);
        QVERIFY(answered);
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM contracts WHERE id = 'k1-2027'")), 1, 10000);
        QCOMPARE(text(QStringLiteral("SELECT name || ' ' || starts_on || ' ' || ends_on || ' ' || renewed_from || ' ' || coverage_days FROM contracts WHERE id = 'k1-2027'")),
                 QStringLiteral("Acme Gold Plus 2027-01-01 2027-12-31 k1 Mon;Tue;Wed;Thu;Fri;Sat"));
        QCOMPARE(text(QStringLiteral("SELECT group_concat(site_id) FROM contract_sites WHERE contract_id = 'k1-2027'")), QStringLiteral("s1"));
        // Plans moved a year on, the day of the month kept.
        QCOMPARE(text(QStringLiteral("SELECT group_concat(next_due || ' ' || task, ', ') FROM (SELECT * FROM maintenance_plans WHERE contract_id = 'k1-2027' ORDER BY id)")),
                 QStringLiteral("2027-03-01 Monthly coil cleaning, 2027-03-10 Chiller inspection"));
        QTRY_COMPARE_WITH_TIMEOUT(stack()->undoText(), QStringLiteral("Renew contract k1 as k1-2027"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->currentContractId(), QStringLiteral("k1-2027"), 10000);
        stack()->undo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM contracts WHERE id = 'k1-2027'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM maintenance_plans WHERE contract_id = 'k1-2027'")), 0);
        stack()->redo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM maintenance_plans WHERE contract_id = 'k1-2027'")), 2);
    }

    void holidayCalendarEditedAndImported()
    {
        QTest::mouseClick(m_view->holidaysButton(), Qt::LeftButton);
        widgets::HolidayCalendarDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<widgets::HolidayCalendarDialog *>()) != nullptr, 10000);
        QCOMPARE(dialog->territoryId(), QStringLiteral("sp"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->rowCount(), 1, 10000);
        QCOMPARE(dialog->table()->item(0, 1)->text(), QStringLiteral("Tiradentes"));
        QVERIFY(!dialog->saveButton()->isEnabled());
        dialog->dayField()->setDate(QDate(2026, 11, 20));
        typeInto(dialog->nameField(), QStringLiteral("Consciencia Negra"));
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QCOMPARE(dialog->table()->rowCount(), 2);
        // The same day again is refused in words.
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("holidayProblem"))->text(), QStringLiteral("2026-11-20 is already a holiday."));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM holidays WHERE territory_id = 'sp'")), 2, 10000);
        QCOMPARE(stack()->undoText(), QStringLiteral("Holidays of sp"));

        // A CSV list: a bad date names its line and column, and changes nothing.
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QByteArray &content) {
            QFile f(dir.filePath(name));
            f.open(QIODevice::WriteOnly);
            f.write(content);
            return f.fileName();
        };
        QVERIFY(!dialog->importFile(write(QStringLiteral("bad.csv"), "territory_id,day,name\nsp,2026-01-01,New Year\nsp,2026-02-30,Carnival\n")));
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("holidayProblem"))->text(),
                 QStringLiteral("bad.csv:3: day: 2026-02-30 is not a date YYYY-MM-DD"));
        QCOMPARE(dialog->table()->rowCount(), 2);
        QVERIFY(dialog->importFile(write(QStringLiteral("holidays.csv"),
                                         "territory_id,day,name\nsp,2026-01-01,New Year\nrj,2026-04-23,S\xc3\xa3o Jorge\nsp,2026-02-17,Carnival\n")));
        QCOMPARE(dialog->table()->rowCount(), 2); // rj's day is another territory's
        QCOMPARE(dialog->table()->item(0, 0)->text(), QStringLiteral("2026-01-01"));
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT group_concat(day, ' ') FROM (SELECT day FROM holidays WHERE territory_id = 'sp' ORDER BY day)")),
                                  QStringLiteral("2026-01-01 2026-02-17"), 10000);
        stack()->undo();
        QCOMPARE(text(QStringLiteral("SELECT group_concat(day, ' ') FROM (SELECT day FROM holidays WHERE territory_id = 'sp' ORDER BY day)")),
                 QStringLiteral("2026-04-21 2026-11-20"));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->rowCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(dialog->table()->item(0, 0)->text(), QStringLiteral("2026-04-21"), 10000);
        dialog->grab().save(fieldops::test::screenshotPath(QStringLiteral("contracts-holidays.png")));
        dialog->close();
    }

    // Another planner's change re-reads the list and the page shown, but what this planner
    // has typed and not saved stays: in a contract's terms and in a new contract alike.
    void anotherPlannersChangeKeepsUnsavedEdits()
    {
        chooseContract(QStringLiteral("k2"));
        typeField(QStringLiteral("name"), QStringLiteral("Beta Basic Extended"));
        QVERIFY(m_view->contractForm()->isDirty());
        const auto listedName = [this](const QString &id) {
            const int row = m_view->listModel()->rowOf(id);
            return row < 0 ? QString() : m_view->listModel()->index(row, contracts::ContractListModel::NameColumn).data().toString();
        };
        const auto elsewhere = [this](const QString &name) {
            auto maria = Database::open(*DatabaseUrl::parse(m_url), QStringLiteral("maria"));
            QVERIFY(maria.ok());
            Transaction tx(**maria);
            QVERIFY((*maria)->run(QStringLiteral("UPDATE contracts SET name = '%1', version = version + 1 WHERE id = 'k0'").arg(name)).ok());
            QVERIFY(tx.commit().ok());
        };
        elsewhere(QStringLiteral("Acme Silver Old"));
        QTRY_COMPARE_WITH_TIMEOUT(listedName(QStringLiteral("k0")), QStringLiteral("Acme Silver Old"), 10000);
        QCOMPARE(m_view->currentContractId(), QStringLiteral("k2"));
        QCOMPARE(m_view->contractForm()->value(QStringLiteral("name")).toString(), QStringLiteral("Beta Basic Extended"));
        QVERIFY(m_view->contractForm()->isDirty());
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("revertContractButton")), Qt::LeftButton);
        QCOMPARE(m_view->contractForm()->value(QStringLiteral("name")).toString(), QStringLiteral("Beta Basic"));

        // A new contract begun while k2's page was shown is not replaced by k2's re-read.
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newContractButton")), Qt::LeftButton);
        QVERIFY(m_view->contractForm()->isNew());
        elsewhere(QStringLiteral("Acme Silver"));
        QTRY_COMPARE_WITH_TIMEOUT(listedName(QStringLiteral("k0")), QStringLiteral("Acme Silver"), 10000);
        QTest::qWait(200); // a page read started by the change would land now
        QVERIFY(m_view->contractForm()->isNew());
        QCOMPARE(m_view->contractForm()->value(QStringLiteral("name")).toString(), QString());
    }

    void newContractFindsItsCustomer()
    {
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newContractButton")), Qt::LeftButton);
        QVERIFY(m_view->contractForm()->isNew());
        widgets::TypeAheadField *picker = m_view->terms()->customerPicker();
        QVERIFY(picker->isVisible());
        typeInto(picker, QStringLiteral("beta"));
        QTRY_COMPARE_WITH_TIMEOUT(picker->suggestionCount(), 1, 10000);
        QAbstractItemView *popup = picker->findChild<QCompleter *>()->popup();
        QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), 10000);
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(m_view->contractForm()->value(QStringLiteral("customer_id")).toString(), QStringLiteral("c2"));
        // Its sites come to be picked.
        QTRY_COMPARE_WITH_TIMEOUT(m_view->terms()->sites()->list()->count(), 1, 10000);
        typeField(QStringLiteral("id"), QStringLiteral("k9"));
        typeField(QStringLiteral("name"), QStringLiteral("Beta Care"));
        QVERIFY(m_view->saveButton()->isEnabled());
        // A popup still open would take the click that should press Save.
        QTRY_VERIFY_WITH_TIMEOUT(!popup->isVisible(), 10000);
        QTest::mouseClick(m_view->saveButton(), Qt::LeftButton);
        // On failure, say what the view said (a refusal) or that nothing was sent.
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("SELECT customer_id || ' ' || name || ' ' || starts_on FROM contracts WHERE id = 'k9'"))
                                      == QStringLiteral("c2 Beta Care 2026-03-03"),
                                  qPrintable(QStringLiteral("problem shown: \"%1\"; save enabled: %2; form: %3")
                                                 .arg(m_view->findChild<QLabel *>(QStringLiteral("contractProblem"))->text())
                                                 .arg(m_view->saveButton()->isEnabled())
                                                 .arg(QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(m_view->contractForm()->values())).toJson(QJsonDocument::Compact)))),
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->currentContractId(), QStringLiteral("k9"), 10000);
        QVERIFY(!picker->isVisible()); // an existing contract keeps its customer
    }

    void generatesAfterAPreview()
    {
        chooseContract(QStringLiteral("k1"));
        const int before = count(QStringLiteral("SELECT count(*) FROM work_orders"));
        QTest::mouseClick(m_view->generateButton(), Qt::LeftButton);
        widgets::GeneratePmDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<widgets::GeneratePmDialog *>()) != nullptr, 10000);
        // The dialog opens with a first preview of the remembered horizon (30 days).
        auto *preview = dialog->findChild<QPushButton *>(QStringLiteral("pmPreviewButton"));
        QTRY_VERIFY_WITH_TIMEOUT(preview->isEnabled() && dialog->createdTable()->rowCount() == 2, 10000);
        dialog->horizonField()->setValue(40);
        QVERIFY(!dialog->generateButton()->isEnabled()); // a new horizon needs a new preview
        QTest::mouseClick(preview, Qt::LeftButton);
        // Within 40 days of 2026-03-02: pm1 on 03-10 and 04-09; pm2 on the last Friday of March.
        QTRY_COMPARE_WITH_TIMEOUT(dialog->createdTable()->rowCount(), 3, 10000);
        QVERIFY(dialog->generateButton()->isEnabled());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_orders")), before); // a preview writes nothing
        // The load, per week: pm1's 90 minutes in the week of 9 March against Ana's and
        // Bruno's free week (both hold hvac; 5 shifts of 9 hours each).
        QTableView *load = dialog->capacity()->beforeTable();
        QTRY_VERIFY_WITH_TIMEOUT(load->model()->columnCount() > 0, 10000);
        int week11 = -1;
        for (int c = 0; c < load->model()->columnCount(); ++c)
            if (load->model()->headerData(c, Qt::Horizontal).toString().contains(QStringLiteral("W11")))
                week11 = c;
        QVERIFY(week11 >= 0);
        QCOMPARE(load->model()->index(0, week11).data().toString(), QStringLiteral("1.5 / 90.0 h"));
        QCOMPARE(dialog->capacity()->summary()->text(),
                 QStringLiteral("No week is overloaded: the technicians able to do the work have the hours for it."));
        dialog->grab().save(fieldops::test::screenshotPath(QStringLiteral("contracts-generate.png")));
        const int generateTab = dialog->findChild<QTabWidget *>()->indexOf(dialog->capacity());
        dialog->findChild<QTabWidget *>()->setCurrentIndex(generateTab);
        // Every week of the horizon in view at the dialog's size, none cut at the right edge,
        // and no blank table under the territories' rows.
        QTRY_VERIFY_WITH_TIMEOUT(load->isVisible(), 10000);
        QVERIFY2(load->horizontalHeader()->length() <= load->viewport()->width(),
                 qPrintable(QStringLiteral("weeks %1 px wide in a %2 px table").arg(load->horizontalHeader()->length()).arg(load->viewport()->width())));
        int rowsHeight = 0;
        for (int r = 0; r < load->model()->rowCount(); ++r)
            rowsHeight += load->rowHeight(r);
        QVERIFY2(load->viewport()->height() <= rowsHeight + load->horizontalScrollBar()->sizeHint().height(),
                 qPrintable(QStringLiteral("%1 px of table for %2 px of rows").arg(load->viewport()->height()).arg(rowsHeight)));
        dialog->grab().save(fieldops::test::screenshotPath(QStringLiteral("contracts-capacity.png")));
        QTest::mouseClick(dialog->generateButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("SELECT count(*) FROM work_orders WHERE pm_plan_id IS NOT NULL")), 3, 10000);
        QCOMPARE(text(QStringLiteral("SELECT group_concat(pm_due, ' ') FROM (SELECT pm_due FROM work_orders WHERE pm_plan_id IS NOT NULL ORDER BY pm_due)")),
                 QStringLiteral("2026-03-10 2026-03-27 2026-04-09"));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->summary()->text().startsWith(QStringLiteral("Created 3 preventive work order(s)")), 10000);
        dialog->close();
        // The contract's page counts them as due.
        showPage(m_view->consumption());
        QTRY_COMPARE_WITH_TIMEOUT(m_view->consumption()->figure(QStringLiteral("pm")), QStringLiteral("0 done, 3 due, 0 missed"), 10000);
        // w5 closed before its SLA, w1 still open past it.
        QCOMPARE(m_view->consumption()->figure(QStringLiteral("sla")), QStringLiteral("50.0 % (1 of 2 work orders met their SLA)"));
        QCOMPARE(m_view->consumption()->figure(QStringLiteral("visits")), QStringLiteral("1"));
        m_view->grab().save(fieldops::test::screenshotPath(QStringLiteral("contracts-consumption.png")));
    }

    // The run of generatesAfterAPreview is one step of Edit → Undo: undo takes exactly its
    // three work orders back (the page counts none due), redo writes them again, and once
    // one of them is scheduled the undo is refused in the status bar with nothing removed.
    void generationIsUndoable()
    {
        QVERIFY(stack()->undoText().startsWith(QStringLiteral("Generate 3 preventive work order")));
        const QString pm = QStringLiteral("SELECT count(*) FROM work_orders WHERE pm_plan_id IS NOT NULL");
        const int all = count(QStringLiteral("SELECT count(*) FROM work_orders"));
        QAction *undo = nullptr;
        for (QAction *a : m_window->findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(QKeySequence::Undo))
                undo = a;
        QVERIFY(undo && undo->isEnabled());
        undo->trigger();
        QCOMPARE(count(pm), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_orders")), all - 3);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->consumption()->figure(QStringLiteral("pm")), QStringLiteral("0 done, 0 due, 0 missed"), 10000);
        stack()->redo();
        QCOMPARE(count(pm), 3);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->consumption()->figure(QStringLiteral("pm")), QStringLiteral("0 done, 3 due, 0 missed"), 10000);

        const QString first = text(QStringLiteral("SELECT min(id) FROM work_orders WHERE pm_plan_id IS NOT NULL"));
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE work_orders SET status = 'scheduled', version = version + 1 WHERE id = '%1'").arg(first)));
        undo->trigger();
        QCOMPARE(count(pm), 3);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().startsWith(
                                     QStringLiteral("Cannot undo the preventive generation: work order %1 is scheduled now").arg(first)),
                                 10000);
        QVERIFY(!stack()->undoText().startsWith(QStringLiteral("Generate"))); // the step is gone
    }
};

QTEST_MAIN(TestContractsView)
#include "tst_contracts_view.moc"
