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
#include "customers/ContactsPanel.h"
#include "customers/CustomersView.h"
#include "customers/SitePinMap.h"
#include "document/ScheduleDocument.h"
#include "records/RecordFormModel.h"
#include "records/RecordFormWidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QComboBox>
#include <QTabBar>
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

    // The page tab holding the widget of this object name, by a click on its tab.
    void showTab(const QString &objectName)
    {
        QTabWidget *tabs = m_view->pageTabs();
        auto *inner = m_view->findChild<QWidget *>(objectName);
        QVERIFY(inner);
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->widget(i)->isAncestorOf(inner) || tabs->widget(i) == inner) {
                QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(i).center());
                QCOMPARE(tabs->currentIndex(), i);
                return;
            }
        QFAIL("no tab holds it");
    }

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
        showTab(QStringLiteral("sitesTable"));
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
        showTab(QStringLiteral("assetsTable"));
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

    void addEditAndRemoveAContact()
    {
        showTab(QStringLiteral("contactsTable"));
        widgets::ContactsPanel *contacts = m_view->contacts();
        QCOMPARE(contacts->table()->rowCount(), 0);
        QTest::mouseClick(contacts->findChild<QPushButton *>(QStringLiteral("newContactButton")), Qt::LeftButton);
        widgets::RecordFormWidget *form = contacts->formWidget();
        auto *save = contacts->findChild<QPushButton *>(QStringLiteral("saveContactButton"));
        typeInto(form->editor(QStringLiteral("name")), QStringLiteral("Marta Reis"));
        typeInto(form->editor(QStringLiteral("role")), QStringLiteral("Facilities manager"));
        // Neither a phone nor an email: nobody could reach her.
        QCOMPARE(form->issueLabel(QStringLiteral("phone"))->text(), QStringLiteral("give a phone number or an email, so the contact can be reached"));
        QVERIFY(!save->isEnabled());
        typeInto(form->editor(QStringLiteral("email")), QStringLiteral("marta at acme"));
        QCOMPARE(form->issueLabel(QStringLiteral("email"))->text(), QStringLiteral("\"marta at acme\" is not an email address"));
        QVERIFY(!save->isEnabled());
        typeInto(form->editor(QStringLiteral("email")), QStringLiteral("marta@acme.example"));
        QVERIFY2(save->isEnabled(), qPrintable(save->toolTip()));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT role FROM customer_contacts WHERE customer_id = 'c1' AND name = 'Marta Reis'")),
                                  QStringLiteral("Facilities manager"), 10000);
        QUndoStack *stack = m_window->session()->document()->undoStack();
        QTRY_COMPARE_WITH_TIMEOUT(stack->undoText(), QStringLiteral("New contact Marta Reis"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(contacts->table()->rowCount(), 1, 10000);
        QCOMPARE(contacts->table()->item(0, 2)->text(), QString());
        QCOMPARE(contacts->table()->item(0, 3)->text(), QStringLiteral("marta@acme.example"));
        // The new contact stays shown, so a phone is added to her and saved as an edit.
        QCOMPARE(contacts->form()->value(QStringLiteral("name")).toString(), QStringLiteral("Marta Reis"));
        QVERIFY(!contacts->form()->isNew());
        typeInto(form->editor(QStringLiteral("phone")), QStringLiteral("+55 11 5555-0199"));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT phone FROM customer_contacts WHERE name = 'Marta Reis'")),
                                  QStringLiteral("+55 11 5555-0199"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stack->undoText(), QStringLiteral("Edit contact Marta Reis"), 10000);
        // The audit log keeps her under the customer.
        QCOMPARE(text(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'customer_contacts' AND entity_id = 'c1'")), QStringLiteral("2"));

        // Remove, then undo puts her back with what she held.
        QTRY_COMPARE_WITH_TIMEOUT(contacts->table()->item(0, 2)->text(), QStringLiteral("+55 11 5555-0199"), 10000);
        QTest::mouseClick(contacts->findChild<QPushButton *>(QStringLiteral("removeContactButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT count(*) FROM customer_contacts")), QStringLiteral("0"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(stack->undoText(), QStringLiteral("Remove contact Marta Reis"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(contacts->table()->rowCount(), 0, 10000);
        stack->undo();
        QCOMPARE(text(QStringLiteral("SELECT phone || ' ' || email FROM customer_contacts WHERE name = 'Marta Reis'")),
                 QStringLiteral("+55 11 5555-0199 marta@acme.example"));
        QTRY_COMPARE_WITH_TIMEOUT(contacts->table()->rowCount(), 1, 10000);
        m_view->grab().save(fieldops::test::screenshotPath(QStringLiteral("customers-contacts.png")));
    }

    void territoryProposesTheSiteTimeZone()
    {
        // Two territories; the north's active technicians work on Manaus time.
        QVERIFY(m_db->run(QStringLiteral("INSERT INTO territories(id, name) VALUES ('north', 'North'), ('south', 'South')")));
        QVERIFY(m_db->run(QStringLiteral("UPDATE technicians SET territory_id = 'north', time_zone = 'America/Manaus'")));
        showTab(QStringLiteral("sitesTable"));
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newSiteButton")), Qt::LeftButton);
        // The page was read before the territories existed: choose the customer again.
        QListWidget *results = m_view->results();
        typeInto(m_view->searchField(), QStringLiteral("acme"));
        QTRY_COMPARE(results->count(), 1);
        QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, results->visualItemRect(results->item(0)).center());
        auto *territory = qobject_cast<QComboBox *>(m_view->siteFormWidget()->editor(QStringLiteral("territory_id")));
        QVERIFY(territory);
        QTRY_COMPARE_WITH_TIMEOUT(territory->count(), 3, 10000); // (no territory), North, South
        QTest::mouseClick(m_view->findChild<QPushButton *>(QStringLiteral("newSiteButton")), Qt::LeftButton);
        records::RecordFormModel *site = m_view->siteForm();
        QCOMPARE(site->value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/Sao_Paulo"));
        widgets::RecordFormWidget *form = m_view->siteFormWidget();
        typeInto(form->editor(QStringLiteral("id")), QStringLiteral("s10"));
        typeInto(form->editor(QStringLiteral("name")), QStringLiteral("Acme Manaus"));
        typeInto(form->editor(QStringLiteral("lat")), QStringLiteral("-3.1"));
        typeInto(form->editor(QStringLiteral("lon")), QStringLiteral("-60.02"));
        // Keyboard: focus the territory and pick North.
        territory->setFocus();
        QTest::keyClick(territory, Qt::Key_Down);
        QCOMPARE(territory->currentText(), QStringLiteral("North"));
        QCOMPARE(site->value(QStringLiteral("territory_id")).toString(), QStringLiteral("north"));
        QCOMPARE(site->value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/Manaus"));
        auto *note = m_view->findChild<QLabel *>(QStringLiteral("siteZoneNote"));
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(QLatin1String("America/Manaus")), qPrintable(note->text()));
        // South has nobody: the zone stays as proposed, and still editable.
        QTest::keyClick(territory, Qt::Key_Down);
        QCOMPARE(site->value(QStringLiteral("territory_id")).toString(), QStringLiteral("south"));
        QCOMPARE(site->value(QStringLiteral("time_zone")).toString(), QStringLiteral("America/Manaus"));
        // Back to none: NULL, not an empty reference.
        QTest::keyClick(territory, Qt::Key_Home);
        QVERIFY(site->value(QStringLiteral("territory_id")).isNull());
        QTest::keyClick(territory, Qt::Key_Down);
        auto *save = m_view->findChild<QPushButton *>(QStringLiteral("saveSiteButton"));
        QVERIFY2(save->isEnabled(), qPrintable(save->toolTip()));
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(text(QStringLiteral("SELECT territory_id || ' ' || time_zone FROM sites WHERE id = 's10'")),
                                  QStringLiteral("north America/Manaus"), 10000);
        m_view->grab().save(fieldops::test::screenshotPath(QStringLiteral("customers-site-territory.png")));
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
