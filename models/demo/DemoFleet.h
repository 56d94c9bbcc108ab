#pragma once
// Parts stock in the warehouses and the technicians' vans with their reorder points, the parts
// jobs need, and the GPS trail of every
// technician's latest shift begun by the demo's now (today's, or last night's while it
// lasts): the latest ping where they are, on site, on the way to the next visit, waiting
// (never more than ten minutes old while on shift), or at home off shift.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

namespace fieldops::demo {

void generateStock(DemoRandom &rng, DemoDataSet &data);
// Reorder points for every stock row (some vans run below theirs) and the parts about a
// third of the open and booked corrective jobs need, of their skill: the reorder list, the
// board's "van lacks" marks and the suggestions' parts reasons have something to show.
void generatePartNeeds(DemoRandom &rng, DemoDataSet &data);
void generatePositions(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data);

} // namespace fieldops::demo
