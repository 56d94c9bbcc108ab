#pragma once
// What the field reported about a work order beyond its visits' times: the time booked on
// it per technician and activity (and how much of it is billable or still unreviewed),
// the parts used on each visit, the customer's ratings, and the notices its technicians'
// phones were sent about it. The inspector tells the job's
// whole story from it.
#include "domain/Entities.h"
#include "util/Result.h"

#include <vector>

namespace fieldops {
class Database;

struct TimeBooked {
    QString technicianName;
    QString activity;        // travel, work, waiting … as recorded (may be empty)
    qint64 minutes = 0;
    qint64 billableMinutes = 0;
    qint64 pendingMinutes = 0; // not reviewed yet, so not billed
};

struct PartUsedLine {
    QString appointmentId;
    QString sku;
    QString name;
    double quantity = 0;
    QString location; // van:… or warehouse:…
};

// A notice to a technician's phone about one of the job's visits, and how far it got.
struct NoticeLine {
    QString technicianName;
    QString body;
    QDateTime createdAt, deliveredAt, readAt; // invalid: not yet
};

struct WorkOrderStory {
    std::vector<TimeBooked> time;     // by technician, then activity
    std::vector<PartUsedLine> parts;  // by time used
    std::vector<Rating> ratings;      // by time rated
    std::vector<NoticeLine> notices;  // by time written
};

Result<WorkOrderStory> readWorkOrderStory(Database &db, const QString &workOrderId);

} // namespace fieldops
