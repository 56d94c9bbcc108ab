#pragma once
// "Give this job to that technician": the earliest start from now, in quarter hours, at
// which the conflict engine (the schedule board's ConflictIndex) has no objection at all,
// or failing that, none the database would refuse. The map's drag-to-assign asks this and
// shows the verdict before anything is written.
#include "scheduling/ConflictIndex.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>

namespace fieldops {
class Database;
}

namespace fieldops::map {

struct SlotProposal {
    QString workOrderId;
    QString technicianId;
    QDateTime start;
    QDateTime end;
    scheduling::Verdict verdict; // clean() when a slot without objections was found
};

Result<SlotProposal> findNextFeasibleSlot(Database &db, const QString &workOrderId, const QString &technicianId,
                                          const QDateTime &now, int searchDays = 3);

} // namespace fieldops::map
