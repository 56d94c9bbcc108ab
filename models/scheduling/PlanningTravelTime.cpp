#include "scheduling/PlanningTravelTime.h"

#include "scheduling/CachedTravelTime.h"
#include "scheduling/LearnedSpeedTravelTime.h"
#include "scheduling/OsrmTravelTime.h"
#include "scheduling/TravelSpeedLoader.h"

#include <QCoreApplication>

#include <algorithm>

namespace fieldops::scheduling {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(OsrmTravelTime)
};
} // namespace

PlanningTravelTime::PlanningTravelTime(const QUrl &routingService, const QDate &day) : m_day(day)
{
    if (routingService.isEmpty())
        return;
    OsrmConfig config;
    config.baseUrl = routingService;
    m_osrm = std::make_unique<OsrmTravelTime>(config);
    m_cache = std::make_unique<CachedTravelTime>(*m_osrm, day);
    m_planned.store(m_cache.get(), std::memory_order_release);
}

PlanningTravelTime::~PlanningTravelTime() = default;

// Never below the straight-line model: what suggestions and the optimiser propose must also
// pass the rule checks of `conflicts`, which keep that model, so a road shorter than the
// model's estimate counts as the estimate; a longer one counts as the road.
// The same holds for learned speeds: a territory where the technicians drive faster than the
// model still counts the model.
int PlanningTravelTime::minutes(const GeoPlace &from, const GeoPlace &to) const
{
    const int straight = defaultTravelTime().minutes(from, to);
    const TravelTimeProvider *p = planned();
    return p ? std::max(p->minutes(from, to), straight) : straight;
}

int PlanningTravelTime::upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const
{
    const TravelTimeProvider *p = planned();
    return p ? std::max(p->upperBoundMinutes(from, to), defaultTravelTime().upperBoundMinutes(from, to))
             : defaultTravelTime().upperBoundMinutes(from, to);
}

std::vector<int> PlanningTravelTime::matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const
{
    std::vector<int> straight = defaultTravelTime().matrix(from, to);
    const TravelTimeProvider *p = planned();
    if (!p)
        return straight;
    const std::vector<int> road = p->matrix(from, to);
    for (size_t i = 0; i < straight.size() && i < road.size(); ++i)
        straight[i] = std::max(straight[i], road[i]);
    return straight;
}

Status PlanningTravelTime::learnSpeeds(Database &db) const
{
    if (m_osrm)
        return {};
    std::lock_guard lock(m_learnMutex);
    if (m_speeds)
        return {};
    auto speeds = TravelSpeedLoader(db).load(m_day);
    if (!speeds)
        return speeds.error();
    m_speeds = std::make_shared<const TravelSpeeds>(std::move(*speeds));
    m_learned = std::make_unique<LearnedSpeedTravelTime>(*m_speeds);
    m_learnedCache = std::make_unique<CachedTravelTime>(*m_learned, m_day);
    m_planned.store(m_learnedCache.get(), std::memory_order_release);
    return {};
}

std::shared_ptr<const TravelSpeeds> PlanningTravelTime::learnedSpeeds() const
{
    std::lock_guard lock(m_learnMutex);
    return m_speeds;
}

QString PlanningTravelTime::problem() const
{
    return m_osrm ? m_osrm->lastProblem() : QString();
}

int PlanningTravelTime::fallbacksUsed() const
{
    return m_osrm ? m_osrm->fallbacksUsed() : 0;
}

QUrl PlanningTravelTime::serviceUrl(const QString &text)
{
    return QUrl(text.trimmed(), QUrl::StrictMode);
}

QString PlanningTravelTime::checkServiceUrl(const QString &text)
{
    const QUrl url = serviceUrl(text);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https")) || url.host().isEmpty())
        return Text::tr("\"%1\" is not a routing service URL such as http://127.0.0.1:5000").arg(text);
    return {};
}

} // namespace fieldops::scheduling
