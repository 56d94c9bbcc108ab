#include "parts/Reservations.h"

#include "parts/Stock.h"
#include "storage/Database.h"

#include <QSqlQuery>

namespace fieldops::parts {

namespace {
constexpr double kEpsilon = 1e-9;
} // namespace

QString Reservations::reservedSql(bool excludingOneWorkOrder)
{
    // The rule itself is the database's view (migration 26), shared with the field
    // gateway's outcome function.
    return QStringLiteral("SELECT h.sku, h.location, sum(h.held) AS reserved FROM work_order_parts_held h%1 GROUP BY h.sku, h.location")
        .arg(excludingOneWorkOrder ? QStringLiteral(" WHERE h.work_order_id <> ?") : QString());
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
    auto v = m_db.scalar(QStringLiteral("SELECT coalesce(sum(r.reserved), 0) FROM (%1) r WHERE r.sku = ? AND r.location = ?").arg(reservedSql()),
                         {sku, location});
    if (!v)
        return v.error();
    return v->toDouble();
}

Result<QString> Reservations::placeFor(const QString &sku, double quantity, const QString &technicianId, const QString &ignoringWorkOrder)
{
    // Two consoles reserving the last unit at once: on the server the part's stock rows are
    // locked first, so the second waits for the first to commit and then sees its
    // reservation. A SQLite file has one writer at a time already.
    if (m_db.isPostgres()) {
        if (auto lock = m_db.run(QStringLiteral("SELECT 1 FROM stock WHERE sku = ? FOR UPDATE"), {sku}); !lock)
            return lock.error();
    }
    // Free = on hand less reserved, per location holding the part: the van first, then the
    // warehouses, most free first.
    const bool excluding = !ignoringWorkOrder.isEmpty();
    QVariantList binds;
    if (excluding)
        binds << ignoringWorkOrder;
    binds << sku;
    auto q = m_db.run(QStringLiteral("SELECT s.location, s.quantity - coalesce(r.reserved, 0) AS free FROM stock s "
                                     "LEFT JOIN (%1) r ON r.sku = s.sku AND r.location = s.location "
                                     "WHERE s.sku = ? ORDER BY s.location")
                          .arg(reservedSql(excluding)),
                      binds);
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
