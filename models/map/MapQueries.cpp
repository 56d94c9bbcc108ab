#include "map/MapQueries.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QHash>
#include <algorithm>

namespace fieldops::map {

namespace {

QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

QVariantList asVariants(const QStringList &ids)
{
    QVariantList v;
    v.reserve(ids.size());
    for (const QString &id : ids)
        v.append(id);
    return v;
}

const QString kVisitSelect = QStringLiteral(
    "SELECT a.id, a.work_order_id, a.technician_id, a.start_at, a.end_at, a.status, s.lat, s.lon "
    "FROM appointments a JOIN work_orders w ON w.id = a.work_order_id JOIN sites s ON s.id = w.site_id "
    "WHERE a.start_at < ? AND a.end_at > ?");

MapVisit visitFrom(const QSqlQuery &q)
{
    MapVisit v;
    v.appointmentId = q.value(0).toString();
    v.workOrderId = q.value(1).toString();
    v.technicianId = q.value(2).toString();
    v.start = timefmt::fromSql(q.value(3));
    v.end = timefmt::fromSql(q.value(4));
    v.status = q.value(5).toString();
    v.lat = q.value(6).toDouble();
    v.lon = q.value(7).toDouble();
    return v;
}

} // namespace

Result<MapSnapshot> MapQueries::snapshot(const QDateTime &now, const QDateTime &dayStart, const QDateTime &dayEnd,
                                         const QDateTime &horizonEnd, int trailMinutes)
{
    MapSnapshot s;
    s.loadedAt = now;
    // The cursor first: a row written while the rest is read is then read again by the
    // live path, never missed.
    auto maxId = m_db.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM positions"));
    if (!maxId)
        return maxId.error();
    s.lastPositionId = maxId->toLongLong();

    auto techs = technicians();
    if (!techs)
        return techs.error();
    s.technicians = std::move(techs).value();

    auto latest = positions(QStringLiteral("p.id IN (SELECT MAX(id) FROM positions GROUP BY technician_id) AND p.id <= ?"),
                            {s.lastPositionId});
    if (!latest)
        return latest.error();
    auto recent = positions(QStringLiteral("p.at >= ? AND p.id <= ?"), {timefmt::toSql(now.addSecs(-60LL * trailMinutes)), s.lastPositionId});
    if (!recent)
        return recent.error();
    s.positions = std::move(latest).value();
    for (Position &p : *recent)
        s.positions.push_back(std::move(p));
    std::sort(s.positions.begin(), s.positions.end(), [](const Position &a, const Position &b) { return a.rowId < b.rowId; });
    s.positions.erase(std::unique(s.positions.begin(), s.positions.end(),
                                  [](const Position &a, const Position &b) { return a.rowId == b.rowId; }),
                      s.positions.end());

    auto q = m_db.run(kVisitSelect + QStringLiteral(" AND a.status <> 'cancelled'"), {timefmt::toSql(dayEnd), timefmt::toSql(dayStart)});
    if (!q)
        return q.error();
    while (q->next())
        s.visits.push_back(visitFrom(*q));

    auto j = jobs({}, {}, dayStart, horizonEnd);
    if (!j)
        return j.error();
    s.jobs = std::move(j).value();
    return s;
}

Result<std::vector<Position>> MapQueries::positions(const QString &where, const QVariantList &binds, int limit)
{
    QString sql = QStringLiteral("SELECT p.id, p.technician_id, p.at, p.lat, p.lon, p.speed_kmh, p.heading_deg "
                                 "FROM positions p WHERE ") + where + QStringLiteral(" ORDER BY p.id");
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    auto q = m_db.run(sql, binds);
    if (!q)
        return q.error();
    std::vector<Position> out;
    while (q->next()) {
        Position p;
        p.rowId = q->value(0).toLongLong();
        p.technicianId = q->value(1).toString();
        p.at = timefmt::fromSql(q->value(2));
        p.lat = q->value(3).toDouble();
        p.lon = q->value(4).toDouble();
        if (!q->value(5).isNull())
            p.speedKmh = q->value(5).toDouble();
        if (!q->value(6).isNull())
            p.headingDeg = q->value(6).toDouble();
        out.push_back(std::move(p));
    }
    return out;
}

Result<std::vector<Position>> MapQueries::positionsAfter(qint64 afterId, int limit)
{
    return positions(QStringLiteral("p.id > ?"), {afterId}, std::max(1, limit));
}

Result<std::vector<MapVisit>> MapQueries::visitsByIds(const QStringList &appointmentIds, const QDateTime &dayStart,
                                                      const QDateTime &dayEnd)
{
    std::vector<MapVisit> out;
    if (appointmentIds.isEmpty())
        return out;
    QVariantList binds{timefmt::toSql(dayEnd), timefmt::toSql(dayStart)};
    binds += asVariants(appointmentIds);
    auto q = m_db.run(kVisitSelect + QStringLiteral(" AND a.id IN (%1)").arg(placeholders(appointmentIds.size())), binds);
    if (!q)
        return q.error();
    while (q->next())
        out.push_back(visitFrom(*q));
    return out;
}

Result<QStringList> MapQueries::workOrdersOfAppointments(const QStringList &appointmentIds)
{
    QStringList out;
    if (appointmentIds.isEmpty())
        return out;
    auto q = m_db.run(QStringLiteral("SELECT DISTINCT work_order_id FROM appointments WHERE id IN (%1)")
                          .arg(placeholders(appointmentIds.size())),
                      asVariants(appointmentIds));
    if (!q)
        return q.error();
    while (q->next())
        out.append(q->value(0).toString());
    return out;
}

Result<std::vector<MapJob>> MapQueries::jobsByIds(const QStringList &workOrderIds, const QDateTime &dayStart,
                                                  const QDateTime &horizonEnd)
{
    if (workOrderIds.isEmpty())
        return std::vector<MapJob>();
    return jobs(QStringLiteral(" AND w.id IN (%1)").arg(placeholders(workOrderIds.size())), asVariants(workOrderIds), dayStart,
                horizonEnd);
}

Result<std::vector<MapJob>> MapQueries::jobs(const QString &extraWhere, const QVariantList &extraBinds,
                                             const QDateTime &dayStart, const QDateTime &horizonEnd)
{
    // Unassigned follows the queue's rule (WorkOrderListRow::isUnassigned): open, and no
    // appointment that is neither cancelled nor completed.
    const QString sql = QStringLiteral(
        "SELECT w.id, w.summary, s.name, w.priority, w.status, s.lat, s.lon, "
        "CASE WHEN w.status = 'open' AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.work_order_id = w.id "
        "AND a.status NOT IN ('cancelled', 'completed')) THEN 1 ELSE 0 END "
        "FROM work_orders w JOIN sites s ON s.id = w.site_id "
        "WHERE w.status IN ('open', 'scheduled', 'in_progress') "
        "AND (w.status = 'open' OR EXISTS (SELECT 1 FROM appointments a WHERE a.work_order_id = w.id "
        "AND a.status <> 'cancelled' AND a.start_at < ? AND a.end_at > ?))");
    QVariantList binds{timefmt::toSql(horizonEnd), timefmt::toSql(dayStart)};
    binds += extraBinds;
    auto q = m_db.run(sql + extraWhere, binds);
    if (!q)
        return q.error();
    std::vector<MapJob> out;
    while (q->next()) {
        MapJob j;
        j.workOrderId = q->value(0).toString();
        j.summary = q->value(1).toString();
        j.siteName = q->value(2).toString();
        j.priority = q->value(3).toInt();
        j.status = q->value(4).toString();
        j.lat = q->value(5).toDouble();
        j.lon = q->value(6).toDouble();
        j.unassigned = q->value(7).toInt() == 1;
        out.push_back(std::move(j));
    }
    return out;
}

Result<std::vector<MapTechnician>> MapQueries::technicians(const QStringList &ids)
{
    const QString where = ids.isEmpty() ? QString() : QStringLiteral(" WHERE id IN (%1)").arg(placeholders(ids.size()));
    auto q = m_db.run(QStringLiteral("SELECT id, name, employment, territory_id FROM technicians") + where + QStringLiteral(" ORDER BY name, id"),
                      asVariants(ids));
    if (!q)
        return q.error();
    std::vector<MapTechnician> out;
    QHash<QString, size_t> at;
    while (q->next()) {
        at.insert(q->value(0).toString(), out.size());
        out.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(), {}});
    }
    const QString skillWhere = ids.isEmpty() ? QString() : QStringLiteral(" WHERE technician_id IN (%1)").arg(placeholders(ids.size()));
    auto sk = m_db.run(QStringLiteral("SELECT technician_id, skill_code FROM technician_skills") + skillWhere + QStringLiteral(" ORDER BY skill_code"),
                       asVariants(ids));
    if (!sk)
        return sk.error();
    while (sk->next()) {
        const auto it = at.constFind(sk->value(0).toString());
        if (it != at.cend())
            out[*it].skills.append(sk->value(1).toString());
    }
    return out;
}

} // namespace fieldops::map
