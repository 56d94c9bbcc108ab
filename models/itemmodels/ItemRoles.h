#pragma once
// Every custom item role of the console's models, in one place and from one offset, so
// two models never reuse a number for different meanings (the README's developers' section). Views and
// proxies ask for these by name; new models append to this list.
#include <Qt>

namespace fieldops::roles {

enum ItemRole : int {
    Base = Qt::UserRole + 0x100,
    // The raw value a column sorts on (QDateTime, int priority, …), never display text.
    SortValue = Base,
    WorkOrderId,
    Priority,        // int 1 urgent … 4 low
    Status,          // raw status code ("open", …)
    Type,            // raw type code ("corrective", …)
    SlaDue,          // QDateTime UTC, invalid when none
    SearchText,      // lower-case text the filter bar's search matches against
    Unassigned,      // bool: open and without an active appointment
    AlertKind,       // int of fieldops::Alert::Kind
    AlertAt,         // QDateTime UTC the alert refers to
    AppointmentId,
    AuditEntity,     // table an audit row is about ("work_orders", "appointments", …)
    AuditEntityId,   // that row's id
    TechnicianId,
    // Capacity preview cells (CapacityTableModel): the figures shown, before or after levelling.
    CapacityOverloaded,        // bool: demand > available
    CapacityDemandHours,       // double
    CapacityAvailableHours,    // double
    CapacityLevelledText,      // "demand / available h" after levelling, whichever is shown
    CapacityLevelledOverloaded, // bool: overloaded after levelling
    // Suggested slots (SuggestionModel); TechnicianId and SortValue serve them too.
    SlotStart,       // QDateTime UTC
    SlotEnd,         // QDateTime UTC
    SlotScore,       // double in [0, 1]
    AlertKey,        // QString: the alert's dismissal key (Alert::key); empty when it cannot be dismissed
    // Time entries (TimeEntryTableModel); WorkOrderId and TechnicianId serve them too.
    TimeEntryId,     // qint64
    TimeEntryFlagged, // bool: the review should look at it
    // Stock rows (parts::StockTableModel).
    StockLocation,          // QString: warehouse:NAME or van:TECHNICIAN
    StockSku,               // QString
    StockBelowReorderPoint, // bool: what is available is below the reorder point
    End
};

} // namespace fieldops::roles
