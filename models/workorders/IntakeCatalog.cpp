#include "workorders/IntakeCatalog.h"

#include "storage/AssetRows.h"
#include "storage/Database.h"
#include "storage/SiteRows.h"
#include "util/TimeFormat.h"
#include "workorders/ContractTermsRows.h"

#include <QSet>
#include <QSqlQuery>
#include <QTimeZone>

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

const ContractChoice *CustomerFile::activeContract(const QDate &day, const QString &siteId, const QString &assetId) const
{
    // 3: names the asset, 2: names the site, 1: blanket, 0: does not apply.
    const auto rank = [&](const ContractChoice &c) {
        if (!assetId.isEmpty() && c.assetIds.contains(assetId))
            return 3;
        if (!siteId.isEmpty() && c.siteIds.contains(siteId))
            return 2;
        return c.siteIds.isEmpty() && c.assetIds.isEmpty() ? 1 : 0;
    };
    const ContractChoice *best = nullptr;
    int bestRank = 0;
    for (const ContractChoice &c : contracts) {
        const int r = c.isActiveOn(day) ? rank(c) : 0;
        if (r == 0)
            continue;
        const bool better = !best || r > bestRank
            || (r == bestRank && (c.startsOn > best->startsOn || (c.startsOn == best->startsOn && c.terms.id < best->terms.id)));
        if (better) {
            best = &c;
            bestRank = r;
        }
    }
    return best;
}

SlaPlace CustomerFile::placeOf(const QString &siteId, const SlaContractTerms *contract) const
{
    SlaPlace place;
    if (const Site *s = site(siteId)) {
        const QTimeZone zone(s->timeZone.toUtf8());
        if (zone.isValid())
            place.zone = zone;
    }
    const QString siteTerritory = siteTerritories.value(siteId);
    const QString territory = contract ? SlaPolicy::calendarTerritory(*contract, siteTerritory) : siteTerritory;
    if (!territory.isEmpty())
        place.holidays = calendars.value(territory, HolidayCalendar{territory, territory, {}});
    return place;
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
        auto q = m_db.run(QStringLiteral("SELECT %1, k.starts_on, k.ends_on FROM contracts k "
                                         "WHERE k.customer_id = ? ORDER BY k.starts_on DESC, k.id")
                              .arg(contractTermsColumns(QStringLiteral("k"))),
                          {customerId});
        if (!q)
            return q.error();
        while (q->next()) {
            ContractChoice c;
            c.terms = readContractTerms(*q);
            c.startsOn = timefmt::dateFromSql(q->value(kContractTermsColumnCount));
            c.endsOn = timefmt::dateFromSql(q->value(kContractTermsColumnCount + 1));
            file.contracts.push_back(c);
        }
    }
    if (Status s = readCoverage(customerId, file); !s)
        return s.error();
    if (Status s = readCalendars(customerId, file); !s)
        return s.error();
    return file;
}

Status IntakeCatalog::readCoverage(const QString &customerId, CustomerFile &file)
{
    const auto read = [&](const QString &sql, QStringList ContractChoice::*list) -> Status {
        auto q = m_db.run(sql, {customerId});
        if (!q)
            return q.error();
        while (q->next()) {
            for (ContractChoice &c : file.contracts)
                if (c.terms.id == q->value(0).toString())
                    (c.*list) << q->value(1).toString();
        }
        return {};
    };
    if (Status s = read(QStringLiteral("SELECT cs.contract_id, cs.site_id FROM contract_sites cs JOIN contracts k ON k.id = cs.contract_id "
                                       "WHERE k.customer_id = ? ORDER BY cs.contract_id, cs.site_id"),
                        &ContractChoice::siteIds);
        !s)
        return s;
    return read(QStringLiteral("SELECT ca.contract_id, ca.asset_id FROM contract_assets ca JOIN contracts k ON k.id = ca.contract_id "
                               "WHERE k.customer_id = ? ORDER BY ca.contract_id, ca.asset_id"),
                &ContractChoice::assetIds);
}

Status IntakeCatalog::readCalendars(const QString &customerId, CustomerFile &file)
{
    // The territories a clock of this customer may stop on: their sites' and the calendars
    // their contracts name.
    auto q = m_db.run(QStringLiteral("SELECT s.id, s.territory_id FROM sites s WHERE s.customer_id = ? AND s.territory_id IS NOT NULL"),
                      {customerId});
    if (!q)
        return q.error();
    QSet<QString> territories;
    while (q->next()) {
        file.siteTerritories.insert(q->value(0).toString(), q->value(1).toString());
        territories.insert(q->value(1).toString());
    }
    q->finish();
    for (const ContractChoice &c : std::as_const(file.contracts))
        if (!c.terms.holidayTerritoryId.isEmpty())
            territories.insert(c.terms.holidayTerritoryId);
    for (const QString &territory : std::as_const(territories)) {
        HolidayCalendar calendar{territory, territory, {}};
        auto name = m_db.scalar(QStringLiteral("SELECT name FROM territories WHERE id = ?"), {territory});
        if (!name)
            return name.error();
        if (name->isValid() && !name->toString().isEmpty())
            calendar.name = name->toString();
        auto days = m_db.run(QStringLiteral("SELECT day FROM holidays WHERE territory_id = ?"), {territory});
        if (!days)
            return days.error();
        while (days->next())
            calendar.days.insert(timefmt::dateFromSql(days->value(0)));
        file.calendars.insert(territory, calendar);
    }
    return {};
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
