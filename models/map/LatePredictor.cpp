#include "map/LatePredictor.h"

namespace fieldops::map {

LatePrediction predictArrival(double fromLat, double fromLon, const QDateTime &now, double siteLat, double siteLon,
                              const QDateTime &visitStart, int graceMinutes, const scheduling::TravelTimeProvider &travel)
{
    LatePrediction p;
    const int minutes = travel.minutes({QString(), fromLat, fromLon}, {QString(), siteLat, siteLon});
    p.eta = now.addSecs(qint64(minutes) * 60);
    const qint64 lateSecs = visitStart.secsTo(p.eta);
    p.minutesLate = lateSecs > 0 ? int((lateSecs + 59) / 60) : 0;
    p.late = p.minutesLate > graceMinutes;
    return p;
}

} // namespace fieldops::map
