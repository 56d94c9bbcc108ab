// `fieldops-cli travel-speeds [--date D] [--json]`: the travel speed factor each territory's
// history teaches (models/scheduling/TravelSpeedLoader), the legs it rests on and whether
// planning (suggest, optimize, repair without --osrm) uses it.
#include "CliContext.h"
#include "TextTable.h"
#include "CliDayOptions.h"
#include "CliText.h"
#include "Commands.h"
#include "JsonText.h"

#include "scheduling/TravelSpeedLoader.h"
#include "scheduling/TravelSpeedReport.h"

#include <algorithm>

namespace fieldops::cli {

namespace {

using scheduling::TerritorySpeed;
using scheduling::TravelSpeeds;

QString toJson(const TravelSpeeds &speeds)
{
    QStringList rows;
    for (const TerritorySpeed &t : speeds.territories) {
        const scheduling::SpeedUse use = scheduling::speedUse(t);
        rows << QStringLiteral("{\"territory_id\":%1,\"name\":%2,\"legs\":%3,\"set_aside\":%4,\"factor\":%5,\"applied\":%6,\"status\":%7}")
                    .arg(jsonString(t.territoryId), jsonString(t.name))
                    .arg(t.legs)
                    .arg(t.setAside)
                    .arg(t.legs > 0 ? jsonNumber(t.factor) : QStringLiteral("null"),
                         use == scheduling::SpeedUse::Applied ? QStringLiteral("true") : QStringLiteral("false"),
                         jsonString(scheduling::speedUseKey(use)));
    }
    return QStringLiteral("{\"from\":%1,\"to\":%2,\"min_legs\":%3,\"territories\":[%4]}")
        .arg(jsonString(speeds.from.toString(Qt::ISODate)), jsonString(speeds.to.toString(Qt::ISODate)))
        .arg(scheduling::TravelSpeedLearner::kMinLegs)
        .arg(rows.join(QLatin1Char(',')));
}

QString toText(const TravelSpeeds &speeds)
{
    QString out = CliText::tr("Drives of the visits from %1 to %2; a factor needs %3 legs.\n")
                      .arg(speeds.from.toString(Qt::ISODate), speeds.to.toString(Qt::ISODate))
                      .arg(scheduling::TravelSpeedLearner::kMinLegs);
    if (speeds.territories.empty())
        return out + CliText::tr("No territories.\n");
    std::vector<QStringList> rows{{CliText::tr("TERRITORY"), CliText::tr("LEGS"), CliText::tr("SET ASIDE"), CliText::tr("FACTOR"),
                                   CliText::tr("PLANNING")}};
    for (const TerritorySpeed &t : speeds.territories) {
        const QString name = t.name.isEmpty() || t.name == t.territoryId ? t.territoryId : QStringLiteral("%1 (%2)").arg(t.territoryId, t.name);
        rows.push_back({name, QString::number(t.legs), QString::number(t.setAside), scheduling::speedFactorText(t), scheduling::speedUseText(t)});
    }
    return out + textTable(rows);
}

} // namespace

int runTravelSpeeds(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption dateOpt(QStringLiteral("date"),
                                     CliText::tr("The day planned (YYYY-MM-DD, default today): what the %1 days before it teach.")
                                         .arg(TravelSpeeds::kHistoryDays),
                                     QStringLiteral("D"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), CliText::tr("Print the factors as one JSON object."));
    parser.addOptions({dateOpt, jsonOpt});
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("travel-speeds"),
                   CliText::tr("How much slower than the straight-line model the technicians really drive, per territory:\n"
                               "the median of drive ÷ model over the legs between two completed visits of one technician on\n"
                               "one day with the departure and the arrival recorded (taps, else the times inferred from the\n"
                               "phone's positions), each counted for its destination site's territory. A leg the model puts\n"
                               "under %1 minutes, one not after its departure, and one longer than %2 × the model + %3 minutes\n"
                               "(a wait on the way) are set aside. With %4 legs or more the factor (kept in [%5, %6]) scales\n"
                               "the travel times of suggest, optimize and repair without --osrm, never below the model, which\n"
                               "the rule checks of `conflicts` keep.")
                       .arg(scheduling::TravelSpeedLearner::kShortestModelMinutes)
                       .arg(scheduling::TravelSpeedLearner::kWaitRatio)
                       .arg(scheduling::TravelSpeedLearner::kWaitSlackMinutes)
                       .arg(scheduling::TravelSpeedLearner::kMinLegs)
                       .arg(scheduling::TravelSpeedLearner::kMinFactor)
                       .arg(scheduling::TravelSpeedLearner::kMaxFactor),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(CliText::tr("travel-speeds takes no arguments (got \"%1\")").arg(parser.positionalArguments().join(QLatin1Char(' '))));
    QDate day = QDateTime::currentDateTimeUtc().date();
    if (parser.isSet(dateOpt) && !readPlanDay(ctx, parser, dateOpt, QString(), day, code))
        return code;
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    auto speeds = scheduling::TravelSpeedLoader(*db).load(day);
    if (!speeds)
        return ctx.fail(speeds.error());
    ctx.out() << (parser.isSet(jsonOpt) ? toJson(*speeds) + QLatin1Char('\n') : toText(*speeds));
    ctx.out().flush();
    return ExitOk;
}

} // namespace fieldops::cli
