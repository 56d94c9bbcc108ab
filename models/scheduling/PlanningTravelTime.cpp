#include "scheduling/PlanningTravelTime.h"

#include "scheduling/CachedTravelTime.h"
#include "scheduling/OsrmTravelTime.h"

#include <QCoreApplication>

#include <algorithm>

namespace fieldops::scheduling {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(OsrmTravelTime)
};
} // namespace

PlanningTravelTime::PlanningTravelTime(const QUrl &routingService, const QDate &day)
{
    if (routingService.isEmpty())
        return;
    OsrmConfig config;
    config.baseUrl = routingService;
    m_osrm = std::make_unique<OsrmTravelTime>(config);
    m_cache = std::make_unique<CachedTravelTime>(*m_osrm, day);
}

PlanningTravelTime::~PlanningTravelTime() = default;

// Never below the straight-line model: what suggestions and the optimiser propose must also
// pass the rule checks of `conflicts`, which keep that model, so a road shorter than the
// model's estimate counts as the estimate; a longer one counts as the road.
int PlanningTravelTime::minutes(const GeoPlace &from, const GeoPlace &to) const
{
    const int straight = defaultTravelTime().minutes(from, to);
    return m_cache ? std::max(m_cache->minutes(from, to), straight) : straight;
}

int PlanningTravelTime::upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const
{
    return m_cache ? std::max(m_cache->upperBoundMinutes(from, to), defaultTravelTime().upperBoundMinutes(from, to))
                   : defaultTravelTime().upperBoundMinutes(from, to);
}

std::vector<int> PlanningTravelTime::matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const
{
    std::vector<int> straight = defaultTravelTime().matrix(from, to);
    if (!m_cache)
        return straight;
    const std::vector<int> road = m_cache->matrix(from, to);
    for (size_t i = 0; i < straight.size() && i < road.size(); ++i)
        straight[i] = std::max(straight[i], road[i]);
    return straight;
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
