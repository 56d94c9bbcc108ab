#pragma once
// Parts on hand per location (a warehouse, `warehouse:<name>`, or a technician's van,
// `van:<technician id>`), the reorder list, the parts a work order needs and what a van
// lacks of them. The figures and their words; StockRepository reads and writes them.
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops::parts {

struct StockLevel {
    QString sku;
    QString name;
    QString location;
    double quantity = 0;
    double minQuantity = 0; // the reorder point; 0: never reordered
    double reserved = 0;    // held there for work orders still to be done (Reservations)
    double available() const { return quantity - reserved; }
};

// A part below its reorder point at a location, and by how much.
struct ReorderLine {
    QString sku;
    QString name;
    QString location;
    double quantity = 0;
    double minQuantity = 0;
    double reserved = 0;
    double available() const { return quantity - reserved; }
    // The reorder list goes by what is free: on hand less reserved.
    double shortfall() const { return minQuantity - available(); }
};

struct PartNeed {
    QString sku;
    QString name;
    double quantity = 0;
};

// A part the van holds fewer of than the work order needs.
struct PartShortage {
    QString sku;
    QString name;
    double needed = 0;
    double inVan = 0;
    double missing() const { return needed - inVan; }
};

struct TransferRequest {
    QString sku;
    QString from;
    QString to;
    double quantity = 0;
};

struct TransferDone {
    qint64 id = 0;
    double fromQuantity = 0; // on hand at each end after the move
    double toQuantity = 0;
};

// "van:t3" for technician t3.
QString vanLocation(const QString &technicianId);
// A location's syntax: `warehouse:NAME` or `van:TECHNICIAN` with something after the colon.
bool isLocationText(const QString &location);

// What `van` (sku → quantity on hand) lacks of `needs`, in the order of `needs`.
std::vector<PartShortage> shortages(const std::vector<PartNeed> &needs, const QHash<QString, double> &van);
// "2 × FLT-100, 1 × BELT-3": the missing quantities.
QString shortageWords(const std::vector<PartShortage> &shortages);
// A quantity without trailing zeros ("2", "1.5").
QString quantityText(double quantity);

} // namespace fieldops::parts
