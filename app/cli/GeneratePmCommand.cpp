// `fieldops-cli generate-pm --horizon-days N [--level] [--dry-run] [--today D] [--json]`: the
// preventive work orders the maintenance plans call for over the next N days, created in
// one transaction (models/planning); with --level on the days the capacity levelling moves
// them to. Integrators read the JSON: created count, the work orders with their plan, asset
// and due day, and the occurrences skipped with a reason code.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "planning/LevelledDueDays.h"
#include "planning/PmGenerator.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::cli {

namespace {

// Long enough for any contract's planning; a typo of extra digits is refused, not run.
constexpr int kMaxHorizonDays = 3660;

// Written by hand rather than through QJsonObject, which sorts keys: integrators' parsers
// may rely on the documented key order.
QString toJson(const planning::PmGenerateReport &report)
{
    QStringList orders;
    for (const planning::PmNewWorkOrder &w : report.created)
        orders << QStringLiteral("{\"id\":%1,\"plan_id\":%2,\"asset_id\":%3,\"due\":%4}")
                      .arg(jsonString(w.id), jsonString(w.planId), jsonString(w.assetId), jsonString(w.due.toString(Qt::ISODate)));
    QStringList skipped;
    for (const planning::PmSkipped &s : report.skipped)
        skipped << QStringLiteral("{\"plan_id\":%1,\"due\":%2,\"why\":%3}")
                       .arg(jsonString(s.planId), jsonString(s.due.toString(Qt::ISODate)), jsonString(s.why));
    return QStringLiteral("{\"created\":%1,\"work_orders\":[%2],\"skipped\":[%3]}")
        .arg(report.created.size())
        .arg(orders.join(QLatin1Char(',')), skipped.join(QLatin1Char(',')));
}

void printSummary(CliContext &ctx, const planning::PmGenerateReport &report, bool dryRun)
{
    ctx.out() << (dryRun ? CliText::tr("Would create %n preventive work order(s) (dry run: nothing written).", nullptr, count(report.created.size()))
                         : CliText::tr("Created %n preventive work order(s).", nullptr, count(report.created.size())))
              << '\n';
    for (const planning::PmNewWorkOrder &w : report.created)
        ctx.out() << "  " << CliText::tr("%1  plan %2, asset %3, due %4").arg(w.id, w.planId, w.assetId, w.due.toString(Qt::ISODate)) << '\n';
    if (!report.skipped.isEmpty())
        ctx.out() << CliText::tr("Skipped %n occurrence(s):", nullptr, count(report.skipped.size())) << '\n';
    for (const planning::PmSkipped &s : report.skipped)
        ctx.out() << "  " << CliText::tr("plan %1, due %2: %3 (%4)").arg(s.planId, s.due.toString(Qt::ISODate), s.why, s.detail) << '\n';
    ctx.out().flush();
}

} // namespace

int runGeneratePm(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption horizonOpt(QStringLiteral("horizon-days"), CliText::tr("Generate the occurrences due in the next N days (0 … %1).").arg(kMaxHorizonDays),
                                        QStringLiteral("N"));
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"), CliText::tr("Report what would be created; write nothing."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the result as one JSON object."));
    const QCommandLineOption todayOpt(QStringLiteral("today"), CliText::tr("The horizon's first day (default: today in each site's time zone)."),
                                      QStringLiteral("YYYY-MM-DD"));
    const QCommandLineOption levelOpt(QStringLiteral("level"),
                                      CliText::tr("Level the capacity first (as capacity-preview --level does for the same horizon) and "
                                         "generate the moved occurrences on their levelled days."));
    parser.addOptions({horizonOpt, levelOpt, dryRunOpt, jsonOpt, todayOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("generate-pm"),
                   CliText::tr("Create the preventive work orders the maintenance plans call for in the next N days:\n"
                      "one per occurrence, once (a second run creates nothing), all in one transaction.\n"
                      "With --level, occurrences in overloaded weeks are due on the days the capacity levelling\n"
                      "moves them to (capacity-preview --level shows the moves); \"due\" is then the moved day."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("generate-pm takes no arguments besides its options (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    const std::optional<int> days = ctx.requiredDays(parser, horizonOpt, kMaxHorizonDays, 30, code);
    if (!days)
        return code;
    const int horizon = *days;
    planning::PmGenerateOptions options;
    options.now = QDateTime::currentDateTimeUtc();
    options.horizonDays = horizon;
    options.dryRun = parser.isSet(dryRunOpt);
    if (parser.isSet(todayOpt)) {
        const QDate today = timefmt::parseDate(parser.value(todayOpt));
        if (!today.isValid())
            return ctx.invalid(CliText::tr("--today: \"%1\" is not a date (YYYY-MM-DD)").arg(parser.value(todayOpt)));
        options.today = today;
    }

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    if (parser.isSet(levelOpt)) {
        // The preview's horizon starts on one day for every site: --today, else today in UTC.
        planning::CapacityReadOptions capacity;
        capacity.today = options.today ? *options.today : options.now.date();
        capacity.horizonDays = horizon;
        auto overrides = planning::levelledDueOverrides(*db, capacity);
        if (!overrides)
            return ctx.fail(overrides.error());
        options.dueOverrides = std::move(*overrides);
    }
    auto report = planning::PmGenerator(*db).run(options);
    if (!report)
        return ctx.fail(report.error());
    if (parser.isSet(jsonOpt)) {
        ctx.out() << toJson(*report) << '\n';
        ctx.out().flush();
    } else {
        printSummary(ctx, *report, options.dryRun);
    }
    return ExitOk;
}

} // namespace fieldops::cli
