#pragma once
// How long the technicians' outbox keeps its notices (`fieldops-cli prune-outbox`): a
// notice read before a cutoff is removed; one not delivered or not read yet stays, however
// old, so nothing the phone still has to show goes. The deletes reach the change log (and
// on PostgreSQL the audit log) like any other.
#include "util/Result.h"

#include <QDateTime>

namespace fieldops {
class Database;
}

namespace fieldops::field {

class OutboxRetention {
public:
    explicit OutboxRetention(Database &db) : m_db(db) {}
    // Removes the notices read before `cutoff` in one transaction; returns how many.
    Result<qint64> prune(const QDateTime &cutoff);

private:
    Database &m_db;
};

} // namespace fieldops::field
