#pragma once
// The operation itself, day by day: each working technician's day is built as a route
// of visits from home within the shift, with travel between sites (so nobody is ever
// double-booked); past visits get outcomes (arrival, completion, fix or repeat visit,
// rating, time entries), today's depend on the demo's `now`, later days are planned
// ahead. Work orders come from preventive plans, repeat visits and new requests; what
// nobody took, plus fresh requests, is the open queue.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

#include <functional>

namespace fieldops::demo {

// `tick(percent)` now and then; returning false stops the simulation (returns false).
bool simulateOperations(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data,
                        const std::function<bool(int percent)> &tick);

} // namespace fieldops::demo
