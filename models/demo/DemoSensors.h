#pragma once
// The demo's connected equipment: which equipment models carry a sensor or a meter, what
// it reads, how the reading usually behaves over a day and a week, and the condition
// rules a planner set on each unit. The seeder draws a month of history from these and
// `fieldops-cli simulate` goes on from where the history ends, so both tell one story.
#include "conditions/ConditionRule.h"
#include "demo/DemoTime.h"

#include <vector>

namespace fieldops::demo {

class DemoRandom;

struct SensorProfile {
    int skill;                // catalogue skill of the equipment (and of the work the rules open)
    const char *model;        // assets.model it is fitted to
    const char *readingKind;  // asset_readings.kind
    const char *unit;
    double usual = 0;         // the level on an average hour
    double dailySwing = 0;    // half the day's swing, highest at peakHour (local)
    int peakHour = 15;
    double weekendShift = 0;  // added on Saturdays and Sundays (less load in offices)
    double noise = 0;         // standard deviation of one reading
    // A cold room defrosts every defrostEveryHours hours (local, from midnight) for
    // defrostMinutes, warming by defrostRise: its threshold rule sustains longer than that.
    int defrostEveryHours = 0;
    int defrostMinutes = 0;
    double defrostRise = 0;
    // Counters (runtime hours): grow by one an hour between these local hours, never fall.
    bool counter = false;
    int runsFromHour = 0, runsToHour = 24;
    int cadenceMinutes = 15; // one reading every so many minutes
};

const std::vector<SensorProfile> &sensorProfiles();
// The profile fitted to this equipment model, or nullptr.
const SensorProfile *sensorProfileFor(const QString &model);

// What the reading usually is at `t` for this profile (no noise, no fault).
double usualReading(const SensorProfile &p, Instant t, const LocalClock &clock);
// Hours a counter grows between a and b (a ≤ b), following the running hours.
double runningHours(const SensorProfile &p, Instant a, Instant b, const LocalClock &clock);

// The rules a planner sets on one unit fitted with this profile (id, asset and skills
// filled in by the caller's order: ids are given by the caller).
std::vector<conditions::ConditionRule> rulesFor(const SensorProfile &p, const QString &assetId);

// How far a faulty unit has gone from its usual reading `hours` hours after the fault
// began: the profile's way of failing (a chiller warms, a pump vibrates, a cold room
// thaws), ramping up over the first hours.
double faultOffset(const SensorProfile &p, double hours);

} // namespace fieldops::demo
