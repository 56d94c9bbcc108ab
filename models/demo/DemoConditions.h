#pragma once
// Condition monitoring in the demo: a few units of the connected equipment models
// (DemoSensors) get their rules and a month of readings up to the demo's now, with daily
// cycles, noise and gaps; a few of them are drifting or failing now, so the asset health
// view has at-risk equipment and the console's first evaluation opens proactive work.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

namespace fieldops::demo {

// Days of readings before the demo's now: the anomaly rules' four weeks of baseline and
// the day they judge.
inline constexpr int kReadingDays = 30;
// Units fitted with sensors per connected equipment model, at most.
inline constexpr int kConnectedUnitsPerModel = 6;

void generateConditionMonitoring(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data);

} // namespace fieldops::demo
