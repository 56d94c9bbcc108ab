#pragma once
// The completed visits the duration model learns from, read from the database, and a work
// order's predicted duration for the technicians who could take it (the board's drop, the
// inspector).
//
// A visit's actual duration is its time on site: from the arrival the technician tapped
// (arrived_at; the one inferred from the phone's positions when no tap was sent) to the
// completion they tapped (completed_at; else the departure, tapped or inferred). Only
// visits with status completed count, and only durations above 0 and below 24 hours (a
// visit left open overnight says nothing about the work).
#include "scheduling/DurationModel.h"
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>

#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::scheduling {

// Completed visits that began in [from, before) (an invalid bound: open), of `type` only
// when it is not empty, ordered by appointment id.
Result<std::vector<DurationSample>> loadDurationHistory(Database &db, const QDateTime &from, const QDateTime &before,
                                                         const QString &type = {});

// The work order's prediction for each technician id given, and for nobody (key "").
// Learns from every completed visit of the work order's type.
Result<QHash<QString, DurationPrediction>> predictWorkOrderDurations(Database &db, const QString &workOrderId,
                                                                     const QStringList &technicianIds);

} // namespace fieldops::scheduling
