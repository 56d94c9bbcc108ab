#pragma once
// Levelling the capacity preview: a deterministic greedy pass that moves occurrences out
// of overloaded (week, territory) cells into the least loaded week of their allowed window
// (CapacityWindow.h) that has room for them, so the planner sees before and after side by
// side. It never makes a cell overloaded and never writes anything.
//
// Order, so the same input always gives the same moves: overloaded cells by week, then by
// territory id; in a cell, the longest occurrences first (fewest moves), then by plan and
// day. An occurrence goes to the week whose demand / available ratio would be the lowest
// (the earlier week on a tie), on that week's allowed day nearest to its due day. "Room":
// demand with it ≤ available with it (its skills may qualify more technicians there). An
// occurrence that no technician of its territory can do stays where it is.
#include "planning/CapacityPreview.h"

namespace fieldops::planning {

struct CapacityMove {
    QString planId;
    QDate occurrence; // the rule's day, which identifies it
    QString territoryId;
    QDate from;
    QDate to;
};

struct CapacityLevelling {
    CapacityPreview before;
    CapacityPreview after;
    QVector<CapacityMove> moved; // in the order they were made
};

CapacityLevelling levelCapacity(const CapacityInput &input);

} // namespace fieldops::planning
