#include "dayplan/MoveOrder.h"

#include <algorithm>
#include <list>

namespace fieldops::dayplan {

namespace {

bool isNew(const VisitMove &m) { return m.appointmentId.isEmpty(); }
bool toQueue(const VisitMove &m) { return !isNew(m) && m.toTechnicianId.isEmpty(); }

// Where `m` lands meets where `waiting` still is.
bool landsOn(const VisitMove &m, const VisitMove &waiting)
{
    return m.toTechnicianId == waiting.fromTechnicianId && m.start < waiting.fromEnd && waiting.fromStart < m.end;
}

} // namespace

std::vector<VisitMove> writeOrder(const std::vector<VisitMove> &changes)
{
    std::vector<VisitMove> steps;
    std::list<VisitMove> waiting; // latest first: a day pushed later frees its end first
    for (const VisitMove &m : changes) {
        if (toQueue(m))
            steps.push_back(m);
        else if (!isNew(m))
            waiting.push_back(m);
    }
    waiting.sort([](const VisitMove &a, const VisitMove &b) { return a.start > b.start; });
    int parked = 0;
    while (!waiting.empty()) {
        auto ready = std::find_if(waiting.begin(), waiting.end(), [&](const VisitMove &m) {
            return std::none_of(waiting.begin(), waiting.end(), [&](const VisitMove &other) { return &other != &m && landsOn(m, other); });
        });
        if (ready != waiting.end()) {
            steps.push_back(*ready);
            waiting.erase(ready);
            continue;
        }
        // Everyone waits on someone: park the first, a month apart from any other parked visit.
        VisitMove &first = waiting.front();
        VisitMove park = first;
        park.toTechnicianId = first.fromTechnicianId;
        park.start = QDateTime(kParkingDate.addMonths(parked++), QTime(0, 0), Qt::UTC);
        park.end = park.start.addMSecs(first.fromStart.msecsTo(first.fromEnd));
        steps.push_back(park);
        first.fromTechnicianId = park.toTechnicianId;
        first.fromStart = park.start;
        first.fromEnd = park.end;
    }
    for (const VisitMove &m : changes) {
        if (isNew(m))
            steps.push_back(m);
    }
    return steps;
}

std::vector<VisitMove> changesOf(const DayPlan &plan)
{
    std::vector<VisitMove> out = plan.moves;
    for (const PlannedVisit &v : plan.visits)
        out.push_back({QString(), v.workOrderId, QString(), QDateTime(), QDateTime(), v.technicianId, v.start, v.end});
    return out;
}

} // namespace fieldops::dayplan
