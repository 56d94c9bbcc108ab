#pragma once
// The schedule's write statements: one appointment at a time, every update guarded by
// optimistic concurrency (`… version = version + 1 WHERE id = ? AND version = ?`), so a
// write that lost a race is refused as StaleVersion instead of overwriting someone's
// edit. Statements only: the undo commands (models/commands) choose the transaction.
#include "domain/Entities.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>

namespace fieldops {
class Database;

class AppointmentWriter {
public:
    explicit AppointmentWriter(Database &db) : m_db(db) {}

    // Inserts with version 1 (the database refuses a double booking).
    Status insert(const Appointment &a);
    // Deletes the row if it still has expectedVersion (undo of an assignment).
    Status remove(const QString &id, int expectedVersion);
    // The move, reassign and resize of the board: start, end and technician change as one.
    // Each returns the row's new version.
    Result<int> setInterval(const QString &id, int expectedVersion, const QString &technicianId,
                            const QDateTime &start, const QDateTime &end);
    Result<int> setStatus(const QString &id, int expectedVersion, const QString &status);
    Result<int> setLocked(const QString &id, int expectedVersion, bool locked);

    Result<Appointment> fetch(const QString &id);
    Result<WorkOrder> fetchWorkOrder(const QString &id);
    // Moves a work order from one status to another only if it is still in `from`; returns
    // whether it changed (another dispatcher's status choice is never overwritten).
    Result<bool> transitionWorkOrder(const QString &workOrderId, const QString &from, const QString &to);
    // Appointments of the work order neither cancelled nor completed, not counting `except`.
    Result<int> activeAppointmentCount(const QString &workOrderId, const QString &except = {});

private:
    Result<int> updateVersioned(const QString &id, int expectedVersion, const QString &setClause,
                                const QVariantList &binds);
    Database &m_db;
};

} // namespace fieldops
