#pragma once
// A TravelTimeProvider that remembers the answers of another one for one day's planning,
// keyed by the pair of site ids: a routing service (an OSRM `table` request) is asked each
// pair once, and whole matrices are asked only for the pairs not known yet. Travel times
// depend on the day (traffic profiles, closures), so the cache belongs to one day and
// forgets everything when it is moved to another. Places without a site id (a home base)
// are passed through uncached: their coordinates are not a stable key.
#include "scheduling/TravelTime.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <mutex>
#include <utility>

namespace fieldops::scheduling {

class CachedTravelTime final : public TravelTimeProvider {
public:
    // `inner` must outlive this cache.
    CachedTravelTime(const TravelTimeProvider &inner, const QDate &day);

    int minutes(const GeoPlace &from, const GeoPlace &to) const override;
    int upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const override;
    std::vector<int> matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const override;

    QDate day() const;
    // Plans another day: forgets every answer unless it is the same day.
    void setDay(const QDate &day);
    qsizetype size() const;

private:
    using Key = std::pair<QString, QString>;
    static bool cacheable(const GeoPlace &p) { return !p.siteId.isEmpty(); }

    const TravelTimeProvider &m_inner;
    mutable std::mutex m_mutex; // the board's worker and the GUI thread may both ask
    QDate m_day;
    mutable QHash<Key, int> m_minutes;
};

} // namespace fieldops::scheduling
