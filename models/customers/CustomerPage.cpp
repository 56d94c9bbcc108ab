#include "customers/CustomerPage.h"

#include "records/RecordSpec.h"
#include "records/RecordRows.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace fieldops::customers {

bool WorkOrderLine::isOpen() const
{
    return status == QLatin1String("open") || status == QLatin1String("scheduled") || status == QLatin1String("in_progress");
}

const records::RecordRow *CustomerPage::site(const QString &id) const
{
    for (const records::RecordRow &s : sites)
        if (s.id == id)
            return &s;
    return nullptr;
}

QVector<WorkOrderLine> CustomerPage::historyOf(const QString &assetId) const
{
    QVector<WorkOrderLine> out;
    for (const WorkOrderLine &w : workOrders)
        if (w.assetId == assetId)
            out.push_back(w);
    return out;
}

using records::readRecordRows;

Result<CustomerPage> readCustomerPage(Database &db, const QString &customerId)
{
    CustomerPage page;
    auto customer = readRecordRows(db, records::customerSpec(), QStringLiteral("WHERE x.id = ?"), {customerId}, QStringLiteral("x.id"));
    if (!customer)
        return customer.error();
    if (customer->isEmpty())
        return Error{Error::Kind::NotFound, QCoreApplication::translate("CustomerPage", "customer %1 does not exist").arg(customerId), {}};
    page.customer = customer->front();
    auto contacts = readRecordRows(db, records::contactSpec(), QStringLiteral("WHERE x.customer_id = ?"), {customerId},
                                   QStringLiteral("x.name, x.id"));
    if (!contacts)
        return contacts.error();
    page.contacts = *contacts;
    auto sites = readRecordRows(db, records::siteSpec(), QStringLiteral("WHERE x.customer_id = ?"), {customerId}, QStringLiteral("x.name, x.id"));
    if (!sites)
        return sites.error();
    page.sites = *sites;
    auto assets = readRecordRows(db, records::assetSpec(), QStringLiteral("JOIN sites s ON s.id = x.site_id WHERE s.customer_id = ?"), {customerId},
                           QStringLiteral("x.site_id, x.model, x.id"));
    if (!assets)
        return assets.error();
    page.assets = *assets;
    auto file = workorders::IntakeCatalog(db).customerFile(customerId);
    if (!file)
        return file.error();
    page.contracts = file->contracts;
    auto territories = readTerritoryChoices(db);
    if (!territories)
        return territories.error();
    page.territories = *territories;
    auto q = db.run(QStringLiteral("SELECT w.id, w.site_id, w.asset_id, w.summary, w.status, w.priority, w.created_at "
                                   "FROM work_orders w JOIN sites s ON s.id = w.site_id WHERE s.customer_id = ? "
                                   "ORDER BY w.created_at DESC, w.id"),
                    {customerId});
    if (!q)
        return q.error();
    while (q->next())
        page.workOrders.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(),
                                   q->value(4).toString(), q->value(5).toInt(), timefmt::fromSql(q->value(6))});
    return page;
}

} // namespace fieldops::customers
