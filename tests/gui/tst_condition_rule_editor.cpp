// A planner's condition rule from the asset health tab, on a real SQLite file, by mouse and
// keys: New rule… opens the editor with the chosen asset; a bad field (an unknown asset, an
// unknown skill) is named, marked and focused, and nothing is written; a good rule is
// created as one undo step (undo deletes it, redo brings it back); once it has opened an
// episode its creation can no longer be undone, and the editor's refusal says why.
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
};

QTEST_MAIN(TestConditionRuleEditor)
#include "tst_condition_rule_editor.moc"
