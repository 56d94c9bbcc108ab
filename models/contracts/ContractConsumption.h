#pragma once
// What a contract has used so far, for its page: visits made, hours worked against the
// hours its fee includes (this billing period and in all), SLA compliance of its work
// orders (the dashboard's formula: of the work orders due within the contract's days so
// far, the share closed by their due time; one not closed counts as a breach), and its
// preventive occurrences done, still due and missed.
#include "util/Result.h"

#include <QDate>
#include <QString>
#include <optional>

namespace fieldops {
class Database;
}

namespace fieldops::contracts {

// Below this share of work orders within their SLA a contract's page shows the figure as
// a breach of the contract's promise.
constexpr double kSlaComplianceFloor = 0.9;

struct ContractConsumption {
    QDate from; // the contract's first day
    QDate to;   // its last day, or today when it still runs
    int workOrders = 0;
    int openWorkOrders = 0;
    int visits = 0;           // visits with an arrival
    double hours = 0;         // time entries on its work orders, from `from` to `to`
    double billableHours = 0;
    QDate periodFrom;         // the billing period holding `to`
    QDate periodTo;
    double periodHours = 0;   // hours in that period
    std::optional<double> includedHours; // per period
    int slaDue = 0;           // work orders with sla_due from `from` to `to`
    int slaMet = 0;
    std::optional<double> slaCompliance() const;
    int pmDone = 0;
    int pmDue = 0;    // open, due today or later
    int pmMissed = 0; // due before today and not done, or cancelled
    int partLines = 0;        // parts used on its visits, from `from` to `to`
    double partQuantity = 0;
    double partCost = 0;      // at the parts' unit cost (parts without one count nothing)
    int partsWithoutCost = 0; // lines whose part has no unit cost
};

// The billing period of `feePeriod` (month, quarter, year) that holds `day`.
std::pair<QDate, QDate> billingPeriod(const QString &feePeriod, const QDate &day);

Result<ContractConsumption> readConsumption(Database &db, const QString &contractId, const QDate &today);

} // namespace fieldops::contracts
