#pragma once
// What the intake form offers to choose from, read from the database: every customer
// (for the type-ahead), one customer's sites, assets and contracts (with their SLA terms,
// the sites and assets they name and the holiday calendars their clocks stop on), the
// skills, and the open work orders that may already cover a new call (duplicate
// detection). Plain reads; the console runs them on its session's worker thread.
#include "domain/Entities.h"
#include "util/Result.h"
#include "workorders/CustomerDirectory.h"
#include "workorders/SlaPolicy.h"

#include <QDate>
#include <QHash>
#include <QStringList>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::workorders {

struct ContractChoice {
    SlaContractTerms terms;
    QDate startsOn;
    QDate endsOn;
    QStringList siteIds;  // the sites it names (contract_sites)
    QStringList assetIds; // the assets it names (contract_assets); neither: every site of the customer

    bool isActiveOn(const QDate &day) const { return startsOn <= day && endsOn >= day; }
};

// One customer's sites, the assets at them and their contracts.
struct CustomerFile {
    QString customerId;
    QVector<Site> sites;
    QVector<Asset> assets;
    QVector<ContractChoice> contracts;
    QHash<QString, QString> siteTerritories;      // site → territory (sites without one are absent)
    QHash<QString, HolidayCalendar> calendars;    // territory → its holidays, for every territory a clock may stop on

    const Site *site(const QString &id) const;
    const Asset *asset(const QString &id) const;
    const ContractChoice *contract(const QString &id) const;
    // The contract a work order on `siteId` (and `assetId`, may be empty) created on `day`
    // falls under, if any. Among the contracts active that day, one naming the asset beats
    // one naming the site, which beats a blanket contract (naming no site and no asset);
    // a contract naming other sites or assets only does not apply. Ties: the latest start,
    // then the smallest id.
    const ContractChoice *activeContract(const QDate &day, const QString &siteId, const QString &assetId) const;
    // Where the contract's clock runs at the site: its zone and the holiday calendar that
    // applies (the contract's own, else the site's territory's).
    SlaPlace placeOf(const QString &siteId, const SlaContractTerms *contract) const;
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
    Status readCoverage(const QString &customerId, CustomerFile &file);
    Status readCalendars(const QString &customerId, CustomerFile &file);
    Database &m_db;
};

} // namespace fieldops::workorders
