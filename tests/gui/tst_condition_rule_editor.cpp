// A planner's condition rule from the asset health tab, on a real SQLite file, by mouse and
// keys: New rule… opens the editor with the chosen asset; a bad field (an unknown asset, an
// unknown skill) is named, marked and focused, and nothing is written; a good rule is
// created as one undo step (undo deletes it, redo brings it back); once it has opened an
// episode its creation can no longer be undone, and the editor's refusal says why.
// An existing rule is edited from the tab's Rules section (Edit rule…: fields filled, Save
// enabled only once changed), deactivated and activated again, each one undo step that
// undo and redo replay at the right version; a rule changed by someone else meanwhile is
// refused in words and stays as they left it.
#include "Screenshots.h"
#include "TestDatabases.h"
#include "conditions/AssetHealthView.h"
#include "conditions/ConditionEvaluation.h"
#include "conditions/ConditionRuleDialog.h"
#include "controllers/AssetHealthTabController.h"
#include "document/ScheduleDocument.h"
#include "session/ConsoleSession.h"
#include "storage/Database.h"
#include "util/Translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QDoubleSpinBox>
#include <QUndoStack>
#include <QtTest>

using namespace fieldops;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 2), QTime(13, 0), QTimeZone::utc());

QStringList fixture()
{
    QStringList sql{
        QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),
        QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
        QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo')"),
        QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200')"),
        QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                       "('k1', 'c1', 'Acme 24x7', '2026-01-01', '2026-12-31', 6, '24x7')"),
    };
    QStringList rows;
    for (int i = 0; i <= 60; ++i)
        rows << QStringLiteral("('a1', '%1', 'temperature', 9, '°C')").arg(kNow.addSecs(-60LL * i).toUTC().toString(Qt::ISODate));
    sql << QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) VALUES ") + rows.join(QStringLiteral(", "));
    return sql;
}

QVariant value(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

// The rule's threshold, active flag and version: "8|1|v1".
QString ruleState(Database &db, const QString &id)
{
    return QStringLiteral("%1|%2|v%3")
        .arg(value(db, QStringLiteral("SELECT threshold FROM condition_rules WHERE id = '%1'").arg(id)).toDouble())
        .arg(value(db, QStringLiteral("SELECT active FROM condition_rules WHERE id = '%1'").arg(id)).toBool() ? 1 : 0)
        .arg(value(db, QStringLiteral("SELECT version FROM condition_rules WHERE id = '%1'").arg(id)).toInt());
}

void clickRow(QTableView *table, int row)
{
    const QRect r = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, r.center());
}

// The version of the rule the Rules section shows first (chosen by a click), or 0.
int ruleVersionShown(widgets::AssetHealthView *view)
{
    if (view->rulesTable()->model()->rowCount() == 0)
        return 0;
    clickRow(view->rulesTable(), 0);
    return view->currentRule() ? view->currentRule()->version : 0;
}

int count(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? v->toInt() : -1;
}

void retype(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

} // namespace

