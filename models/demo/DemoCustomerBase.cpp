#include "demo/DemoCustomerBase.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoGeography.h"
#include "demo/DemoNames.h"

#include <algorithm>

namespace fieldops::demo {

namespace {

struct Tier {
    const char *name;
    int responseHours;
    bool allHours;
    double monthlyFee;
    double includedHours;
    double hourlyRate;
};
// Fee per month, hours it includes, the hourly rate beyond them: dearer tiers include more.
const Tier kTiers[] = {{"Premium 24x7", 4, true, 2400, 20, 95},
                       {"Gold 24x7", 8, true, 1500, 12, 110},
                       {"Standard", 12, false, 800, 6, 120},
                       {"Basic", 24, false, 400, 2, 130}};

bool critical(const char *kind)
{
    const QLatin1String k(kind);
    return k == QLatin1String("hospital") || k == QLatin1String("datacenter") || k == QLatin1String("shopping");
}

void addContract(DemoRandom &rng, const DemoCalendar &cal, int customerIndex, int customerCount, DemoDataSet &data)
{
    CustomerRow &cust = data.customers[customerIndex];
    const CustomerKind &kind = customerKinds()[cust.kind];
    const Tier &tier = kTiers[critical(kind.key) && rng.chance(0.6) ? 0 : rng.weighted({12, 20, 36, 32})];
    ContractRow c;
    c.id = makeId("k", int(data.contracts.size()) + 1, customerCount);
    c.customer = customerIndex;
    c.responseHours = tier.responseHours;
    c.allHours = tier.allHours;
    c.monthlyFee = tier.monthlyFee;
    c.includedHours = tier.includedHours;
    c.hourlyRate = tier.hourlyRate;
    if (rng.chance(0.9)) {
        // Current: signed some time ago for 1–3 years, renewed as often as needed.
        const int years = rng.between(1, 3);
        c.startsOn = cal.today.addDays(-rng.between(30, 1000));
        c.endsOn = c.startsOn.addYears(years).addDays(-1);
        while (c.endsOn < cal.today.addDays(15)) {
            c.startsOn = c.endsOn.addDays(1);
            c.endsOn = c.startsOn.addYears(years).addDays(-1);
        }
    } else {
        c.endsOn = cal.today.addDays(-rng.between(5, 200));
        c.startsOn = c.endsOn.addYears(-1).addDays(1);
    }
    c.name = QStringLiteral("%1 maintenance %2").arg(QString::fromLatin1(tier.name)).arg(c.startsOn.year());
    cust.contract = int(data.contracts.size());
    data.contracts.push_back(std::move(c));
}

} // namespace

void generateCustomerBase(DemoRandom &rng, const DemoCalendar &cal, int count, const std::vector<bool> &servable,
                          DemoDataSet &data)
{
    const auto &areas = territoryAreas();
    const auto &kinds = customerKinds();
    std::vector<int> areaWeights, kindWeights;
    for (const TerritoryArea &a : areas)
        areaWeights.push_back(a.weight);
    for (const CustomerKind &k : kinds)
        kindWeights.push_back(k.weight);
    std::vector<std::vector<int>> modelsBySkill(SkillCount), tasksBySkill(SkillCount);
    for (int i = 0; i < int(equipmentModels().size()); ++i)
        modelsBySkill[equipmentModels()[i].skill].push_back(i);
    for (int i = 0; i < int(preventiveTasks().size()); ++i)
        tasksBySkill[preventiveTasks()[i].skill].push_back(i);
    bool anyServable = false;
    for (bool b : servable)
        anyServable = anyServable || b;

    data.customers.reserve(count);
    const int siteEstimate = count * 2;
    const int assetEstimate = count * 8;
    for (int ci = 0; ci < count; ++ci) {
        CustomerRow cust;
        cust.id = makeId("c", ci + 1, count);
        cust.kind = rng.weighted(kindWeights);
        cust.territory = rng.weighted(areaWeights);
        const CustomerKind &kind = kinds[cust.kind];
        const Neighbourhood &hq = rng.pick(areas[cust.territory].neighbourhoods);
        cust.name = companyName(rng, kind.key, hq);
        cust.phone = rng.chance(0.7) ? landlinePhone(rng) : mobilePhone(rng);
        cust.email = emailFor(rng, cust.name);
        data.customers.push_back(cust);

        const int siteCount = rng.between(kind.minSites, kind.maxSites);
        for (int si = 0; si < siteCount; ++si) {
            // A chain's other branches spread over the metro area.
            const int territory = si == 0 ? cust.territory : rng.weighted(areaWeights);
            const Neighbourhood &where = si == 0 ? hq : rng.pick(areas[territory].neighbourhoods);
            SiteRow site;
            site.id = makeId("s", int(data.sites.size()) + 1, siteEstimate);
            site.customer = ci;
            site.name = siteName(rng, cust.name, kind.key, where, si);
            site.address = streetAddress(rng, where);
            site.lat = where.lat + rng.range(-kScatterDeg, kScatterDeg);
            site.lon = where.lon + rng.range(-kScatterDeg, kScatterDeg);
            site.territory = territory;
            const int siteIndex = int(data.sites.size());
            data.sites.push_back(std::move(site));
            if (!anyServable)
                continue;

            std::vector<int> weights(SkillCount, 0);
            int total = 0;
            for (int s = 0; s < SkillCount; ++s) {
                weights[s] = servable[s] ? kind.skillWeights[s] : 0;
                total += weights[s];
            }
            if (total == 0) {
                for (int s = 0; s < SkillCount; ++s)
                    weights[s] = servable[s] ? 1 : 0;
            }
            const int assetCount = rng.between(kind.minAssets, kind.maxAssets);
            for (int ai = 0; ai < assetCount; ++ai) {
                const int skill = rng.weighted(weights);
                const EquipmentModel &model = equipmentModels()[rng.pick(modelsBySkill[skill])];
                AssetRow a;
                a.id = makeId("as", int(data.assets.size()) + 1, assetEstimate);
                a.site = siteIndex;
                a.skill = skill;
                a.model = QString::fromUtf8(model.model);
                a.installedOn = cal.today.addDays(-rng.between(60, 365 * 12));
                static const int warrantyMonths[] = {12, 24, 36, 60};
                a.warrantyUntil = a.installedOn.addMonths(rng.pick(warrantyMonths));
                a.serial = QStringLiteral("%1-%2-%3")
                               .arg(QString::fromLatin1(model.serialPrefix))
                               .arg(a.installedOn.year())
                               .arg(rng.between(0, 999999), 6, 10, QLatin1Char('0'));
                data.assets.push_back(std::move(a));
            }
        }

        const double contractShare = std::min(0.95, 0.45 + 0.05 * kind.maxAssets);
        if (rng.chance(contractShare))
            addContract(rng, cal, ci, count, data);
    }

    // Preventive plans for most equipment under a current contract.
    const int planEstimate = int(data.assets.size());
    for (int ai = 0; ai < int(data.assets.size()); ++ai) {
        const AssetRow &a = data.assets[ai];
        const CustomerRow &cust = data.customers[data.sites[a.site].customer];
        if (cust.contract < 0 || tasksBySkill[a.skill].empty())
            continue;
        const ContractRow &k = data.contracts[cust.contract];
        if (k.endsOn < cal.today || !rng.chance(0.4))
            continue;
        const int taskIndex = rng.pick(tasksBySkill[a.skill]);
        const PreventiveTask &task = preventiveTasks()[taskIndex];
        PlanRow p;
        p.id = makeId("pm", int(data.plans.size()) + 1, planEstimate);
        p.contract = cust.contract;
        p.asset = ai;
        p.task = taskIndex;
        p.intervalDays = task.intervalDays;
        p.durationMin = task.durationMin + 15 * rng.between(-1, 1);
        if (p.durationMin <= 0)
            p.durationMin = task.durationMin;
        p.skill = a.skill;
        p.phase = rng.below(p.intervalDays);
        // First occurrence after the horizon: the ones up to it become work orders.
        int next = cal.futureDays + 1;
        next += ((p.phase - next) % p.intervalDays + p.intervalDays) % p.intervalDays;
        p.nextDue = cal.dateAt(next);
        data.plans.push_back(std::move(p));
    }
}

} // namespace fieldops::demo
