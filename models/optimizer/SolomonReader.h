#pragma once
// Reads a VRPTW instance in Solomon's text format (name line, VEHICLE NUMBER/CAPACITY, then one
// row per customer: number, x, y, demand, ready time, due date, service time; customer 0 is the
// depot). Travel between customers is their Euclidean distance, unrounded.
#include "optimizer/VrpProblem.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace fieldops::optimizer {

// A job nobody may leave out: far more than any route of a Solomon instance costs.
inline constexpr double kSolomonUnassignedPenalty = 1e6;

Result<VrpProblem> parseSolomon(const QByteArray &text);
Result<VrpProblem> readSolomonFile(const QString &path);

} // namespace fieldops::optimizer
