#pragma once
// Where levelling may move an occurrence: its allowed window, defined here only.
//
// The days within ±min(7, interval_days / 4) days of its due day (a weekly plan stays put,
// a monthly one may move a week), that are also
// - Monday to Friday (business days; a territory has no week pattern of its own),
// - inside the table's days (never before the horizon's first day),
// - inside its contract (never before it starts, never after it ends),
// - not a holiday of its territory, nor of its contract's calendar when that is another
//   territory's (generating refuses a day off the contract's clock).
#include "planning/CapacityInput.h"

#include <QVector>

namespace fieldops::planning {

// The farthest levelling may move an occurrence of a plan with this interval, in days.
int levellingReachDays(int intervalDays);

// The allowed days, nearest to the due day first (the earlier one first at equal distance).
QVector<QDate> allowedDays(const CapacityOccurrence &occurrence, const CapacityInput &input);

bool isAllowedDay(const CapacityOccurrence &occurrence, const CapacityInput &input, const QDate &day);

} // namespace fieldops::planning
