#pragma once
// What the billing of a period is computed from, as BillingLoader reads it (or a test
// writes it by hand): the contracts in play, the period's time entries and parts used,
// each already attributed to a customer and (possibly no) contract.
#include "billing/TimeEntry.h"

#include <QDate>
#include <map>
#include <optional>
#include <vector>

namespace fieldops::billing {

struct BillingContract {
    QString id;
    QString customerId;
    QString name;
    QDate startsOn;
    QDate endsOn;
    QString feePeriod = QStringLiteral("month"); // month, quarter, year
    std::optional<double> fixedFee;      // per fee period
    std::optional<double> includedHours; // per fee period
    std::optional<double> hourlyRate;    // beyond the included hours
    bool partsIncluded = false;
};

// A time entry with whom it is billed to; contractId empty: its work order has no contract.
struct BillingEntry {
    TimeEntry entry;
    QString customerId;
    QString contractId;
};

struct PartLine {
    qint64 id = 0; // parts_used.id
    QString customerId;
    QString contractId;
    QString workOrderId;
    QString technicianId;
    QString sku;
    QString partName;
    double quantity = 0;
    std::optional<double> unitCost;
    QDateTime at;
};

struct BillingInput {
    QDate from;
    QDate to;
    std::vector<BillingContract> contracts; // every contract running in the period or billed in it
    std::vector<BillingEntry> entries;      // every entry starting in the period, any review state
    std::vector<PartLine> parts;            // every part used in the period
    std::map<QString, QString> customerNames;
};

} // namespace fieldops::billing
