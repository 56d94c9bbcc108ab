#pragma once
// Recording how a visit ended from the console: the visit as it stands (to fill the form),
// and the record edits that write the outcome — the visit completed with its times and
// outcome, and its work order closed when the job is resolved or back in the queue when
// it is not and no other visit is booked. The edits go through the editing spine, so the
// write is versioned, audited, in the change feed, and one step on the undo stack.
#include "field/FollowUpOrders.h"
#include "field/VisitOutcome.h"
#include "records/RecordEdit.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::field {

struct VisitToRecord {
    QString appointmentId;
    QString workOrderId;
    QString workOrderSummary;
    QString technicianName;
    QString siteName;
    QDateTime plannedStart, plannedEnd;
    QString status;      // the visit's status now
    int version = 1;     // the version the form saw
    bool hasOutcome = false; // completed before: the form corrects an outcome
    VisitOutcome outcome;    // what is known, else proposals from the plan and the clock
};

struct RecordedOutcome {
    records::RecordEdits edits;
    QString workOrderId;
    QString workOrderStatusBefore, workOrderStatusAfter;
    // Unresolved and nothing else booked: the work order needs a return visit.
    bool needsFollowUp = false;
    // needs_parts with nothing else booked: the return visit is a follow-up work order
    // (FollowUpOrders), created by record() in the outcome's transaction; the original
    // stays in progress.
    bool opensFollowUp = false;
    QString technicianId;            // the visit's technician (whose van is tried first)
    QString followUpId;              // the follow-up record() created or a correction relisted, if any
    // A corrected "needs parts" outcome: the edits of its pending follow-up (its parts
    // listed anew, or the follow-up called off), also part of `edits`.
    records::RecordEdits followUpEdits;
    QString calledOffFollowUp;
    std::vector<ReservedPart> reservedParts;
    // Resolved: the work orders this one was the return visit of, closed with it.
    QStringList closedOriginals;
};

class VisitOutcomeRecorder {
public:
    explicit VisitOutcomeRecorder(Database &db) : m_db(db) {}

    Result<VisitToRecord> load(const QString &appointmentId, const QDateTime &now);
    // The edits for `outcome` on a visit last seen at `seenVersion` (checked first;
    // invalid input names the field). Nothing is written.
    Result<RecordedOutcome> edits(const QString &appointmentId, int seenVersion, const VisitOutcome &outcome, const QDateTime &now);
    // edits() written in one transaction; the returned edits are at the versions left.
    static Result<RecordedOutcome> record(Database &db, const QString &appointmentId, int seenVersion, const VisitOutcome &outcome,
                                          const QDateTime &now);

private:
    Database &m_db;
};

} // namespace fieldops::field
