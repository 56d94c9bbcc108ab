#pragma once
// Ids a console makes up itself, "WO-000123" or "CR-000007": one past the highest number
// already in the table under that prefix. The caller's transaction and the primary key
// settle two writers that pick the same number at once (one of them is refused).
#include "util/Result.h"

#include <QString>

namespace fieldops {
class Database;

// `table` is one of our own table names (never user input); ids are `prefix-NNNNNN`.
Result<QString> nextSequentialId(Database &db, const QString &table, const QString &prefix);
// The id with number `n` under `prefix`.
QString sequentialId(const QString &prefix, qlonglong n);
// The number of a sequential id (0 when it is not one of `prefix`).
qlonglong sequentialNumber(const QString &prefix, const QString &id);

} // namespace fieldops
