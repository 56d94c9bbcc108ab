#pragma once
// What a customer asks for: the kind of job, how long it takes, how urgent it is and
// how the request reads, for one trade; and the fresh requests that make up the
// dispatchers' unassigned queue at the demo's now.
#include "demo/DemoDataSet.h"
#include "demo/DemoRandom.h"

#include <array>
#include <optional>

namespace fieldops::demo {

struct RequestMix {
    std::array<int, 4> typeWeights;         // install, corrective, preventive, inspection
    std::array<int, 4> correctivePriorities; // weights of priorities 1 (urgent) … 4 (low)
};

struct RequestShape {
    QString type;
    int durationMin = 60;
    int priority = 3;
    QString summary;
    bool newEquipment = false; // an install of equipment not yet in the asset register
};

RequestShape drawRequest(DemoRandom &rng, int skill, const RequestMix &mix);

// The contract covering the site's customer on `date`, or -1.
int contractFor(const DemoDataSet &data, int site, const QDate &date);

// A request that came in during the last days and nobody has planned yet: created
// before now, an SLA when a contract covers it, often a window on today or a later day.
WorkOrderRow freshRequest(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, const DemoDataSet &data);

// The emergency waiting at now: an urgent fault under a 24×7 contract, logged hours ago and
// still in the queue, its SLA due within the next two and a half hours (the "due soon" alert
// at any hour). None when no 24×7 contract is in force.
std::optional<WorkOrderRow> waitingEmergency(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock,
                                             const DemoDataSet &data);

} // namespace fieldops::demo
