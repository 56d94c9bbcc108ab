#pragma once
// Everything a contract's page shows, read in one go: the contract and its preventive
// plans as form records, what the editor offers to pick from (the customer's sites and
// assets with their warranties, the territories' holiday calendars, the skills), and what
// the contract has used so far.
#include "contracts/ContractConsumption.h"
#include "records/RecordRows.h"

#include <QPair>

namespace fieldops::contracts {

struct PickItem {
    QString id;
    QString label;
    QString parentId; // an asset's site
    QDate warrantyUntil; // assets
};

struct ContractChoices {
    QVector<PickItem> sites;
    QVector<PickItem> assets;
    QVector<PickItem> territories;
    QVector<PickItem> skills;
    QString siteTimeZone; // of the first covered (or any) site: the zone the plan preview uses
};

struct ContractPage {
    records::RecordRow contract;
    QString customerName;
    QVector<records::RecordRow> plans;
    ContractChoices choices;
    ContractConsumption consumption;

    const records::RecordRow *plan(const QString &id) const;
};

Result<QVector<PickItem>> readTerritories(Database &db);
// What the editor of a new contract for `customerId` offers (its sites and assets).
Result<ContractChoices> readChoices(Database &db, const QString &customerId);
Result<ContractPage> readContractPage(Database &db, const QString &contractId, const QDate &today);

} // namespace fieldops::contracts
