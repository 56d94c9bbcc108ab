#include "scheduling/SuggestionLoader.h"

#include "parts/StockRepository.h"
#include "scheduling/ScheduleLoader.h"
#include "storage/Database.h"
#include "storage/SiteRows.h"
#include "storage/WorkOrderRows.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <algorithm>

namespace fieldops::scheduling {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(SuggestionLoader)
};

template <typename T>
void putById(std::vector<T> &rows, T row)
{
    auto it = std::find_if(rows.begin(), rows.end(), [&](const T &r) { return r.id == row.id; });
    if (it != rows.end())
        *it = std::move(row);
    else
        rows.push_back(std::move(row));
}
} // namespace

Result<SuggestionInput> SuggestionLoader::load(const QString &workOrderId, const QDateTime &from, const QDateTime &to)
{
    SuggestionInput in;
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM work_orders w WHERE w.id = ?").arg(rows::workOrderColumns()), {workOrderId});
    if (!q)
        return q.error();
    if (!q->next())
        return Error::invalid(Text::tr("work order %1 does not exist").arg(workOrderId));
    in.workOrder = rows::readWorkOrder(*q);
    if (in.workOrder.status == QLatin1String("done") || in.workOrder.status == QLatin1String("cancelled"))
        return Error::invalid(Text::tr("work order %1 is %2: there is nothing to schedule").arg(workOrderId, in.workOrder.status));
    auto skills = m_db.run(QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = ? ORDER BY skill_code"),
                           {workOrderId});
    if (!skills)
        return skills.error();
    while (skills->next())
        in.workOrder.requiredSkills << skills->value(0).toString();

    auto snapshot = ScheduleLoader(m_db).load(from, to);
    if (!snapshot)
        return snapshot.error();
    in.snapshot = std::move(*snapshot);

    auto site = m_db.run(QStringLiteral("SELECT %1 FROM sites s WHERE s.id = ?").arg(rows::siteColumns()), {in.workOrder.siteId});
    if (!site)
        return site.error();
    if (site->next())
        putById(in.snapshot.sites, rows::readSite(*site));
    putById(in.snapshot.workOrders, in.workOrder);

    auto inactive = m_db.run(QStringLiteral("SELECT id FROM technicians WHERE active = ?"), {false});
    if (!inactive)
        return inactive.error();
    while (inactive->next())
        in.inactiveTechnicians.insert(inactive->value(0).toString());

    parts::StockRepository stock(m_db);
    auto needs = stock.partsNeeded(workOrderId);
    if (!needs)
        return needs.error();
    in.partsNeeded = std::move(*needs);
    if (!in.partsNeeded.empty()) {
        QStringList skus;
        for (const parts::PartNeed &n : in.partsNeeded)
            skus << n.sku;
        auto vans = stock.vanStock(skus);
        if (!vans)
            return vans.error();
        in.vanStock = std::move(*vans);
    }
    return in;
}

} // namespace fieldops::scheduling
