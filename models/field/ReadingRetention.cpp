#include "field/ReadingRetention.h"

#include "field/ReadingPartitions.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

namespace fieldops::field {

namespace {

QDateTime wholeHour(const QDateTime &t)
{
    const qint64 s = t.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(s - ((s % 3600) + 3600) % 3600, Qt::UTC);
}

} // namespace

Result<PruneOutcome> ReadingRetention::prune(const QDateTime &cutoff, bool dryRun)
{
    PruneOutcome out;
    out.cutoff = wholeHour(cutoff);
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    if (m_db.isPostgres()) {
        // This week's and the next week's partitions are made here too: a daily pruning
        // keeps them ahead of the live feed.
        ReadingPartitions partitions;
        if (Status s = partitions.coverNow(m_db); !s)
            return s.error();
        auto q = m_db.run(QStringLiteral("SELECT fieldops_prune_readings(?)"), {timefmt::toSql(out.cutoff)});
        if (!q)
            return q.error();
        if (q->next())
            out.removed = q->value(0).toLongLong();
    } else {
        // Each series keeps its last reading; the rest before the cutoff goes.
        auto q = m_db.run(QStringLiteral("DELETE FROM asset_readings WHERE at < ? AND EXISTS (SELECT 1 FROM asset_readings y "
                                         "WHERE y.asset_id = asset_readings.asset_id AND y.kind = asset_readings.kind "
                                         "AND (y.at > asset_readings.at OR (y.at = asset_readings.at AND y.id > asset_readings.id)))"),
                          {timefmt::toSql(out.cutoff)});
        if (!q)
            return q.error();
        out.removed = q->numRowsAffected();
        auto mark = m_db.run(QStringLiteral("UPDATE asset_reading_retention SET pruned_before = ? "
                                            "WHERE pruned_before IS NULL OR pruned_before < ?"),
                             {timefmt::toSql(out.cutoff), timefmt::toSql(out.cutoff)});
        if (!mark)
            return mark.error();
    }
    if (dryRun)
        return out; // rolled back with the transaction
    if (Status s = tx.commit(); !s)
        return s.error();
    return out;
}

Result<QDateTime> ReadingRetention::prunedBefore()
{
    auto q = m_db.run(QStringLiteral("SELECT pruned_before FROM asset_reading_retention"));
    if (!q)
        return q.error();
    if (!q->next() || q->value(0).isNull())
        return QDateTime();
    return timefmt::fromSql(q->value(0));
}

} // namespace fieldops::field
