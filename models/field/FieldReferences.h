#pragma once
// What the field events name, looked up in the database once per id and remembered for
// the rest of the batch: a gateway sends the same technicians, assets and appointments
// over and over. Appointments are remembered with their state, which the writer keeps
// up to date as the batch changes it.
#include "util/Result.h"

#include <QHash>
#include <QSet>
#include <QString>

#include <optional>

namespace fieldops {
class Database;
}

namespace fieldops::field {

struct AppointmentState {
    QString technicianId;
    QString workOrderId;
    QString status;
};

class FieldReferences {
public:
    explicit FieldReferences(Database &db) : m_db(db) {}

    Result<bool> technicianExists(const QString &id) { return exists(m_technicians, QStringLiteral("technicians"), QStringLiteral("id"), id); }
    Result<bool> workOrderExists(const QString &id) { return exists(m_workOrders, QStringLiteral("work_orders"), QStringLiteral("id"), id); }
    Result<bool> assetExists(const QString &id) { return exists(m_assets, QStringLiteral("assets"), QStringLiteral("id"), id); }
    Result<bool> partExists(const QString &sku) { return exists(m_parts, QStringLiteral("parts"), QStringLiteral("sku"), sku); }

    // Appointments change under a long-running writer (a dispatcher cancels a visit): a
    // new batch reads them again.
    void forgetAppointments() { m_appointments.clear(); }

    // nullptr when there is no such appointment.
    Result<AppointmentState *> appointment(const QString &id);

    // The unit an asset's readings of a free kind are kept in: the first reading's (in
    // the database, or earlier in this batch); nullopt when there is none yet.
    Result<std::optional<QString>> readingUnit(const QString &assetId, const QString &kind);
    void rememberReadingUnit(const QString &assetId, const QString &kind, const QString &unit);

private:
    Result<bool> exists(QSet<QString> &known, const QString &table, const QString &key, const QString &id);

    Database &m_db;
    QSet<QString> m_technicians, m_workOrders, m_assets, m_parts;
    QHash<QString, AppointmentState> m_appointments;
    QHash<QString, std::optional<QString>> m_units; // asset_id + '\n' + kind
};

} // namespace fieldops::field
