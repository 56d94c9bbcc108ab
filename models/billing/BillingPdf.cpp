#include "billing/BillingPdf.h"

#include "billing/BillingCsv.h"
#include "util/TimeFormat.h"

#include "util/HtmlReport.h"

#include <QCoreApplication>

namespace fieldops::billing {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(BillingStatement)
};

using html::cell;
using html::esc;
using html::headRow;

QString contractTitle(const BillingSummary &s)
{
    if (s.contractId.isEmpty())
        return Text::tr("Work orders without a contract");
    return s.contractName.isEmpty() ? Text::tr("Contract %1").arg(s.contractId) : Text::tr("Contract %1 — %2").arg(s.contractId, s.contractName);
}

QString termsTable(const BillingSummary &s)
{
    const QString rate = s.hourlyRate ? moneyText(*s.hourlyRate) : noteText(kNoRate);
    QString t = QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\">");
    auto row = [&](const QString &label, const QString &value) { t += QStringLiteral("<tr>") + cell(label) + cell(value, true) + QStringLiteral("</tr>"); };
    row(Text::tr("Approved billable hours"), hoursText(s.approvedHours));
    row(Text::tr("Hours included in the period"), hoursText(s.includedHours));
    row(Text::tr("Hours beyond the included hours"), hoursText(s.hoursBeyond));
    row(Text::tr("Hourly rate"), rate);
    row(Text::tr("Time"), moneyText(s.timeAmount));
    row(Text::tr("Fixed fee"), moneyText(s.fixedFee));
    row(Text::tr("Parts"), moneyText(s.partsAmount));
    t += QStringLiteral("<tr><td><b>%1</b></td><td align=\"right\"><b>%2</b></td></tr>").arg(esc(Text::tr("Total")), esc(moneyText(s.total)));
    return t + QStringLiteral("</table>");
}

QString linesTable(const BillingStatement &st, const BillingSummary &s)
{
    QString rows;
    for (const BillingLine &l : st.lines) {
        if (l.customerId != s.customerId || l.contractId != s.contractId)
            continue;
        const bool time = l.kind == BillingLine::Kind::Time;
        const QString what = time ? Text::tr("%1 %2, %3: %4").arg(l.item, l.workOrderId, l.technicianId, l.text)
                                  : Text::tr("%1 %2 (%3)").arg(l.item, l.text, l.workOrderId);
        const QString qty = time ? Text::tr("%1 h").arg(hoursText(l.quantity)) : QString::number(l.quantity, 'g', 15);
        const QString billed = time ? Text::tr("%1 h").arg(hoursText(l.billedQuantity)) : QString::number(l.billedQuantity, 'g', 15);
        rows += QStringLiteral("<tr>") + cell(l.start.toString(QStringLiteral("yyyy-MM-dd HH:mm"))) + cell(what) + cell(qty, true)
            + cell(billed, true) + cell(l.unitPrice ? moneyText(*l.unitPrice) : QString(), true) + cell(moneyText(l.amount), true)
            + cell(l.note.isEmpty() ? QString() : noteText(l.note)) + QStringLiteral("</tr>");
    }
    if (rows.isEmpty())
        return QStringLiteral("<p>%1</p>").arg(esc(Text::tr("No time or parts billed in the period.")));
    return html::table({Text::tr("When (UTC)"), Text::tr("What"), Text::tr("Quantity"), Text::tr("Billed"), Text::tr("Unit price"), Text::tr("Amount"),
                        Text::tr("Note")},
                       rows);
}

} // namespace

QString statementHtml(const BillingStatement &st)
{
    QString html = QStringLiteral("<html><body>");
    QString customer;
    bool first = true;
    double customerTotal = 0;
    auto closeCustomer = [&]() { html += QStringLiteral("<h3>%1</h3>").arg(esc(Text::tr("Total for the customer: %1").arg(moneyText(customerTotal)))); };
    for (const BillingSummary &s : st.summaries) {
        if (first || s.customerId != customer) {
            if (!first)
                closeCustomer();
            const auto name = st.customerNames.find(s.customerId);
            const QString title = name != st.customerNames.end() && !name->second.isEmpty() ? Text::tr("%1 (%2)").arg(name->second, s.customerId)
                                                                                              : s.customerId;
            html += QStringLiteral("<h1%1>%2</h1>")
                        .arg(first ? QString() : QStringLiteral(" style=\"page-break-before: always\""), esc(Text::tr("Statement for %1").arg(title)));
            html += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Period: %1 to %2 (UTC days)").arg(st.from.toString(Qt::ISODate), st.to.toString(Qt::ISODate))));
            customer = s.customerId;
            customerTotal = 0;
            first = false;
        }
        customerTotal += s.total;
        html += QStringLiteral("<h2>%1</h2>").arg(esc(contractTitle(s)));
        html += termsTable(s);
        html += QStringLiteral("<p></p>") + linesTable(st, s);
        if (s.pendingEntries > 0)
            html += QStringLiteral("<p><i>%1</i></p>").arg(esc(Text::tr("Time entries awaiting review, not billed: %1").arg(s.pendingEntries)));
    }
    if (first)
        html += QStringLiteral("<p>%1</p>").arg(esc(Text::tr("Nothing to bill from %1 to %2.").arg(st.from.toString(Qt::ISODate), st.to.toString(Qt::ISODate))));
    else
        closeCustomer();
    return html + QStringLiteral("</body></html>");
}

QByteArray statementPdf(const BillingStatement &st)
{
    return html::pdf(statementHtml(st), Text::tr("Billing %1 to %2").arg(st.from.toString(Qt::ISODate), st.to.toString(Qt::ISODate)));
}

} // namespace fieldops::billing
