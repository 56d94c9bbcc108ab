#include "interchange/TermsValidator.h"

#include "planning/PmRecurrence.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QHash>

namespace fieldops::interchange {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(interchange)
};

const ParsedFile *find(const QVector<ParsedFile> &files, const QString &name)
{
    for (const ParsedFile &f : files)
        if (f.spec->fileName == name)
            return &f;
    return nullptr;
}

// id → the value of `column` on the file's rows (rows with a bad cell included: their
// problem is reported already).
QHash<QString, QString> columnByKey(const ParsedFile *file, const QString &column)
{
    QHash<QString, QString> out;
    if (!file)
        return out;
    const int key = file->spec->indexOf(file->spec->keyColumn), c = file->spec->indexOf(column);
    for (const ParsedRow &row : file->rows)
        if (!row.values.isEmpty())
            out.insert(row.values.at(key).toString(), row.values.at(c).toString());
    return out;
}

// Fills in from the database what the directory did not say.
Status addFromDatabase(Database &db, const QString &sql, QHash<QString, QString> &into)
{
    auto q = db.run(sql);
    if (!q)
        return q.error();
    while (q->next())
        if (!into.contains(q->value(0).toString()))
            into.insert(q->value(0).toString(), q->value(1).toString());
    return {};
}

} // namespace

Status TermsValidator::validate(const QVector<ParsedFile> &files)
{
    if (const ParsedFile *contracts = find(files, QStringLiteral("contracts.csv")))
        if (Status s = checkContracts(files, *contracts); !s)
            return s;
    if (const ParsedFile *plans = find(files, QStringLiteral("maintenance_plans.csv")))
        checkPlans(*plans);
    return {};
}

Status TermsValidator::checkContracts(const QVector<ParsedFile> &files, const ParsedFile &contracts)
{
    const FileSpec &spec = *contracts.spec;
    const int cId = spec.indexOf(QStringLiteral("id")), cCustomer = spec.indexOf(QStringLiteral("customer_id")),
              cRenewed = spec.indexOf(QStringLiteral("renewed_from")), cSites = spec.indexOf(QStringLiteral("covered_sites")),
              cAssets = spec.indexOf(QStringLiteral("covered_assets"));
    const bool namesPlaces = contracts.has(QStringLiteral("covered_sites")) || contracts.has(QStringLiteral("covered_assets"));
    QHash<QString, QString> siteCustomer, assetSite;
    if (namesPlaces) {
        siteCustomer = columnByKey(find(files, QStringLiteral("sites.csv")), QStringLiteral("customer_id"));
        assetSite = columnByKey(find(files, QStringLiteral("assets.csv")), QStringLiteral("site_id"));
        if (Status s = addFromDatabase(m_db, QStringLiteral("SELECT id, customer_id FROM sites"), siteCustomer); !s)
            return s;
        if (Status s = addFromDatabase(m_db, QStringLiteral("SELECT id, site_id FROM assets"), assetSite); !s)
            return s;
    }
    for (const ParsedRow &row : contracts.rows) {
        if (row.values.isEmpty())
            continue;
        const QString id = row.values.at(cId).toString(), customer = row.values.at(cCustomer).toString();
        if (!row.values.at(cRenewed).isNull() && row.values.at(cRenewed).toString() == id)
            m_issues.add({spec.fileName, row.line, QStringLiteral("renewed_from"), Text::tr("contract %1 cannot renew itself").arg(id)});
        // Unknown sites and assets are reported by the reference check.
        for (const QString &site : row.values.at(cSites).toStringList()) {
            const auto owner = siteCustomer.constFind(site);
            if (owner != siteCustomer.constEnd() && *owner != customer)
                m_issues.add({spec.fileName, row.line, QStringLiteral("covered_sites"),
                              Text::tr("site %1 belongs to customer %2, not to the contract's customer %3").arg(site, *owner, customer)});
        }
        for (const QString &asset : row.values.at(cAssets).toStringList()) {
            const auto site = assetSite.constFind(asset);
            if (site == assetSite.constEnd())
                continue;
            const auto owner = siteCustomer.constFind(*site);
            if (owner != siteCustomer.constEnd() && *owner != customer)
                m_issues.add({spec.fileName, row.line, QStringLiteral("covered_assets"),
                              Text::tr("asset %1 is at site %2 of customer %3, not of the contract's customer %4").arg(asset, *site, *owner, customer)});
        }
    }
    return {};
}

void TermsValidator::checkPlans(const ParsedFile &plans)
{
    const FileSpec &spec = *plans.spec;
    const int cRecurrence = spec.indexOf(QStringLiteral("recurrence")), cMonths = spec.indexOf(QStringLiteral("seasonal_months"));
    for (const ParsedRow &row : plans.rows) {
        if (row.values.isEmpty() || !row.valid)
            continue;
        const QString recurrence = row.values.at(cRecurrence).toString();
        QString why;
        if (!recurrence.trimmed().isEmpty() && !planning::PmRule::parse(recurrence, &why))
            m_issues.add({spec.fileName, row.line, QStringLiteral("recurrence"), Text::tr("\"%1\": %2").arg(recurrence, why)});
        if (!planning::recurrence::parseMonths(row.values.at(cMonths).toString(), &why))
            m_issues.add({spec.fileName, row.line, QStringLiteral("seasonal_months"), why});
    }
}

} // namespace fieldops::interchange
