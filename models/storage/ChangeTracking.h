#pragma once
// Installs the triggers that feed the change log (entity, id, op, actor, time) and the
// audit log (old and new values) for every tracked table, in the same transaction as
// the write that fires them. The list of tracked tables lives here and nowhere else.
#include "util/Result.h"

#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops {
class Database;

struct TrackedTable {
    QString table;
    QString ownerColumn; // the change log's entity_id: the row's id or the id of its owner
    bool audited = true;
};

const std::vector<TrackedTable> &trackedTables();
Status installChangeTracking(Database &db);
// Migration 5 (PostgreSQL): inserts and deletes logged per statement from transition
// tables, updates still per row. Nothing to do on SQLite.
Status installStatementTracking(Database &db);
// After a migration added columns to tracked tables: the audit log records them too.
Status refreshChangeTracking(Database &db);

} // namespace fieldops
