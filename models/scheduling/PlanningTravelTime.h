#pragma once
// The travel times suggestions and the optimiser use for one day: a routing service's road
// times (OsrmTravelTime) remembered for the day (CachedTravelTime) when a service URL is
// configured (never below the straight-line model, so what they propose passes the rule
// checks of `conflicts`), else the straight-line model. The rule checks of `conflicts` and the Conflicts
// view never use this: they keep defaultTravelTime(), the INTERCHANGE contract.
//
// Shared (std::shared_ptr) because a planning job on a worker thread may outlive whoever
// started it.
#include "scheduling/TravelTime.h"

#include <QDate>
#include <QString>
#include <QUrl>
#include <memory>

namespace fieldops::scheduling {

class CachedTravelTime;
class OsrmTravelTime;

class PlanningTravelTime final : public TravelTimeProvider {
public:
    // An empty URL: the straight-line model. `routingService` must be valid (checkServiceUrl).
    PlanningTravelTime(const QUrl &routingService, const QDate &day);
    ~PlanningTravelTime() override;

    int minutes(const GeoPlace &from, const GeoPlace &to) const override;
    int upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const override;
    std::vector<int> matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const override;

    bool usesRoutingService() const { return m_osrm != nullptr; }
    // Why some times were straight-line after all (OsrmTravelTime::lastProblem); empty if none.
    QString problem() const;
    // OsrmTravelTime::fallbacksUsed (0 without a service).
    int fallbacksUsed() const;

    // What is wrong with a routing service URL typed by someone (empty when it is usable): it
    // must be http or https with a host.
    static QString checkServiceUrl(const QString &text);
    static QUrl serviceUrl(const QString &text); // the URL checkServiceUrl accepted

private:
    std::unique_ptr<OsrmTravelTime> m_osrm;
    std::unique_ptr<CachedTravelTime> m_cache;
};

} // namespace fieldops::scheduling
