#include "field/ReadingPartitions.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <utility>

namespace fieldops::field {

namespace {

constexpr qint64 kWeekSecs = 7 * 24 * 3600;
constexpr qint64 kMondayOffsetSecs = 4 * 24 * 3600; // the epoch was a Thursday

qint64 weekOf(const QDateTime &t)
{
    const qint64 s = t.toSecsSinceEpoch() - kMondayOffsetSecs;
    return (s >= 0 ? s / kWeekSecs : (s - kWeekSecs + 1) / kWeekSecs) * kWeekSecs + kMondayOffsetSecs;
}

} // namespace

Status ReadingPartitions::cover(Database &db, const QDateTime &from, const QDateTime &to)
{
    if (!db.isPostgres() || !from.isValid() || !to.isValid() || to < from)
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 thisWeek = weekOf(now);
    bool known = m_weeks.contains(thisWeek) && m_weeks.contains(thisWeek + kWeekSecs);
    for (qint64 w = weekOf(from); known && w <= weekOf(to); w += kWeekSecs)
        known = m_weeks.contains(w);
    if (known)
        return {};
    for (const auto &[a, b] : {std::pair{from, to}, std::pair{now, now.addDays(7)}})
        if (auto q = db.run(QStringLiteral("SELECT fieldops_reading_partitions(?, ?)"), {timefmt::toSql(a), timefmt::toSql(b)}); !q)
            return q.error();
    for (qint64 w = weekOf(from); w <= weekOf(to); w += kWeekSecs)
        m_weeks.insert(w);
    m_weeks.insert(thisWeek);
    m_weeks.insert(thisWeek + kWeekSecs);
    return {};
}

Status ReadingPartitions::coverNow(Database &db)
{
    // A day back too: phones send readings hours late (offline, the outbox), and one taken
    // late on Sunday and delivered after midnight belongs to last week's partition.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return cover(db, now.addDays(-1), now);
}

} // namespace fieldops::field
