#include "customers/CustomersView.h"

#include "common/ProblemText.h"
#include "common/RecordTable.h"
#include "common/ScrollPage.h"
#include "customers/ContactsPanel.h"
#include "customers/CustomerRules.h"
#include "customers/SitePinMap.h"
#include "domain/VocabularyText.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "records/RecordFormModel.h"
#include "records/RecordFormWidget.h"
#include "records/RecordSpec.h"

#include <QDate>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>
#include <cmath>
#include <numeric>

namespace fieldops::widgets {

using FD = FieldDescriptor;
using K = FieldDescriptor::Kind;

namespace {

QString dateText(const QDateTime &t) { return QLocale().toString(t.toLocalTime().date(), QLocale::ShortFormat); }

QVector<std::pair<QString, QString>> territoryOptions(const QVector<customers::TerritoryChoice> &territories)
{
    QVector<std::pair<QString, QString>> out{{QString(), CustomersView::tr("(no territory)")}};
    for (const customers::TerritoryChoice &t : territories)
        out.push_back({t.id, t.name.isEmpty() ? t.id : t.name});
    return out;
}

} // namespace

CustomersView::CustomersView(QWidget *parent)
    : QWidget(parent),
      m_customer(new records::RecordFormModel(records::customerSpec(), customers::customerRules, this)),
      m_site(new records::RecordFormModel(records::siteSpec(), customers::siteRules, this)),
      m_asset(new records::RecordFormModel(records::assetSpec(), customers::assetRules, this))
{
    auto *split = new QSplitter(this);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(split);

    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    m_search = new QLineEdit(left);
    m_search->setObjectName(QStringLiteral("customerSearch"));
    m_search->setPlaceholderText(tr("Search name, phone, email or id"));
    m_search->setClearButtonEnabled(true);
    m_results = new QListWidget(left);
    m_results->setObjectName(QStringLiteral("customerResults"));
    auto *newCustomer = new QPushButton(tr("&New customer"), left);
    newCustomer->setObjectName(QStringLiteral("newCustomerButton"));
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_results, 1);
    leftLayout->addWidget(newCustomer);

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    m_title = new QLabel(tr("Choose a customer, or make a new one."), right);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_problem = makeProblemLabel(QStringLiteral("customerProblem"), right);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("customerTabs"));
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_problem);
    rightLayout->addWidget(m_tabs, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({260, 780});

    m_tabs->addTab(buildDetails(), tr("&Details"));
    m_contacts = new ContactsPanel(this);
    m_contacts->setObjectName(QStringLiteral("contactsPanel"));
    m_tabs->addTab(m_contacts, tr("C&ontacts"));
    // The site and asset forms sit beside a map and a history: they scroll on a short screen.
    m_sitesPage = scrollPage(buildSites(), right);
    m_tabs->addTab(m_sitesPage, tr("&Sites"));
    m_assetsPage = scrollPage(buildAssets(), right);
    m_tabs->addTab(m_assetsPage, tr("&Assets"));
    m_contractsTable = makeRecordTable({tr("Contract"), tr("Name"), tr("From"), tr("To"), tr("Response"), tr("Coverage")}, this);
    m_tabs->addTab(m_contractsTable, tr("&Contracts"));
    m_ordersTable = makeRecordTable({tr("Work order"), tr("Status"), tr("Priority"), tr("Opened"), tr("Site"), tr("Summary")}, this);
    m_ordersTable->setObjectName(QStringLiteral("customerWorkOrders"));
    m_tabs->addTab(m_ordersTable, tr("&Work orders"));
    connect(m_contacts, &ContactsPanel::saveRequested, this, &CustomersView::saveRequested);
    connect(m_contacts, &ContactsPanel::removeRequested, this, &CustomersView::removeContactRequested);

    connect(m_search, &QLineEdit::textChanged, this, &CustomersView::search);
    connect(m_results, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            emit customerChosen(item->data(Qt::UserRole).toString());
    });
    connect(newCustomer, &QPushButton::clicked, this, &CustomersView::newCustomer);
    connect(m_ordersTable, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (QTableWidgetItem *item = m_ordersTable->item(row, 0))
            emit openWorkOrderRequested(item->data(Qt::UserRole).toString());
    });
    for (records::RecordFormModel *m : {m_customer, m_site, m_asset})
        connect(m, &records::RecordFormModel::changed, this, &CustomersView::updateButtons);
    clearPage();
}

