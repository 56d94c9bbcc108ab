#pragma once
// The contracts as the planner's list shows them: one row per contract with its customer,
// dates, coverage and what it covers, read in one query; and where a contract stands on a
// given day (not yet started, running, running out within N days, ended).
#include "util/Result.h"

#include <QDate>
#include <QString>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::contracts {

enum class ContractState { Future, Active, Expired };

struct ContractListRow {
    QString id;
    QString customerId;
    QString customerName;
    QString name;
    QDate startsOn;
    QDate endsOn;
    QString coverage; // 24x7 | business_hours
    int coveredSites = 0;  // 0: every site of the customer
    int coveredAssets = 0;
    int plans = 0;
    QString renewedBy; // the contract that renews this one, if any

    ContractState state(const QDate &today) const;
    // Running and ending within `days` days of `today` (today + days included).
    bool expiresWithin(const QDate &today, int days) const;
};

Result<QVector<ContractListRow>> readContractList(Database &db);

} // namespace fieldops::contracts
