#include "parts/Reservations.h"

#include "parts/Stock.h"
#include "storage/Database.h"

#include <QSqlQuery>

namespace fieldops::parts {

namespace {
constexpr double kEpsilon = 1e-9;
} // namespace

QString Reservations::reservedSql()
{
    return QStringLiteral("SELECT wp.sku, wp.reserved_location AS location, sum(wp.quantity) AS reserved "
                          "FROM work_order_parts wp JOIN work_orders w ON w.id = wp.work_order_id "
                          "WHERE wp.reserved_location IS NOT NULL AND w.status IN ('open', 'scheduled', 'in_progress') "
                          "GROUP BY wp.sku, wp.reserved_location");
}

Result<ReservedQuantities> Reservations::reserved(const QString &location)
{
    QString sql = QStringLiteral("SELECT r.sku, r.location, r.reserved FROM (%1) r").arg(reservedSql());
    QVariantList binds;
    if (!location.isEmpty()) {
        sql += QStringLiteral(" WHERE r.location = ?");
        binds << location;
    }
    auto q = m_db.run(sql, binds);
    if (!q)
        return q.error();
    ReservedQuantities out;
    while (q->next())
        out.insert(qMakePair(q->value(0).toString(), q->value(1).toString()), q->value(2).toDouble());
    return out;
}

Result<double> Reservations::reservedAt(const QString &sku, const QString &location)
{
    auto v = m_db.scalar(QStringLiteral("SELECT coalesce(sum(wp.quantity), 0) FROM work_order_parts wp JOIN work_orders w ON w.id = wp.work_order_id "
                                        "WHERE wp.sku = ? AND wp.reserved_location = ? AND w.status IN ('open', 'scheduled', 'in_progress')"),
                         {sku, location});
    if (!v)
        return v.error();
    return v->toDouble();
}

Result<QString> Reservations::placeFor(const QString &sku, double quantity, const QString &technicianId)
{
    // Free = on hand less reserved, per location holding the part: the van first, then the
    // warehouses, most free first.
    auto q = m_db.run(QStringLiteral("SELECT s.location, s.quantity - coalesce(r.reserved, 0) AS free FROM stock s "
                                     "LEFT JOIN (%1) r ON r.sku = s.sku AND r.location = s.location "
                                     "WHERE s.sku = ? ORDER BY s.location")
                          .arg(reservedSql()),
                      {sku});
    if (!q)
        return q.error();
    const QString van = technicianId.isEmpty() ? QString() : vanLocation(technicianId);
    QString best;
    double bestFree = 0;
    while (q->next()) {
        const QString location = q->value(0).toString();
        const double free = q->value(1).toDouble();
        if (free + kEpsilon < quantity)
            continue;
        if (location == van)
            return location;
        if (location.startsWith(QLatin1String("warehouse:")) && (best.isEmpty() || free > bestFree + kEpsilon)) {
            best = location;
            bestFree = free;
        }
    }
    return best;
}

} // namespace fieldops::parts
