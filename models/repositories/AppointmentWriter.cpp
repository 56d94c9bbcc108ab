#include "repositories/AppointmentWriter.h"

#include "audit/LostRaceExplainer.h"
#include "storage/AppointmentRows.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace fieldops {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(AppointmentWriter)
};

} // namespace

Status AppointmentWriter::insert(const Appointment &a)
{
    auto q = m_db.run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, "
                                     "locked, version) VALUES (?, ?, ?, ?, ?, ?, ?, 1)"),
                      {a.id, a.workOrderId, a.technicianId, timefmt::toSql(a.start), timefmt::toSql(a.end), a.status,
                       a.locked});
    if (!q)
        return q.error();
    return {};
}

Status AppointmentWriter::remove(const QString &id, int expectedVersion)
{
    auto q = m_db.run(QStringLiteral("DELETE FROM appointments WHERE id = ? AND version = ?"), {id, expectedVersion});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 1)
        return {};
    return LostRaceExplainer(m_db).refusal(Error::Kind::StaleVersion, QStringLiteral("appointments"), id, expectedVersion,
                                           Text::tr("appointment %1 was changed by someone else; it was reloaded and nothing was undone").arg(id));
}

Result<int> AppointmentWriter::setInterval(const QString &id, int expectedVersion, const QString &technicianId,
                                           const QDateTime &start, const QDateTime &end)
{
    return updateVersioned(id, expectedVersion, QStringLiteral("technician_id = ?, start_at = ?, end_at = ?"),
                           {technicianId, timefmt::toSql(start), timefmt::toSql(end)});
}

Result<int> AppointmentWriter::setStatus(const QString &id, int expectedVersion, const QString &status)
{
    return updateVersioned(id, expectedVersion, QStringLiteral("status = ?"), {status});
}

Result<int> AppointmentWriter::setLocked(const QString &id, int expectedVersion, bool locked)
{
    return updateVersioned(id, expectedVersion, QStringLiteral("locked = ?"), {locked});
}

Result<int> AppointmentWriter::updateVersioned(const QString &id, int expectedVersion, const QString &setClause,
                                               const QVariantList &binds)
{
    // setClause is one of the fixed column lists above, never user data.
    QVariantList all = binds;
    all << id << expectedVersion;
    auto q = m_db.run(QStringLiteral("UPDATE appointments SET %1, version = version + 1 WHERE id = ? AND version = ?")
                          .arg(setClause),
                      all);
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 1)
        return expectedVersion + 1;
    auto exists = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE id = ?"), {id});
    if (exists.ok() && exists->toInt() == 0)
        return LostRaceExplainer(m_db).refusal(Error::Kind::NotFound, QStringLiteral("appointments"), id, expectedVersion,
                                               Text::tr("appointment %1 no longer exists").arg(id));
    return LostRaceExplainer(m_db).refusal(Error::Kind::StaleVersion, QStringLiteral("appointments"), id, expectedVersion,
                                           Text::tr("appointment %1 was changed by someone else in the meantime; it was reloaded").arg(id));
}

Result<Appointment> AppointmentWriter::fetch(const QString &id)
{
    auto q = m_db.run(QStringLiteral("SELECT %1 FROM appointments a WHERE a.id = ?").arg(rows::appointmentColumns()), {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, Text::tr("appointment %1 no longer exists").arg(id), {}};
    return rows::readAppointment(*q);
}

Result<WorkOrder> AppointmentWriter::fetchWorkOrder(const QString &id)
{
    auto q = m_db.run(QStringLiteral("SELECT id, site_id, priority, duration_min, status, summary, version, window_start, "
                                     "window_end, sla_due FROM work_orders WHERE id = ?"),
                      {id});
    if (!q)
        return q.error();
    if (!q->next())
        return Error{Error::Kind::NotFound, Text::tr("work order %1 no longer exists").arg(id), {}};
    WorkOrder w;
    w.id = q->value(0).toString();
    w.siteId = q->value(1).toString();
    w.priority = q->value(2).toInt();
    w.durationMin = q->value(3).toInt();
    w.status = q->value(4).toString();
    w.summary = q->value(5).toString();
    w.version = q->value(6).toInt();
    w.windowStart = timefmt::fromSql(q->value(7));
    w.windowEnd = timefmt::fromSql(q->value(8));
    w.slaDue = timefmt::fromSql(q->value(9));
    return w;
}

Result<bool> AppointmentWriter::transitionWorkOrder(const QString &workOrderId, const QString &from, const QString &to)
{
    auto q = m_db.run(QStringLiteral("UPDATE work_orders SET status = ?, version = version + 1 WHERE id = ? AND status = ?"),
                      {to, workOrderId, from});
    if (!q)
        return q.error();
    return q->numRowsAffected() == 1;
}

Result<int> AppointmentWriter::activeAppointmentCount(const QString &workOrderId, const QString &except)
{
    auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = ? AND id <> ? "
                                        "AND status NOT IN ('cancelled', 'completed')"),
                         {workOrderId, except});
    if (!n)
        return n.error();
    return n->toInt();
}

} // namespace fieldops
