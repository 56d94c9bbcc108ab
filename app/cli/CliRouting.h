#pragma once
// `--osrm URL`, shared by the commands that plan or suggest (`suggest`, `optimize`): travel
// from an OSRM routing service for the day, remembered per site pair, falling back to the
// straight-line model; the fallback's reason is one line on standard error. Without the
// option, the speeds learned per territory (PlanningTravelTime::learnSpeeds).
#include "CliContext.h"

#include "scheduling/PlanningTravelTime.h"

#include <QCommandLineOption>
#include <QDate>
#include <memory>

namespace fieldops::cli {

QCommandLineOption routingOption();

// The day's travel times: the service's when --osrm is given, else the straight-line model,
// scaled by the speeds learned per territory once the command calls learnSpeeds() on its
// database. Null after saying what is wrong with the URL (exitCode set).
std::shared_ptr<scheduling::PlanningTravelTime> routingTravel(CliContext &ctx, const QCommandLineParser &parser,
                                                              const QCommandLineOption &option, const QDate &day,
                                                              int &exitCode);

// Prints why some travel times were straight-line after all, if any were (stdout untouched).
void reportRoutingProblem(CliContext &ctx, const scheduling::PlanningTravelTime &travel);

} // namespace fieldops::cli
