#pragma once
// Where the technician's status taps and the phone's positions disagree about a visit, for
// the dispatcher's "missed status" list: a tapped arrival or departure further than the
// tolerance from the inferred one, an arrival the positions show but nobody tapped, a
// departure the positions show on a visit still not completed, and a tap on site where the
// positions never came near it (the phone was tracked around the tap's time but not there;
// a tap in a gap of the track, with no fixes around it, says nothing).
#include "field/ArrivalInference.h"
#include "field/VisitTimes.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::field {

enum class DiscrepancyKind {
    ArrivalDiffers,     // tapped on site well before or after the phone got there
    DepartureDiffers,   // departure (or completion) tapped well before or after the phone left
    ArrivalNotTapped,   // the phone arrived; no on-site status was sent
    NotCompleted,       // the phone left; the visit is still not completed
    TapWithoutPresence, // tapped on site (or completed) but the phone, tracked then, was never at the site
};

// The word the CLI's JSON and integrators use: arrival_differs, departure_differs,
// arrival_not_tapped, not_completed, tap_without_presence.
QString discrepancyKindName(DiscrepancyKind kind);

struct StatusDiscrepancy {
    QString appointmentId;
    QString technicianId;
    DiscrepancyKind kind = DiscrepancyKind::ArrivalDiffers;
    QDateTime tapped;   // null when nothing was tapped
    QDateTime inferred; // null when the positions tell nothing
    QString explanation; // one line, translated
};

// The discrepancies of the visits given, in their order (a visit may have two: arrival and
// departure). Differences of more than `toleranceMin` minutes count. A tap without presence
// counts only where the track runs through the tap (tapCovered with `maxGapSecs`, the gap
// the inference bridged).
std::vector<StatusDiscrepancy> findDiscrepancies(const std::vector<VisitTimes> &visits, int toleranceMin = 10,
                                                 qint64 maxGapSecs = InferenceOptions{}.maxGapSecs);

// The same for the stored times of a day's visits (as infer-arrivals last wrote them).
Result<std::vector<StatusDiscrepancy>> discrepanciesForDay(Database &db, const QDate &date, int toleranceMin = 10,
                                                            const QStringList &technicians = {});

} // namespace fieldops::field
