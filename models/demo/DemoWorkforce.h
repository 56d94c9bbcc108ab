#pragma once
// The technicians: territory, trade mix, shift pattern, employment type, cost, how good
// each one is, and their absences over the simulated calendar.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

namespace fieldops::demo {

void generateWorkforce(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, int count, DemoDataSet &data);

// True when the technician works on that local date (work day and not absent).
bool worksOn(const TechnicianRow &t, const DemoCalendar &cal, int dayOffset);

} // namespace fieldops::demo
