// `fieldops-cli optimize --date D [--territory T] [--time-limit S] [--osrm URL] [--json] [--apply]`: plans
// day D for the open work orders nobody is booked for, with the route optimiser around the
// visits already booked, and proposes only visits the rule checks accept (models/dayplan).
#include "CliContext.h"
#include "CliDayOptions.h"
#include "CliRouting.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "dayplan/DayPlanLoader.h"
#include "dayplan/DayPlanWriter.h"
#include "dayplan/DayPlanner.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>

namespace fieldops::cli {

namespace {

constexpr double kMaxSeconds = 3600;

// Written by hand: the documented key order (QJsonObject sorts keys).
QString toJson(const dayplan::DayPlan &plan)
{
    QStringList ids, rows;
    for (const QString &id : plan.unassigned)
        ids << jsonString(id);
    for (const dayplan::PlannedVisit &v : plan.visits)
        rows << QStringLiteral("{\"work_order_id\":%1,\"technician_id\":%2,\"start\":%3,\"end\":%4}")
                    .arg(jsonString(v.workOrderId), jsonString(v.technicianId), jsonString(timefmt::toIsoUtc(v.start)),
                         jsonString(timefmt::toIsoUtc(v.end)));
    return QStringLiteral("{\"assigned\":%1,\"unassigned\":[%2],\"travel_min\":%3,\"appointments\":[%4]}")
        .arg(plan.visits.size())
        .arg(ids.join(QLatin1Char(',')))
        .arg(plan.travelMin)
        .arg(rows.join(QLatin1Char(',')));
}

QString toText(const dayplan::DayPlan &plan, const QDate &date, bool applied)
{
    QString out = CliText::tr("%1: new visits: %2; travel to and from them: %3 min.\n")
                      .arg(date.toString(Qt::ISODate))
                      .arg(plan.visits.size())
                      .arg(plan.travelMin);
    for (const dayplan::PlannedVisit &v : plan.visits)
        out += CliText::tr("  %1  %2  %3 – %4\n").arg(v.workOrderId, v.technicianId, timefmt::toIsoUtc(v.start), timefmt::toIsoUtc(v.end));
    if (!plan.unassigned.isEmpty())
        out += CliText::tr("Not placed: %1\n").arg(plan.unassigned.join(QStringLiteral(", ")));
    out += applied ? CliText::tr("Written.\n") : CliText::tr("Nothing written (add --apply to book these visits).\n");
    return out;
}

} // namespace

int runOptimize(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption dateOpt(QStringLiteral("date"), CliText::tr("The day to plan (YYYY-MM-DD, in each technician's time zone)."),
                                     QStringLiteral("D"));
    const QCommandLineOption territoryOpt(QStringLiteral("territory"), CliText::tr("Only this territory's sites and technicians."),
                                          QStringLiteral("T"));
    const QCommandLineOption limitOpt(QStringLiteral("time-limit"), CliText::tr("Seconds the optimiser may search (decimal, default 5)."),
                                      QStringLiteral("S"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the plan as one JSON object."));
    const QCommandLineOption applyOpt(QStringLiteral("apply"), CliText::tr("Book the new visits, all in one transaction."));
    const QCommandLineOption osrmOpt = routingOption();
    parser.addOptions({dateOpt, territoryOpt, limitOpt, osrmOpt, jsonOpt, applyOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("optimize"),
                   CliText::tr("Plan a day for the open work orders nobody is booked for. Visits already booked stay where they\n"
                      "are; every new visit passes the rules `conflicts` checks (overlap, travel, shift, absence, skill,\n"
                      "window), and what cannot be placed is listed as unassigned. Without --apply nothing is written."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("optimize takes no arguments (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    QDate date;
    if (!readPlanDay(ctx, parser, dateOpt, CliText::tr("optimize needs --date, e.g. fieldops-cli optimize --date 2026-03-02"), date, code))
        return code;
    dayplan::DayPlanOptions options;
    if (!readTimeLimit(ctx, parser, limitOpt, kMaxSeconds, options.timeLimitSeconds, code))
        return code;
    const QString territory = parser.value(territoryOpt).trimmed();
    if (parser.isSet(territoryOpt) && territory.isEmpty())
        return ctx.invalid(CliText::tr("--territory needs a territory id"));
    const auto travel = routingTravel(ctx, parser, osrmOpt, date, code);
    if (!travel)
        return code;
    options.travel = travel;

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    if (auto learned = travel->learnSpeeds(*db); !learned)
        return ctx.fail(learned.error());
    auto input = dayplan::DayPlanLoader(*db).load(date, territory);
    if (!input)
        return ctx.fail(input.error());
    const dayplan::DayPlan plan = dayplan::planDay(*input, options);
    reportRoutingProblem(ctx, *travel);
    const bool apply = parser.isSet(applyOpt);
    if (apply && !plan.visits.empty()) {
        if (auto written = dayplan::writeDayPlan(*db, plan, input->changeSeq); !written)
            return ctx.fail(written.error());
    }
    ctx.out() << (parser.isSet(jsonOpt) ? toJson(plan) + QLatin1Char('\n') : toText(plan, date, apply));
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
