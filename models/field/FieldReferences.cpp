#include "field/FieldReferences.h"

#include "storage/Database.h"

namespace fieldops::field {

namespace {
QString unitKey(const QString &assetId, const QString &kind) { return assetId + QLatin1Char('\n') + kind; }
} // namespace

Result<bool> FieldReferences::exists(QSet<QString> &known, const QString &table, const QString &key, const QString &id)
{
    if (known.contains(id))
        return true;
    // Table and key names come from the calls above, never from input.
    auto found = m_db.scalar(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 = ?").arg(table, key), {id});
    if (!found)
        return found.error();
    if (found->toInt() == 0)
        return false;
    known.insert(id);
    return true;
}

Result<AppointmentState *> FieldReferences::appointment(const QString &id)
{
    auto it = m_appointments.find(id);
    if (it != m_appointments.end())
        return &it.value();
    auto q = m_db.run(QStringLiteral("SELECT technician_id, work_order_id, status FROM appointments WHERE id = ?"), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return static_cast<AppointmentState *>(nullptr);
    AppointmentState state{q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
    q->finish();
    return &m_appointments.insert(id, state).value();
}

Result<std::optional<QString>> FieldReferences::readingUnit(const QString &assetId, const QString &kind)
{
    const QString key = unitKey(assetId, kind);
    auto it = m_units.constFind(key);
    if (it != m_units.constEnd())
        return it.value();
    auto q = m_db.run(QStringLiteral("SELECT unit FROM asset_readings WHERE asset_id = ? AND kind = ? ORDER BY at, id LIMIT 1"), {assetId, kind});
    if (!q)
        return q.error();
    std::optional<QString> unit;
    if (q->next())
        unit = q->value(0).toString();
    q->finish();
    m_units.insert(key, unit);
    return unit;
}

void FieldReferences::rememberReadingUnit(const QString &assetId, const QString &kind, const QString &unit)
{
    m_units.insert(unitKey(assetId, kind), unit);
}

} // namespace fieldops::field
