// `fieldops-cli suggest WORK_ORDER_ID [--top K] [--from T] [--days N] [--osrm URL] [--json]`: the best
// feasible (technician, start) slots for an unassigned or to-be-moved work order, with the
// engine of models/scheduling (SlotFinder under the rule checks, SuggestionRanker).
#include "CliContext.h"
#include "TextTable.h"
#include "CliRouting.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "scheduling/CompiledSchedule.h"
#include "scheduling/SuggestionLoader.h"
#include "scheduling/SuggestionRanker.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::cli {

namespace {

constexpr int kMaxTop = 100;
constexpr int kMaxDays = 31;

// Written by hand: the documented key order (QJsonObject sorts keys).
QString toJson(const scheduling::SuggestionResult &result)
{
    QStringList rows;
    for (const scheduling::Suggestion &s : result.candidates) {
        QStringList reasons;
        for (const QString &r : s.reasons)
            reasons << jsonString(r);
        rows << QStringLiteral("{\"technician_id\":%1,\"start\":%2,\"end\":%3,\"travel_min\":%4,\"score\":%5,\"reasons\":[%6]}")
                    .arg(jsonString(s.technicianId), jsonString(timefmt::toIsoUtc(s.start)), jsonString(timefmt::toIsoUtc(s.end)))
                    .arg(s.facts.travelMin)
                    .arg(jsonNumber(s.score), reasons.join(QLatin1Char(',')));
    }
    QString out = QStringLiteral("{\"candidates\":[%1]").arg(rows.join(QLatin1Char(',')));
    if (result.candidates.empty())
        out += QStringLiteral(",\"why_none\":%1").arg(jsonString(result.whyNone));
    return out + QLatin1Char('}');
}

QString toTable(const scheduling::SuggestionResult &result)
{
    std::vector<QStringList> rows{{CliText::tr("#"), CliText::tr("TECHNICIAN"), CliText::tr("START"), CliText::tr("END"), CliText::tr("TRAVEL"), CliText::tr("SCORE"), CliText::tr("REASONS")}};
    int rank = 0;
    for (const scheduling::Suggestion &s : result.candidates)
        rows.push_back({QString::number(++rank), s.technicianId, timefmt::toIsoUtc(s.start), timefmt::toIsoUtc(s.end),
                        CliText::tr("%1 min").arg(s.facts.travelMin), QString::number(s.score, 'f', 2), s.reasons.join(QStringLiteral("; "))});
    return textTable(rows);
}

} // namespace

int runSuggest(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("WORK_ORDER_ID"), CliText::tr("The work order to place."));
    const QCommandLineOption topOpt(QStringLiteral("top"), CliText::tr("How many candidates at most (1 … %1, default 5).").arg(kMaxTop),
                                    QStringLiteral("K"));
    const QCommandLineOption fromOpt(QStringLiteral("from"), CliText::tr("Search from this instant (ISO 8601 with an offset or Z; default: now)."),
                                     QStringLiteral("T"));
    const QCommandLineOption daysOpt(QStringLiteral("days"), CliText::tr("Search this many days from --from (1 … %1, default 7).").arg(kMaxDays),
                                     QStringLiteral("N"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the candidates as one JSON object."));
    const QCommandLineOption osrmOpt = routingOption();
    parser.addOptions({topOpt, fromOpt, daysOpt, osrmOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("suggest"),
                   CliText::tr("Rank the feasible (technician, start) slots for a work order, best first. Every slot passes the\n"
                      "rules `conflicts` checks (overlap, travel, shift, absence, skill, window); a slot ending after the\n"
                      "SLA due is kept but scores below every slot within it, and its reasons say how late it is."),
                   code))
        return code;
    const QStringList ids = parser.positionalArguments();
    if (ids.size() != 1)
        return ctx.invalid(ids.isEmpty() ? CliText::tr("suggest needs a work order id, e.g. fieldops-cli suggest WO-000012")
                                         : CliText::tr("suggest takes one work order id (got \"%1\")").arg(ids.join(QLatin1Char(' '))));
    int top = 5;
    if (parser.isSet(topOpt)) {
        bool ok = false;
        top = parser.value(topOpt).trimmed().toInt(&ok);
        if (!ok || top < 1 || top > kMaxTop)
            return ctx.invalid(CliText::tr("--top: \"%1\" is not a whole number in [1, %2]").arg(parser.value(topOpt)).arg(kMaxTop));
    }
    int days = 7;
    if (parser.isSet(daysOpt)) {
        bool ok = false;
        days = parser.value(daysOpt).trimmed().toInt(&ok);
        if (!ok || days < 1 || days > kMaxDays)
            return ctx.invalid(CliText::tr("--days: \"%1\" is not a whole number in [1, %2]").arg(parser.value(daysOpt)).arg(kMaxDays));
    }
    QDateTime from = QDateTime::currentDateTimeUtc();
    if (parser.isSet(fromOpt)) {
        from = timefmt::parseIsoWithOffset(parser.value(fromOpt));
        if (!from.isValid())
            return ctx.invalid(CliText::tr("--from: \"%1\" is not an ISO 8601 timestamp with an offset or Z").arg(parser.value(fromOpt)));
    }
    from = from.toUTC();
    const QDateTime to = from.addDays(days);
    const auto travel = routingTravel(ctx, parser, osrmOpt, from.date(), code);
    if (!travel)
        return code;

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    if (auto learned = travel->learnSpeeds(*db); !learned)
        return ctx.fail(learned.error());
    auto input = scheduling::SuggestionLoader(*db).load(ids.constFirst(), from, to);
    if (!input)
        return ctx.fail(input.error());
    // The search's rule checks use the same travel times as its ranking.
    const scheduling::CompiledSchedule schedule(input->snapshot, *travel);
    scheduling::SuggestionRanker ranker(schedule, scheduling::SuggestionRanker::basesOf(input->snapshot, input->inactiveTechnicians));
    ranker.setParts(input->partsNeeded, input->vanStock);
    const scheduling::SuggestionResult result =
        ranker.suggest({input->workOrder.id, input->workOrder.durationMin, from, to, top});
    reportRoutingProblem(ctx, *travel);
    if (parser.isSet(jsonOpt)) {
        ctx.out() << toJson(result) << '\n';
    } else if (result.candidates.empty()) {
        // An answer, not a failure (exit 0), but no table: the reason goes where people look.
        ctx.err() << CliText::tr("No feasible slot: %1").arg(result.whyNone) << Qt::endl;
    } else {
        ctx.out() << toTable(result);
    }
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
