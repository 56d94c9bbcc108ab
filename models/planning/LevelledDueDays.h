#pragma once
// Generating on the levelled days: the capacity levelling's moves (CapacityLeveller.h) as
// the generator's due overrides (PmGenerator.h), so `generate-pm --level` and the console
// turn a move into a work order's due day the same way.
#include "planning/CapacityLeveller.h"
#include "planning/CapacityReader.h"
#include "planning/PmGenerator.h"

namespace fieldops::planning {

// One override per moved occurrence, on the day it was last moved to.
QVector<PmDueOverride> dueOverridesOf(const QVector<CapacityMove> &moves);

// Reads the capacity preview's input for the horizon, levels it and returns its moves as
// due overrides. Reads only.
Result<QVector<PmDueOverride>> levelledDueOverrides(Database &db, const CapacityReadOptions &options);

} // namespace fieldops::planning
