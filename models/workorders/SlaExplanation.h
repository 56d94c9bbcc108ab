#pragma once
// Why a saved work order falls due when it does, for the inspector: the SLA rule in words
// recomputed from the work order's contract, priority, site (time zone and holiday
// calendar) and creation time, beside the deadlines stored on it (which a user may have
// typed by hand) and the asset's warranty. A plain read; run it on the worker thread.
#include "util/Result.h"

#include <QDateTime>
#include <QString>

namespace fieldops {
class Database;
}

namespace fieldops::workorders {

struct SlaExplanation {
    QString workOrderId;
    QString rule;          // e.g. "Contract K12 (Gold), priority 2: respond within 4 business hours, resolve within 16 (…)"
    QDateTime responseDue; // as stored (null when the work order predates response deadlines)
    QDateTime slaDue;      // as stored
    QDateTime computedResponseDue; // what the rule gives today's terms
    QDateTime computedSlaDue;
    QString warrantyNote;  // "Asset A-17 is under warranty until 2027-05-01" for corrective work, else empty
};

// NotFound when the work order does not exist.
Result<SlaExplanation> readSlaExplanation(Database &db, const QString &workOrderId);

} // namespace fieldops::workorders