CustomersView::~CustomersView() = default;

QWidget *CustomersView::buildDetails()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    m_customerWidget = new RecordFormWidget(m_customer,
                                            {{QStringLiteral("id"), tr("&Id:"), K::Id, tr("your systems' id, e.g. c-1042")},
                                             {QStringLiteral("name"), tr("&Name:"), K::Text, {}},
                                             {QStringLiteral("phone"), tr("&Phone:"), K::Text, QStringLiteral("+55 11 5555-0100")},
                                             {QStringLiteral("email"), tr("&Email:"), K::Text, QStringLiteral("ops@example.com")}},
                                            page);
    v->addWidget(m_customerWidget);
    auto *buttons = new QHBoxLayout;
    m_saveCustomer = new QPushButton(tr("Save customer"), page);
    m_saveCustomer->setObjectName(QStringLiteral("saveCustomerButton"));
    m_newWorkOrder = new QPushButton(tr("New work order for this customer…"), page);
    m_newWorkOrder->setObjectName(QStringLiteral("newWorkOrderForCustomer"));
    buttons->addWidget(m_saveCustomer);
    buttons->addStretch(1);
    buttons->addWidget(m_newWorkOrder);
    v->addLayout(buttons);
    v->addStretch(1);
    connect(m_saveCustomer, &QPushButton::clicked, this, [this] { emit saveRequested(m_customer); });
    connect(m_newWorkOrder, &QPushButton::clicked, this, [this] { emit newWorkOrderRequested(currentCustomerId()); });
    return page;
}

