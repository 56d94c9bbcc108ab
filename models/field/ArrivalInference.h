#pragma once
// When a technician really arrived at and left each visit's site, read from the phone's
// positions alone, so the dispatcher can set it beside the status taps. A pure function:
// the caller loads the day (ArrivalInferenceWriter) and the benchmark feeds it directly.
//
// A stay at a site is a run of fixes inside its geofence (radius, widened by the fix's own
// accuracy) lasting at least the dwell time. Fixes outside that come back within the dwell
// (drift) do not end it, nor does a gap in the fixes up to the maximum gap; being seen
// outside for the dwell or longer, or no fix for longer than the maximum gap, does. Each
// stay belongs to the visit at its site whose planned time is nearest; a visit's arrival is
// the first fix of its first stay, its departure the last fix inside of its last stay.
#include <QString>

#include <optional>
#include <span>
#include <vector>

namespace fieldops::field {

struct InferenceOptions {
    double radiusM = 150;
    qint64 dwellSecs = 5 * 60;
    qint64 maxGapSecs = 30 * 60;
    // A fix claiming to be worse than this is left out: widened by it, every fence in the
    // neighbourhood would hold it.
    double maxAccuracyM = 250;
};

struct PositionFix {
    qint64 at = 0; // seconds since the epoch, UTC
    double lat = 0;
    double lon = 0;
    float accuracyM = -1; // below 0: the phone did not say
};

struct PlannedVisit {
    QString appointmentId;
    double siteLat = 0;
    double siteLon = 0;
    qint64 plannedStart = 0; // seconds since the epoch, UTC
    qint64 plannedEnd = 0;
};

struct InferredVisit {
    QString appointmentId;
    std::optional<qint64> arrivedAt;  // seconds since the epoch, UTC
    std::optional<qint64> departedAt; // unset while the phone is still inside when its track ends
};

// `fixes` in time order. One answer per visit, in the visits' order.
std::vector<InferredVisit> inferArrivals(std::span<const PositionFix> fixes, std::span<const PlannedVisit> visits,
                                         const InferenceOptions &options = {});

// One technician's day, for inferring many at once.
struct TechnicianDay {
    std::vector<PositionFix> fixes;
    std::vector<PlannedVisit> visits;
    std::vector<InferredVisit> inferred; // filled by inferArrivalsForAll
};

// Every technician's day on Qt's global thread pool when `parallel` (each day is
// independent), else one after the other on the calling thread.
void inferArrivalsForAll(std::vector<TechnicianDay> &days, const InferenceOptions &options, bool parallel = true);

// Metres between two points close to each other (within a few tens of kilometres): the
// distance on the plane tangent at the first, which is what the fences are tested with.
double nearbyDistanceM(double lat1, double lon1, double lat2, double lon2);

} // namespace fieldops::field
