#include "workorders/IntakeCatalog.h"

#include "storage/AssetRows.h"
#include "storage/Database.h"
#include "storage/SiteRows.h"
#include "util/TimeFormat.h"

#include <QSqlQuery>

namespace fieldops::workorders {

const Site *CustomerFile::site(const QString &id) const
{
    for (const Site &s : sites)
        if (s.id == id)
            return &s;
    return nullptr;
}

const Asset *CustomerFile::asset(const QString &id) const
{
    for (const Asset &a : assets)
        if (a.id == id)
            return &a;
    return nullptr;
}

const ContractChoice *CustomerFile::contract(const QString &id) const
{
    for (const ContractChoice &c : contracts)
        if (c.terms.id == id)
            return &c;
    return nullptr;
}

const ContractChoice *CustomerFile::activeContract(const QDate &day) const
{
    const ContractChoice *best = nullptr;
    for (const ContractChoice &c : contracts)
        if (c.startsOn <= day && c.endsOn >= day && (!best || c.startsOn > best->startsOn))
            best = &c;
    return best;
}

Result<QVector<CustomerEntry>> IntakeCatalog::customers()
{
    auto q = m_db.run(QStringLiteral("SELECT id, name, phone, email FROM customers"));
    if (!q)
        return q.error();
    QVector<CustomerEntry> list;
    while (q->next())
        list.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()});
    return list;
}

Result<CustomerFile> IntakeCatalog::customerFile(const QString &customerId)
{
    CustomerFile file;
    file.customerId = customerId;
    {
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM sites s WHERE s.customer_id = ? ORDER BY s.name, s.id").arg(rows::siteColumns()),
                          {customerId});
        if (!q)
            return q.error();
        while (q->next())
            file.sites.push_back(rows::readSite(*q));
    }
    {
        auto q = m_db.run(QStringLiteral("SELECT %1 FROM assets a JOIN sites s ON s.id = a.site_id WHERE s.customer_id = ? "
                                         "ORDER BY a.site_id, a.model, a.id").arg(rows::assetColumns()),
                          {customerId});
        if (!q)
            return q.error();
        while (q->next())
            file.assets.push_back(rows::readAsset(*q));
    }
    {
        auto q = m_db.run(QStringLiteral("SELECT id, name, response_hours, coverage, starts_on, ends_on FROM contracts "
                                         "WHERE customer_id = ? ORDER BY starts_on DESC, id"),
                          {customerId});
        if (!q)
            return q.error();
        while (q->next()) {
            ContractChoice c;
            c.terms.id = q->value(0).toString();
            c.terms.name = q->value(1).toString();
            if (!q->value(2).isNull())
                c.terms.responseHours = q->value(2).toInt();
            c.terms.businessHours = q->value(3).toString() != QLatin1String("24x7");
            c.startsOn = timefmt::dateFromSql(q->value(4));
            c.endsOn = timefmt::dateFromSql(q->value(5));
            file.contracts.push_back(c);
        }
    }
    return file;
}

Result<QVector<Skill>> IntakeCatalog::skills()
{
    auto q = m_db.run(QStringLiteral("SELECT code, name FROM skills ORDER BY code"));
    if (!q)
        return q.error();
    QVector<Skill> list;
    while (q->next())
        list.push_back({q->value(0).toString(), q->value(1).toString()});
    return list;
}

Result<QVector<PossibleDuplicate>> IntakeCatalog::openOnSite(const QString &siteId, const QString &assetId, const QDateTime &now, int days)
{
    auto q = m_db.run(QStringLiteral("SELECT id, summary, status, asset_id, created_at FROM work_orders "
                                     "WHERE site_id = ? AND status IN ('open', 'scheduled', 'in_progress') AND created_at >= ? "
                                     "ORDER BY created_at DESC, id LIMIT 20"),
                      {siteId, timefmt::toSql(now.addDays(-days))});
    if (!q)
        return q.error();
    QVector<PossibleDuplicate> list;
    while (q->next()) {
        PossibleDuplicate d{q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                            timefmt::fromSql(q->value(4))};
        // Another asset's open job on the same site is a different problem.
        if (!assetId.isEmpty() && !d.assetId.isEmpty() && d.assetId != assetId)
            continue;
        list.push_back(d);
    }
    return list;
}

} // namespace fieldops::workorders
