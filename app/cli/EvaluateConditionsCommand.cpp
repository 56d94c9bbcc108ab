// `fieldops-cli evaluate-conditions [--dry-run] [--json] [--at ISO-TIME]`: one evaluation
// of the condition rules (models/conditions/ConditionEvaluation): episodes opened (each
// with its work order), continued and cleared, in one transaction. Cron runs it; the
// JSON keys are documented in the README for whoever reads its output.
#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "conditions/ConditionEvaluation.h"
#include "util/TimeFormat.h"

#include <QTimeZone>

namespace fieldops::cli {

namespace {

using namespace fieldops::conditions;

QString iso(qint64 ms) { return timefmt::toIsoUtc(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())); }

QString changesJson(const QVector<EpisodeChange> &changes, bool withEvidence)
{
    QStringList items;
    for (const EpisodeChange &c : changes) {
        QStringList evidence;
        for (const Reading &r : c.evidence)
            evidence << QStringLiteral("{\"at\":%1,\"value\":%2}").arg(jsonString(iso(r.atMs)), QString::number(r.value, 'g', 15));
        QString item = QStringLiteral("{\"rule_id\":%1,\"asset_id\":%2,\"work_order_id\":%3,\"started_at\":%4")
                           .arg(jsonString(c.ruleId), jsonString(c.assetId),
                                c.workOrderId.isEmpty() ? QStringLiteral("null") : jsonString(c.workOrderId), jsonString(iso(c.startedMs)));
        if (withEvidence)
            item += QStringLiteral(",\"evidence\":[%1]").arg(evidence.join(QLatin1Char(',')));
        items << item + QLatin1Char('}');
    }
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString toJson(const EvaluationReport &r)
{
    return QStringLiteral("{\"evaluated_rules\":%1,\"assets\":%2,\"opened\":%3,\"continued\":%4,\"cleared\":%5,\"dry_run\":%6,\"locked_by\":%7}")
        .arg(r.evaluatedRules)
        .arg(r.assets)
        .arg(changesJson(r.opened, true), changesJson(r.continued, true), changesJson(r.cleared, false),
             r.dryRun ? QStringLiteral("true") : QStringLiteral("false"), r.lockedBy.isEmpty() ? QStringLiteral("null") : jsonString(r.lockedBy));
}

void printText(CliContext &ctx, const EvaluationReport &r)
{
    if (!r.lockedBy.isEmpty()) {
        ctx.out() << CliText::tr("Another evaluation is running (%1); nothing done.").arg(r.lockedBy) << '\n';
        ctx.out().flush();
        return;
    }
    for (const EpisodeChange &c : r.opened)
        ctx.out() << CliText::tr("opened     rule %1, asset %2, since %3: %4 (%5)")
                         .arg(c.ruleId, c.assetId, iso(c.startedMs), c.workOrderId.isEmpty() ? CliText::tr("no work order: dry run") : c.workOrderId,
                              evidenceText(c.evidence))
                  << '\n';
    for (const EpisodeChange &c : r.continued)
        ctx.out() << CliText::tr("continued  rule %1, asset %2, since %3: %4").arg(c.ruleId, c.assetId, iso(c.startedMs), c.workOrderId) << '\n';
    for (const EpisodeChange &c : r.cleared)
        ctx.out() << CliText::tr("cleared    rule %1, asset %2, since %3: %4").arg(c.ruleId, c.assetId, iso(c.startedMs), c.workOrderId) << '\n';
    ctx.out() << CliText::tr("rules: %1, assets: %2; opened %3, continued %4, cleared %5")
                     .arg(r.evaluatedRules)
                     .arg(r.assets)
                     .arg(r.opened.size())
                     .arg(r.continued.size())
                     .arg(r.cleared.size())
              << (r.dryRun ? CliText::tr(" (dry run: nothing written)") : QString()) << '\n';
    ctx.out().flush();
}

} // namespace

int runEvaluateConditions(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRunOpt(QStringLiteral("dry-run"), CliText::tr("Report what would change; write nothing."));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the result as one JSON object."));
    const QCommandLineOption atOpt(QStringLiteral("at"), CliText::tr("Evaluate as of this instant (ISO 8601 with an offset or Z; default now)."),
                                   QStringLiteral("ISO-TIME"));
    parser.addOptions({dryRunOpt, jsonOpt, atOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("evaluate-conditions"),
                   CliText::tr("Evaluate every active condition rule on the readings of its assets: a breach without an open\n"
                      "episode opens one with its work order, a breach with one continues it, a recovery clears it.\n"
                      "One transaction; a second run opens nothing more."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("evaluate-conditions takes no arguments besides its options (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    QDateTime asOf = QDateTime::currentDateTimeUtc();
    if (parser.isSet(atOpt)) {
        asOf = timefmt::parseIsoWithOffset(parser.value(atOpt));
        if (!asOf.isValid())
            return ctx.invalid(CliText::tr("--at: \"%1\" is not an ISO 8601 time with an offset or Z").arg(parser.value(atOpt)));
    }
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto report = ConditionEvaluation(*db).run(asOf, parser.isSet(dryRunOpt));
    if (!report)
        return ctx.fail(report.error());
    if (parser.isSet(jsonOpt)) {
        ctx.out() << toJson(*report) << '\n';
        ctx.out().flush();
    } else {
        printText(ctx, *report);
    }
    return ExitOk;
}

} // namespace fieldops::cli
