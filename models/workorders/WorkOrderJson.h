#pragma once
// A work order as an integrator sends it to `fieldops-cli work-order create|update`: one
// JSON object whose keys are the work_orders.csv columns (plus customer_id, the customer
// the call is for, and, for an update, the version the caller last read). Each value is
// typed and range-checked by the interchange's own column rules, so a JSON key and a CSV
// cell of the same name accept the same values.
#include "workorders/WorkOrderDraft.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace fieldops::workorders {

struct WorkOrderJson {
    QStringList present;  // the keys given, in the object's order
    QStringList unknown;  // keys that are no column: ignored with a warning
    std::optional<int> version; // "version", for an update
};

// Sets the draft's fields from the keys present in `object` (others are left as they
// are). The first invalid key stops it: its issue is returned.
std::optional<FieldIssue> applyJson(const QJsonObject &object, WorkOrderDraft &draft, WorkOrderJson &seen);

// Reads one JSON object from `text`; a parse error or a non-object is an issue named "json".
std::optional<FieldIssue> parseJsonObject(const QByteArray &text, QJsonObject &object);

} // namespace fieldops::workorders
