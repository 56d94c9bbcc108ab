#pragma once
// Writes a generated DemoDataSet into the database in foreign-key order through batched
// prepared inserts. The caller owns the transaction.
#include "demo/DemoDataSet.h"
#include "util/Result.h"

#include <functional>

namespace fieldops {
class Database;

namespace demo {

struct WriteOptions {
    // SQLite: log the bulk-loaded rows with one statement per table instead of per-row
    // triggers (BulkChangeLog). Off only to compare the two in tests.
    bool bulkChangeLog = true;
};

// `tick(percent)` now and then; returning false stops with Error::Kind::Cancelled.
Status writeDataSet(Database &db, const DemoDataSet &data, const std::function<bool(int percent)> &tick,
                    const WriteOptions &options = {});

// Rows the data set will write, all tables together (for progress and summaries).
qint64 rowCount(const DemoDataSet &data);

} // namespace demo
} // namespace fieldops