QWidget *CustomersView::buildSites()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    m_sitesTable = makeRecordTable({tr("Site"), tr("Name"), tr("Address"), tr("Time zone")}, page);
    m_sitesTable->setObjectName(QStringLiteral("sitesTable"));
    v->addWidget(m_sitesTable, 1);
    auto *row = new QHBoxLayout;
    m_siteWidget = new RecordFormWidget(m_site,
                                        {{QStringLiteral("id"), tr("Si&te id:"), K::Id, {}},
                                         {QStringLiteral("name"), tr("Na&me:"), K::Text, {}},
                                         {QStringLiteral("address"), tr("Add&ress:"), K::MultiLine, {}},
                                         {QStringLiteral("lat"), tr("&Latitude:"), K::Number, QStringLiteral("-23.5505")},
                                         {QStringLiteral("lon"), tr("L&ongitude:"), K::Number, QStringLiteral("-46.6333")},
                                         {QStringLiteral("territory_id"), tr("Te&rritory:"), K::Choice, {}, territoryOptions({})},
                                         {QStringLiteral("time_zone"), tr("Time &zone:"), K::TimeZone, {}}},
                                        page);
    m_zoneNote = new QLabel(page);
    m_zoneNote->setObjectName(QStringLiteral("siteZoneNote"));
    m_zoneNote->setWordWrap(true);
    m_zoneNote->hide();
    m_siteMap = new SitePinMap(page);
    m_siteMap->setObjectName(QStringLiteral("sitePinMap"));
    m_siteMap->setToolTip(tr("Click to place the site, drag the pin to move it; wheel or +/− to zoom"));
    auto *formColumn = new QVBoxLayout;
    formColumn->addWidget(m_siteWidget);
    formColumn->addWidget(m_zoneNote);
    formColumn->addStretch(1);
    row->addLayout(formColumn, 1);
    row->addWidget(m_siteMap, 1);
    v->addLayout(row);
    auto *buttons = new QHBoxLayout;
    m_newSite = new QPushButton(tr("New site"), page);
    m_newSite->setObjectName(QStringLiteral("newSiteButton"));
    m_saveSite = new QPushButton(tr("Save site"), page);
    m_saveSite->setObjectName(QStringLiteral("saveSiteButton"));
    buttons->addWidget(m_newSite);
    buttons->addStretch(1);
    buttons->addWidget(m_saveSite);
    v->addLayout(buttons);
    connect(m_sitesTable, &QTableWidget::currentCellChanged, this, [this](int r) { showSite(r); });
    connect(m_newSite, &QPushButton::clicked, this, &CustomersView::newSite);
    connect(m_saveSite, &QPushButton::clicked, this, [this] { emit saveRequested(m_site); });
    // The pin and the typed coordinates are one value.
    connect(m_siteMap, &SitePinMap::pinMoved, this, [this](QGeoCoordinate c) { // a copy: the map's pin follows the form
        m_site->setValue(QStringLiteral("lat"), std::round(c.latitude() * 1e6) / 1e6);
        m_site->setValue(QStringLiteral("lon"), std::round(c.longitude() * 1e6) / 1e6);
    });
    // Choosing the site's territory proposes the time zone its technicians work in.
    connect(m_site, &records::RecordFormModel::changed, this, [this] {
        const QString territory = m_site->value(QStringLiteral("territory_id")).toString();
        if (territory == m_siteTerritory)
            return;
        m_siteTerritory = territory;
        if (!m_page)
            return;
        for (const customers::TerritoryChoice &t : std::as_const(m_page->territories)) {
            if (t.id != territory || t.zone.isEmpty())
                continue;
            if (t.zone != m_site->value(QStringLiteral("time_zone")).toString())
                m_site->setValue(QStringLiteral("time_zone"), t.zone);
            m_zoneNote->setText(tr("Time zone proposed from %1, where the technicians work in %2; change it if the site keeps another clock.")
                                    .arg(t.name.isEmpty() ? t.id : t.name, t.zone));
            m_zoneNote->show();
        }
    });
    connect(m_site, &records::RecordFormModel::changed, this, [this] {
        bool okLat = false, okLon = false;
        const double lat = m_site->value(QStringLiteral("lat")).toDouble(&okLat);
        const double lon = m_site->value(QStringLiteral("lon")).toDouble(&okLon);
        const bool typed = okLat && okLon && m_site->value(QStringLiteral("lat")).typeId() == QMetaType::Double
            && m_site->value(QStringLiteral("lon")).typeId() == QMetaType::Double;
        const QGeoCoordinate c = typed ? QGeoCoordinate(lat, lon) : QGeoCoordinate();
        if (c.isValid() != m_siteMap->pin().isValid() || (c.isValid() && c.distanceTo(m_siteMap->pin()) > 0.5))
            m_siteMap->setPin(c, m_siteMap->pin().isValid());
    });
    return page;
}

QWidget *CustomersView::buildAssets()
{
    auto *page = new QWidget(this);
    auto *v = new QVBoxLayout(page);
    m_assetsTable = makeRecordTable({tr("Asset"), tr("Site"), tr("Model"), tr("Serial"), tr("Warranty")}, page);
    m_assetsTable->setObjectName(QStringLiteral("assetsTable"));
    v->addWidget(m_assetsTable, 1);
    auto *row = new QHBoxLayout;
    m_assetWidget = new RecordFormWidget(m_asset,
                                         {{QStringLiteral("id"), tr("Asset &id:"), K::Id, {}},
                                          {QStringLiteral("site_id"), tr("S&ite:"), K::Text, {}},
                                          {QStringLiteral("model"), tr("&Model:"), K::Text, {}},
                                          {QStringLiteral("serial"), tr("Se&rial:"), K::Text, {}},
                                          {QStringLiteral("installed_on"), tr("Installed &on:"), K::Date, QStringLiteral("YYYY-MM-DD")},
                                          {QStringLiteral("warranty_until"), tr("&Warranty until:"), K::Date, QStringLiteral("YYYY-MM-DD")}},
                                         page);
    auto *history = new QWidget(page);
    auto *hv = new QVBoxLayout(history);
    hv->setContentsMargins(0, 0, 0, 0);
    hv->addWidget(new QLabel(tr("Service history"), history));
    m_historyTable = makeRecordTable({tr("Work order"), tr("Status"), tr("Opened"), tr("Summary")}, history);
    m_historyTable->setObjectName(QStringLiteral("assetHistory"));
    hv->addWidget(m_historyTable);
    row->addWidget(m_assetWidget, 1);
    row->addWidget(history, 1);
    v->addLayout(row);
    auto *buttons = new QHBoxLayout;
    m_newAsset = new QPushButton(tr("New asset at the selected site"), page);
    m_newAsset->setObjectName(QStringLiteral("newAssetButton"));
    m_saveAsset = new QPushButton(tr("Save asset"), page);
    m_saveAsset->setObjectName(QStringLiteral("saveAssetButton"));
    buttons->addWidget(m_newAsset);
    buttons->addStretch(1);
    buttons->addWidget(m_saveAsset);
    v->addLayout(buttons);
    connect(m_assetsTable, &QTableWidget::currentCellChanged, this, [this](int r) { showAsset(r); });
    connect(m_newAsset, &QPushButton::clicked, this, &CustomersView::newAsset);
    connect(m_saveAsset, &QPushButton::clicked, this, [this] { emit saveRequested(m_asset); });
    return page;
}

