#pragma once
// How long raw asset readings are kept (`fieldops-cli prune-readings`). Readings before a
// cutoff are removed, the hourly sums (asset_reading_hours) stay for good, and each
// asset's kind keeps its last reading even when that is older (so a silent sensor still
// has its unit and last value). On PostgreSQL whole weeks go at once (their partitions,
// ReadingPartitions.h): a reading lives until the cutoff passes it and at most a week
// longer. The cutoff, a whole UTC hour, becomes the watermark before which only the
// hourly sums are left.
#include "util/Result.h"

#include <QDateTime>

namespace fieldops {
class Database;
}

namespace fieldops::field {

struct PruneOutcome {
    qint64 removed = 0;    // raw readings removed
    QDateTime cutoff;      // the whole hour readings before which were removed
};

class ReadingRetention {
public:
    explicit ReadingRetention(Database &db) : m_db(db) {}
    // Removes the readings before `cutoff` (floored to the hour) in one transaction of its
    // own; with `dryRun` the same work is rolled back, so the figures are exact.
    Result<PruneOutcome> prune(const QDateTime &cutoff, bool dryRun);
    // The watermark: readings before it have been pruned (invalid: never pruned).
    Result<QDateTime> prunedBefore();

private:
    Database &m_db;
};

} // namespace fieldops::field
