// `fieldops-cli billing --from D --to D --out DIR [--json]`: approved billable time and the
// parts used per customer and contract, with the contracts' terms applied (models/billing),
// written as DIR/billing_summary.csv, DIR/billing_lines.csv and DIR/billing.pdf.
#include "CliContext.h"
#include "CliPeriod.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "billing/BillingCalculator.h"
#include "billing/BillingCsv.h"
#include "billing/BillingExport.h"
#include "billing/BillingLoader.h"

#include <QDir>

namespace fieldops::cli {

namespace {

QString optionalNumber(const std::optional<double> &v) { return v ? jsonNumber(*v) : QStringLiteral("null"); }

// Written by hand: the summary file's columns, in its order (QJsonObject sorts keys).
QString toJson(const billing::BillingStatement &st)
{
    QStringList rows;
    for (const billing::BillingSummary &s : st.summaries) {
        QStringList notes;
        for (const QString &n : s.notes)
            notes << jsonString(n);
        rows << QStringLiteral("{\"customer_id\":%1,\"contract_id\":%2,\"approved_hours\":%3,\"included_hours\":%4,"
                               "\"billable_hours_beyond\":%5,\"hourly_rate\":%6,\"time_amount\":%7,\"fixed_fee\":%8,"
                               "\"parts_amount\":%9,\"total\":%10,\"pending_entries\":%11,\"notes\":[%12]}")
                    .arg(jsonString(s.customerId), s.contractId.isEmpty() ? QStringLiteral("null") : jsonString(s.contractId),
                         jsonNumber(s.approvedHours), jsonNumber(s.includedHours), jsonNumber(s.hoursBeyond), optionalNumber(s.hourlyRate),
                         jsonNumber(s.timeAmount), jsonNumber(s.fixedFee), jsonNumber(s.partsAmount))
                    .arg(jsonNumber(s.total))
                    .arg(s.pendingEntries)
                    .arg(notes.join(QLatin1Char(',')));
    }
    return QStringLiteral("{\"from\":%1,\"to\":%2,\"summary\":[%3]}")
        .arg(jsonString(st.from.toString(Qt::ISODate)), jsonString(st.to.toString(Qt::ISODate)), rows.join(QLatin1Char(',')));
}

QString toText(const billing::BillingStatement &st, const QString &dir)
{
    double total = 0;
    int pending = 0;
    for (const billing::BillingSummary &s : st.summaries) {
        total += s.total;
        pending += s.pendingEntries;
    }
    QString out = CliText::tr("Billing %1 to %2: %3 customer and contract rows, %4 lines, total %5.\n")
                      .arg(st.from.toString(Qt::ISODate), st.to.toString(Qt::ISODate))
                      .arg(st.summaries.size())
                      .arg(st.lines.size())
                      .arg(billing::moneyText(total));
    if (pending > 0)
        out += CliText::tr("Time entries awaiting review (not billed): %1.\n").arg(pending);
    for (const QString &name : billing::billingFileNames())
        out += QStringLiteral("  %1\n").arg(QDir(dir).filePath(name));
    return out;
}

} // namespace

int runBilling(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOpt(QStringLiteral("from"), CliText::tr("First day of the period (YYYY-MM-DD, UTC)."), QStringLiteral("D"));
    const QCommandLineOption toOpt(QStringLiteral("to"), CliText::tr("Last day of the period (YYYY-MM-DD, UTC)."), QStringLiteral("D"));
    const QCommandLineOption outOpt(QStringLiteral("out"), CliText::tr("Directory to write the files into (created if missing)."), QStringLiteral("DIR"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the summary rows as one JSON object."));
    parser.addOptions({fromOpt, toOpt, outOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("billing"),
                   CliText::tr("Bill a period: per customer and contract the approved billable time (approved or corrected\n"
                      "entries), the included hours of the contract for the period, the hours beyond at its rate, its\n"
                      "fixed fee and the parts used; pending entries are counted, not billed. Writes\n"
                      "billing_summary.csv, billing_lines.csv and billing.pdf into DIR."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("billing takes no arguments (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    if (!parser.isSet(fromOpt) || !parser.isSet(toOpt) || !parser.isSet(outOpt))
        return ctx.invalid(CliText::tr("billing needs --from, --to and --out, e.g. fieldops-cli billing --from 2026-03-01 --to 2026-03-31 --out march"));
    QDate from, to;
    if (!readPeriod(ctx, parser, fromOpt, toOpt, from, to, code))
        return code;
    const QString dir = parser.value(outOpt);
    if (dir.trimmed().isEmpty())
        return ctx.invalid(CliText::tr("--out needs a directory"));
    if (Status s = billing::checkOutputDirectory(dir); !s)
        return ctx.fail(s.error());

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto input = billing::BillingLoader(*db).load(from, to);
    if (!input)
        return ctx.fail(input.error());
    const billing::BillingStatement statement = billing::computeBilling(*input);
    if (Status s = billing::writeBillingFiles(dir, statement); !s)
        return ctx.fail(s.error());
    ctx.out() << (parser.isSet(jsonOpt) ? toJson(statement) + QLatin1Char('\n') : toText(statement, dir));
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
