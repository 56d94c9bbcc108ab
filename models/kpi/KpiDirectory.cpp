#include "kpi/KpiDirectory.h"

#include "storage/Database.h"

namespace fieldops::kpi {

const DirectoryTechnician *KpiDirectory::technician(const QString &id) const
{
    for (const DirectoryTechnician &t : technicians)
        if (t.id == id)
            return &t;
    return nullptr;
}

QString KpiDirectory::technicianName(const QString &id) const
{
    const DirectoryTechnician *t = technician(id);
    return t ? t->name : id;
}

QString KpiDirectory::territoryName(const QString &id) const
{
    for (const DirectoryTerritory &t : territories)
        if (t.id == id)
            return t.name.isEmpty() ? t.id : t.name;
    return id;
}

Result<KpiDirectory> loadKpiDirectory(Database &db)
{
    KpiDirectory d;
    auto q = db.run(QStringLiteral("SELECT id, name, territory_id, employment FROM technicians ORDER BY name, id"));
    if (!q)
        return q.error();
    while (q->next())
        d.technicians.push_back({q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()});
    auto t = db.run(QStringLiteral("SELECT id, name FROM territories ORDER BY name, id"));
    if (!t)
        return t.error();
    while (t->next())
        d.territories.push_back({t->value(0).toString(), t->value(1).toString()});
    return d;
}

} // namespace fieldops::kpi
