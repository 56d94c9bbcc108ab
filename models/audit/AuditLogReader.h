#pragma once
// Reads the audit log: the history of one row, of a work order with everything hanging
// off it (its skills, ratings and appointments), and the names the history refers to.
// Newest first. Prepared statements only; a reader borrows a Database.
#include "audit/AuditEntry.h"
#include "util/Result.h"

#include <QHash>
#include <QString>

namespace fieldops {
class Database;

class AuditLogReader {
public:
    explicit AuditLogReader(Database &db) : m_db(db) {}

    // Rows of `entity` (a table) about `entityId`, newest first, at most `limit`.
    Result<AuditEntries> history(const QString &entity, const QString &entityId, int limit = 500);
    // Rows of a table the log keeps under their owner's id (absences under their
    // technician's): the entries about row `rowId`, read from the owner's entries (or from
    // the table's, when the owner is not known), newest first.
    Result<AuditEntries> ownedRowHistory(const QString &entity, const QString &rowId, const QString &ownerId, int limit = 500);
    // The work order's own rows plus those of its skills, ratings and every appointment it
    // has now, newest first.
    Result<AuditEntries> workOrderHistory(const QString &workOrderId, int limit = 500);
    // id → name of the technicians these entries mention (for "Nina" instead of "t17").
    Result<QHash<QString, QString>> technicianNames(const AuditEntries &entries);

private:
    Result<AuditEntries> read(const QString &where, const QVariantList &binds, int limit);
    Database &m_db;
};

} // namespace fieldops
