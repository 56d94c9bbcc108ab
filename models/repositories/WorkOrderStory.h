#pragma once
// What the field reported about a work order beyond its visits' times: the time booked on
// it per technician and activity (and how much of it is billable or still unreviewed),
// the parts used on each visit, the customer's ratings, and the notices its technicians'
// phones were sent about it. The inspector tells the job's
// whole story from it.
#include "domain/Entities.h"
#include "util/Result.h"

#include <optional>
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

// One time entry as booked, for the story's full account of what was done.
struct TimeEntryLine {
    QString technicianName;
    QDateTime start, end;
    QString activity;
    bool billable = true;
    QString reviewState; // pending, approved, corrected
    QString comment;
};

// A part the work order lists as needed, and where it is held for it (empty: nowhere).
struct PartNeededLine {
    QString sku;
    QString name;
    double quantity = 0;
    QString reservedAt;
};

// A work order of the same job chain: the one this follows, or one following it.
struct LinkedOrder {
    QString id;
    QString status;
    QString summary;
};

struct WorkOrderStory {
    QString description;  // the longer account of what was reported
    QString cancelReason; // a cancelled work order's reason
    std::vector<TimeBooked> time;     // by technician, then activity
    std::vector<TimeEntryLine> entries; // by start
    std::vector<PartNeededLine> partsNeeded; // by SKU
    std::optional<LinkedOrder> followUpOf;
    std::vector<LinkedOrder> followUps; // by id
    std::vector<PartUsedLine> parts;  // by time used
    std::vector<Rating> ratings;      // by time rated
    std::vector<NoticeLine> notices;  // by time written
};

Result<WorkOrderStory> readWorkOrderStory(Database &db, const QString &workOrderId);
// All the time booked on it (minutes, billable, not reviewed yet), nobody's in particular.
TimeBooked totalTime(const WorkOrderStory &story);

} // namespace fieldops
