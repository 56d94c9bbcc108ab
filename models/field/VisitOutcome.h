#pragma once
// What happened on a visit, as a dispatcher records it from the console (on the phone with
// the technician) — the same facts the field gateway's outcome event carries: when the
// technician arrived, finished and left, whether the job is fixed and, if not, why. The
// checks here need no database, so the form can run them as the dispatcher types.
#include "parts/Stock.h"
#include "workorders/WorkOrderDraft.h"

#include <QDateTime>
#include <QString>

namespace fieldops::field {

struct VisitOutcome {
    QDateTime arrivedAt;   // required
    QDateTime completedAt; // required: when the work ended (the KPIs close the job at it)
    QDateTime departedAt;  // optional: when the technician left the site
    bool resolved = true;
    QString reason;        // unresolved only: one of vocabulary::outcomeReasons()
    QString notes;         // what was done, what remains
    QString signedBy;      // who signed for the work on site
    // needs_parts only: what the return visit must bring, listed and reserved on the
    // follow-up work order (FollowUpOrders).
    std::vector<parts::PartNeed> parts;
};

// How far a recorded time may lie ahead of the console's clock (clocks differ a little)
// and how early before the planned start an arrival is still this visit's.
constexpr int kOutcomeClockSkewMinutes = 5;
constexpr int kOutcomeEarliestArrivalHours = 24;
constexpr int kOutcomeMaxNotes = 4000;
constexpr int kOutcomeMaxSignedBy = 200;

using OutcomeIssues = workorders::FieldIssues;

// Everything wrong with the outcome, field by field in the form's order (arrived_at,
// completed_at, departed_at, outcome_reason, parts, outcome_notes, signed_by); empty when it may
// be saved. `plannedStart`: the visit's booked start; `now`: the console's clock.
OutcomeIssues checkOutcome(const VisitOutcome &outcome, const QDateTime &plannedStart, const QDateTime &now);

} // namespace fieldops::field
