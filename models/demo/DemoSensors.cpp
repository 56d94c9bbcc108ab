#include "demo/DemoSensors.h"

#include "demo/DemoCatalog.h"

#include <cmath>
#include <numbers>

namespace fieldops::demo {

const std::vector<SensorProfile> &sensorProfiles()
{
    // Chilled water leaves a chiller at about 7 °C, warmer in the afternoon's load; a pump's
    // vibration (ISO 10816: above 7.1 mm/s is damage) follows the building's water use; a
    // cold room holds −18 °C but for its defrosts; a prime-power generator runs 06–22 h.
    static const std::vector<SensorProfile> list{
        {Hvac, "Trane Chiller CGAM 070", "temperature", "°C", 6.8, 0.9, 15, -0.4, 0.12},
        {Plumbing, "KSB Hydrobloc P 1000", "vibration", "mm/s", 2.6, 0.35, 8, -0.2, 0.15},
        {Refrigeration, "Gelopar câmara fria 20 m³", "temperature", "°C", -18.5, 0.4, 16, 0, 0.25, 6, 25, 8.0},
        {Generators, "Stemac GMG 250 kVA", "runtime_hours", "h", 0, 0, 0, 0, 0, 0, 0, 0, true, 6, 22, 60},
    };
    return list;
}

const SensorProfile *sensorProfileFor(const QString &model)
{
    for (const SensorProfile &p : sensorProfiles()) {
        if (model == QString::fromUtf8(p.model))
            return &p;
    }
    return nullptr;
}

double usualReading(const SensorProfile &p, Instant t, const LocalClock &clock)
{
    const int minute = clock.localMinuteOfDay(t);
    const double hour = minute / 60.0;
    double v = p.usual + p.dailySwing * std::cos(2 * std::numbers::pi * (hour - p.peakHour) / 24.0);
    if (clock.localDate(t).dayOfWeek() >= 6)
        v += p.weekendShift;
    if (p.defrostEveryHours > 0 && minute % (p.defrostEveryHours * 60) < p.defrostMinutes)
        v += p.defrostRise;
    return v;
}

double runningHours(const SensorProfile &p, Instant a, Instant b, const LocalClock &clock)
{
    // Five-minute steps: the counters are read every hour at most, so this is exact enough
    // and needs no calendar arithmetic across daylight-saving changes.
    constexpr Instant kStep = 5 * kMinute;
    double hours = 0;
    for (Instant t = a; t < b; t += kStep) {
        const int h = clock.localMinuteOfDay(t) / 60;
        if (h >= p.runsFromHour && h < p.runsToHour)
            hours += double(std::min(kStep, b - t)) / kHour;
    }
    return hours;
}

namespace {

conditions::ConditionRule base(const SensorProfile &p, const QString &assetId, conditions::RuleKind kind)
{
    conditions::ConditionRule r;
    r.assetId = assetId;
    r.kind = kind;
    r.readingKind = QString::fromLatin1(p.readingKind);
    r.skills = {QString::fromLatin1(skills()[p.skill].code)};
    return r;
}

conditions::ConditionRule threshold(const SensorProfile &p, const QString &assetId, double limit, int sustain)
{
    conditions::ConditionRule r = base(p, assetId, conditions::RuleKind::Threshold);
    r.above = true;
    r.threshold = limit;
    r.sustainMinutes = sustain;
    return r;
}

} // namespace

std::vector<conditions::ConditionRule> rulesFor(const SensorProfile &p, const QString &assetId)
{
    using conditions::RuleKind;
    std::vector<conditions::ConditionRule> rules;
    const QString model = QString::fromUtf8(p.model);
    if (p.skill == Hvac) {
        conditions::ConditionRule hot = threshold(p, assetId, 10, 30);
        hot.name = QStringLiteral("Chilled water too warm");
        hot.task = QStringLiteral("Chilled water above 10 °C: check the chiller's refrigerant charge and compressor");
        hot.priority = 2;
        hot.durationMin = 120;
        rules.push_back(hot);
        conditions::ConditionRule unusual = base(p, assetId, RuleKind::Anomaly);
        unusual.name = QStringLiteral("Chiller outside its usual pattern");
        unusual.bandSd = 4;
        unusual.sustainMinutes = 90;
        unusual.baselineWeeks = 4;
        unusual.task = QStringLiteral("Chiller running outside its usual pattern: inspect before it fails");
        unusual.durationMin = 90;
        rules.push_back(unusual);
    } else if (p.skill == Plumbing) {
        conditions::ConditionRule shaking = threshold(p, assetId, 7.1, 15);
        shaking.name = QStringLiteral("Pump vibration in the damage zone");
        shaking.task = QStringLiteral("Pump vibration above 7.1 mm/s: check bearings and alignment");
        shaking.priority = 2;
        shaking.durationMin = 120;
        rules.push_back(shaking);
        conditions::ConditionRule rising = base(p, assetId, RuleKind::Rate);
        rising.name = QStringLiteral("Pump vibration rising fast");
        rising.above = true;
        rising.ratePerHour = 1.5;
        rising.windowMinutes = 120;
        rising.task = QStringLiteral("Pump vibration rising fast: inspect the bearings before they fail");
        rising.durationMin = 90;
        rules.push_back(rising);
    } else if (p.skill == Refrigeration) {
        // Longer than a defrost, so only a real warming fires it.
        conditions::ConditionRule thaw = threshold(p, assetId, -12, 45);
        thaw.name = QStringLiteral("Cold room warming");
        thaw.task = QStringLiteral("Cold room above −12 °C: check door seals, defrost and compressor");
        thaw.priority = 1;
        thaw.durationMin = 90;
        rules.push_back(thaw);
    } else if (p.counter) {
        conditions::ConditionRule service = base(p, assetId, RuleKind::Usage);
        service.name = QStringLiteral("Generator 250-hour service");
        service.usageInterval = 250;
        service.task = QStringLiteral("250-hour generator service: oil, filters and coolant");
        service.workOrderType = QStringLiteral("preventive");
        service.durationMin = 180;
        rules.push_back(service);
    }
    for (conditions::ConditionRule &r : rules)
        r.name += QStringLiteral(" (%1)").arg(model);
    return rules;
}

double faultOffset(const SensorProfile &p, double hours)
{
    if (hours <= 0)
        return 0;
    // How far each fails at full development, reached after rampHours.
    double full = 0, rampHours = 3;
    switch (p.skill) {
    case Hvac: full = 6.0; rampHours = 2.5; break;          // 7 °C water becomes 13 °C
    case Plumbing: full = 6.0; rampHours = 3; break;        // 2.6 mm/s becomes 8.6 mm/s
    case Refrigeration: full = 10.0; rampHours = 1.5; break; // −18.5 °C becomes −8.5 °C
    default: return 0;
    }
    return full * std::min(1.0, hours / rampHours);
}

} // namespace fieldops::demo