void CustomersView::setDirectory(std::shared_ptr<workorders::CustomerDirectory> directory)
{
    m_directory = std::move(directory);
    search(m_search->text());
}

void CustomersView::search(const QString &text)
{
    m_results->clear();
    if (!m_directory)
        return;
    QVector<int> found;
    if (text.trimmed().isEmpty()) {
        // Nothing typed: the first customers by name, as a start.
        QVector<int> all(std::min(200, m_directory->size()));
        std::iota(all.begin(), all.end(), 0);
        found = all;
    } else {
        found = m_directory->search(text, 200);
    }
    for (int i : found) {
        const workorders::CustomerEntry &c = m_directory->at(i);
        auto *item = new QListWidgetItem(c.name, m_results);
        item->setData(Qt::UserRole, c.id);
        item->setToolTip(QStringList{c.id, c.phone, c.email}.join(QStringLiteral(" · ")));
    }
}

void CustomersView::setPage(const customers::CustomerPage &page)
{
    const bool sameCustomer = m_page && m_page->customer.id == page.customer.id;
    const QString siteShown = sameCustomer ? m_site->id() : QString();
    const QString assetShown = sameCustomer ? m_asset->id() : QString();
    m_page = std::make_unique<customers::CustomerPage>(page);
    m_title->setText(QStringLiteral("%1  ·  %2").arg(page.customer.values.value(QStringLiteral("name")).toString(), page.customer.id));
    m_customer->load(page.customer.id, page.customer.values, page.customer.version);
    showProblem(QString());
    m_siteWidget->setOptions(QStringLiteral("territory_id"), territoryOptions(page.territories));
    m_contacts->setContacts(page.customer.id, page.contacts);
    fillTables();
    // Keep the site and asset the user was looking at (after a save, they are re-read).
    int siteRow = 0, assetRow = 0;
    for (int r = 0; r < m_sitesTable->rowCount(); ++r)
        if (m_sitesTable->item(r, 0)->data(Qt::UserRole).toString() == siteShown)
            siteRow = r;
    for (int r = 0; r < m_assetsTable->rowCount(); ++r)
        if (m_assetsTable->item(r, 0)->data(Qt::UserRole).toString() == assetShown)
            assetRow = r;
    if (m_sitesTable->rowCount() > 0) {
        m_sitesTable->setCurrentCell(siteRow, 0);
        showSite(siteRow);
    } else {
        newSite();
    }
    if (m_assetsTable->rowCount() > 0) {
        m_assetsTable->setCurrentCell(assetRow, 0);
        showAsset(assetRow);
    } else {
        newAsset();
    }
    updateButtons();
}

void CustomersView::clearPage()
{
    m_page.reset();
    m_title->setText(tr("Choose a customer, or make a new one."));
    const QString none = QStringLiteral(""); // text columns hold '' for nothing, never NULL
    m_customer->startNew(QString(), {{QStringLiteral("name"), none}, {QStringLiteral("phone"), none}, {QStringLiteral("email"), none}});
    for (QTableWidget *t : {m_sitesTable, m_assetsTable, m_historyTable, m_contractsTable, m_ordersTable})
        t->setRowCount(0);
    m_contacts->clear();
    m_site->startNew(QString(), {});
    m_asset->startNew(QString(), {});
    updateButtons();
}

