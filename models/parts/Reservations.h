#pragma once
// Parts held for work orders still to be done: what a work order lists in work_order_parts
// with a `reserved_location` counts against that location's stock while the work order is
// open, scheduled or in progress. On hand less reserved is what is free to use, to move
// or to promise again (the stock and reorder lists, a follow-up's reservation).
#include "util/Result.h"

#include <QHash>
#include <QPair>
#include <QString>

namespace fieldops {
class Database;
}

namespace fieldops::parts {

// (sku, location) → quantity reserved there.
using ReservedQuantities = QHash<QPair<QString, QString>, double>;

class Reservations {
public:
    explicit Reservations(Database &db) : m_db(db) {}

    // A sub-select of (sku, location, reserved) over every location holding reservations,
    // for a LEFT JOIN beside the stock rows: the view work_order_parts_held summed (what
    // open work orders list with a reserved location, less what their visits have used of
    // it). No parameters, or with
    // excludingOneWorkOrder one: the work order left out (its own reservations replaced).
    static QString reservedSql(bool excludingOneWorkOrder = false);

    // Everything reserved, or at `location` only.
    Result<ReservedQuantities> reserved(const QString &location = {});
    // The quantity of `sku` reserved at `location`.
    Result<double> reservedAt(const QString &sku, const QString &location);
    // Where `quantity` of `sku` is best held for technician `technicianId`'s return visit:
    // their van when what it has free covers it, else the warehouse with the most free
    // (by name on a tie) covering it; empty when no location has enough free. What
    // `ignoringWorkOrder` holds does not count (its parts are being placed again). On
    // PostgreSQL the part's stock rows stay locked until the caller's transaction ends.
    Result<QString> placeFor(const QString &sku, double quantity, const QString &technicianId, const QString &ignoringWorkOrder = {});

private:
    Database &m_db;
};

} // namespace fieldops::parts
