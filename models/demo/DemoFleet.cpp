#include "demo/DemoFleet.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoGeography.h"
#include "demo/DemoWorkforce.h"

#include <algorithm>

namespace fieldops::demo {

namespace {
// GPS noise of a phone: a few tens of metres.
constexpr double kJitterDeg = 0.0003;
// Reorder points: what a warehouse and a van should never run below.
constexpr double kWarehouseMin = 10, kWarehouseMinExpensive = 2;
constexpr double kVanMin = 2, kVanMinExpensive = 1;
// The share of open and booked corrective jobs that need a part.
constexpr double kJobsNeedingParts = 0.35;
constexpr double kExpensivePart = 1000; // BRL
} // namespace

void generatePartNeeds(DemoRandom &rng, DemoDataSet &data)
{
    const auto &catalogue = parts();
    for (StockRow &s : data.stock) {
        const bool expensive = catalogue[s.part].unitCost > kExpensivePart;
        const bool van = s.location.startsWith(QLatin1String("van:"));
        s.minQuantity = van ? (expensive ? kVanMinExpensive : kVanMin) : (expensive ? kWarehouseMinExpensive : kWarehouseMin);
    }
    for (int w = 0; w < int(data.workOrders.size()); ++w) {
        const WorkOrderRow &order = data.workOrders[size_t(w)];
        if (order.type != QLatin1String("corrective") || (order.status != QLatin1String("open") && order.status != QLatin1String("scheduled")))
            continue;
        if (!rng.chance(kJobsNeedingParts))
            continue;
        std::vector<int> ofSkill;
        for (int p = 0; p < int(catalogue.size()); ++p)
            if (catalogue[p].skill == order.skill)
                ofSkill.push_back(p);
        if (ofSkill.empty())
            continue;
        const int part = ofSkill[size_t(rng.between(0, int(ofSkill.size()) - 1))];
        data.workOrderParts.push_back({w, part, catalogue[part].unitCost > kExpensivePart ? 1.0 : double(rng.between(1, 3))});
    }
}

void generateStock(DemoRandom &rng, DemoDataSet &data)
{
    const auto &catalogue = parts();
    for (const Warehouse &w : warehouses()) {
        const QString location = QStringLiteral("warehouse:") + QString::fromLatin1(w.id);
        for (int p = 0; p < int(catalogue.size()); ++p) {
            const bool expensive = catalogue[p].unitCost > kExpensivePart;
            data.stock.push_back({p, location, double(expensive ? rng.between(1, 6) : rng.between(5, 80))});
        }
    }
    for (const TechnicianRow &t : data.technicians) {
        const QString location = QStringLiteral("van:") + t.id;
        for (int p = 0; p < int(catalogue.size()); ++p) {
            if (std::find(t.skills.begin(), t.skills.end(), catalogue[p].skill) == t.skills.end() || !rng.chance(0.7))
                continue;
            data.stock.push_back({p, location, double(catalogue[p].unitCost > kExpensivePart ? 1 : rng.between(1, 8))});
        }
    }
}

void generatePositions(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data)
{
    // Each technician's latest shift begun by now: today's, or last night's when it is still
    // going (or today's has not begun). Its appointments, in time order (generated that way).
    std::vector<ShiftSpan> shifts(data.technicians.size());
    std::vector<bool> begun(data.technicians.size(), false);
    for (int t = 0; t < int(data.technicians.size()); ++t) {
        const TechnicianRow &tech = data.technicians[t];
        for (const int offset : {0, -1}) {
            const ShiftSpan span = shiftOn(tech, cal, clock, offset);
            if (!begun[t] && worksOn(tech, cal, offset) && span.start <= cal.now && (offset == 0 || span.contains(cal.now))) {
                shifts[t] = span;
                begun[t] = true;
            }
        }
    }
    std::vector<std::vector<int>> visits(data.technicians.size());
    for (int i = 0; i < int(data.appointments.size()); ++i) {
        const AppointmentRow &a = data.appointments[i];
        if (begun[a.technician] && shifts[a.technician].contains(a.start) && a.status != QLatin1String("cancelled"))
            visits[a.technician].push_back(i);
    }
    Instant lastPing = 0;
    auto ping = [&](int tech, Instant at, double lat, double lon, double speed, double heading) {
        lastPing = std::min(at, cal.now);
        data.positions.push_back({tech, lastPing, lat + rng.range(-kJitterDeg, kJitterDeg), lon + rng.range(-kJitterDeg, kJitterDeg),
                                  speed, heading});
    };

    for (int t = 0; t < int(data.technicians.size()); ++t) {
        const TechnicianRow &tech = data.technicians[t];
        if (!begun[t]) {
            // Off today or not started yet: the phone last reported from home.
            const Instant at = std::min(cal.now - rng.between(5, 60) * kMinute, clock.at(cal.today, 7 * 60));
            ping(t, at, tech.homeLat, tech.homeLon, 0, -1);
            continue;
        }
        const ShiftSpan &shift = shifts[t];
        ping(t, shift.start - rng.between(5, 20) * kMinute, tech.homeLat, tech.homeLon, 0, -1);
        double lat = tech.homeLat, lon = tech.homeLon;
        for (int i : visits[t]) {
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
                break;
            }
            if (a.arrivedAt == kNoInstant)
                break;
            if (travel > 0)
                ping(t, a.arrivedAt - travel * kMinute / 2, (lat + site.lat) / 2, (lon + site.lon) / 2, rng.range(20, 55), heading);
            ping(t, a.arrivedAt + kMinute, site.lat, site.lon, 0, -1);
            lat = site.lat;
            lon = site.lon;
            if (a.status == QLatin1String("on_site")) {
                ping(t, cal.now - rng.between(1, 4) * kMinute, lat, lon, 0, -1);
                break;
            }
            if (a.completedAt != kNoInstant)
                ping(t, a.completedAt, lat, lon, 0, -1); // done, about to leave
        }
        if (!shift.contains(cal.now)) {
            // The shift is over: the phone last reported on the way home or from there.
            ping(t, std::min(cal.now - rng.between(2, 10) * kMinute, shift.end + rng.between(15, 45) * kMinute), tech.homeLat,
                 tech.homeLon, 0, -1);
        } else if (lastPing < cal.now - 10 * kMinute) {
            ping(t, cal.now - rng.between(2, 10) * kMinute, lat, lon, 0, -1); // waiting for the next visit
        }
    }
}

} // namespace fieldops::demo
