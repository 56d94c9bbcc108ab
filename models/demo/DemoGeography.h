#pragma once
// The demo's metro area: São Paulo and the ABC cities, split into six service territories
// of real neighbourhoods (centre coordinates and CEP prefixes from public maps), plus the
// travel-time rule of the README's rule checks so the generated days respect it.
#include <QString>

#include <vector>

namespace fieldops::demo {

inline constexpr const char *kTimeZone = "America/Sao_Paulo";

struct Neighbourhood {
    const char *name;
    const char *city;
    const char *cepPrefix; // first five digits of the CEP
    double lat;
    double lon;
};

struct GeoBounds {
    double south = 0, west = 0, north = 0, east = 0;
};

struct TerritoryArea {
    const char *id;
    const char *name;
    int weight; // share of technicians and customers
    std::vector<Neighbourhood> neighbourhoods;
    GeoBounds bounds; // neighbourhood centres plus the scatter radius
};

struct Warehouse {
    const char *id;
    const char *name;
    double lat;
    double lon;
};

const std::vector<TerritoryArea> &territoryAreas();
const std::vector<Warehouse> &warehouses();

// How far a generated point may lie from its neighbourhood centre, in degrees (~1.3 km).
inline constexpr double kScatterDeg = 0.012;

double distanceKm(double lat1, double lon1, double lat2, double lon2);
// Haversine × 1.3 at 40 km/h, rounded up to whole minutes; 0 for the same point.
int travelMinutes(double lat1, double lon1, double lat2, double lon2);
// How the demo's technicians really drive in territory `territory` (an index of
// territoryAreas()) against that model: the drive takes this many times its minutes. The
// centre's traffic is the slowest; the ABC's avenues and highways beat the model. What
// `fieldops-cli travel-speeds` learns back from the demo's history.
double driveFactor(int territory);
// Initial bearing from point 1 towards point 2, degrees clockwise from north [0, 360).
double bearingDeg(double lat1, double lon1, double lat2, double lon2);

} // namespace fieldops::demo
