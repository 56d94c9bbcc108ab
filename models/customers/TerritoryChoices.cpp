#include "customers/TerritoryChoices.h"

#include "storage/Database.h"

#include <QHash>
#include <QSqlQuery>

namespace fieldops::customers {

Result<QVector<TerritoryChoice>> readTerritoryChoices(Database &db)
{
    // The technicians' zones, most used first within each territory: the first row seen
    // for a territory is its proposal.
    auto zones = db.run(QStringLiteral("SELECT territory_id, time_zone, count(*) AS n FROM technicians "
                                       "WHERE territory_id IS NOT NULL AND active = ? "
                                       "GROUP BY territory_id, time_zone ORDER BY territory_id, n DESC, time_zone"),
                        {true});
    if (!zones)
        return zones.error();
    QHash<QString, QString> proposal;
    while (zones->next()) {
        const QString territory = zones->value(0).toString();
        if (!proposal.contains(territory))
            proposal.insert(territory, zones->value(1).toString());
    }
    auto q = db.run(QStringLiteral("SELECT id, name FROM territories ORDER BY name, id"));
    if (!q)
        return q.error();
    QVector<TerritoryChoice> out;
    while (q->next()) {
        TerritoryChoice t;
        t.id = q->value(0).toString();
        t.name = q->value(1).toString();
        t.zone = proposal.value(t.id);
        out.push_back(t);
    }
    return out;
}

} // namespace fieldops::customers
