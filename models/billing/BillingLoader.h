#pragma once
// Reads what the billing of [from, to] needs in a few set-based statements (both
// dialects): the contracts running in the period or named by its time or parts, every
// time entry starting in [from 00:00, to+1 00:00) UTC and every part used in it (on a
// visit of a work order), each attributed to the contract's customer, or to the site's
// customer when the work order has no contract — the same selection ContractConsumption
// makes for one contract.
#include "billing/BillingInput.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::billing {

class BillingLoader {
public:
    explicit BillingLoader(Database &db) : m_db(db) {}
    Result<BillingInput> load(const QDate &from, const QDate &to);

private:
    Database &m_db;
};

} // namespace fieldops::billing
