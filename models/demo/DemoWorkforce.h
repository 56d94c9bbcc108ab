#pragma once
// The technicians: territory, trade mix, shift pattern, employment type, cost, how good
// each one is, and their absences over the simulated calendar. From six technicians up the
// last few are the on-call crew: 19:00–07:00 nights (two rotas that together cover every
// night) and 07:00–19:00 weekend days, so whatever the hour someone is working.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

namespace fieldops::demo {

void generateWorkforce(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, int count, DemoDataSet &data);

// True when the technician works on that local date (work day and not absent).
bool worksOn(const TechnicianRow &t, const DemoCalendar &cal, int dayOffset);

// The shift that begins on that local date, whether or not it is worked: a night shift
// ends on the next date.
struct ShiftSpan {
    Instant start = 0, end = 0;
    bool contains(Instant t) const { return t >= start && t < end; }
};
ShiftSpan shiftOn(const TechnicianRow &t, const DemoCalendar &cal, const LocalClock &clock, int dayOffset);
// How many of `count` technicians are the on-call crew.
int onCallCrewSize(int count);

} // namespace fieldops::demo