void CustomersView::fillTables()
{
    const customers::CustomerPage &p = *m_page;
    m_sitesTable->setRowCount(int(p.sites.size()));
    for (int r = 0; r < p.sites.size(); ++r) {
        const auto &s = p.sites[r];
        setRecordRow(m_sitesTable, r, {s.id, s.values.value(QStringLiteral("name")).toString(), s.values.value(QStringLiteral("address")).toString(),
                                 s.values.value(QStringLiteral("time_zone")).toString()}, s.id);
    }
    const QDate today = QDate::currentDate();
    m_assetsTable->setRowCount(int(p.assets.size()));
    for (int r = 0; r < p.assets.size(); ++r) {
        const auto &a = p.assets[r];
        const QDate warranty = QDate::fromString(a.values.value(QStringLiteral("warranty_until")).toString(), Qt::ISODate);
        const QString state = !warranty.isValid() ? QString()
            : warranty >= today ? tr("under warranty until %1").arg(QLocale().toString(warranty, QLocale::ShortFormat))
                                : tr("ended %1").arg(QLocale().toString(warranty, QLocale::ShortFormat));
        setRecordRow(m_assetsTable, r, {a.id, a.values.value(QStringLiteral("site_id")).toString(), a.values.value(QStringLiteral("model")).toString(),
                                  a.values.value(QStringLiteral("serial")).toString(), state}, a.id);
    }
    m_contractsTable->setRowCount(int(p.contracts.size()));
    for (int r = 0; r < p.contracts.size(); ++r) {
        const auto &k = p.contracts[r];
        setRecordRow(m_contractsTable, r, {k.terms.id, k.terms.name, QLocale().toString(k.startsOn, QLocale::ShortFormat),
                                     QLocale().toString(k.endsOn, QLocale::ShortFormat),
                                     k.terms.responseHours ? tr("%1 h").arg(*k.terms.responseHours) : QString(),
                                     k.terms.businessHours ? tr("business hours") : tr("24×7")}, k.terms.id);
    }
    // Open work first, then the past, newest first within each.
    QVector<customers::WorkOrderLine> orders;
    for (const auto &w : p.workOrders)
        if (w.isOpen())
            orders.push_back(w);
    for (const auto &w : p.workOrders)
        if (!w.isOpen())
            orders.push_back(w);
    m_ordersTable->setUpdatesEnabled(false);
    m_ordersTable->setRowCount(int(orders.size()));
    for (int r = 0; r < orders.size(); ++r) {
        const auto &w = orders[r];
        setRecordRow(m_ordersTable, r, {w.id, vocabulary::workOrderStatusText(w.status), WorkOrderTableModel::priorityText(w.priority),
                                  dateText(w.createdAt), w.siteId, w.summary}, w.id);
    }
    m_ordersTable->setUpdatesEnabled(true);
    const int open = int(std::count_if(p.workOrders.begin(), p.workOrders.end(), [](const auto &w) { return w.isOpen(); }));
    m_tabs->setTabText(m_tabs->indexOf(m_ordersTable), tr("&Work orders (%1 open, %2 past)").arg(open).arg(p.workOrders.size() - open));
    m_tabs->setTabText(m_tabs->indexOf(m_contacts), tr("C&ontacts (%1)").arg(p.contacts.size()));
    m_tabs->setTabText(m_tabs->indexOf(m_sitesPage), tr("&Sites (%1)").arg(p.sites.size()));
    m_tabs->setTabText(m_tabs->indexOf(m_assetsPage), tr("&Assets (%1)").arg(p.assets.size()));
}

void CustomersView::showSite(int row)
{
    if (!m_page || row < 0 || row >= m_page->sites.size())
        return;
    const auto &s = m_page->sites[row];
    m_siteTerritory = s.values.value(QStringLiteral("territory_id")).toString(); // loading proposes nothing
    m_zoneNote->hide();
    m_site->load(s.id, s.values, s.version);
    m_siteMap->setPin(QGeoCoordinate(s.values.value(QStringLiteral("lat")).toDouble(), s.values.value(QStringLiteral("lon")).toDouble()));
}

