#include "field/ReadingHours.h"

#include "demo/BatchInserter.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QTimeZone>

#include <algorithm>

namespace fieldops::field {

void ReadingHours::add(const QString &assetId, const QString &kind, const QDateTime &at, double value)
{
    const QDateTime utc = at.toUTC();
    const Key key{assetId, kind, QDateTime(utc.date(), QTime(utc.time().hour(), 0), QTimeZone::utc())};
    Sums &s = m_hours[key];
    if (s.count == 0) {
        s.min = s.max = value;
    } else {
        s.min = std::min(s.min, value);
        s.max = std::max(s.max, value);
    }
    s.sum += value;
    ++s.count;
}

Status ReadingHours::flush(Database &db)
{
    // Each key once per statement (a multi-row upsert may not touch a row twice).
    const QString least = db.isPostgres() ? QStringLiteral("LEAST") : QStringLiteral("min");
    const QString greatest = db.isPostgres() ? QStringLiteral("GREATEST") : QStringLiteral("max");
    const QString merge = QStringLiteral(
        "ON CONFLICT (asset_id, kind, hour) DO UPDATE SET count = asset_reading_hours.count + excluded.count, "
        "min = %1(asset_reading_hours.min, excluded.min), "
        "max = %2(asset_reading_hours.max, excluded.max), "
        "sum = asset_reading_hours.sum + excluded.sum").arg(least, greatest);
    demo::BatchInserter rows(db, QStringLiteral("asset_reading_hours"),
                             {QStringLiteral("asset_id"), QStringLiteral("kind"), QStringLiteral("hour"), QStringLiteral("count"),
                              QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("sum")},
                             merge);
    for (auto it = m_hours.cbegin(); it != m_hours.cend(); ++it) {
        const Sums &s = it.value();
        if (Status st = rows.add({it.key().assetId, it.key().kind, timefmt::toSql(it.key().hour), s.count, s.min, s.max, s.sum}); !st)
            return st;
    }
    if (Status st = rows.flush(); !st)
        return st;
    m_hours.clear();
    return {};
}

Status ReadingHours::rebuild(Database &db, const QStringList &assetIds)
{
    // The UTC hour a reading falls in, as add() computes it.
    const QString hour = db.isPostgres() ? QStringLiteral("date_trunc('hour', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'")
                                         : QStringLiteral("substr(at, 1, 13) || ':00:00Z'");
    // Before the pruning's watermark (a whole hour) the sums are all that is left of the
    // readings: those hours stay as they are.
    const QString since = db.isPostgres()
                              ? QStringLiteral("coalesce((SELECT pruned_before FROM asset_reading_retention), '-infinity'::timestamptz)")
                              : QStringLiteral("coalesce((SELECT pruned_before FROM asset_reading_retention), '')");
    const QString insert = QStringLiteral("INSERT INTO asset_reading_hours(asset_id, kind, hour, count, min, max, sum) "
                                          "SELECT asset_id, kind, %1, count(*), min(value), max(value), sum(value) FROM asset_readings "
                                          "WHERE asset_id = ? AND at >= %2 GROUP BY asset_id, kind, %1")
                               .arg(hour, since);
    const QString remove = QStringLiteral("DELETE FROM asset_reading_hours WHERE asset_id = ? AND hour >= %1").arg(since);
    for (const QString &asset : assetIds) {
        if (auto q = db.run(remove, {asset}); !q)
            return q.error();
        if (auto q = db.run(insert, {asset}); !q)
            return q.error();
    }
    return {};
}

} // namespace fieldops::field
