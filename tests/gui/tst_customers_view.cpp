// The Customers tab as a planner uses it, with QTest keys and mouse on the real main
// window over a real SQLite file: find a customer by typing, fix their email (an invalid
// one blocks Save with its message), add a site placed by a click on the small map (a
// latitude out of range is refused at the field), add an asset (a warranty ending before
// the installation is refused), make a new customer; every save is one step on the undo
// stack and Ctrl+Z restores the database. Saves customers-view.png (Screenshots.h).
#include "../itemmodels/WorkOrderFixture.h"
#include "Screenshots.h"
#include "GuiTestSupport.h"
#include "controllers/CustomersTabController.h"
#include "customers/CustomersView.h"
#include "customers/SitePinMap.h"
#include "document/ScheduleDocument.h"
#include "records/RecordFormModel.h"
#include "records/RecordFormWidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QUndoStack>

using namespace fieldops;

class TestCustomersView : public QObject {
    Q_OBJECT

    QString m_failure;
    QString m_url;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<gui::MainWindow> m_window;
    widgets::CustomersView *m_view = nullptr;

    QString text(const QString &sql) { return m_db->scalar(sql)->toString(); }

    static void typeInto(QWidget *w, const QString &text)
    {
        w->setFocus();
        if (auto *edit = qobject_cast<QLineEdit *>(w))
            edit->selectAll();
        QTest::keyClicks(w, text);
    }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_customers_view"));
        m_db = test::freshDatabase(QStringLiteral("sqlite"), true, &m_url);
        QVERIFY2(m_db, qPrintable(test::lastError()));
        const QString failed = test::insertWorkOrderFixture(*m_db);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_window = test::openMainWindow(m_url, &m_failure, test::fixtureNow());
        QVERIFY2(m_window, qPrintable(m_failure));
        m_view = m_window->findChild<widgets::CustomersView *>();
        QVERIFY(m_view);
        m_window->tabs()->setCurrentWidget(m_view);
        QTRY_VERIFY_WITH_TIMEOUT(m_view->results()->count() == 2, 10000); // Acme Foods, Beta Labs
    }

    void findAndFixTheEmail()
    {
        typeInto(m_view->searchField(), QStringLiteral("5555-0101")); // Acme's phone
        QTRY_COMPARE(m_view->results()->count(), 1);
        QListWidget *results = m_view->results();
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualItemRect(results->item(0)).center());
        QTRY_COMPARE_WITH_TIMEOUT(m_view->currentCustomerId(), QStringLiteral("c1"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->customerForm()->value(QStringLiteral("name")).toString(), QStringLiteral("Acme Foods"), 10000);
        QCOMPARE(m_view->sitesTable()->rowCount(), 1);
        QCOMPARE(m_view->assetsTable()->rowCount(), 1);
        QCOMPARE(m_view->workOrdersTable()->rowCount(), 3); // w1, w3 open; w5 done

        auto *save = m_view->findChild<QPushButton *>(QStringLiteral("saveCustomerButton"));
        QWidget *email = m_view->customerFormWidget()->editor(QStringLiteral("email"));
        typeInto(email, QStringLiteral("ops at acme"));
        QLabel *issue = m_view->customerFormWidget()->issueLabel(QStringLiteral("email"));
        QVERIFY(issue->isVisible());
        QCOMPARE(issue->text(), QStringLiteral("\"ops at acme\" is not an email address"));
        QVERIFY(!save->isEnabled());
        typeInto(email, QStringLiteral("service@acme.example"));
        QVERIFY(!issue->isVisible());
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT email FROM customers WHERE id = 'c1'")), QStringLiteral("service@acme.example"), 10000);
        QUndoStack *stack = m_window->session()->document()->undoStack();
        // The save's answer reaches the window just after the database has the row.
        QTRY_COMPARE_WITH_TIMEOUT(stack->count(), 1, 10000);
        QCOMPARE(stack->undoText(), QStringLiteral("Edit customer c1"));
        stack->undo();
        QCOMPARE(text(QStringLiteral("SELECT email FROM customers WHERE id = 'c1'")), QStringLiteral("ops@acme.example"));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->customerForm()->value(QStringLiteral("email")).toString(), QStringLiteral("ops@acme.example"), 10000);
    }

    void addASitePlacedOnTheMap()
    {
        m_view->pageTabs()->setCurrentIndex(1);
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newSiteButton")), Qt::LeftButton);
        records::RecordFormModel *site = m_view->siteForm();
        QVERIFY(site->isNew());
        widgets::RecordFormWidget *form = m_view->siteFormWidget();
        typeInto(form->editor(QStringLiteral("id")), QStringLiteral("s9"));
        typeInto(form->editor(QStringLiteral("name")), QStringLiteral("Acme Warehouse"));
        typeInto(form->editor(QStringLiteral("lat")), QStringLiteral("123"));
        typeInto(form->editor(QStringLiteral("lon")), QStringLiteral("-46.7"));
        QCOMPARE(form->issueLabel(QStringLiteral("lat"))->text(), QStringLiteral("123 is outside [-90, 90]"));
        auto *save = m_view->findChild<QPushButton *>(QStringLiteral("saveSiteButton"));
        QVERIFY(!save->isEnabled());

        // A click on the small map places the site there.
        widgets::SitePinMap *map = m_view->siteMap();
        QVERIFY(QTest::qWaitForWindowExposed(map));
        map->setPin(QGeoCoordinate(-23.55, -46.63)); // centre the map on São Paulo first
        const QPoint target = map->rect().center() + QPoint(40, 25);
        const QGeoCoordinate expected = map->viewport().screenToCoord(target);
        QTest::mouseClick(map, Qt::LeftButton, {}, target);
        QVERIFY(std::abs(site->value(QStringLiteral("lat")).toDouble() - expected.latitude()) < 1e-5);
        QVERIFY(std::abs(site->value(QStringLiteral("lon")).toDouble() - expected.longitude()) < 1e-5);
        QVERIFY(!form->issueLabel(QStringLiteral("lat"))->isVisible());
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT name FROM sites WHERE id = 's9'")), QStringLiteral("Acme Warehouse"), 10000);
        QVERIFY(std::abs(m_db->scalar(QStringLiteral("SELECT lat FROM sites WHERE id = 's9'"))->toDouble() - expected.latitude()) < 1e-5);
        QCOMPARE(text(QStringLiteral("SELECT customer_id FROM sites WHERE id = 's9'")), QStringLiteral("c1"));
        QCOMPARE(text(QStringLiteral("SELECT time_zone FROM sites WHERE id = 's9'")), QStringLiteral("America/Sao_Paulo"));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->sitesTable()->rowCount(), 2, 10000);
        m_view->grab().save(fieldops::test::screenshotPath(QStringLiteral("customers-sites.png")));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->document()->undoStack()->undoText(), QStringLiteral("New site s9"), 10000);
    }

    void addAnAssetWithItsWarranty()
    {
        m_view->pageTabs()->setCurrentIndex(2);
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newAssetButton")), Qt::LeftButton);
        widgets::RecordFormWidget *form = m_view->assetFormWidget();
        typeInto(form->editor(QStringLiteral("id")), QStringLiteral("a9"));
        typeInto(form->editor(QStringLiteral("site_id")), QStringLiteral("s1"));
        typeInto(form->editor(QStringLiteral("model")), QStringLiteral("Daikin VRV"));
        typeInto(form->editor(QStringLiteral("installed_on")), QStringLiteral("2026-02-01"));
        typeInto(form->editor(QStringLiteral("warranty_until")), QStringLiteral("2025-02-01"));
        QCOMPARE(form->issueLabel(QStringLiteral("warranty_until"))->text(),
                 QStringLiteral("the warranty cannot end before the asset was installed"));
        auto *save = m_view->findChild<QPushButton *>(QStringLiteral("saveAssetButton"));
        QVERIFY(!save->isEnabled());
        typeInto(form->editor(QStringLiteral("warranty_until")), QStringLiteral("2028-02-01"));
        QVERIFY2(save->isEnabled(), qPrintable(save->toolTip()));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT warranty_until FROM assets WHERE id = 'a9'")), QStringLiteral("2028-02-01"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->assetsTable()->rowCount(), 2, 10000);
        m_view->grab().save(fieldops::test::screenshotPath(QStringLiteral("customers-view.png")));
    }

    void newCustomerNeedsAName()
    {
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newCustomerButton")), Qt::LeftButton);
        widgets::RecordFormWidget *form = m_view->customerFormWidget();
        auto *save = m_view->findChild<QPushButton *>(QStringLiteral("saveCustomerButton"));
        typeInto(form->editor(QStringLiteral("id")), QStringLiteral("c3"));
        QVERIFY(!save->isEnabled());
        QCOMPARE(form->issueLabel(QStringLiteral("name"))->text(), QStringLiteral("a value is required"));
        typeInto(form->editor(QStringLiteral("name")), QStringLiteral("Gamma Hotel"));
        QVERIFY2(save->isEnabled(), qPrintable(save->toolTip()));
        QTest::mouseClick(save, Qt::LeftButton);
        auto *problem = m_view->findChild<QLabel *>(QStringLiteral("customerProblem"));
        QTRY_VERIFY2_WITH_TIMEOUT(text(QStringLiteral("SELECT name FROM customers WHERE id = 'c3'")) == QLatin1String("Gamma Hotel"),
                                  qPrintable(problem->text()), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_view->currentCustomerId(), QStringLiteral("c3"), 10000);
        // The new customer is found by the search at once.
        typeInto(m_view->searchField(), QStringLiteral("gamma"));
        QTRY_COMPARE_WITH_TIMEOUT(m_view->results()->count(), 1, 10000);
        // An id that is taken is refused by the save, nothing written.
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newCustomerButton")), Qt::LeftButton);
        typeInto(form->editor(QStringLiteral("id")), QStringLiteral("c1"));
        typeInto(form->editor(QStringLiteral("name")), QStringLiteral("Impostor"));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(problem->isVisible(), 10000);
        QVERIFY2(problem->text().startsWith(QLatin1String("id: c1 is taken")), qPrintable(problem->text()));
        QCOMPARE(text(QStringLiteral("SELECT name FROM customers WHERE id = 'c1'")), QStringLiteral("Acme Foods"));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_db.reset();
    }
};

QTEST_MAIN(TestCustomersView)
#include "tst_customers_view.moc"
