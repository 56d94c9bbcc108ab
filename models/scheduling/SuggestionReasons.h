#pragma once
// A suggestion's figures in words ("skill hvac", "12 min away", "within SLA, 5 h to spare",
// "3 h booked that day"), and why there is no suggestion at all. The spans are worded as
// the rule checks word theirs (rules::durationText).
#include "scheduling/Suggestion.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace fieldops::scheduling {

QStringList suggestionReasons(const SlotFacts &facts);

// "3 technicians have the skill hvac; all are off or full until 2026-12-05 08:00 UTC".
QString noSlotReason(const QStringList &skills, int qualified, const QDateTime &until);
// No active technician holds every required skill.
QString noQualifiedReason(const QStringList &skills);
// The customer's window and the search horizon do not leave room for the visit.
QString windowOutsideReason(const QDateTime &windowStart, const QDateTime &windowEnd, const QDateTime &from,
                            const QDateTime &to);

} // namespace fieldops::scheduling
