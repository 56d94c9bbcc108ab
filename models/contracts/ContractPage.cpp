#include "contracts/ContractPage.h"

#include "records/RecordSpec.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QSqlRecord>

namespace fieldops::contracts {

const records::RecordRow *ContractPage::plan(const QString &id) const
{
    for (const records::RecordRow &p : plans)
        if (p.id == id)
            return &p;
    return nullptr;
}

namespace {

Result<QVector<PickItem>> readItems(Database &db, const QString &sql, const QVariantList &binds)
{
    auto q = db.run(sql, binds);
    if (!q)
        return q.error();
    QVector<PickItem> items;
    while (q->next()) {
        PickItem i{q->value(0).toString(), q->value(1).toString(), {}, {}};
        if (q->record().count() > 2)
            i.parentId = q->value(2).toString();
        if (q->record().count() > 3)
            i.warrantyUntil = timefmt::dateFromSql(q->value(3));
        items.push_back(i);
    }
    return items;
}

} // namespace

Result<QVector<PickItem>> readTerritories(Database &db)
{
    return readItems(db, QStringLiteral("SELECT id, name FROM territories ORDER BY name, id"), {});
}

Result<ContractChoices> readChoices(Database &db, const QString &customerId)
{
    ContractChoices c;
    auto sites = readItems(db,
                           QStringLiteral("SELECT id, CASE WHEN name = '' THEN address ELSE name END FROM sites "
                                          "WHERE customer_id = ? ORDER BY name, id"),
                           {customerId});
    if (!sites)
        return sites.error();
    c.sites = *sites;
    auto zone = db.scalar(QStringLiteral("SELECT min(time_zone) FROM sites WHERE customer_id = ?"), {customerId});
    if (!zone)
        return zone.error();
    c.siteTimeZone = zone->toString();
    auto assets = readItems(db,
                            QStringLiteral("SELECT a.id, CASE WHEN a.model = '' THEN a.serial ELSE a.model END, a.site_id, a.warranty_until "
                                           "FROM assets a JOIN sites s ON s.id = a.site_id WHERE s.customer_id = ? ORDER BY a.site_id, a.id"),
                            {customerId});
    if (!assets)
        return assets.error();
    c.assets = *assets;
    auto territories = readTerritories(db);
    if (!territories)
        return territories.error();
    c.territories = *territories;
    auto skills = readItems(db, QStringLiteral("SELECT code, name FROM skills ORDER BY code"), {});
    if (!skills)
        return skills.error();
    c.skills = *skills;
    return c;
}

Result<ContractPage> readContractPage(Database &db, const QString &contractId, const QDate &today)
{
    ContractPage page;
    auto rows = records::readRecordRows(db, records::contractSpec(), QStringLiteral("WHERE x.id = ?"), {contractId}, QStringLiteral("x.id"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error{Error::Kind::NotFound, QCoreApplication::translate("ContractPage", "contract %1 does not exist").arg(contractId), {}};
    page.contract = rows->front();
    const QString customer = page.contract.values.value(QStringLiteral("customer_id")).toString();
    auto name = db.scalar(QStringLiteral("SELECT name FROM customers WHERE id = ?"), {customer});
    if (!name)
        return name.error();
    page.customerName = name->toString();
    auto plans = records::readRecordRows(db, records::maintenancePlanSpec(), QStringLiteral("WHERE x.contract_id = ?"), {contractId},
                                         QStringLiteral("x.next_due, x.id"));
    if (!plans)
        return plans.error();
    page.plans = *plans;
    auto choices = readChoices(db, customer);
    if (!choices)
        return choices.error();
    page.choices = *choices;
    auto used = readConsumption(db, contractId, today);
    if (!used)
        return used.error();
    page.consumption = *used;
    return page;
}

} // namespace fieldops::contracts
