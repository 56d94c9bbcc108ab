#pragma once
// Reads and writes the parts on hand (table stock), the parts work orders need
// (work_order_parts) and the transfers between locations (stock_transfers). A transfer
// moves the stock of both locations and records itself in one transaction, and is
// refused in words, with nothing written, when the source lacks the quantity, the part or
// a location is unknown, both ends are the same, or the quantity is not positive.
#include "parts/Stock.h"
#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QStringList>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::parts {

class StockRepository {
public:
    explicit StockRepository(Database &db) : m_db(db) {}

    // Every part at every location (or at `location` only), by location then part.
    Result<std::vector<StockLevel>> stock(const QString &location = {});
    // The parts below their reorder point, by location then part.
    Result<std::vector<ReorderLine>> reorderList();
    // Moves stock; `at` is when (default: now), the actor of the database is who.
    Result<TransferDone> transfer(const TransferRequest &request, const QDateTime &at = {});
    // The same inside the caller's open transaction (an undo step's); nothing is committed.
    Result<TransferDone> transferWithin(const TransferRequest &request, const QDateTime &at = {});
    // Sets the reorder point of `sku` at `location` to `value` while it is still `expected`
    // (stock rows carry no version). Refused in words, nothing written, when the row is
    // gone, holds another point (someone changed it meanwhile) or `value` is negative.
    Status setReorderPoint(const QString &sku, const QString &location, double expected, double value);

    // What the work order needs, by part.
    Result<std::vector<PartNeed>> partsNeeded(const QString &workOrderId);
    // The parts of `skus` in every van: technician id → sku → quantity on hand.
    Result<QHash<QString, QHash<QString, double>>> vanStock(const QStringList &skus);
    // What the technician's van lacks of the work order's parts (empty: it carries them all,
    // or the work order needs none).
    Result<std::vector<PartShortage>> vanShortage(const QString &workOrderId, const QString &technicianId);

private:
    Result<bool> locationKnown(const QString &location);

    Database &m_db;
};

} // namespace fieldops::parts
