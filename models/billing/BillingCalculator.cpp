#include "billing/BillingCalculator.h"

#include "contracts/ContractConsumption.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace fieldops::billing {

double roundCents(double v) { return std::round(v * 100.0) / 100.0; }

double feePeriodShare(const BillingContract &c, const QDate &from, const QDate &to)
{
    const QDate first = std::max(from, c.startsOn), last = std::min(to, c.endsOn);
    double share = 0;
    for (QDate d = first; d.isValid() && d <= last;) {
        const auto [pFrom, pTo] = contracts::billingPeriod(c.feePeriod, d);
        const QDate upto = std::min(pTo, last);
        share += double(d.daysTo(upto) + 1) / double(pFrom.daysTo(pTo) + 1);
        d = upto.addDays(1);
    }
    return share;
}

QString noteText(const QString &code)
{
    if (code == kNoRate)
        return QCoreApplication::translate("BillingCalculator", "no rate");
    if (code == kPartsIncluded)
        return QCoreApplication::translate("BillingCalculator", "parts included");
    if (code == kNoUnitCost)
        return QCoreApplication::translate("BillingCalculator", "no unit cost");
    return code;
}

namespace {

using Key = std::pair<QString, QString>; // customer, contract

// Hours are seconds / 3600: a remainder below this is a rounding artefact, not time.
constexpr double kHourEpsilon = 1e-9;

bool approvedBillable(const TimeEntry &e) { return e.billable && e.reviewed(); }

} // namespace

BillingStatement computeBilling(const BillingInput &input)
{
    BillingStatement st;
    st.from = input.from;
    st.to = input.to;
    st.customerNames = input.customerNames;

    std::map<QString, const BillingContract *> contractById;
    std::map<Key, BillingSummary> groups;
    auto group = [&](const QString &customer, const QString &contract) -> BillingSummary & {
        BillingSummary &g = groups[{customer, contract}];
        g.customerId = customer;
        g.contractId = contract;
        return g;
    };
    for (const BillingContract &c : input.contracts) {
        contractById[c.id] = &c;
        BillingSummary &g = group(c.customerId, c.id);
        g.contractName = c.name;
        const double share = feePeriodShare(c, input.from, input.to);
        g.includedHours = std::round(c.includedHours.value_or(0) * share * 100.0) / 100.0;
        g.fixedFee = roundCents(c.fixedFee.value_or(0) * share);
        g.hourlyRate = c.hourlyRate;
    }

    // Time: in start order per group, the included hours used up first.
    std::vector<const BillingEntry *> entries;
    for (const BillingEntry &b : input.entries) {
        if (!b.entry.reviewed()) {
            ++group(b.customerId, b.contractId).pendingEntries;
            continue;
        }
        if (approvedBillable(b.entry))
            entries.push_back(&b);
    }
    std::sort(entries.begin(), entries.end(), [](const BillingEntry *a, const BillingEntry *b) {
        if (a->entry.start != b->entry.start)
            return a->entry.start < b->entry.start;
        return a->entry.id < b->entry.id;
    });
    std::map<Key, double> includedLeft;
    for (const auto &[key, g] : groups)
        includedLeft[key] = g.includedHours;
    std::vector<BillingLine> lines;
    for (const BillingEntry *b : entries) {
        BillingSummary &g = group(b->customerId, b->contractId);
        double &left = includedLeft[{b->customerId, b->contractId}];
        const double hours = b->entry.hours();
        BillingLine l;
        l.kind = BillingLine::Kind::Time;
        l.customerId = b->customerId;
        l.contractId = b->contractId;
        l.id = b->entry.id;
        l.workOrderId = b->entry.workOrderId;
        l.technicianId = b->entry.technicianId;
        l.start = b->entry.start;
        l.end = b->entry.end;
        l.item = b->entry.activity;
        l.text = b->entry.comment;
        l.quantity = hours;
        l.includedQuantity = std::min(hours, left);
        left -= l.includedQuantity;
        l.billedQuantity = hours - l.includedQuantity;
        if (l.billedQuantity < kHourEpsilon)
            l.billedQuantity = 0;
        l.unitPrice = g.hourlyRate;
        if (l.billedQuantity > 0 && !g.hourlyRate)
            l.note = kNoRate;
        l.amount = roundCents(l.billedQuantity * g.hourlyRate.value_or(0));
        g.approvedHours += hours;
        g.timeAmount += l.amount;
        lines.push_back(std::move(l));
    }

    for (const PartLine &p : input.parts) {
        BillingSummary &g = group(p.customerId, p.contractId);
        const auto c = contractById.find(p.contractId);
        const bool included = c != contractById.end() && c->second->partsIncluded;
        BillingLine l;
        l.kind = BillingLine::Kind::Part;
        l.customerId = p.customerId;
        l.contractId = p.contractId;
        l.id = p.id;
        l.workOrderId = p.workOrderId;
        l.technicianId = p.technicianId;
        l.start = p.at;
        l.item = p.sku;
        l.text = p.partName;
        l.quantity = p.quantity;
        if (included) {
            l.includedQuantity = p.quantity;
            l.unitPrice = 0.0;
            l.note = kPartsIncluded;
        } else {
            l.billedQuantity = p.quantity;
            l.unitPrice = p.unitCost;
            if (!p.unitCost)
                l.note = kNoUnitCost;
            l.amount = roundCents(p.quantity * p.unitCost.value_or(0));
        }
        g.partsAmount += l.amount;
        lines.push_back(std::move(l));
    }

    for (auto &[key, g] : groups) {
        g.hoursBeyond = g.approvedHours - g.includedHours;
        if (g.hoursBeyond < kHourEpsilon)
            g.hoursBeyond = 0;
        g.timeAmount = roundCents(g.timeAmount);
        g.partsAmount = roundCents(g.partsAmount);
        g.total = roundCents(g.timeAmount + g.fixedFee + g.partsAmount);
        if (g.hoursBeyond > 0 && !g.hourlyRate)
            g.notes << kNoRate;
        st.summaries.push_back(g);
    }
    std::stable_sort(lines.begin(), lines.end(), [](const BillingLine &a, const BillingLine &b) {
        if (a.customerId != b.customerId)
            return a.customerId < b.customerId;
        if (a.contractId != b.contractId)
            return a.contractId < b.contractId;
        if (a.kind != b.kind)
            return a.kind == BillingLine::Kind::Time;
        if (a.start != b.start)
            return a.start < b.start;
        return a.id < b.id;
    });
    st.lines = std::move(lines);
    return st;
}

} // namespace fieldops::billing
