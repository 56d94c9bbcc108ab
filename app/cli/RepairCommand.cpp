// `fieldops-cli repair --date D (--absent T [--from TIME] | --overrun APPOINTMENT --minutes M |
// --urgent WORK_ORDER) [--territory T] [--time-limit S] [--json] [--apply [--option N]]`: the
// smallest changes that absorb a change of the day, each with its cost (models/dayplan/DayRepair).
#include "CliContext.h"
#include "CliDayOptions.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "dayplan/DayPlanLoader.h"
#include "dayplan/DayRepair.h"
#include "dayplan/DayRepairWriter.h"
#include "scheduling/PlanningTravelTime.h"
#include "util/TimeFormat.h"

#include <algorithm>
#include <memory>

namespace fieldops::cli {

namespace {

constexpr double kMaxSeconds = 60;
// A repair plans a handful of visits: the optimiser needs a moment, not the day planner's 5 s.
constexpr double kDefaultSeconds = 0.5;
constexpr long long kRepairIterations = 4000;

QString jsonTime(const QDateTime &t) { return t.isValid() ? jsonString(timefmt::toIsoUtc(t)) : QStringLiteral("null"); }
QString jsonText(const QString &s) { return s.isEmpty() ? QStringLiteral("null") : jsonString(s); }

QString jsonList(const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids)
        out << jsonString(id);
    return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
}

// Written by hand: the documented key order (QJsonObject sorts keys).
QString toJson(const dayplan::DayRepair &repair, int applied)
{
    QStringList options;
    for (const dayplan::RepairOption &o : repair.options) {
        QStringList moves;
        for (const dayplan::RepairMove &m : o.moves)
            moves << QStringLiteral("{\"appointment_id\":%1,\"work_order_id\":%2,\"from_technician_id\":%3,\"from_start\":%4,"
                                    "\"technician_id\":%5,\"start\":%6,\"end\":%7}")
                         .arg(jsonText(m.appointmentId), jsonString(m.workOrderId), jsonText(m.fromTechnicianId), jsonTime(m.fromStart),
                              jsonText(m.toTechnicianId), jsonTime(m.start), jsonTime(m.end));
        options << QStringLiteral("{\"option\":%1,\"cost\":%2,\"visits_moved\":%3,\"back_to_queue\":%4,\"new_visits\":%5,"
                                  "\"travel_added_min\":%6,\"late_min\":%7,\"moves\":[%8]}")
                       .arg(jsonString(dayplan::repairKindKey(o.kind)))
                       .arg(o.cost)
                       .arg(o.visitsMoved)
                       .arg(o.backToQueue)
                       .arg(o.newVisits)
                       .arg(o.travelAddedMin)
                       .arg(o.lateMin)
                       .arg(moves.join(QLatin1Char(',')));
    }
    return QStringLiteral("{\"displaced\":%1,\"kept_locked\":%2,\"options\":[%3],\"applied\":%4}")
        .arg(jsonList(repair.displaced), jsonList(repair.keptLocked), options.join(QLatin1Char(',')),
             applied > 0 ? QString::number(applied) : QStringLiteral("null"));
}

QString toText(const dayplan::DayRepair &repair, int applied)
{
    if (repair.displaced.isEmpty())
        return applied > 0 ? CliText::tr("Nothing is displaced: the day absorbs the change as it is. The absence is recorded.\n")
                           : CliText::tr("Nothing is displaced: the day absorbs the change as it is.\n");
    QString out = CliText::tr("Displaced: %1\n").arg(repair.displaced.join(QStringLiteral(", ")));
    if (!repair.keptLocked.isEmpty())
        out += CliText::tr("Left in place (locked or under way): %1\n").arg(repair.keptLocked.join(QStringLiteral(", ")));
    for (size_t i = 0; i < repair.options.size(); ++i) {
        const dayplan::RepairOption &o = repair.options[i];
        out += CliText::tr("%1. %2 — cost %3: %4 moved, %5 to the queue, %6 new, %7 min more travel, %8 min past SLA\n")
                   .arg(i + 1)
                   .arg(dayplan::repairKindText(o.kind))
                   .arg(o.cost)
                   .arg(o.visitsMoved)
                   .arg(o.backToQueue)
                   .arg(o.newVisits)
                   .arg(o.travelAddedMin)
                   .arg(o.lateMin);
        for (const dayplan::RepairMove &m : o.moves) {
            const QString from = m.appointmentId.isEmpty() ? CliText::tr("queue")
                                                           : QStringLiteral("%1 %2").arg(m.fromTechnicianId, timefmt::toIsoUtc(m.fromStart));
            const QString to = m.toTechnicianId.isEmpty() ? CliText::tr("queue")
                                                          : QStringLiteral("%1 %2").arg(m.toTechnicianId, timefmt::toIsoUtc(m.start));
            out += CliText::tr("     %1: %2 → %3\n").arg(m.workOrderId, from, to);
        }
    }
    out += applied > 0 ? CliText::tr("Option %1 written.\n").arg(applied)
                       : CliText::tr("Nothing written (add --apply to write the first option, or --apply --option N).\n");
    return out;
}

} // namespace

