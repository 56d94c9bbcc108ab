#pragma once
// The Customers view: a search over every customer (name, phone, email, id) beside the
// chosen customer's page: their details, contact persons, sites (address and location, typed or picked on
// a small map), the assets at those sites with their warranty and service history, their
// contracts and their work orders, open and past. Each record's form shows its problems
// at the field and saves only when it has none. The view holds no database: it asks its
// owner (signals) and is given what was read (setters).
#include "customers/CustomerPage.h"
#include "workorders/CustomerDirectory.h"

#include <QWidget>
#include <memory>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {
class ContactsPanel;
class RecordFormWidget;
class SitePinMap;

class CustomersView : public QWidget {
    Q_OBJECT
public:
    explicit CustomersView(QWidget *parent = nullptr);
    ~CustomersView() override;

    void setDirectory(std::shared_ptr<workorders::CustomerDirectory> directory);
    void setPage(const customers::CustomerPage &page);
    void clearPage();
    // The owner's answer to a save or a read: problems in red above the forms.
    void showProblem(const QString &message);
    void setEditable(bool editable, const QString &why = {});
    // Where the site map's tiles come from (the console's map settings); none: a plain grid.
    SitePinMap *siteMap() const { return m_siteMap; }

    QLineEdit *searchField() const { return m_search; }
    QListWidget *results() const { return m_results; }
    QTabWidget *pageTabs() const { return m_tabs; }
    records::RecordFormModel *customerForm() const { return m_customer; }
    records::RecordFormModel *siteForm() const { return m_site; }
    records::RecordFormModel *assetForm() const { return m_asset; }
    RecordFormWidget *customerFormWidget() const { return m_customerWidget; }
    RecordFormWidget *siteFormWidget() const { return m_siteWidget; }
    RecordFormWidget *assetFormWidget() const { return m_assetWidget; }
    ContactsPanel *contacts() const { return m_contacts; }
    QTableWidget *sitesTable() const { return m_sitesTable; }
    QTableWidget *assetsTable() const { return m_assetsTable; }
    QTableWidget *workOrdersTable() const { return m_ordersTable; }
    QString currentCustomerId() const { return m_page ? m_page->customer.id : QString(); }

signals:
    void customerChosen(const QString &customerId); // empty: a new customer is being written
    // Save the record of this form model (a customer, a site or an asset).
    void saveRequested(records::RecordFormModel *form);
    void removeContactRequested(const QString &contactId, int version, const QString &name);
    void newWorkOrderRequested(const QString &customerId);
    void openWorkOrderRequested(const QString &workOrderId);

private:
    void search(const QString &text);
    void newCustomer();
    void newSite();
    void newAsset();
    void showSite(int row);
    void showAsset(int row);
    void fillTables();
    void updateButtons();
    QWidget *buildDetails();
    QWidget *buildSites();
    QWidget *buildAssets();

    std::shared_ptr<workorders::CustomerDirectory> m_directory;
    std::unique_ptr<customers::CustomerPage> m_page;
    bool m_editable = true;
    QLineEdit *m_search;
    QListWidget *m_results;
    QLabel *m_title;
    QLabel *m_problem;
    QTabWidget *m_tabs;
    ContactsPanel *m_contacts;
    QWidget *m_sitesPage;
    QWidget *m_assetsPage;
    records::RecordFormModel *m_customer;
    records::RecordFormModel *m_site;
    records::RecordFormModel *m_asset;
    RecordFormWidget *m_customerWidget;
    RecordFormWidget *m_siteWidget;
    RecordFormWidget *m_assetWidget;
    SitePinMap *m_siteMap;
    QLabel *m_zoneNote;
    QString m_siteTerritory; // the territory the site form last showed, to see the user change it
    QPushButton *m_saveCustomer;
    QPushButton *m_saveSite;
    QPushButton *m_saveAsset;
    QPushButton *m_newSite;
    QPushButton *m_newAsset;
    QPushButton *m_newWorkOrder;
    QTableWidget *m_sitesTable;
    QTableWidget *m_assetsTable;
    QTableWidget *m_historyTable;
    QTableWidget *m_contractsTable;
    QTableWidget *m_ordersTable;
};

} // namespace fieldops::widgets
