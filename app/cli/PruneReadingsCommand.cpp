// `fieldops-cli prune-readings [--keep-days N] [--dry-run] [--json]`: removes raw asset
// readings older than the retention (models/field/ReadingRetention), keeping the hourly
// sums and each series' last reading. Cron runs it daily; on PostgreSQL it also makes
// the coming week's partition ahead of the live feed.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "field/ReadingRetention.h"
#include "util/TimeFormat.h"

#include <algorithm>
#include <limits>

namespace fieldops::cli {

namespace {

// The asset health view draws a week of raw readings; rules look back at most a day.
constexpr int kMinKeepDays = 7;
constexpr int kMaxKeepDays = 3650;
constexpr int kDefaultKeepDays = 35;

} // namespace

int runPruneReadings(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption keepOpt(QStringLiteral("keep-days"),
                                     CliText::tr("Keep the raw readings of the last N days (default %1, at least %2).").arg(kDefaultKeepDays).arg(kMinKeepDays),
                                     QStringLiteral("N"));
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"), CliText::tr("Report what would be removed; remove nothing."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the result as one JSON object."));
    parser.addOptions({keepOpt, dryRunOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("prune-readings"),
                   CliText::tr("Remove the raw asset readings older than the retention. The hourly sums stay (charts and\n"
                               "anomaly baselines read them), and each asset keeps the last reading of each kind.\n"
                               "On PostgreSQL whole weeks go at once: a reading may stay up to a week longer."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("prune-readings takes no arguments besides its options (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    int keepDays = kDefaultKeepDays;
    if (parser.isSet(keepOpt)) {
        auto days = ctx.requiredDays(parser, keepOpt, kMaxKeepDays, kDefaultKeepDays, code);
        if (!days)
            return code;
        if (*days < kMinKeepDays)
            return ctx.invalid(CliText::tr("--keep-days: %1 is too few; the asset health view draws a week of raw readings, keep at least %2")
                                   .arg(*days)
                                   .arg(kMinKeepDays));
        keepDays = *days;
    }
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    const bool dryRun = parser.isSet(dryRunOpt);
    auto outcome = field::ReadingRetention(*db).prune(QDateTime::currentDateTimeUtc().addDays(-keepDays), dryRun);
    if (!outcome)
        return ctx.fail(outcome.error());
    const QString cutoff = timefmt::toIsoUtc(outcome->cutoff);
    if (parser.isSet(jsonOpt)) {
        ctx.out() << QStringLiteral("{\"removed\":%1,\"cutoff\":%2,\"keep_days\":%3,\"dry_run\":%4}")
                         .arg(outcome->removed)
                         .arg(jsonString(cutoff))
                         .arg(keepDays)
                         .arg(dryRun ? QStringLiteral("true") : QStringLiteral("false"))
                  << '\n';
    } else {
        // A plain variable as the plural's count: lupdate stalls on an expression there.
        const int removed = int(std::min<qint64>(outcome->removed, std::numeric_limits<int>::max()));
        ctx.out() << (dryRun ? CliText::tr("%n raw reading(s) before %1 would be removed (dry run: nothing removed)", nullptr, removed)
                             : CliText::tr("%n raw reading(s) before %1 removed; their hourly sums kept", nullptr, removed))
                         .arg(cutoff)
                  << '\n';
    }
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
