#pragma once
// What the intake form offers to choose from, read from the database: every customer
// (for the type-ahead), one customer's sites, assets and contracts, the skills, and the
// open work orders that may already cover a new call (duplicate detection). Plain reads;
// the console runs them on its session's worker thread.
#include "domain/Entities.h"
#include "util/Result.h"
#include "workorders/CustomerDirectory.h"
#include "workorders/SlaPolicy.h"

#include <QDate>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::workorders {

struct ContractChoice {
    SlaContractTerms terms;
    QDate startsOn;
    QDate endsOn;
};

// One customer's sites, the assets at them and their contracts.
struct CustomerFile {
    QString customerId;
    QVector<Site> sites;
    QVector<Asset> assets;
    QVector<ContractChoice> contracts;

    const Site *site(const QString &id) const;
    const Asset *asset(const QString &id) const;
    const ContractChoice *contract(const QString &id) const;
    // The contract covering `day` (the latest one starting before it), if any.
    const ContractChoice *activeContract(const QDate &day) const;
};

struct PossibleDuplicate {
    QString id;
    QString summary;
    QString status;
    QString assetId;
    QDateTime createdAt;
};

class IntakeCatalog {
public:
    explicit IntakeCatalog(Database &db) : m_db(db) {}
    Result<QVector<CustomerEntry>> customers();
    Result<CustomerFile> customerFile(const QString &customerId);
    Result<QVector<Skill>> skills();
    // Work orders still open on the site (and the asset, when one is given) created in
    // the `days` before `now`, newest first.
    Result<QVector<PossibleDuplicate>> openOnSite(const QString &siteId, const QString &assetId, const QDateTime &now, int days);

private:
    Database &m_db;
};

} // namespace fieldops::workorders
