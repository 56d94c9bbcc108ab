#include "contracts/ContractList.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QSqlQuery>

namespace fieldops::contracts {

ContractState ContractListRow::state(const QDate &today) const
{
    if (startsOn.isValid() && today < startsOn)
        return ContractState::Future;
    if (endsOn.isValid() && endsOn < today)
        return ContractState::Expired;
    return ContractState::Active;
}

bool ContractListRow::expiresWithin(const QDate &today, int days) const
{
    return state(today) == ContractState::Active && endsOn.isValid() && endsOn <= today.addDays(days);
}

Result<QVector<ContractListRow>> readContractList(Database &db)
{
    auto q = db.run(QStringLiteral(
        "SELECT k.id, k.customer_id, c.name, k.name, k.starts_on, k.ends_on, k.coverage, "
        "(SELECT count(*) FROM contract_sites s WHERE s.contract_id = k.id), "
        "(SELECT count(*) FROM contract_assets a WHERE a.contract_id = k.id), "
        "(SELECT count(*) FROM maintenance_plans p WHERE p.contract_id = k.id), "
        "(SELECT min(r.id) FROM contracts r WHERE r.renewed_from = k.id) "
        "FROM contracts k JOIN customers c ON c.id = k.customer_id ORDER BY k.ends_on, k.id"));
    if (!q)
        return q.error();
    QVector<ContractListRow> rows;
    while (q->next()) {
        ContractListRow r;
        r.id = q->value(0).toString();
        r.customerId = q->value(1).toString();
        r.customerName = q->value(2).toString();
        r.name = q->value(3).toString();
        r.startsOn = timefmt::dateFromSql(q->value(4));
        r.endsOn = timefmt::dateFromSql(q->value(5));
        r.coverage = q->value(6).toString();
        r.coveredSites = q->value(7).toInt();
        r.coveredAssets = q->value(8).toInt();
        r.plans = q->value(9).toInt();
        r.renewedBy = q->value(10).toString();
        rows.push_back(r);
    }
    return rows;
}

} // namespace fieldops::contracts
