#include "parts/StockSnapshot.h"

#include "parts/StockRepository.h"
#include "storage/Database.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <algorithm>

namespace fieldops::parts {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(StockPlaces)
};
} // namespace

QString placeLabel(const QString &location, const QString &technicianName)
{
    if (location.startsWith(QLatin1String("van:"))) {
        const QString who = technicianName.isEmpty() ? location.mid(4) : technicianName;
        return Text::tr("Van of %1").arg(who);
    }
    if (location.startsWith(QLatin1String("warehouse:")))
        return Text::tr("Warehouse %1").arg(location.mid(10));
    return location;
}

QString StockSnapshot::labelOf(const QString &location) const
{
    for (const StockPlace &p : places)
        if (p.location == location)
            return p.label;
    return placeLabel(location);
}

const StockLevel *StockSnapshot::levelAt(const QString &sku, const QString &location) const
{
    for (const StockLevel &l : levels)
        if (l.sku == sku && l.location == location)
            return &l;
    return nullptr;
}

Result<StockSnapshot> readStockSnapshot(Database &db)
{
    StockSnapshot out;
    auto levels = StockRepository(db).stock();
    if (!levels)
        return levels.error();
    out.levels = std::move(*levels);

    // Technicians by id: a van is named after its technician; the active ones each have a
    // van stock can be moved to, even while it is empty.
    auto techs = db.run(QStringLiteral("SELECT id, name, active FROM technicians ORDER BY name, id"));
    if (!techs)
        return techs.error();
    QHash<QString, QString> names;
    QStringList activeVans;
    while (techs->next()) {
        const QString id = techs->value(0).toString();
        names.insert(id, techs->value(1).toString());
        if (techs->value(2).toBool())
            activeVans << vanLocation(id);
    }
    QStringList warehouses;
    QStringList vans = activeVans;
    for (const StockLevel &l : out.levels) {
        if (l.location.startsWith(QLatin1String("van:"))) {
            if (!vans.contains(l.location))
                vans << l.location;
        } else if (!warehouses.contains(l.location)) {
            warehouses << l.location;
        }
    }
    std::sort(warehouses.begin(), warehouses.end());
    for (const QString &w : std::as_const(warehouses))
        out.places.push_back({w, placeLabel(w)});
    std::vector<StockPlace> vanPlaces;
    for (const QString &v : std::as_const(vans))
        vanPlaces.push_back({v, placeLabel(v, names.value(v.mid(4)))});
    std::stable_sort(vanPlaces.begin(), vanPlaces.end(),
                     [](const StockPlace &a, const StockPlace &b) { return a.label.localeAwareCompare(b.label) < 0; });
    out.places.insert(out.places.end(), vanPlaces.begin(), vanPlaces.end());

    auto parts = db.run(QStringLiteral("SELECT sku, name FROM parts ORDER BY sku"));
    if (!parts)
        return parts.error();
    while (parts->next())
        out.parts.push_back({parts->value(0).toString(), parts->value(1).toString()});
    return out;
}

} // namespace fieldops::parts
