#pragma once
// On PostgreSQL asset readings live in one partition per UTC week (so old weeks are
// dropped whole by the pruning, ReadingRetention.h); a reading of a week without its
// partition lands in a default partition. A writer covers the weeks it is about to write
// as the first thing of its transaction: making a partition locks the table, and a
// transaction that has already read or written readings could then deadlock with another
// writer doing the same. On SQLite there is one table and nothing to do.
#include "util/Result.h"

#include <QDateTime>
#include <QSet>

namespace fieldops {
class Database;
}

namespace fieldops::field {

class ReadingPartitions {
public:
    // The weeks from `from` to `to` (and this week and the next, so the live feed never
    // waits for a partition) have their partitions, made inside the caller's transaction
    // where missing. Weeks covered once by this object are not asked for again.
    Status cover(Database &db, const QDateTime &from, const QDateTime &to);
    // This week and the next, and the week of a day ago (readings delivered late).
    Status coverNow(Database &db);

private:
    QSet<qint64> m_weeks; // UTC Mondays, seconds since the epoch
};

} // namespace fieldops::field
