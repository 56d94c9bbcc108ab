#pragma once
// What a reviewer should look at before approving time entries, computed from the entries
// and the visits alone (no database):
//  - overlap: the entry intersects another entry of the same technician;
//  - outside_visit: the entry does not lie within one of the technician's visits of its
//    work order, widened by kVisitTolerance on both sides; a travel entry may instead end
//    at the visit's beginning or start at its end (each within the tolerance), since
//    travel to a site ends on arrival and travel back starts on leaving;
//  - no_comment: billable time with an empty (or blank) comment.
// The reasons' texts live here too (flagText), so the CLI and any view say the same.
#include "billing/TimeEntry.h"

#include <QList>
#include <map>
#include <vector>

namespace fieldops::billing {

constexpr qint64 kVisitToleranceSecs = 15 * 60;

enum class FlagKind { Overlap, OutsideVisit, NoComment };

struct Flag {
    FlagKind kind = FlagKind::Overlap;
    qint64 otherId = 0; // the overlapping entry, for Overlap
    bool operator==(const Flag &o) const { return kind == o.kind && otherId == o.otherId; }
};

// Per entry id, its flags (overlaps in the other entry's id order, then outside_visit, then
// no_comment); entries without a flag are absent.
std::map<qint64, QList<Flag>> flagEntries(const std::vector<TimeEntry> &entries, const std::vector<VisitSpan> &visits);

QString flagCode(FlagKind kind); // "overlap", "outside_visit", "no_comment" (JSON)
QString flagText(const Flag &flag); // translated reason, in words

} // namespace fieldops::billing