class TestConditionRuleEditor : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { installTranslations(*QCoreApplication::instance()); }

    void createCheckUndoRedo()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        for (const QString &sql : fixture())
            QVERIFY2(db->execDirect(sql).ok(), qPrintable(sql.left(100)));

        ConsoleSession session;
        session.setClockOverride(kNow);
        gui::AssetHealthTabController tab(&session);
        QSignalSpy listed(&tab, &gui::AssetHealthTabController::listLoaded);
        session.connectTo(*DatabaseUrl::parse(url));
        QVERIFY(listed.wait(10000));
        widgets::AssetHealthView *view = tab.view();
        view->resize(1000, 500);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QVERIFY(view->newRuleButton()->isVisible()); // SQLite: every grant

        QTest::mouseClick(view->newRuleButton(), Qt::LeftButton);
        widgets::ConditionRuleDialog *dialog = tab.ruleDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // Threshold is the first kind: its parameters show, the others do not.
        QVERIFY(dialog->findChild<QDoubleSpinBox *>(QStringLiteral("threshold"))->isVisible());
        QVERIFY(!dialog->findChild<QDoubleSpinBox *>(QStringLiteral("band_sd"))->isVisible());

        retype(dialog->findChild<QLineEdit *>(QStringLiteral("id")), QStringLiteral("r-warm"));
        retype(dialog->scopeEdit(), QStringLiteral("nope"));
        auto *threshold = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("threshold"));
        threshold->setFocus();
        threshold->selectAll();
        QTest::keyClicks(threshold, QStringLiteral("8"));
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("task")), QStringLiteral("Check the chiller"));
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("required_skills")), QStringLiteral("hvac"));

        QSignalSpy refused(&tab, &gui::AssetHealthTabController::ruleRefused);
        QSignalSpy saved(&tab, &gui::AssetHealthTabController::ruleSaved);
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveRuleButton"));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        QCOMPARE(dialog->message(), QStringLiteral("asset_id: no asset nope"));
        QVERIFY(dialog->scopeEdit()->property("error").toBool());
        QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(dialog->scopeEdit()));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules")), 0);
        dialog->grab().save(test::screenshotPath(QStringLiteral("rule-editor-refused.png")));

        // The asset fixed, a skill nobody has: named in turn.
        retype(dialog->scopeEdit(), QStringLiteral("a1"));
        retype(dialog->findChild<QLineEdit *>(QStringLiteral("required_skills")), QStringLiteral("hvac;plumbing"));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        QCOMPARE(dialog->message(), QStringLiteral("required_skills: unknown skill plumbing"));
        QVERIFY(!dialog->scopeEdit()->property("error").toBool());
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules")), 0);

        retype(dialog->findChild<QLineEdit *>(QStringLiteral("required_skills")), QStringLiteral("hvac"));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.front().front().toString(), QStringLiteral("r-warm"));
        QTRY_VERIFY(!tab.ruleDialog() || !tab.ruleDialog()->isVisible());
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules WHERE id = 'r-warm' AND asset_id = 'a1' AND kind = 'threshold' "
                                           "AND comparison = 'above' AND threshold = 8 AND sustain_minutes = 30 AND task = 'Check the chiller'")),
                 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rule_skills WHERE rule_id = 'r-warm' AND skill_code = 'hvac'")), 1);

        QUndoStack *stack = session.document()->undoStack();
        QCOMPARE(stack->undoText(), QStringLiteral("New condition rule r-warm"));
        stack->undo();
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules")), 0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rule_skills")), 0);
        stack->redo();
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules WHERE id = 'r-warm'")), 1);
        // The rule shows in the list (a1 at 9 °C over 8: breached).
        QTRY_VERIFY_WITH_TIMEOUT(view->table()->model()->rowCount() == 1, 10000);

        // It fires; from then on its work order cites it and undo is refused in words.
        auto report = conditions::ConditionEvaluation(*db).run(kNow, false);
        QVERIFY(report);
        QCOMPARE(report->opened.size(), 1);
        QStringList refusals;
        connect(session.document(), &ScheduleDocument::editRefused, this, [&refusals](const Error &e) { refusals << e.message; });
        stack->undo();
        QCOMPARE(refusals, QStringList{QStringLiteral("rule r-warm has already opened work (1 episode); make it inactive instead")});
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rules WHERE id = 'r-warm'")), 1);
    }

    void editDeactivateUndoRedo()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QStringList sql = fixture();
        sql << QStringLiteral("INSERT INTO condition_rules(id, name, asset_id, kind, reading_kind, comparison, threshold, sustain_minutes, task, "
                              "work_order_type, duration_min, priority, active, version) VALUES ('r-warm', 'Warm', 'a1', 'threshold', 'temperature', "
                              "'above', 8, 30, 'Check the chiller', 'inspection', 60, 3, 1, 1)")
            << QStringLiteral("INSERT INTO condition_rule_skills(rule_id, skill_code) VALUES ('r-warm', 'hvac')");
        for (const QString &q : sql)
            QVERIFY2(db->execDirect(q).ok(), qPrintable(q.left(100)));

        ConsoleSession session;
        session.setClockOverride(kNow);
        gui::AssetHealthTabController tab(&session);
        QSignalSpy rulesLoaded(&tab, &gui::AssetHealthTabController::rulesLoaded);
        session.connectTo(*DatabaseUrl::parse(url));
        QVERIFY(rulesLoaded.wait(10000));
        widgets::AssetHealthView *view = tab.view();
        view->resize(1100, 600);
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->model()->rowCount(), 1, 10000);

        // a1 chosen: its rule in the section.
        clickRow(view->table(), 0);
        QCOMPARE(view->currentAssetId(), QStringLiteral("a1"));
        QCOMPARE(view->rulesTable()->model()->rowCount(), 1);
        clickRow(view->rulesTable(), 0);
        QVERIFY(view->editRuleButton()->isEnabled());
        QCOMPARE(view->activeRuleButton()->text(), QStringLiteral("Deac&tivate"));

        QTest::mouseClick(view->editRuleButton(), Qt::LeftButton);
        widgets::ConditionRuleDialog *dialog = tab.ruleDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->isEditing());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Edit condition rule r-warm"));
        auto *id = dialog->findChild<QLineEdit *>(QStringLiteral("id"));
        QCOMPARE(id->text(), QStringLiteral("r-warm"));
        QVERIFY(id->isReadOnly());
        QCOMPARE(dialog->scopeEdit()->text(), QStringLiteral("a1"));
        QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("required_skills"))->text(), QStringLiteral("hvac"));
        auto *threshold = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("threshold"));
        QCOMPARE(threshold->value(), 8.0);
        auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveRuleButton"));
        QVERIFY(!save->isEnabled()); // nothing changed yet

        threshold->setFocus();
        threshold->selectAll();
        QTest::keyClicks(threshold, QStringLiteral("10"));
        QVERIFY(save->isEnabled());
        threshold->selectAll();
        QTest::keyClicks(threshold, QStringLiteral("8"));
        QVERIFY(!save->isEnabled()); // back as read
        auto *task = dialog->findChild<QLineEdit *>(QStringLiteral("task"));
        retype(task, QString());
        threshold->selectAll();
        QTest::keyClicks(threshold, QStringLiteral("10"));
        QVERIFY(!save->isEnabled()); // changed, but no task
        retype(task, QStringLiteral("Check the chiller now"));
        QVERIFY(save->isEnabled());

        QSignalSpy saved(&tab, &gui::AssetHealthTabController::ruleSaved);
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(saved.front().front().toString(), QStringLiteral("r-warm"));
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("10|1|v2"));
        QCOMPARE(value(*db, QStringLiteral("SELECT task FROM condition_rules WHERE id = 'r-warm'")).toString(), QStringLiteral("Check the chiller now"));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM condition_rule_skills WHERE rule_id = 'r-warm' AND skill_code = 'hvac'")), 1);

        QUndoStack *stack = session.document()->undoStack();
        QCOMPARE(stack->undoText(), QStringLiteral("Edit condition rule r-warm"));
        stack->undo();
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("8|1|v3"));
        QCOMPARE(value(*db, QStringLiteral("SELECT task FROM condition_rules WHERE id = 'r-warm'")).toString(), QStringLiteral("Check the chiller"));
        stack->redo();
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("10|1|v4"));

        // Someone else changes it: undo is refused in words and their change stays.
        QVERIFY(db->execDirect(QStringLiteral("UPDATE condition_rules SET priority = 1, version = version + 1 WHERE id = 'r-warm'")).ok());
        QStringList refusals;
        connect(session.document(), &ScheduleDocument::editRefused, this, [&refusals](const Error &e) { refusals << e.message; });
        stack->undo();
        QCOMPARE(refusals.size(), 1);
        QVERIFY2(refusals.front().contains(QStringLiteral("changed by someone else meanwhile")), qPrintable(refusals.front()));
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("10|1|v5"));
        QCOMPARE(stack->count(), 0); // the refused edit was dropped

        // An editor opened on version 5, the rule moving on before Save: refused in the editor.
        tab.reload();
        QTRY_VERIFY_WITH_TIMEOUT(ruleVersionShown(view) == 5, 10000);
        QTest::mouseClick(view->editRuleButton(), Qt::LeftButton);
        dialog = tab.ruleDialog();
        QVERIFY(dialog && dialog->isEditing());
        QCOMPARE(dialog->original().version, 5);
        auto *priority = dialog->findChild<QSpinBox *>(QStringLiteral("priority"));
        QCOMPARE(priority->value(), 1);
        priority->setFocus();
        priority->selectAll();
        QTest::keyClicks(priority, QStringLiteral("2"));
        QVERIFY(db->execDirect(QStringLiteral("UPDATE condition_rules SET version = version + 1 WHERE id = 'r-warm'")).ok());
        QSignalSpy refused(&tab, &gui::AssetHealthTabController::ruleRefused);
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveRuleButton")), Qt::LeftButton);
        QVERIFY(refused.wait(10000));
        QVERIFY2(dialog->message().contains(QStringLiteral("changed by someone else meanwhile")), qPrintable(dialog->message()));
        QCOMPARE(value(*db, QStringLiteral("SELECT priority FROM condition_rules WHERE id = 'r-warm'")).toInt(), 1);
        dialog->reject();

        // Deactivate from the section: one undo step; the asset leaves the at-risk list, and
        // "All rules" finds the rule again to activate it.
        tab.reload();
        QTRY_VERIFY_WITH_TIMEOUT(ruleVersionShown(view) == 6, 10000);
        QTest::mouseClick(view->activeRuleButton(), Qt::LeftButton);
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("10|0|v7"));
        QCOMPARE(stack->undoText(), QStringLiteral("Deactivate condition rule r-warm"));
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->model()->rowCount(), 0, 10000);
        QCOMPARE(view->rulesTable()->model()->rowCount(), 0);
        // An inactive rule is not evaluated at all.
        auto report = conditions::ConditionEvaluation(*db).run(kNow, true);
        QVERIFY(report);
        QCOMPARE(report->evaluatedRules, 0);
        QCOMPARE(report->opened.size() + report->continued.size() + report->cleared.size(), 0);
        stack->undo();
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("10|1|v8"));
        stack->redo();
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("10|0|v9"));
        QTRY_VERIFY_WITH_TIMEOUT(view->rulesTable()->model()->rowCount() == 0 && view->table()->model()->rowCount() == 0, 10000);

        QTest::mouseClick(view->allRulesCheck(), Qt::LeftButton);
        QVERIFY(view->allRulesCheck()->isChecked());
        QTRY_VERIFY_WITH_TIMEOUT(ruleVersionShown(view) == 9, 10000);
        QCOMPARE(view->rulesTable()->model()->index(0, widgets::AssetHealthView::RuleStateColumn).data().toString(), QStringLiteral("inactive"));
        QCOMPARE(view->activeRuleButton()->text(), QStringLiteral("Ac&tivate"));
        QTest::mouseClick(view->activeRuleButton(), Qt::LeftButton);
        QCOMPARE(ruleState(*db, QStringLiteral("r-warm")), QStringLiteral("10|1|v10"));
        QCOMPARE(stack->undoText(), QStringLiteral("Activate condition rule r-warm"));
        QTRY_COMPARE_WITH_TIMEOUT(view->table()->model()->rowCount(), 1, 10000);
        view->grab().save(test::screenshotPath(QStringLiteral("asset-health-rules.png")));
    }
};

QTEST_MAIN(TestConditionRuleEditor)
#include "tst_condition_rule_editor.moc"
