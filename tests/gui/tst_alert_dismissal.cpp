// The alerts dock as a dispatcher uses it, on the real main window: the fixture's alerts
// listed with the new kinds, one dismissed with Delete and a reason (gone from the list,
// one step on the undo stack, back on Ctrl+Z), and the operation's thresholds changed in
// their dialog with the keyboard, after which the late arrival is no longer late.
#include "../itemmodels/WorkOrderFixture.h"
#include "GuiTestSupport.h"
#include "Screenshots.h"
#include "alerts/AlertThresholdsDialog.h"
#include "alerts/AlertsView.h"
#include "controllers/AlertsController.h"
#include "controllers/DockController.h"
#include "document/ScheduleDocument.h"
#include "itemmodels/AlertListModel.h"

#include <QDialogButtonBox>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QUndoStack>

using namespace fieldops;

class TestAlertDismissal : public QObject {
    Q_OBJECT

    static QStringList rows(QListView *list)
    {
        QStringList out;
        for (int r = 0; r < list->model()->rowCount(); ++r)
            out << list->model()->index(r, 0).data().toString();
        return out;
    }
    static int rowContaining(QListView *list, const QString &text)
    {
        const QStringList all = rows(list);
        for (int r = 0; r < all.size(); ++r)
            if (all[r].contains(text))
                return r;
        return -1;
    }

private slots:
    void initTestCase() { test::useScratchSettings(QStringLiteral("tst_alert_dismissal")); }

    void dismissUndoAndThresholds()
    {
        QString url, failure;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QCOMPARE(test::insertWorkOrderFixture(*db), QString());
        auto w = test::openMainWindow(url, &failure, test::fixtureNow());
        QVERIFY2(w, qPrintable(failure));
        QStringList asked;
        w->alertsController()->setAskReason([&asked](const QString &text) {
            asked << text;
            return QStringLiteral("Bruno called: stuck behind an accident");
        });

        widgets::AlertsView *dock = w->docks()->alerts();
        QListView *list = dock->view();
        QTRY_COMPARE_WITH_TIMEOUT(list->model()->rowCount(), 4, 10000);
        QVERIFY2(rowContaining(list, QStringLiteral("w6 left unresolved by Ana Souza")) >= 0, qPrintable(rows(list).join(QLatin1Char('\n'))));
        const int late = rowContaining(list, QStringLiteral("w4 late"));
        QVERIFY(late >= 0);

        // The late arrival, clicked and dismissed with Delete.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        const QRect rect = list->visualRect(list->model()->index(late, 0));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
        QVERIFY(dock->dismissAction()->isEnabled());
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QLatin1String("w4 late")));
        QTRY_COMPARE_WITH_TIMEOUT(rowContaining(list, QStringLiteral("w4 late")), -1, 10000);
        QCOMPARE(list->model()->rowCount(), 3);
        QUndoStack *stack = w->session()->document()->undoStack();
        QCOMPARE(stack->undoText(), QStringLiteral("Dismiss alert"));
        QCOMPARE(db->scalar(QStringLiteral("SELECT reason FROM alert_dismissals"))->toString(), QStringLiteral("Bruno called: stuck behind an accident"));
        dock->grab().save(test::screenshotPath(QStringLiteral("alerts-dock.png")));

        // Ctrl+Z: the alert is back for everyone.
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_VERIFY_WITH_TIMEOUT(rowContaining(list, QStringLiteral("w4 late")) >= 0, 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM alert_dismissals"))->toInt(), 0);

        // Tools → Alert thresholds…: the on-time grace typed as 70 minutes, saved.
        w->alertsController()->thresholdsAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w->alertsController()->thresholdsDialog(), 10000);
        widgets::AlertThresholdsDialog *dialog = w->alertsController()->thresholdsDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QPushButton *save = dialog->buttons()->button(QDialogButtonBox::Save);
        QVERIFY(!save->isEnabled()); // nothing changed yet
        QSpinBox *grace = dialog->spinBox("on_time_grace_minutes");
        QCOMPARE(grace->value(), 15);
        grace->setFocus();
        grace->selectAll();
        QTest::keyClicks(grace, QStringLiteral("70"));
        QCOMPARE(grace->value(), 70);
        QVERIFY(save->isEnabled());
        dialog->grab().save(test::screenshotPath(QStringLiteral("alert-thresholds.png")));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!w->alertsController()->thresholdsDialog(), 10000);
        QCOMPARE(db->scalar(QStringLiteral("SELECT on_time_grace_minutes FROM alert_thresholds"))->toInt(), 70);
        QCOMPARE(stack->undoText(), QStringLiteral("Change alert thresholds"));
        QTRY_COMPARE_WITH_TIMEOUT(rowContaining(list, QStringLiteral("w4 late")), -1, 10000);
        QCOMPARE(w->session()->alertRules().lateGraceMinutes, 70);
    }
};

QTEST_MAIN(TestAlertDismissal)
#include "tst_alert_dismissal.moc"
