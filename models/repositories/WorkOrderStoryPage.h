#pragma once
// A work order's whole story as one page to read, print or send: what was reported and
// where, every visit with its arrival, departure and outcome, what was done (each time
// entry with its comment and review), the parts used and still needed with where they
// are held, the customer's ratings, the notices to the technicians, the work orders of
// the same job (the one it follows, its return visits), and what remains. Wide tables,
// so it opens in a window of its own (WorkOrderStoryWindow) and prints on A4.
#include "repositories/WorkOrderRepository.h"

#include <QByteArray>
#include <QString>

namespace fieldops {

// The visit whose outcome leaves the job waiting: the last one completed, unresolved,
// while the work order is neither done nor cancelled; nullptr when there is none.
const AppointmentSummary *visitLeavingJobOpen(const WorkOrderDetails &d);

// How a completed visit ended, in words ("Resolved", "Not resolved: Needs parts"); empty
// for a visit not completed. The inspector's visits list says the same.
QString visitOutcomeText(const AppointmentSummary &s);

// The story as HTML (QTextDocument's subset), instants in the console's local time.
QString workOrderStoryHtml(const WorkOrderDetails &d);
// The same on A4 pages, as a PDF.
QByteArray workOrderStoryPdf(const WorkOrderDetails &d);

} // namespace fieldops
