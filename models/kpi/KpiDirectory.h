#pragma once
// Names for the dashboard's filters and tables: technicians (with territory and
// employment, which the filters select on) and territories.
#include "util/Result.h"

#include <QString>
#include <vector>

namespace fieldops {
class Database;
}

namespace fieldops::kpi {

struct DirectoryTechnician {
    QString id;
    QString name;
    QString territoryId;
    QString employment;
};

struct DirectoryTerritory {
    QString id;
    QString name;
};

struct KpiDirectory {
    std::vector<DirectoryTechnician> technicians; // by name
    std::vector<DirectoryTerritory> territories;  // by name
    QString technicianName(const QString &id) const;
    QString territoryName(const QString &id) const;
    const DirectoryTechnician *technician(const QString &id) const;
};

Result<KpiDirectory> loadKpiDirectory(Database &db);

} // namespace fieldops::kpi
