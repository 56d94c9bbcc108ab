// `fieldops-cli optimize --date D [--territory T] [--time-limit S] [--osrm URL] [--move-booked] [--json] [--apply]`:
// plans day D for the open work orders nobody is booked for, with the route optimiser around
// the visits already booked (or, with --move-booked, moving those neither locked nor
// started), and proposes only visits the rule checks accept (models/dayplan).
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

// Written by hand: the documented key order (QJsonObject sorts keys). A re-plan adds what
// moves and the day's driving before and after, after the documented keys.
QString toJson(const dayplan::DayPlan &plan, bool moveBooked)
{
    QStringList ids, rows;
    for (const QString &id : plan.unassigned)
        ids << jsonString(id);
    for (const dayplan::PlannedVisit &v : plan.visits)
        rows << QStringLiteral("{\"work_order_id\":%1,\"technician_id\":%2,\"start\":%3,\"end\":%4}")
                    .arg(jsonString(v.workOrderId), jsonString(v.technicianId), jsonString(timefmt::toIsoUtc(v.start)),
                         jsonString(timefmt::toIsoUtc(v.end)));
    QString replan;
    if (moveBooked) {
        QStringList moves;
        for (const dayplan::VisitMove &m : plan.moves)
            moves << QStringLiteral("{\"appointment_id\":%1,\"work_order_id\":%2,\"from_technician_id\":%3,\"from_start\":%4,"
                                    "\"technician_id\":%5,\"start\":%6,\"end\":%7}")
                         .arg(jsonString(m.appointmentId), jsonString(m.workOrderId), jsonString(m.fromTechnicianId),
                              jsonString(timefmt::toIsoUtc(m.fromStart)), jsonString(m.toTechnicianId), jsonString(timefmt::toIsoUtc(m.start)),
                              jsonString(timefmt::toIsoUtc(m.end)));
        replan = QStringLiteral(",\"moves\":[%1],\"day_travel_before_min\":%2,\"day_travel_after_min\":%3")
                     .arg(moves.join(QLatin1Char(',')))
                     .arg(plan.dayTravelBeforeMin)
                     .arg(plan.dayTravelAfterMin);
    }
    return QStringLiteral("{\"assigned\":%1,\"unassigned\":[%2],\"travel_min\":%3,\"appointments\":[%4]%5}")
        .arg(plan.visits.size())
        .arg(ids.join(QLatin1Char(',')))
        .arg(plan.travelMin)
        .arg(rows.join(QLatin1Char(',')), replan);
}

QString toText(const dayplan::DayPlan &plan, const QDate &date, bool applied)
{
    QString out = CliText::tr("%1: new visits: %2; travel to and from them: %3 min.\n")
                      .arg(date.toString(Qt::ISODate))
                      .arg(plan.visits.size())
                      .arg(plan.travelMin);
    for (const dayplan::PlannedVisit &v : plan.visits)
        out += CliText::tr("  %1  %2  %3 – %4\n").arg(v.workOrderId, v.technicianId, timefmt::toIsoUtc(v.start), timefmt::toIsoUtc(v.end));
    if (!plan.moves.empty()) {
        out += CliText::tr("Booked visits moved: %n; the day's driving of the technicians concerned: %1 min, was %2 min.\n", nullptr,
                           int(plan.moves.size()))
                   .arg(plan.dayTravelAfterMin)
                   .arg(plan.dayTravelBeforeMin);
        for (const dayplan::VisitMove &m : plan.moves)
            out += CliText::tr("  %1 (%2)  %3 %4  →  %5 %6\n")
                       .arg(m.appointmentId, m.workOrderId, m.fromTechnicianId, timefmt::toIsoUtc(m.fromStart), m.toTechnicianId,
                            timefmt::toIsoUtc(m.start));
    }
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
    const QCommandLineOption moveOpt(QStringLiteral("move-booked"),
                                     CliText::tr("Re-plan the whole day: visits already booked that are neither locked nor started may move\n"
                                                 "to another time or technician (listed under \"moves\")."));
    const QCommandLineOption osrmOpt = routingOption();
    parser.addOptions({dateOpt, territoryOpt, limitOpt, osrmOpt, moveOpt, jsonOpt, applyOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("optimize"),
                   CliText::tr("Plan a day for the open work orders nobody is booked for. Visits already booked stay where they\n"
                      "are (with --move-booked those neither locked nor started may move); every new or moved visit passes the rules `conflicts` checks (overlap, travel, shift, absence, skill,\n"
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
    options.moveBooked = parser.isSet(moveOpt);

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
    if (apply && (!plan.visits.empty() || !plan.moves.empty())) {
        if (auto written = dayplan::writeDayPlan(*db, plan, input->changeSeq); !written)
            return ctx.fail(written.error());
    }
    ctx.out() << (parser.isSet(jsonOpt) ? toJson(plan, options.moveBooked) + QLatin1Char('\n') : toText(plan, date, apply));
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
