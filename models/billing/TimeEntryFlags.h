#pragma once
// What a reviewer should look at before approving time entries, computed from the entries
// and the visits alone (no database):
//  - overlap: the entry intersects another entry of the same technician;
//  - outside_visit: the entry does not lie within one of the technician's visits of its
//    work order, widened by kVisitTolerance on both sides; a travel entry may instead end
//    at the visit's beginning or start at its end (each within the tolerance), since
//    travel to a site ends on arrival and travel back starts on leaving;
//  - gps_mismatch: a work or travel entry disagrees by more than the GPS tolerance with the
//    arrival or departure the phone's positions tell for the technician's visit of its work
//    order (the visit nearest the entry), checked only where those times were inferred.
//    Work may not begin before the arrival nor end after the departure; other entries in
//    between (waiting, a second work entry) are normal, so only the two outer edges count.
//    Travel to the site must end at the arrival, travel back start at the departure, early
//    or late alike;
//  - no_comment: billable time with an empty (or blank) comment.
// The reasons' texts live here too (flagText), so the CLI and any view say the same.
#include "billing/TimeEntry.h"

#include <QList>
#include <map>
#include <vector>

namespace fieldops::billing {

constexpr qint64 kVisitToleranceSecs = 15 * 60;
// The default of FlagOptions::gpsToleranceMinutes: a phone's fix and a technician's tap
// may differ by a few minutes without anyone having done anything wrong.
constexpr int kGpsToleranceMinutes = 15;

enum class FlagKind { Overlap, OutsideVisit, GpsMismatch, NoComment };

// Which end of the entry disagrees with which inferred time, for GpsMismatch.
enum class GpsEdge { StartVsArrival, EndVsArrival, StartVsDeparture, EndVsDeparture };

struct Flag {
    FlagKind kind = FlagKind::Overlap;
    qint64 otherId = 0; // the overlapping entry, for Overlap
    GpsEdge edge = GpsEdge::StartVsArrival; // for GpsMismatch
    int minutes = 0; // GpsMismatch: the entry's time minus the inferred one (negative: earlier)
    bool operator==(const Flag &o) const { return kind == o.kind && otherId == o.otherId && edge == o.edge && minutes == o.minutes; }
};

struct FlagOptions {
    int gpsToleranceMinutes = kGpsToleranceMinutes;
};

// Per entry id, its flags (overlaps in the other entry's id order, then outside_visit,
// gps_mismatch (start before end), no_comment); entries without a flag are absent.
std::map<qint64, QList<Flag>> flagEntries(const std::vector<TimeEntry> &entries, const std::vector<VisitSpan> &visits,
                                          const FlagOptions &options = {});

QString flagCode(FlagKind kind); // "overlap", "outside_visit", "gps_mismatch", "no_comment" (JSON)
QString flagText(const Flag &flag); // translated reason, in words

} // namespace fieldops::billing
