#include "demo/DemoConditions.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoSensors.h"

#include <algorithm>
#include <cmath>

namespace fieldops::demo {

namespace {

// What happens to one unit in the demo's story.
struct Story {
    Instant faultFrom = kNoInstant; // a fault developing since (faultOffset)
    Instant driftFrom = kNoInstant; // a slow drift since, reaching driftSize at now
    double driftSize = 0;
    Instant silentFrom = kNoInstant; // the sensor has reported nothing since
    Instant gapFrom = kNoInstant, gapTo = kNoInstant; // a past outage of the sensor
    double duty = 1;                 // counters: share of the running hours it runs
};

// The first units of each model tell the interesting stories; the rest run normally.
Story storyOf(const SensorProfile &p, int unit, const DemoCalendar &cal, DemoRandom &rng)
{
    Story s;
    const Instant now = cal.now;
    if (unit % 2 == 1) {
        s.gapFrom = now - rng.between(3, 25) * kDay - rng.between(0, 23) * kHour;
        s.gapTo = s.gapFrom + rng.between(3, 8) * kHour;
    }
    switch (p.skill) {
    case Hvac:
        if (unit == 0) { // drifting since yesterday: outside its usual, not yet too warm
            s.driftFrom = now - 30 * kHour;
            s.driftSize = 1.6;
        } else if (unit == 1) {
            s.faultFrom = now - 3 * kHour; // compressor lost: too warm for two hours
        }
        break;
    case Plumbing:
        if (unit == 0)
            s.faultFrom = now - 100 * kMinute; // a bearing going: vibration rising fast
        else if (unit == 2)
            s.silentFrom = now - 4 * kHour; // its gateway went offline
        break;
    case Refrigeration:
        if (unit == 0)
            s.faultFrom = now - 150 * kMinute; // door left open: warm for over an hour
        else if (unit == 1)
            s.faultFrom = now - 60 * kMinute; // warming, not yet for long enough
        break;
    default:
        if (p.counter) {
            static const double duties[] = {1.0, 0.35, 0.05};
            s.duty = duties[unit % 3];
        }
        break;
    }
    return s;
}

double rounded(double v, double step) { return std::round(v / step) * step; }

} // namespace

void generateConditionMonitoring(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data)
{
    const Instant first = cal.now - kReadingDays * kDay;
    // A usage rule counts from the unit's last completed preventive visit: the generator
    // that is to be due for its service is one without such a visit in the last weeks.
    std::vector<Instant> lastPreventive(data.assets.size(), kNoInstant);
    for (const AppointmentRow &a : data.appointments) {
        const WorkOrderRow &w = data.workOrders[size_t(a.workOrder)];
        if (w.asset >= 0 && w.type == QLatin1String("preventive") && a.completedAt != kNoInstant && a.completedAt <= cal.now)
            lastPreventive[size_t(w.asset)] = std::max(lastPreventive[size_t(w.asset)], a.completedAt);
    }
    int ruleNumber = 0;
    for (int pi = 0; pi < int(sensorProfiles().size()); ++pi) {
        const SensorProfile &p = sensorProfiles()[size_t(pi)];
        const QString model = QString::fromUtf8(p.model);
        std::vector<int> units;
        for (int ai = 0; ai < int(data.assets.size()); ++ai) {
            if (data.assets[size_t(ai)].model == model)
                units.push_back(ai);
        }
        if (p.counter) {
            std::stable_partition(units.begin(), units.end(), [&](int ai) {
                const Instant last = lastPreventive[size_t(ai)];
                return last == kNoInstant || last < cal.now - 20 * kDay;
            });
        }
        if (units.size() > size_t(kConnectedUnitsPerModel))
            units.resize(size_t(kConnectedUnitsPerModel));
        std::sort(units.begin() + (units.empty() ? 0 : 1), units.end());
        int unit = 0;
        for (int ai : units) {
            const Story story = storyOf(p, unit, cal, rng);
            for (conditions::ConditionRule &r : rulesFor(p, data.assets[size_t(ai)].id)) {
                r.id = QStringLiteral("CR-%1").arg(++ruleNumber, 6, 10, QLatin1Char('0'));
                data.conditionRules.push_back(std::move(r));
            }
            // bell() has a standard deviation of about 1/3.
            // Each unit sits a little above or below the model's usual, and each week a
            // little differently (weather, occupancy): the baseline's spread.
            const double unitOffset = p.noise * 2 * rng.bell();
            const Instant cadence = p.cadenceMinutes * kMinute;
            Instant t = (first / cadence + 1) * cadence;
            double counter = rounded(rng.range(800, 6000), 1);
            Instant lastCounted = t;
            qint64 week = -1;
            double weekOffset = 0;
            for (; t <= cal.now; t += cadence) {
                if ((t >= story.gapFrom && t < story.gapTo) || (story.silentFrom != kNoInstant && t >= story.silentFrom))
                    continue;
                double value;
                if (p.counter) {
                    counter += story.duty * runningHours(p, lastCounted, t, clock);
                    lastCounted = t;
                    value = rounded(counter, 0.1);
                } else {
                    if (t / (7 * kDay) != week) {
                        week = t / (7 * kDay);
                        weekOffset = p.noise * 2.4 * rng.bell();
                    }
                    value = usualReading(p, t, clock) + unitOffset + weekOffset + p.noise * 3 * rng.bell();
                    if (story.faultFrom != kNoInstant)
                        value += faultOffset(p, double(t - story.faultFrom) / kHour);
                    if (story.driftFrom != kNoInstant && t > story.driftFrom)
                        value += story.driftSize * double(t - story.driftFrom) / double(cal.now - story.driftFrom);
                    value = rounded(value, 0.01);
                }
                data.readings.push_back({ai, t, pi, value});
            }
            ++unit;
        }
    }
}

} // namespace fieldops::demo
