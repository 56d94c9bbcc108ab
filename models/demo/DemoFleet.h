#pragma once
// Parts stock in the warehouses and the technicians' vans, and today's GPS trail of
// every technician up to the demo's now (the latest ping where they are: on site, on
// the way to the next visit, or at home on a day off).
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

namespace fieldops::demo {

void generateStock(DemoRandom &rng, DemoDataSet &data);
void generatePositions(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data);

} // namespace fieldops::demo
