// `fieldops-cli prune-outbox --older-than-days N [--json]`: removes the technicians'
// outbox notices read more than N days ago (models/field/OutboxRetention); notices not
// delivered or not read yet stay. Cron runs it daily with the login the consoles' admin
// uses.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"

#include "field/OutboxRetention.h"

#include <algorithm>
#include <limits>

namespace fieldops::cli {

namespace {

// A hundred years: beyond it every date is "older" anyway.
constexpr int kMaxDays = 36500;

} // namespace

int runPruneOutbox(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption daysOpt(QStringLiteral("older-than-days"),
                                     CliText::tr("Remove the notices read more than N days ago (N a whole number greater than 0)."),
                                     QStringLiteral("N"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print {\"removed\":N}."));
    parser.addOptions({daysOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("prune-outbox"),
                   CliText::tr("Remove the technicians' outbox notices read more than N days ago. Notices not delivered\n"
                               "or not read yet stay, however old."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("prune-outbox takes no arguments besides its options (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    if (!parser.isSet(daysOpt))
        return ctx.invalid(CliText::tr("--older-than-days: a number of days is required, e.g. --older-than-days 30"));
    bool ok = false;
    const QString text = parser.value(daysOpt).trimmed();
    const int days = text.toInt(&ok);
    if (!ok || days <= 0)
        return ctx.invalid(CliText::tr("--older-than-days: \"%1\" must be a whole number greater than 0").arg(text));

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    QDateTime cutoff = QDateTime::currentDateTimeUtc().addDays(-std::min(days, kMaxDays));
    cutoff = cutoff.addMSecs(-cutoff.time().msec());
    auto removed = field::OutboxRetention(*db).prune(cutoff);
    if (!removed)
        return ctx.fail(removed.error());
    if (parser.isSet(jsonOpt)) {
        ctx.out() << QStringLiteral("{\"removed\":%1}").arg(*removed) << '\n';
    } else {
        // A plain variable as the plural's count: lupdate stalls on an expression there.
        const int n = int(std::min<qint64>(*removed, std::numeric_limits<int>::max()));
        ctx.out() << CliText::tr("%n outbox row(s) removed", nullptr, n) << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
