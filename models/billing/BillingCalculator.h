#pragma once
// The billing of a period [from, to] per customer and contract (pure, hand-checkable; the
// README's "Billing" gives the same rules as formulas):
//  - approved hours: billable entries reviewed (approved or corrected) starting in the
//    period; pending entries are counted as awaiting review and billed nothing;
//  - included hours: included_hours × f, where f sums, over each fee period P (month,
//    quarter or year, as billingPeriod() cuts them) meeting the period, the days of P
//    inside both the period and the contract divided by the days of P; rounded to 0.01 h;
//  - fixed fee: fixed_fee × f, rounded to cents;
//  - beyond = max(0, approved − included), consumed in start order: each entry's hours
//    first use what is left of the included hours, the rest is billed at hourly_rate;
//    each line's amount is rounded to cents and time_amount is their sum;
//  - parts: quantity × unit_cost per line, rounded to cents, unless the contract includes
//    parts (listed at 0, parts_included); a part without a unit cost is listed at 0,
//    no_unit_cost;
//  - work orders without a contract: all their approved hours are beyond, with no rate,
//    so they are listed at 0 noted no_rate for the office to price; their parts are billed.
#include "billing/BillingInput.h"

#include <QStringList>

namespace fieldops::billing {

struct BillingSummary {
    QString customerId;
    QString contractId; // empty: work orders without a contract
    QString contractName;
    double approvedHours = 0;
    double includedHours = 0;
    double hoursBeyond = 0;
    std::optional<double> hourlyRate;
    double timeAmount = 0;
    double fixedFee = 0;
    double partsAmount = 0;
    double total = 0;
    int pendingEntries = 0;
    QStringList notes; // note codes: no_rate when hours beyond have no rate
};

struct BillingLine {
    enum class Kind { Time, Part };
    Kind kind = Kind::Time;
    QString customerId;
    QString contractId;
    qint64 id = 0; // time_entries.id or parts_used.id
    QString workOrderId;
    QString technicianId;
    QDateTime start; // a part's time of use
    QDateTime end;   // null for a part
    QString item;    // activity, or SKU
    QString text;    // comment, or part name
    double quantity = 0;      // hours or parts
    double includedQuantity = 0; // hours within the included hours
    double billedQuantity = 0;
    std::optional<double> unitPrice;
    double amount = 0;
    QString note; // note code: no_rate, parts_included, no_unit_cost
};

struct BillingStatement {
    QDate from;
    QDate to;
    std::vector<BillingSummary> summaries; // by customer, then contract (no contract first)
    std::vector<BillingLine> lines;        // by customer, contract, time before parts, start, id
    std::map<QString, QString> customerNames;
};

// The share of the contract's fee periods that [from, to] covers (the f above).
double feePeriodShare(const BillingContract &c, const QDate &from, const QDate &to);
double roundCents(double v);

BillingStatement computeBilling(const BillingInput &input);

// The notes: stable codes for the CSV and JSON, and their words for people, in one place.
inline const QString kNoRate = QStringLiteral("no_rate");
inline const QString kPartsIncluded = QStringLiteral("parts_included");
inline const QString kNoUnitCost = QStringLiteral("no_unit_cost");
QString noteText(const QString &code);

} // namespace fieldops::billing
