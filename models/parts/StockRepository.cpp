#include "parts/StockRepository.h"

#include "parts/Reservations.h"

#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <cmath>

namespace fieldops::parts {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StockRepository)
};

constexpr double kEpsilon = 1e-9;
} // namespace

Result<std::vector<StockLevel>> StockRepository::stock(const QString &location)
{
    QString sql = QStringLiteral("SELECT s.sku, p.name, s.location, s.quantity, s.min_quantity, coalesce(r.reserved, 0) FROM stock s "
                                 "JOIN parts p ON p.sku = s.sku LEFT JOIN (%1) r ON r.sku = s.sku AND r.location = s.location")
                      .arg(Reservations::reservedSql());
    QVariantList binds;
    if (!location.isEmpty()) {
        sql += QStringLiteral(" WHERE s.location = ?");
        binds << location;
    }
    sql += QStringLiteral(" ORDER BY s.location, s.sku");
    auto q = m_db.run(sql, binds);
    if (!q)
        return q.error();
    std::vector<StockLevel> out;
    while (q->next())
        out.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toDouble(), q->value(4).toDouble(),
                       q->value(5).toDouble()});
    return out;
}

Result<std::vector<ReorderLine>> StockRepository::reorderList()
{
    // What is free (on hand less reserved) against the reorder point.
    auto q = m_db.run(QStringLiteral("SELECT s.sku, p.name, s.location, s.quantity, s.min_quantity, coalesce(r.reserved, 0) FROM stock s "
                                     "JOIN parts p ON p.sku = s.sku LEFT JOIN (%1) r ON r.sku = s.sku AND r.location = s.location "
                                     "WHERE s.quantity - coalesce(r.reserved, 0) < s.min_quantity ORDER BY s.location, s.sku")
                          .arg(Reservations::reservedSql()));
    if (!q)
        return q.error();
    std::vector<ReorderLine> out;
    while (q->next())
        out.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toDouble(), q->value(4).toDouble(),
                       q->value(5).toDouble()});
    return out;
}

Result<bool> StockRepository::locationKnown(const QString &location)
{
    if (!isLocationText(location))
        return false;
    // A van belongs to a technician; a warehouse is known by the stock it holds.
    auto v = location.startsWith(QLatin1String("van:"))
        ? m_db.scalar(QStringLiteral("SELECT count(*) FROM technicians WHERE id = ?"), {location.mid(4)})
        : m_db.scalar(QStringLiteral("SELECT count(*) FROM stock WHERE location = ?"), {location});
    if (!v)
        return v.error();
    return v->toLongLong() > 0;
}

Result<TransferDone> StockRepository::transfer(const TransferRequest &r, const QDateTime &when)
{
    Transaction tx(m_db);
    if (!tx.status())
        return tx.status().error();
    auto done = transferWithin(r, when);
    if (!done)
        return done.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    return done;
}

Result<TransferDone> StockRepository::transferWithin(const TransferRequest &r, const QDateTime &when)
{
    if (!std::isfinite(r.quantity) || r.quantity <= 0)
        return Error::invalid(Text::tr("quantity: %1 is not a positive number").arg(quantityText(r.quantity)));
    if (r.from == r.to)
        return Error::invalid(Text::tr("from and to are both %1: a transfer moves stock between two locations").arg(r.from));
    for (const QString &location : {r.from, r.to}) {
        if (!isLocationText(location))
            return Error::invalid(Text::tr("\"%1\" is no location: write warehouse:NAME or van:TECHNICIAN").arg(location));
    }
    auto part = m_db.scalar(QStringLiteral("SELECT name FROM parts WHERE sku = ?"), {r.sku});
    if (!part)
        return part.error();
    if (!part->isValid())
        return Error::invalid(Text::tr("no part %1").arg(r.sku));
    for (const QString &location : {r.from, r.to}) {
        auto known = locationKnown(location);
        if (!known)
            return known.error();
        if (!*known)
            return Error::invalid(location.startsWith(QLatin1String("van:"))
                                      ? Text::tr("no technician %1 for the van %2").arg(location.mid(4), location)
                                      : Text::tr("no warehouse %1 holds any stock").arg(location));
    }
    // Taken only if there is enough: the check and the take are one statement, so two
    // consoles moving the last units cannot both succeed.
    auto take = m_db.run(QStringLiteral("UPDATE stock SET quantity = quantity - ? WHERE sku = ? AND location = ? AND quantity >= ?"),
                         {r.quantity, r.sku, r.from, r.quantity - kEpsilon});
    if (!take)
        return take.error();
    if (take->numRowsAffected() != 1) {
        auto onHand = m_db.scalar(QStringLiteral("SELECT quantity FROM stock WHERE sku = ? AND location = ?"), {r.sku, r.from});
        if (!onHand)
            return onHand.error();
        if (!onHand->isValid())
            return Error::invalid(Text::tr("there is no %1 at %2 to move").arg(r.sku, r.from));
        return Error::invalid(Text::tr("%1 holds %2 of %3, fewer than the %4 to move")
                                  .arg(r.from, quantityText(onHand->toDouble()), r.sku, quantityText(r.quantity)));
    }
    auto put = m_db.run(QStringLiteral("UPDATE stock SET quantity = quantity + ? WHERE sku = ? AND location = ?"), {r.quantity, r.sku, r.to});
    if (!put)
        return put.error();
    if (put->numRowsAffected() != 1) {
        if (auto q = m_db.run(QStringLiteral("INSERT INTO stock(sku, location, quantity) VALUES (?, ?, ?)"), {r.sku, r.to, r.quantity}); !q)
            return q.error();
    }
    const QDateTime at = when.isValid() ? when : QDateTime::currentDateTimeUtc();
    QString insert = QStringLiteral("INSERT INTO stock_transfers(sku, from_location, to_location, quantity, at, moved_by) VALUES (?, ?, ?, ?, ?, ?)");
    if (m_db.isPostgres())
        insert += QStringLiteral(" RETURNING id");
    auto record = m_db.run(insert, {r.sku, r.from, r.to, r.quantity, timefmt::toSql(at.toUTC()), m_db.actor()});
    if (!record)
        return record.error();
    TransferDone done;
    if (m_db.isPostgres())
        done.id = record->next() ? record->value(0).toLongLong() : 0;
    else
        done.id = record->lastInsertId().toLongLong();
    record->finish();
    auto ends = m_db.run(QStringLiteral("SELECT location, quantity FROM stock WHERE sku = ? AND location IN (?, ?)"), {r.sku, r.from, r.to});
    if (!ends)
        return ends.error();
    while (ends->next())
        (ends->value(0).toString() == r.from ? done.fromQuantity : done.toQuantity) = ends->value(1).toDouble();
    ends->finish();
    return done;
}

