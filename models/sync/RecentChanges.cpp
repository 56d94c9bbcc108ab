#include "sync/RecentChanges.h"

#include <algorithm>
#include <limits>

namespace fieldops {

namespace {
bool isNews(const Change &c)
{
    // Positions stream in every few seconds per technician, asset readings (and their
    // hourly sums) as often per asset; outlining them would make the whole map blink.
    // Logs are bookkeeping, not rows anyone sees.
    return c.entity != QLatin1String("positions") && !c.entity.startsWith(QLatin1String("asset_reading"))
        && !c.entity.endsWith(QLatin1String("_log")) && !c.actor.isEmpty();
}
} // namespace

RecentChanges::RecentChanges(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_expiry.setSingleShot(true);
    connect(&m_expiry, &QTimer::timeout, this, &RecentChanges::expire);
}

void RecentChanges::record(const ChangeList &changes)
{
    bool grew = false;
    const qint64 expires = m_clock.elapsed() + m_lifetimeMs;
    for (const Change &c : changes) {
        if (!isNews(c) || c.actor == m_ownActor)
            continue;
        m_entries.insert(key(c.entity, c.entityId), Entry{c.actor, c.op, expires});
        grew = true;
    }
    if (!grew)
        return;
    scheduleExpiry();
    emit changed();
}

void RecentChanges::clear()
{
    if (m_entries.isEmpty())
        return;
    m_entries.clear();
    m_expiry.stop();
    emit changed();
}

std::optional<RecentChanges::Entry> RecentChanges::find(const QString &entity, const QString &id) const
{
    const auto it = m_entries.constFind(key(entity, id));
    if (it == m_entries.cend() || it->expiresAtMs <= m_clock.elapsed())
        return std::nullopt;
    return *it;
}

double RecentChanges::remainingFraction(const Entry &entry) const
{
    if (m_lifetimeMs <= 0)
        return 0.0;
    const double left = double(entry.expiresAtMs - m_clock.elapsed()) / m_lifetimeMs;
    return std::clamp(left, 0.0, 1.0);
}

void RecentChanges::expire()
{
    const qint64 now = m_clock.elapsed();
    const auto before = m_entries.size();
    m_entries.removeIf([now](const QHash<QString, Entry>::iterator it) { return it.value().expiresAtMs <= now; });
    scheduleExpiry();
    if (m_entries.size() != before)
        emit changed();
}

void RecentChanges::scheduleExpiry()
{
    qint64 next = std::numeric_limits<qint64>::max();
    for (const Entry &e : std::as_const(m_entries))
        next = std::min(next, e.expiresAtMs);
    if (next == std::numeric_limits<qint64>::max()) {
        m_expiry.stop();
        return;
    }
    m_expiry.start(int(std::max<qint64>(0, next - m_clock.elapsed())));
}

} // namespace fieldops
