#pragma once
// What the Parts tab shows, read in one go on the session's worker: every stock row with
// what is reserved of it, the places stock can be (each warehouse holding stock and each
// technician's van, named for people: "Warehouse central", "Van of Bruno Lima") and the
// parts catalogue, for the location filter and the transfer dialog.
#include "parts/Stock.h"
#include "util/Result.h"

#include <QString>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::parts {

struct StockPlace {
    QString location; // warehouse:NAME or van:TECHNICIAN
    QString label;    // for people: "Warehouse central", "Van of Bruno Lima"
    bool isVan() const { return location.startsWith(QLatin1String("van:")); }
};

struct PartEntry {
    QString sku;
    QString name;
};

struct StockSnapshot {
    std::vector<StockLevel> levels;  // by location, then part
    std::vector<StockPlace> places;  // warehouses by name, then vans by technician name
    std::vector<PartEntry> parts;    // by SKU
    // The label of `location` ("Van of Bruno Lima"); the location itself when unknown.
    QString labelOf(const QString &location) const;
    // The stock row of `sku` at `location`, or null.
    const StockLevel *levelAt(const QString &sku, const QString &location) const;
};

// "Warehouse central" for warehouse:central, "Van of Bruno Lima" for a van (its
// technician's id when the name is empty).
QString placeLabel(const QString &location, const QString &technicianName = {});

// Reads the stock (StockRepository::stock), the warehouses holding stock, every active
// technician's van and any other van holding stock, and the parts.
Result<StockSnapshot> readStockSnapshot(Database &db);

} // namespace fieldops::parts
