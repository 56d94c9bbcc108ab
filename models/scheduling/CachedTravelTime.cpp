#include "scheduling/CachedTravelTime.h"

namespace fieldops::scheduling {

CachedTravelTime::CachedTravelTime(const TravelTimeProvider &inner, const QDate &day) : m_inner(inner), m_day(day) {}

int CachedTravelTime::minutes(const GeoPlace &from, const GeoPlace &to) const
{
    if (!cacheable(from) || !cacheable(to))
        return m_inner.minutes(from, to);
    const Key key{from.siteId, to.siteId};
    {
        std::lock_guard lock(m_mutex);
        if (auto it = m_minutes.constFind(key); it != m_minutes.constEnd())
            return it.value();
    }
    // Asked outside the lock: a slow service must not stall the other threads' hits.
    const int m = m_inner.minutes(from, to);
    std::lock_guard lock(m_mutex);
    m_minutes.insert(key, m);
    return m;
}

int CachedTravelTime::upperBoundMinutes(const GeoPlace &from, const GeoPlace &to) const
{
    if (cacheable(from) && cacheable(to)) {
        std::lock_guard lock(m_mutex);
        if (auto it = m_minutes.constFind(Key{from.siteId, to.siteId}); it != m_minutes.constEnd())
            return it.value(); // the exact answer is the tightest bound
    }
    return m_inner.upperBoundMinutes(from, to);
}

std::vector<int> CachedTravelTime::matrix(const std::vector<GeoPlace> &from, const std::vector<GeoPlace> &to) const
{
    std::vector<int> out(from.size() * to.size(), -1);
    std::vector<size_t> missingRows; // rows with at least one pair not known
    {
        std::lock_guard lock(m_mutex);
        for (size_t i = 0; i < from.size(); ++i) {
            bool missing = false;
            for (size_t j = 0; j < to.size(); ++j) {
                if (!cacheable(from[i]) || !cacheable(to[j])) {
                    missing = true;
                    continue;
                }
                auto it = m_minutes.constFind(Key{from[i].siteId, to[j].siteId});
                if (it != m_minutes.constEnd())
                    out[i * to.size() + j] = it.value();
                else
                    missing = true;
            }
            if (missing)
                missingRows.push_back(i);
        }
    }
    if (missingRows.empty())
        return out;
    // One batch request for the rows with gaps (a routing service answers a table at once).
    std::vector<GeoPlace> rows;
    rows.reserve(missingRows.size());
    for (const size_t i : missingRows)
        rows.push_back(from[i]);
    const std::vector<int> fresh = m_inner.matrix(rows, to);
    std::lock_guard lock(m_mutex);
    for (size_t r = 0; r < missingRows.size(); ++r) {
        const size_t i = missingRows[r];
        for (size_t j = 0; j < to.size(); ++j) {
            const int m = fresh[r * to.size() + j];
            out[i * to.size() + j] = m;
            if (cacheable(from[i]) && cacheable(to[j]))
                m_minutes.insert(Key{from[i].siteId, to[j].siteId}, m);
        }
    }
    return out;
}

QDate CachedTravelTime::day() const
{
    std::lock_guard lock(m_mutex);
    return m_day;
}

void CachedTravelTime::setDay(const QDate &day)
{
    std::lock_guard lock(m_mutex);
    if (day == m_day)
        return;
    m_day = day;
    m_minutes.clear();
}

qsizetype CachedTravelTime::size() const
{
    std::lock_guard lock(m_mutex);
    return m_minutes.size();
}

} // namespace fieldops::scheduling
