#include "parts/Stock.h"

namespace fieldops::parts {

namespace {
// Quantities are counts or lengths written by people; anything closer than this is equal.
constexpr double kEpsilon = 1e-9;
} // namespace

QString vanLocation(const QString &technicianId) { return QStringLiteral("van:") + technicianId; }

bool isLocationText(const QString &location)
{
    for (const QLatin1String prefix : {QLatin1String("warehouse:"), QLatin1String("van:")}) {
        if (location.startsWith(prefix) && location.size() > prefix.size() && location.trimmed() == location)
            return true;
    }
    return false;
}

std::vector<PartShortage> shortages(const std::vector<PartNeed> &needs, const QHash<QString, double> &van)
{
    std::vector<PartShortage> out;
    for (const PartNeed &n : needs) {
        const double inVan = van.value(n.sku, 0.0);
        if (inVan + kEpsilon < n.quantity)
            out.push_back({n.sku, n.name, n.quantity, inVan});
    }
    return out;
}

QString quantityText(double quantity) { return QString::number(quantity, 'g', 15); }

QString shortageWords(const std::vector<PartShortage> &shortages)
{
    QStringList items;
    for (const PartShortage &s : shortages)
        items << quantityText(s.missing()) + QStringLiteral(" × ") + s.sku;
    return items.join(QStringLiteral(", "));
}

} // namespace fieldops::parts
