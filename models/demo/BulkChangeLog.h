#pragma once
// SQLite bulk loads: the change-tracking triggers (storage/ChangeTracking) cost about half
// of a seed's time, one trigger program per row. For tables that are empty when the
// load starts, this takes their `<table>_track_*` triggers out, and after the load writes
// the very rows those triggers would have written (change_log and audit_log, same
// entity, owner id, op, actor and JSON) with one INSERT … SELECT per table, then puts
// the triggers back from their own stored SQL. Secondary indexes of those tables (and of
// the two logs) go the same way: rebuilt once by sorting after the load instead of
// being updated row by row, except the ones the double-booking trigger searches on
// every appointment insert. All inside the caller's transaction: a rollback restores
// everything. PostgreSQL keeps its triggers and indexes (nothing is suspended).
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fieldops {
class Database;

namespace demo {

class BulkChangeLog {
public:
    explicit BulkChangeLog(Database &db) : m_db(db) {}
    // Suspends tracking (and secondary indexes) for those of `tables` that are tracked,
    // empty and on SQLite.
    Status suspend(const QStringList &tables);
    // Logs every row of the suspended tables as inserted, then restores their triggers
    // and indexes.
    Status logAndRestore();
    QStringList suspendedTables() const;

private:
    struct Suspended {
        QString table;
        QString ownerColumn;
        bool audited;
        std::vector<QString> triggerSql;
    };
    Status dropIndexes(const QString &table);
    Database &m_db;
    std::vector<Suspended> m_suspended;
    std::vector<QString> m_indexSql;
};

} // namespace demo
} // namespace fieldops
