#include "demo/DemoRequests.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoCustomerBase.h"
#include "demo/DemoSla.h"

#include <algorithm>

namespace fieldops::demo {

RequestShape drawRequest(DemoRandom &rng, int skill, const RequestMix &mix)
{
    const FaultRange &range = faultRange(skill);
    RequestShape r;
    switch (rng.weighted({mix.typeWeights.begin(), mix.typeWeights.end()})) {
    case 0:
        r.type = QStringLiteral("install");
        r.durationMin = 15 * rng.between(range.installMin / 15, range.installMax / 15);
        r.priority = 2 + rng.weighted({10, 60, 30});
        r.summary = QString::fromUtf8(rng.pick(installSummaries(skill)));
        r.newEquipment = rng.chance(0.7);
        break;
    case 1:
        r.type = QStringLiteral("corrective");
        r.durationMin = 15 * rng.between(range.correctiveMin / 15, range.correctiveMax / 15);
        r.priority = 1 + rng.weighted({mix.correctivePriorities.begin(), mix.correctivePriorities.end()});
        r.summary = QString::fromUtf8(rng.pick(faultSummaries(skill)));
        break;
    case 2:
        r.type = QStringLiteral("preventive");
        r.durationMin = 15 * rng.between(4, 8);
        r.priority = 3 + rng.weighted({70, 30});
        r.summary = QStringLiteral("On-demand preventive maintenance");
        break;
    default:
        r.type = QStringLiteral("inspection");
        r.durationMin = 15 * rng.between(2, 6);
        r.priority = 3 + rng.weighted({60, 40});
        r.summary = QString::fromUtf8(rng.pick(inspectionSummaries(skill)));
        break;
    }
    return r;
}

int contractFor(const DemoDataSet &data, int site, const QDate &date)
{
    const int c = data.customers[data.sites[site].customer].contract;
    return c >= 0 && contractActive(data.contracts[c], date) ? c : -1;
}

WorkOrderRow freshRequest(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, const DemoDataSet &data)
{
    static const RequestMix mix{{12, 70, 0, 18}, {12, 30, 40, 18}};
    const int assetIndex = rng.below(int(data.assets.size()));
    const AssetRow &asset = data.assets[assetIndex];
    const RequestShape shape = drawRequest(rng, asset.skill, mix);
    WorkOrderRow w;
    w.site = asset.site;
    w.asset = shape.newEquipment ? -1 : assetIndex;
    w.skill = asset.skill;
    w.type = shape.type;
    w.durationMin = shape.durationMin;
    w.priority = shape.priority;
    w.summary = shape.summary;
    w.status = QStringLiteral("open");
    const Instant age = w.priority == 1 ? rng.between(10, 180) * kMinute : rng.between(10, 3 * 24 * 60) * kMinute;
    w.createdAt = cal.now - age - rng.below(60);
    w.contract = contractFor(data, w.site, clock.localDate(w.createdAt));
    if (w.contract >= 0 && w.type != QLatin1String("install")) {
        const ContractRow &k = data.contracts[w.contract];
        w.slaDue = slaDue(clock, w.createdAt, k.responseHours, k.allHours);
    }
    const int target = rng.chance(0.45) ? 0 : rng.between(1, std::max(1, cal.futureDays));
    if (rng.chance(0.55)) {
        // Morning, afternoon or the whole business day; today only what is still ahead.
        const QDate date = cal.dateAt(target);
        static const int blocks[3][2] = {{8 * 60, 12 * 60}, {13 * 60, 18 * 60}, {8 * 60, 18 * 60}};
        const int b = target == 0 ? 1 + rng.below(2) : rng.below(3);
        w.windowStart = clock.at(date, blocks[b][0]);
        w.windowEnd = clock.at(date, blocks[b][1]);
    }
    return w;
}

std::optional<WorkOrderRow> waitingEmergency(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock,
                                             const DemoDataSet &data)
{
    std::vector<int> covered;
    for (int i = 0; i < int(data.assets.size()); ++i) {
        const int contract = contractFor(data, data.assets[i].site, cal.today);
        if (contract >= 0 && data.contracts[contract].allHours)
            covered.push_back(i);
    }
    if (covered.empty())
        return std::nullopt;
    const int assetIndex = rng.pick(covered);
    const AssetRow &asset = data.assets[assetIndex];
    static const RequestMix mix{{0, 100, 0, 0}, {100, 0, 0, 0}};
    const RequestShape shape = drawRequest(rng, asset.skill, mix);
    const int contract = contractFor(data, asset.site, cal.today);
    const ContractRow &k = data.contracts[contract];
    WorkOrderRow w;
    w.site = asset.site;
    w.asset = assetIndex;
    w.skill = asset.skill;
    w.type = shape.type;
    w.durationMin = shape.durationMin;
    w.priority = shape.priority;
    w.summary = shape.summary;
    w.status = QStringLiteral("open");
    // Due 60–150 minutes from now; logged at least ten minutes before now.
    const Instant dueIn = rng.between(60, 150) * kMinute;
    w.createdAt = std::min(cal.now + dueIn - k.responseHours * kHour, cal.now - 10 * kMinute) - rng.below(60);
    w.contract = contract;
    w.slaDue = slaDue(clock, w.createdAt, k.responseHours, true);
    return w;
}

} // namespace fieldops::demo