void CustomersView::showAsset(int row)
{
    if (!m_page || row < 0 || row >= m_page->assets.size())
        return;
    const auto &a = m_page->assets[row];
    m_asset->load(a.id, a.values, a.version);
    const auto history = m_page->historyOf(a.id);
    m_historyTable->setRowCount(int(history.size()));
    for (int r = 0; r < history.size(); ++r)
        setRecordRow(m_historyTable, r, {history[r].id, vocabulary::workOrderStatusText(history[r].status), dateText(history[r].createdAt),
                                   history[r].summary}, history[r].id);
}

void CustomersView::newCustomer()
{
    clearPage();
    emit customerChosen(QString()); // a page still being read for the last one is not shown
    m_tabs->setCurrentIndex(0);
    m_customerWidget->editor(QStringLiteral("id"))->setFocus();
}

void CustomersView::newSite()
{
    if (!m_page)
        return;
    // A new site starts in the territory and zone of the customer's other sites (or the
    // console's own zone).
    QString zone = QString::fromUtf8(QTimeZone::systemTimeZoneId());
    QVariant territory(QMetaType::fromType<QString>());
    if (!m_page->sites.isEmpty()) {
        zone = m_page->sites.front().values.value(QStringLiteral("time_zone")).toString();
        territory = m_page->sites.front().values.value(QStringLiteral("territory_id"));
    }
    m_siteTerritory = territory.toString();
    m_zoneNote->hide();
    m_site->startNew(QString(), {{QStringLiteral("customer_id"), m_page->customer.id},
                                 {QStringLiteral("territory_id"), territory},
                                 {QStringLiteral("name"), QStringLiteral("")},
                                 {QStringLiteral("address"), QStringLiteral("")},
                                 {QStringLiteral("lat"), QVariant(QMetaType::fromType<double>())},
                                 {QStringLiteral("lon"), QVariant(QMetaType::fromType<double>())},
                                 {QStringLiteral("time_zone"), zone}});
    m_sitesTable->clearSelection();
    m_siteMap->setPin(QGeoCoordinate(), true);
}

void CustomersView::newAsset()
{
    if (!m_page)
        return;
    const QString site = m_site->isNew() ? (m_page->sites.isEmpty() ? QString() : m_page->sites.front().id) : m_site->id();
    m_asset->startNew(QString(), {{QStringLiteral("site_id"), site},
                                  {QStringLiteral("model"), QStringLiteral("")},
                                  {QStringLiteral("serial"), QStringLiteral("")},
                                  {QStringLiteral("installed_on"), QVariant(QMetaType::fromType<QString>())},
                                  {QStringLiteral("warranty_until"), QVariant(QMetaType::fromType<QString>())}});
    m_assetsTable->clearSelection();
    m_historyTable->setRowCount(0);
}

void CustomersView::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void CustomersView::setEditable(bool editable, const QString &why)
{
    m_editable = editable;
    m_customerWidget->setReadOnly(!editable, why);
    m_siteWidget->setReadOnly(!editable, why);
    m_contacts->setEditable(editable, why);
    m_assetWidget->setReadOnly(!editable, why);
    m_siteMap->setInteractive(editable);
    updateButtons();
}

void CustomersView::updateButtons()
{
    m_saveCustomer->setEnabled(m_editable && m_customer->canSave());
    m_saveSite->setEnabled(m_editable && m_page && m_site->canSave());
    m_saveAsset->setEnabled(m_editable && m_page && m_asset->canSave());
    m_newSite->setEnabled(m_editable && m_page);
    m_newAsset->setEnabled(m_editable && m_page && !m_page->sites.isEmpty());
    m_newWorkOrder->setEnabled(m_page != nullptr);
    const auto tip = [](records::RecordFormModel *m) {
        return m->issues().isEmpty() ? QString() : tr("Not yet: %1").arg(m->issues().front().text());
    };
    m_saveCustomer->setToolTip(tip(m_customer));
    m_saveSite->setToolTip(tip(m_site));
    m_saveAsset->setToolTip(tip(m_asset));
}

} // namespace fieldops::widgets
