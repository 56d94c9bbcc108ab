#pragma once
// The visits of one day with the times the technician tapped and the times the phone's
// positions tell (ArrivalInference), read from the database the same way by the writer of
// the inferred times and by the list of discrepancies. A day is the technician's own:
// the visits planned to start between local midnights in their time zone.
#include "util/Result.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QStringList>

#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::field {

struct VisitTimes {
    QString appointmentId;
    QString technicianId;
    QString status;
    QByteArray timeZone; // the technician's: times in explanations are theirs
    double siteLat = 0;
    double siteLon = 0;
    QDateTime plannedStart;
    QDateTime plannedEnd;
    // What the technician's taps recorded.
    QDateTime arrivedAt;
    QDateTime departedAt;
    QDateTime completedAt;
    // What the positions tell; null when they do not.
    QDateTime inferredArrivedAt;
    QDateTime inferredDepartedAt;
    // The phone reported positions that day: without them, a missing inference says nothing.
    bool tracked = false;
    // The phone's fixes nearest the tap its presence is judged by (presenceTap): the last at
    // or before it and the first at or after it; null when there is none. Far apart, the tap
    // fell into a gap of the track (no signal, phone off), and the track says nothing of it.
    QDateTime fixBeforeTap;
    QDateTime fixAfterTap;
};

// The tap a visit's presence at its site is judged by: the on-site tap, else the
// completion; null when neither was tapped.
QDateTime presenceTap(const VisitTimes &v);

// Whether the track runs through that tap: fixes on both sides of it no further apart than
// `maxGapSecs`, the gap the inference still bridges (InferenceOptions::maxGapSecs).
bool tapCovered(const VisitTimes &v, qint64 maxGapSecs);

// One technician's local day in UTC: [from, to).
struct DayWindow {
    QDateTime from;
    QDateTime to;
};
DayWindow localDay(const QDate &date, const QByteArray &timeZone);

// The day's visits that are not cancelled, by technician and planned start; only those of
// `technicians` when it is not empty. `tracked` is left false (the caller knows the positions).
Result<std::vector<VisitTimes>> loadVisitTimes(Database &db, const QDate &date, const QStringList &technicians = {});

// Sets `tracked` from the positions table (a position in the technician's day), and the
// fixes around each visit's presence tap (fixBeforeTap, fixAfterTap).
Status markTracked(Database &db, const QDate &date, std::vector<VisitTimes> &visits);

} // namespace fieldops::field
