#pragma once
// Everything the rule checks read, as plain data: no database, no Qt objects, so the
// board, the CLI, tests and benchmarks can build one in memory or load one
// (ScheduleLoader) and hand it to ConflictIndex.
#include "domain/Entities.h"

#include <QDateTime>
#include <vector>

namespace fieldops::scheduling {

struct ScheduleSnapshot {
    // The horizon the snapshot was read for: appointments intersecting [from, to), every
    // appointment overlapping those, and each technician's neighbour just outside.
    QDateTime from;
    QDateTime to;
    std::vector<Technician> technicians; // with skills, shift, work days and time zone
    std::vector<Absence> absences;
    std::vector<Site> sites;             // id, coordinates and time zone of the sites visited
    std::vector<WorkOrder> workOrders;   // with required skills, window and sla_due
    std::vector<Appointment> appointments; // non-cancelled only
};

} // namespace fieldops::scheduling
