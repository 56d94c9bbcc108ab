#include "demo/DemoFleet.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoGeography.h"
#include "demo/DemoWorkforce.h"

#include <algorithm>

namespace fieldops::demo {

namespace {
// GPS noise of a phone: a few tens of metres.
constexpr double kJitterDeg = 0.0003;
} // namespace

void generateStock(DemoRandom &rng, DemoDataSet &data)
{
    const auto &catalogue = parts();
    for (const Warehouse &w : warehouses()) {
        const QString location = QStringLiteral("warehouse:") + QString::fromLatin1(w.id);
        for (int p = 0; p < int(catalogue.size()); ++p) {
            const bool expensive = catalogue[p].unitCost > 1000;
            data.stock.push_back({p, location, double(expensive ? rng.between(1, 6) : rng.between(5, 80))});
        }
    }
    for (const TechnicianRow &t : data.technicians) {
        const QString location = QStringLiteral("van:") + t.id;
        for (int p = 0; p < int(catalogue.size()); ++p) {
            if (std::find(t.skills.begin(), t.skills.end(), catalogue[p].skill) == t.skills.end() || !rng.chance(0.7))
                continue;
            data.stock.push_back({p, location, double(catalogue[p].unitCost > 1000 ? 1 : rng.between(1, 8))});
        }
    }
}

void generatePositions(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data)
{
    // Today's appointments per technician, in time order (they were generated that way).
    const Instant dayStart = clock.at(cal.today, 0);
    const Instant dayEnd = clock.at(cal.today.addDays(1), 0);
    std::vector<std::vector<int>> today(data.technicians.size());
    for (int i = 0; i < int(data.appointments.size()); ++i) {
        const AppointmentRow &a = data.appointments[i];
        if (a.start >= dayStart && a.start < dayEnd && a.status != QLatin1String("cancelled"))
            today[a.technician].push_back(i);
    }
    auto ping = [&](int tech, Instant at, double lat, double lon, double speed, double heading) {
        data.positions.push_back({tech, std::min(at, cal.now), lat + rng.range(-kJitterDeg, kJitterDeg), lon + rng.range(-kJitterDeg, kJitterDeg),
                                  speed, heading});
    };

    for (int t = 0; t < int(data.technicians.size()); ++t) {
        const TechnicianRow &tech = data.technicians[t];
        const Instant shiftStart = clock.at(cal.today, tech.shiftStartMin);
        if (!worksOn(tech, cal, 0) || shiftStart > cal.now) {
            // Off today or not started yet: the phone last reported from home.
            const Instant at = std::min(cal.now - rng.between(5, 60) * kMinute, clock.at(cal.today, 7 * 60));
            ping(t, at, tech.homeLat, tech.homeLon, 0, -1);
            continue;
        }
        ping(t, shiftStart - rng.between(5, 20) * kMinute, tech.homeLat, tech.homeLon, 0, -1);
        double lat = tech.homeLat, lon = tech.homeLon;
        Instant lastAt = shiftStart;
        for (int i : today[t]) {
            const AppointmentRow &a = data.appointments[i];
            const SiteRow &site = data.sites[data.workOrders[a.workOrder].site];
            const int travel = travelMinutes(lat, lon, site.lat, site.lon);
            const double heading = bearingDeg(lat, lon, site.lat, site.lon);
            if (a.status == QLatin1String("en_route")) {
                // Part of the way there, as far as the clock says.
                const Instant leave = a.start - travel * kMinute;
                const double f = travel > 0 ? std::clamp(double(cal.now - leave) / (travel * kMinute), 0.05, 0.95) : 0.5;
                ping(t, cal.now - rng.between(1, 3) * kMinute, lat + (site.lat - lat) * f, lon + (site.lon - lon) * f,
                     rng.range(25, 50), heading);
                lastAt = cal.now;
                break;
            }
            if (a.arrivedAt == kNoInstant)
                break;
            if (travel > 0)
                ping(t, a.arrivedAt - travel * kMinute / 2, (lat + site.lat) / 2, (lon + site.lon) / 2, rng.range(20, 55), heading);
            ping(t, a.arrivedAt + kMinute, site.lat, site.lon, 0, -1);
            lat = site.lat;
            lon = site.lon;
            lastAt = a.arrivedAt + kMinute;
            if (a.status == QLatin1String("on_site")) {
                ping(t, cal.now - rng.between(1, 4) * kMinute, lat, lon, 0, -1);
                lastAt = cal.now;
                break;
            }
            if (a.completedAt != kNoInstant)
                lastAt = a.completedAt;
        }
        if (lastAt < cal.now - 15 * kMinute)
            ping(t, cal.now - rng.between(2, 10) * kMinute, lat, lon, 0, -1); // waiting for the next visit
    }
}

} // namespace fieldops::demo
