#pragma once
// Builds the whole demo operation in memory from the options alone (no database), one
// seeded random stream per stage so, for example, the same seed gives the same crew
// whatever the number of customers.
#include "demo/DemoDataSet.h"
#include "demo/DemoSeeder.h"

#include <functional>

namespace fieldops::demo {

DemoCalendar demoCalendar(const DemoOptions &options);
// `tick(percent)` now and then; returning false stops (returns false, `data` partial).
bool generateDemo(const DemoOptions &options, DemoDataSet &data, const std::function<bool(int percent)> &tick = {});

} // namespace fieldops::demo
