#pragma once
// The planner's capacity preview: per ISO week and territory, the hours the new preventive
// work would add against the hours the technicians able to do it still have free.
//
// Definitions (the README's capacity-preview section says the same for planners):
// - The table's days run from the horizon's first day to its last (CapacityInput); a week
//   at either end counts only its days inside that span.
// - Demand hours of (week, territory): the durations of the occurrences due that week at
//   sites of that territory.
// - Qualified technicians of (week, territory): the active technicians of that territory
//   who hold every skill of at least one of those occurrences (an occurrence without skills
//   qualifies all of them). A week without occurrences there has none.
// - A technician's shift hours: their shifts (shift_start–shift_end on work_days, on their
//   own clock) that begin on a day of that week, except the holidays of their territory.
//   Absent hours: the part of those shifts covered by absences. Booked hours: the part
//   covered by appointments not cancelled, and not already counted as absent.
//   Free hours = shift − absent − booked.
// - Occurrences at sites without a territory form their own row, served by the
//   technicians without one.
// - Available hours = the qualified technicians' free hours; booked hours = their booked
//   hours. Overloaded: demand > available.
// - The total of a week sums its territories; it is overloaded when any territory is.
#include "planning/CapacityInput.h"

#include <QStringList>
#include <QVector>

namespace fieldops::planning {

struct CapacityCell {
    double demandHours = 0;
    double availableHours = 0;
    double bookedHours = 0;
    int occurrences = 0;
    int technicians = 0; // qualified
    bool overloaded = false;
};

struct CapacityPreview {
    QStringList weeks;          // ISO weeks, "2026-W49", in order
    QVector<QDate> weekFirstDays; // the first day of each week the table counts
    QVector<QDate> weekLastDays;
    QStringList territoryIds;   // every territory with an occurrence, by id; "" = none
    QStringList territoryNames; // for people: the name, else the id
    QVector<CapacityCell> cells; // territory-major: cells[t * weeks.size() + w]
    QVector<CapacityCell> totals; // per week

    const CapacityCell &cell(int territory, int week) const { return cells[qsizetype(territory) * weeks.size() + week]; }
    bool isEmpty() const { return territoryIds.isEmpty(); }
};

// Every occurrence on its due day.
CapacityPreview computeCapacity(const CapacityInput &input);

} // namespace fieldops::planning
