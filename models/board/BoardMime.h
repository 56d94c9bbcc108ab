#pragma once
// The drag payloads between the unassigned queue and the board.
#include <QString>

namespace fieldops::board {

// A work order dragged from the queue: the payload is the work order id (UTF-8).
inline QString workOrderMimeType() { return QStringLiteral("application/x-fieldops-work-order-id"); }
// A bar dragged off the board (back to the queue unassigns): appointment ids, one a line.
inline QString appointmentMimeType() { return QStringLiteral("application/x-fieldops-appointment-ids"); }

} // namespace fieldops::board
