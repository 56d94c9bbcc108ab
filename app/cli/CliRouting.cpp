#include "CliRouting.h"

#include "CliText.h"

namespace fieldops::cli {

QCommandLineOption routingOption()
{
    return QCommandLineOption(QStringLiteral("osrm"),
                              CliText::tr("Travel times from the OSRM routing service at URL (e.g. http://127.0.0.1:5000); "
                                          "straight-line times when it fails."),
                              QStringLiteral("URL"));
}

std::shared_ptr<scheduling::PlanningTravelTime> routingTravel(CliContext &ctx, const QCommandLineParser &parser,
                                                              const QCommandLineOption &option, const QDate &day,
                                                              int &exitCode)
{
    using scheduling::PlanningTravelTime;
    if (!parser.isSet(option))
        return std::make_shared<PlanningTravelTime>(QUrl(), day);
    const QString text = parser.value(option);
    if (const QString problem = PlanningTravelTime::checkServiceUrl(text); !problem.isEmpty()) {
        exitCode = ctx.invalid(QStringLiteral("--osrm: ") + problem);
        return nullptr;
    }
    return std::make_shared<PlanningTravelTime>(PlanningTravelTime::serviceUrl(text), day);
}

void reportRoutingProblem(CliContext &ctx, const scheduling::PlanningTravelTime &travel)
{
    if (const QString problem = travel.problem(); !problem.isEmpty())
        ctx.err() << problem << Qt::endl;
}

} // namespace fieldops::cli
