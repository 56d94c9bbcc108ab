// `fieldops-cli conflicts --from T --to T [--json]`: the rule checks of the README's rule checks
// over a horizon, with the engine the schedule board uses.
#include "CliContext.h"
#include "Commands.h"

#include "scheduling/ConflictChecker.h"
#include "scheduling/ScheduleLoader.h"
#include "scheduling/ViolationReport.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace fieldops::cli {

int runConflicts(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption fromOpt(QStringLiteral("from"),
                                     QCoreApplication::translate("cli", "Start of the range (ISO 8601 with an offset or Z)."),
                                     QStringLiteral("T"));
    const QCommandLineOption toOpt(QStringLiteral("to"),
                                   QCoreApplication::translate("cli", "End of the range, exclusive (ISO 8601 with an offset or Z)."),
                                   QStringLiteral("T"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON instead of a table."));
    parser.addOptions({fromOpt, toOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("conflicts"),
                   QCoreApplication::translate("cli", "Check the schedule's rules for appointments intersecting [from, to): "
                                                      "overlap (hard); travel, shift, absence, skill, window, sla (soft)."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(QCoreApplication::translate("cli", "conflicts takes no arguments, only --from, --to and --json"));
    if (!parser.isSet(fromOpt) || !parser.isSet(toOpt))
        return ctx.invalid(QCoreApplication::translate("cli", "conflicts needs --from T and --to T"));
    const QDateTime from = timefmt::parseIsoWithOffset(parser.value(fromOpt));
    if (!from.isValid())
        return ctx.invalid(QCoreApplication::translate("cli", "--from \"%1\" is not an ISO 8601 timestamp with an offset or Z")
                               .arg(parser.value(fromOpt)));
    const QDateTime to = timefmt::parseIsoWithOffset(parser.value(toOpt));
    if (!to.isValid())
        return ctx.invalid(QCoreApplication::translate("cli", "--to \"%1\" is not an ISO 8601 timestamp with an offset or Z")
                               .arg(parser.value(toOpt)));
    if (to <= from)
        return ctx.invalid(QCoreApplication::translate("cli", "--to must be after --from"));

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto snapshot = scheduling::ScheduleLoader(*db).load(from, to);
    if (!snapshot)
        return ctx.fail(snapshot.error());
    const std::vector<scheduling::Violation> violations = scheduling::ConflictChecker::check(*snapshot);
    if (parser.isSet(jsonOpt))
        ctx.out() << QString::fromUtf8(QJsonDocument(scheduling::violationsToJson(violations)).toJson(QJsonDocument::Indented));
    else
        ctx.out() << scheduling::violationsToTable(violations);
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
