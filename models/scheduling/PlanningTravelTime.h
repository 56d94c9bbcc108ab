#pragma once
// The travel times suggestions, the optimiser and repairs use for one day: a routing service's
// road times (OsrmTravelTime) when a service URL is configured; else, once learnSpeeds() has
// read the history, the straight-line model scaled by the speed factor learned for each
// territory (LearnedSpeedTravelTime); else the straight-line model. Either is remembered for
// the day (CachedTravelTime) and never counts below the straight-line model, so what planning
// proposes passes the rule checks of `conflicts`. The rule checks of `conflicts` and the
// Conflicts view never use this: they keep defaultTravelTime(), the INTERCHANGE contract.
//
// Shared (std::shared_ptr) because a planning job on a worker thread may outlive whoever
// started it.
#include "scheduling/TravelTime.h"
#include "util/Result.h"

#include <QDate>
#include <QString>
#include <QUrl>
#include <atomic>
#include <memory>
#include <mutex>

namespace fieldops {
class Database;
}

namespace fieldops::scheduling {

class CachedTravelTime;
class LearnedSpeedTravelTime;
class OsrmTravelTime;
struct TravelSpeeds;

class PlanningTravelTime final : public TravelTimeProvider {
public:
    // An empty URL: the straight-line model. `routingService` must be valid (checkServiceUrl).
    PlanningTravelTime(const QUrl &routingService, const QDate &day);
    ~PlanningTravelTime() override;

    int minutes(const GeoPlace &from, const GeoPlace &to) const override;
    int upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const override;
    std::vector<int> matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const override;

    bool usesRoutingService() const { return m_osrm != nullptr; }

    // Without a routing service: reads the speed factors the history of the days before the
    // day teaches (TravelSpeedLoader), once; later questions count them. With a routing
    // service, or once they are read, it does nothing. Call it before the first question (the
    // answers before it were the straight-line model's). Safe from any thread.
    Status learnSpeeds(Database &db) const;
    // What learnSpeeds() read; null before it, and with a routing service.
    std::shared_ptr<const TravelSpeeds> learnedSpeeds() const;
    // Why some times were straight-line after all (OsrmTravelTime::lastProblem); empty if none.
    QString problem() const;
    // OsrmTravelTime::fallbacksUsed (0 without a service).
    int fallbacksUsed() const;

    // What is wrong with a routing service URL typed by someone (empty when it is usable): it
    // must be http or https with a host.
    static QString checkServiceUrl(const QString &text);
    static QUrl serviceUrl(const QString &text); // the URL checkServiceUrl accepted

private:
    QDate m_day;
    std::unique_ptr<OsrmTravelTime> m_osrm;
    std::unique_ptr<CachedTravelTime> m_cache;
    // learnSpeeds()'s, made once under the mutex.
    mutable std::mutex m_learnMutex;
    mutable std::shared_ptr<const TravelSpeeds> m_speeds;
    mutable std::unique_ptr<LearnedSpeedTravelTime> m_learned;
    mutable std::unique_ptr<CachedTravelTime> m_learnedCache;
    // The provider asked before the straight-line floor: m_cache, m_learnedCache or none.
    // Published once, after what it points to is complete.
    mutable std::atomic<const TravelTimeProvider *> m_planned{nullptr};
    const TravelTimeProvider *planned() const { return m_planned.load(std::memory_order_acquire); }
};

} // namespace fieldops::scheduling
