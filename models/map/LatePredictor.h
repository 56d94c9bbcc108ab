#pragma once
// Will a technician make the next visit on time? From the latest position to the visit's
// site by the travel-time model (the same one the conflict rules use), compared with the
// visit's start plus a grace. Pure: the map model and the alerts dock both call it.
#include "scheduling/TravelTime.h"

#include <QDateTime>
#include <optional>

namespace fieldops::map {

struct LatePrediction {
    QDateTime eta;
    int minutesLate = 0; // eta − start, when positive
    bool late = false;   // minutesLate beyond the grace
};

LatePrediction predictArrival(double fromLat, double fromLon, const QDateTime &now, double siteLat, double siteLon,
                              const QDateTime &visitStart, int graceMinutes = 0,
                              const scheduling::TravelTimeProvider &travel = scheduling::defaultTravelTime());

} // namespace fieldops::map
