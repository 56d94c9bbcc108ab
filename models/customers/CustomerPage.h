#pragma once
// Everything a customer's page shows, read in one go: the customer, their contact
// persons, their sites and the assets at them, their contracts, and their work orders,
// open and past, with the territories a site may be put in. Records come as
// field values with their version, ready for a RecordFormModel.
#include "customers/TerritoryChoices.h"
#include "records/RecordRows.h"
#include "workorders/IntakeCatalog.h"

#include <QDateTime>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::customers {

using records::RecordRow;

struct WorkOrderLine {
    QString id;
    QString siteId;
    QString assetId;
    QString summary;
    QString status;
    int priority = 3;
    QDateTime createdAt;
    bool isOpen() const;
};

struct CustomerPage {
    RecordRow customer;
    QVector<RecordRow> contacts; // by name
    QVector<RecordRow> sites;
    QVector<RecordRow> assets;
    QVector<workorders::ContractChoice> contracts;
    QVector<WorkOrderLine> workOrders; // newest first
    QVector<TerritoryChoice> territories;

    const RecordRow *site(const QString &id) const;
    // An asset's service history: its work orders, newest first.
    QVector<WorkOrderLine> historyOf(const QString &assetId) const;
};

Result<CustomerPage> readCustomerPage(Database &db, const QString &customerId);

} // namespace fieldops::customers