int runRepair(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption dateOpt(QStringLiteral("date"), CliText::tr("The day to repair (YYYY-MM-DD, in each technician's time zone)."),
                                     QStringLiteral("D"));
    const QCommandLineOption absentOpt(QStringLiteral("absent"), CliText::tr("This technician is off for the rest of the day."),
                                       QStringLiteral("T"));
    const QCommandLineOption fromOpt(QStringLiteral("from"),
                                     CliText::tr("With --absent: off from this instant (ISO 8601 with an offset or Z; default: the day's start)."),
                                     QStringLiteral("TIME"));
    const QCommandLineOption overrunOpt(QStringLiteral("overrun"), CliText::tr("This visit (appointment id) runs long."),
                                        QStringLiteral("APPOINTMENT"));
    const QCommandLineOption minutesOpt(QStringLiteral("minutes"), CliText::tr("With --overrun: by this many minutes."), QStringLiteral("M"));
    const QCommandLineOption urgentOpt(QStringLiteral("urgent"), CliText::tr("This work order in the queue must go today."),
                                       QStringLiteral("WORK_ORDER"));
    const QCommandLineOption territoryOpt(QStringLiteral("territory"), CliText::tr("Only this territory's technicians take visits."),
                                          QStringLiteral("T"));
    const QCommandLineOption limitOpt(QStringLiteral("time-limit"),
                                      CliText::tr("Seconds the optimiser may search for each option (decimal, default 0.5)."), QStringLiteral("S"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the options as one JSON object."));
    const QCommandLineOption applyOpt(QStringLiteral("apply"), CliText::tr("Write an option (the cheapest unless --option), in one transaction."));
    const QCommandLineOption optionOpt(QStringLiteral("option"), CliText::tr("With --apply: the option's number as listed (1 is the cheapest)."),
                                       QStringLiteral("N"));
    parser.addOptions({dateOpt, absentOpt, fromOpt, overrunOpt, minutesOpt, urgentOpt, territoryOpt, limitOpt, jsonOpt, applyOpt, optionOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("repair"),
                   CliText::tr("Propose the smallest changes that absorb a change of the day: a technician off sick (--absent),\n"
                               "a visit running long (--overrun with --minutes) or an urgent job (--urgent). Only the visits the\n"
                               "change displaces move; locked and started visits stay. Each option comes with its cost, cheapest\n"
                               "first, and every visit it proposes passes the rules `conflicts` checks. Without --apply nothing\n"
                               "is written."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("repair takes no arguments (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    QDate date;
    if (!readPlanDay(ctx, parser, dateOpt, CliText::tr("repair needs --date, e.g. fieldops-cli repair --date 2026-03-02 --absent t7"), date,
                     code))
        return code;
    const int kinds = int(parser.isSet(absentOpt)) + int(parser.isSet(overrunOpt)) + int(parser.isSet(urgentOpt));
    if (kinds != 1)
        return ctx.invalid(CliText::tr("repair needs exactly one of --absent, --overrun and --urgent"));
    dayplan::Disruption disruption;
    if (parser.isSet(absentOpt)) {
        disruption.kind = dayplan::Disruption::Kind::Absence;
        disruption.technicianId = parser.value(absentOpt).trimmed();
        if (disruption.technicianId.isEmpty())
            return ctx.invalid(CliText::tr("--absent needs a technician id"));
        if (parser.isSet(fromOpt)) {
            disruption.from = timefmt::parseIsoWithOffset(parser.value(fromOpt));
            if (!disruption.from.isValid())
                return ctx.invalid(CliText::tr("--from: \"%1\" is not an ISO 8601 timestamp with an offset or Z").arg(parser.value(fromOpt)));
        }
    } else if (parser.isSet(fromOpt)) {
        return ctx.invalid(CliText::tr("--from goes with --absent"));
    }
    if (parser.isSet(overrunOpt)) {
        disruption.kind = dayplan::Disruption::Kind::Overrun;
        disruption.appointmentId = parser.value(overrunOpt).trimmed();
        bool ok = false;
        disruption.extraMinutes = parser.value(minutesOpt).trimmed().toInt(&ok);
        if (!parser.isSet(minutesOpt) || !ok || disruption.extraMinutes < 1 || disruption.extraMinutes > 24 * 60)
            return ctx.invalid(CliText::tr("--overrun needs --minutes, a whole number of minutes from 1 to 1440"));
    } else if (parser.isSet(minutesOpt)) {
        return ctx.invalid(CliText::tr("--minutes goes with --overrun"));
    }
    if (parser.isSet(urgentOpt)) {
        disruption.kind = dayplan::Disruption::Kind::UrgentJob;
        disruption.workOrderId = parser.value(urgentOpt).trimmed();
    }
    dayplan::DayPlanOptions options;
    options.timeLimitSeconds = kDefaultSeconds;
    options.maxIterations = kRepairIterations;
    if (!readTimeLimit(ctx, parser, limitOpt, kMaxSeconds, options.timeLimitSeconds, code))
        return code;
    const QString territory = parser.value(territoryOpt).trimmed();
    if (parser.isSet(territoryOpt) && territory.isEmpty())
        return ctx.invalid(CliText::tr("--territory needs a territory id"));
    int chosen = 1;
    if (parser.isSet(optionOpt)) {
        bool ok = false;
        chosen = parser.value(optionOpt).trimmed().toInt(&ok);
        if (!parser.isSet(applyOpt))
            return ctx.invalid(CliText::tr("--option goes with --apply"));
        if (!ok || chosen < 1)
            return ctx.invalid(CliText::tr("--option: \"%1\" is not an option number (1, 2, …)").arg(parser.value(optionOpt)));
    }

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    // Planned with the speeds the history teaches, as optimize plans without --osrm.
    auto travel = std::make_shared<scheduling::PlanningTravelTime>(QUrl(), date);
    if (auto learned = travel->learnSpeeds(*db); !learned)
        return ctx.fail(learned.error());
    options.travel = travel;
    auto input = dayplan::DayPlanLoader(*db).load(date, territory);
    if (!input)
        return ctx.fail(input.error());
    auto repair = dayplan::repairDay(*input, disruption, options);
    if (!repair)
        return ctx.fail(repair.error());
    int applied = 0;
    if (parser.isSet(applyOpt) && (!repair->options.empty() || !repair->absence.technicianId.isEmpty())) {
        if (chosen > int(std::max<size_t>(repair->options.size(), 1)))
            return ctx.invalid(CliText::tr("--option %1: there are only %2 options").arg(chosen).arg(repair->options.size()));
        // Nothing displaced: only the absence is recorded.
        const dayplan::RepairOption none;
        const dayplan::RepairOption &option = repair->options.empty() ? none : repair->options[size_t(chosen - 1)];
        if (auto written = dayplan::writeDayRepair(*db, option, repair->absence, input->changeSeq); !written)
            return ctx.fail(written.error());
        applied = chosen;
    }
    ctx.out() << (parser.isSet(jsonOpt) ? toJson(*repair, applied) + QLatin1Char('\n') : toText(*repair, applied));
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
