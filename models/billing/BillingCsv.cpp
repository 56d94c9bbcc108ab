#include "billing/BillingCsv.h"

#include "interchange/CsvWriter.h"
#include "util/TimeFormat.h"

namespace fieldops::billing {

QString hoursText(double hours) { return QString::number(hours, 'f', 2); }
QString moneyText(double amount) { return QString::number(roundCents(amount), 'f', 2); }

namespace {

QString optionalMoney(const std::optional<double> &v) { return v ? moneyText(*v) : QString(); }
QString partQuantity(double q) { return QString::number(q, 'g', 15); }

} // namespace

QStringList summaryColumns()
{
    return {QStringLiteral("customer_id"), QStringLiteral("contract_id"), QStringLiteral("approved_hours"), QStringLiteral("included_hours"),
            QStringLiteral("billable_hours_beyond"), QStringLiteral("hourly_rate"), QStringLiteral("time_amount"), QStringLiteral("fixed_fee"),
            QStringLiteral("parts_amount"), QStringLiteral("total"), QStringLiteral("pending_entries"), QStringLiteral("notes")};
}

QStringList lineColumns()
{
    return {QStringLiteral("customer_id"), QStringLiteral("contract_id"), QStringLiteral("kind"), QStringLiteral("id"),
            QStringLiteral("work_order_id"), QStringLiteral("technician_id"), QStringLiteral("start"), QStringLiteral("end"),
            QStringLiteral("item"), QStringLiteral("description"), QStringLiteral("quantity"), QStringLiteral("included_quantity"),
            QStringLiteral("billed_quantity"), QStringLiteral("unit_price"), QStringLiteral("amount"), QStringLiteral("note")};
}

QByteArray summaryCsv(const BillingStatement &st)
{
    interchange::CsvWriter w;
    w.addRecord(summaryColumns());
    for (const BillingSummary &s : st.summaries)
        w.addRecord({s.customerId, s.contractId, hoursText(s.approvedHours), hoursText(s.includedHours), hoursText(s.hoursBeyond),
                     optionalMoney(s.hourlyRate), moneyText(s.timeAmount), moneyText(s.fixedFee), moneyText(s.partsAmount), moneyText(s.total),
                     QString::number(s.pendingEntries), s.notes.join(QLatin1Char(';'))});
    return w.toUtf8();
}

QByteArray linesCsv(const BillingStatement &st)
{
    interchange::CsvWriter w;
    w.addRecord(lineColumns());
    for (const BillingLine &l : st.lines) {
        const bool time = l.kind == BillingLine::Kind::Time;
        auto qty = [time](double q) { return time ? hoursText(q) : partQuantity(q); };
        w.addRecord({l.customerId, l.contractId, time ? QStringLiteral("time") : QStringLiteral("part"), QString::number(l.id), l.workOrderId,
                     l.technicianId, timefmt::toIsoUtc(l.start), timefmt::toIsoUtc(l.end), l.item, l.text, qty(l.quantity),
                     qty(l.includedQuantity), qty(l.billedQuantity), optionalMoney(l.unitPrice), moneyText(l.amount), l.note});
    }
    return w.toUtf8();
}

} // namespace fieldops::billing