Status StockRepository::setReorderPoint(const QString &sku, const QString &location, double expected, double value)
{
    if (!std::isfinite(value) || value < 0)
        return Error::invalid(Text::tr("min_quantity: %1 is not a number of 0 or more").arg(quantityText(value)));
    auto q = m_db.run(QStringLiteral("UPDATE stock SET min_quantity = ? WHERE sku = ? AND location = ? AND abs(min_quantity - ?) < ?"),
                      {value, sku, location, expected, kEpsilon});
    if (!q)
        return q.error();
    if (q->numRowsAffected() == 1)
        return {};
    auto now = m_db.scalar(QStringLiteral("SELECT min_quantity FROM stock WHERE sku = ? AND location = ?"), {sku, location});
    if (!now)
        return now.error();
    if (!now->isValid())
        return Error::invalid(Text::tr("there is no %1 at %2 any more").arg(sku, location));
    return Error{Error::Kind::StaleVersion,
                 Text::tr("the reorder point of %1 at %2 is %3 now, not %4: someone changed it meanwhile")
                     .arg(sku, location, quantityText(now->toDouble()), quantityText(expected)),
                 {}};
}

Result<std::vector<PartNeed>> StockRepository::partsNeeded(const QString &workOrderId)
{
    auto q = m_db.run(QStringLiteral("SELECT n.sku, p.name, n.quantity FROM work_order_parts n JOIN parts p ON p.sku = n.sku "
                                     "WHERE n.work_order_id = ? ORDER BY n.sku"),
                      {workOrderId});
    if (!q)
        return q.error();
    std::vector<PartNeed> out;
    while (q->next())
        out.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toDouble()});
    return out;
}

Result<QHash<QString, QHash<QString, double>>> StockRepository::vanStock(const QStringList &skus)
{
    QHash<QString, QHash<QString, double>> out;
    if (skus.isEmpty())
        return out;
    QStringList marks;
    QVariantList binds;
    for (const QString &sku : skus) {
        marks << QStringLiteral("?");
        binds << sku;
    }
    auto q = m_db.run(QStringLiteral("SELECT location, sku, quantity FROM stock WHERE location LIKE 'van:%' AND sku IN (%1)")
                          .arg(marks.join(QLatin1Char(','))),
                      binds);
    if (!q)
        return q.error();
    while (q->next())
        out[q->value(0).toString().mid(4)][q->value(1).toString()] = q->value(2).toDouble();
    return out;
}

Result<std::vector<PartShortage>> StockRepository::vanShortage(const QString &workOrderId, const QString &technicianId)
{
    auto needs = partsNeeded(workOrderId);
    if (!needs)
        return needs.error();
    if (needs->empty())
        return std::vector<PartShortage>{};
    auto q = m_db.run(QStringLiteral("SELECT s.sku, s.quantity FROM stock s JOIN work_order_parts n ON n.sku = s.sku "
                                     "WHERE n.work_order_id = ? AND s.location = ?"),
                      {workOrderId, vanLocation(technicianId)});
    if (!q)
        return q.error();
    QHash<QString, double> van;
    while (q->next())
        van.insert(q->value(0).toString(), q->value(1).toDouble());
    return shortages(*needs, van);
}

} // namespace fieldops::parts
