#include "demo/DemoGeography.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <utility>

namespace fieldops::demo {

namespace {

std::vector<TerritoryArea> buildAreas()
{
    std::vector<TerritoryArea> areas{
        {"sp-centro", "Centro", 12,
         {{"Sé", "São Paulo", "01001", -23.5503, -46.6339},
          {"República", "São Paulo", "01045", -23.5440, -46.6425},
          {"Bela Vista", "São Paulo", "01310", -23.5614, -46.6476},
          {"Consolação", "São Paulo", "01302", -23.5535, -46.6580},
          {"Liberdade", "São Paulo", "01503", -23.5587, -46.6347},
          {"Santa Cecília", "São Paulo", "01227", -23.5393, -46.6522},
          {"Bom Retiro", "São Paulo", "01124", -23.5268, -46.6395},
          {"Cambuci", "São Paulo", "01525", -23.5697, -46.6203},
          {"Brás", "São Paulo", "03005", -23.5440, -46.6165}},
         {}},
        {"sp-norte", "Zona Norte", 17,
         {{"Santana", "São Paulo", "02012", -23.5015, -46.6254},
          {"Tucuruvi", "São Paulo", "02307", -23.4806, -46.6034},
          {"Vila Maria", "São Paulo", "02117", -23.5120, -46.5800},
          {"Casa Verde", "São Paulo", "02515", -23.5108, -46.6570},
          {"Freguesia do Ó", "São Paulo", "02925", -23.4999, -46.6960},
          {"Tremembé", "São Paulo", "02370", -23.4592, -46.6075},
          {"Vila Guilherme", "São Paulo", "02053", -23.5098, -46.6066},
          {"Jaçanã", "São Paulo", "02273", -23.4640, -46.5830},
          {"Pirituba", "São Paulo", "02945", -23.4860, -46.7260}},
         {}},
        {"sp-sul", "Zona Sul", 22,
         {{"Moema", "São Paulo", "04077", -23.6009, -46.6626},
          {"Vila Mariana", "São Paulo", "04101", -23.5891, -46.6345},
          {"Saúde", "São Paulo", "04143", -23.6181, -46.6385},
          {"Santo Amaro", "São Paulo", "04742", -23.6540, -46.7090},
          {"Campo Belo", "São Paulo", "04601", -23.6250, -46.6700},
          {"Jabaquara", "São Paulo", "04307", -23.6450, -46.6420},
          {"Brooklin", "São Paulo", "04571", -23.6130, -46.6960},
          {"Interlagos", "São Paulo", "04784", -23.6980, -46.6960},
          {"Campo Limpo", "São Paulo", "05765", -23.6400, -46.7600},
          {"Ipiranga", "São Paulo", "04208", -23.5869, -46.6086}},
         {}},
        {"sp-leste", "Zona Leste", 20,
         {{"Tatuapé", "São Paulo", "03310", -23.5405, -46.5766},
          {"Mooca", "São Paulo", "03103", -23.5587, -46.5990},
          {"Penha", "São Paulo", "03601", -23.5250, -46.5430},
          {"Itaquera", "São Paulo", "08210", -23.5370, -46.4560},
          {"Vila Prudente", "São Paulo", "03132", -23.5830, -46.5820},
          {"São Mateus", "São Paulo", "03958", -23.6090, -46.4780},
          {"Aricanduva", "São Paulo", "03451", -23.5640, -46.5140},
          {"Vila Formosa", "São Paulo", "03356", -23.5680, -46.5470},
          {"Anália Franco", "São Paulo", "03337", -23.5600, -46.5600},
          {"São Miguel Paulista", "São Paulo", "08010", -23.4980, -46.4440}},
         {}},
        {"sp-oeste", "Zona Oeste", 17,
         {{"Pinheiros", "São Paulo", "05422", -23.5670, -46.6930},
          {"Vila Madalena", "São Paulo", "05433", -23.5530, -46.6910},
          {"Perdizes", "São Paulo", "05014", -23.5360, -46.6770},
          {"Lapa", "São Paulo", "05068", -23.5220, -46.7040},
          {"Butantã", "São Paulo", "05503", -23.5720, -46.7280},
          {"Itaim Bibi", "São Paulo", "04530", -23.5840, -46.6780},
          {"Jardim Paulista", "São Paulo", "01403", -23.5700, -46.6650},
          {"Barra Funda", "São Paulo", "01140", -23.5250, -46.6670},
          {"Morumbi", "São Paulo", "05650", -23.6000, -46.7200},
          {"Alto de Pinheiros", "São Paulo", "05447", -23.5500, -46.7100}},
         {}},
        {"sp-abc", "ABC", 12,
         {{"Centro", "Santo André", "09010", -23.6639, -46.5383},
          {"Vila Assunção", "Santo André", "09030", -23.6460, -46.5320},
          {"Centro", "São Bernardo do Campo", "09710", -23.6939, -46.5650},
          {"Rudge Ramos", "São Bernardo do Campo", "09636", -23.6560, -46.5670},
          {"Centro", "São Caetano do Sul", "09510", -23.6229, -46.5548},
          {"Centro", "Diadema", "09911", -23.6860, -46.6230},
          {"Centro", "Mauá", "09310", -23.6677, -46.4613}},
         {}},
    };
    for (TerritoryArea &a : areas) {
        GeoBounds b{90, 180, -90, -180};
        for (const Neighbourhood &n : a.neighbourhoods) {
            b.south = std::min(b.south, n.lat - kScatterDeg);
            b.north = std::max(b.north, n.lat + kScatterDeg);
            b.west = std::min(b.west, n.lon - kScatterDeg);
            b.east = std::max(b.east, n.lon + kScatterDeg);
        }
        a.bounds = b;
    }
    return areas;
}

constexpr double kPi = 3.14159265358979323846;
double radians(double deg) { return deg * kPi / 180.0; }

} // namespace

const std::vector<TerritoryArea> &territoryAreas()
{
    static const std::vector<TerritoryArea> areas = buildAreas();
    return areas;
}

const std::vector<Warehouse> &warehouses()
{
    static const std::vector<Warehouse> list{
        {"barra-funda", "Central warehouse Barra Funda", -23.5262, -46.6677},
        {"santo-andre", "ABC warehouse Santo André", -23.6552, -46.5297},
    };
    return list;
}

double distanceKm(double lat1, double lon1, double lat2, double lon2)
{
    const double dLat = radians(lat2 - lat1);
    const double dLon = radians(lon2 - lon1);
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(radians(lat1)) * std::cos(radians(lat2)) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * 6371.0 * std::atan2(std::sqrt(a), std::sqrt(1 - a));
}

int travelMinutes(double lat1, double lon1, double lat2, double lon2)
{
    if (lat1 == lat2 && lon1 == lon2)
        return 0;
    return int(std::ceil(distanceKm(lat1, lon1, lat2, lon2) * 1.3 / 40.0 * 60.0 - 1e-9));
}

double driveFactor(int territory)
{
    static const std::pair<const char *, double> factors[] = {
        {"sp-centro", 1.45}, {"sp-norte", 1.15}, {"sp-sul", 1.30}, {"sp-leste", 1.20}, {"sp-oeste", 1.25}, {"sp-abc", 0.90},
    };
    if (territory < 0 || territory >= int(territoryAreas().size()))
        return 1.0;
    for (const auto &[id, factor] : factors)
        if (std::strcmp(id, territoryAreas()[size_t(territory)].id) == 0)
            return factor;
    return 1.0;
}

double bearingDeg(double lat1, double lon1, double lat2, double lon2)
{
    const double y = std::sin(radians(lon2 - lon1)) * std::cos(radians(lat2));
    const double x = std::cos(radians(lat1)) * std::sin(radians(lat2))
        - std::sin(radians(lat1)) * std::cos(radians(lat2)) * std::cos(radians(lon2 - lon1));
    double deg = std::atan2(y, x) * 180.0 / kPi;
    if (deg < 0)
        deg += 360.0;
    return deg;
}

} // namespace fieldops::demo
