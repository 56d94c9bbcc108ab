#pragma once
// The territories a site may belong to, each with the time zone a new or moved site there
// most likely keeps: the zone most of the territory's active technicians work in (a
// territory is a region one team covers, so its people share a clock). The site form
// proposes it when the territory is chosen; the planner may still change it.
#include "util/Result.h"

#include <QString>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::customers {

struct TerritoryChoice {
    QString id;
    QString name;
    QString zone; // empty: no active technician there yet, nothing to propose
};

// Every territory by name, with its proposed zone (ties: the alphabetically first zone).
Result<QVector<TerritoryChoice>> readTerritoryChoices(Database &db);

} // namespace fieldops::customers
