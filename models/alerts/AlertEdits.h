#pragma once
// The two writes the alerts take from people, through the editing spine so each is
// versioned, audited, in every console's change feed and one step on the undo stack:
// dismissing an alert with a reason, and changing the operation's thresholds.
#include "records/RecordEdit.h"
#include "repositories/AlertRules.h"

#include <QDateTime>

namespace fieldops {
class Database;
}

namespace fieldops::alerts {

constexpr int kMaxDismissReason = 500;

// Writes the dismissal of the alert `key` (Alert::key) in one transaction; the edits as
// written. Invalid without a reason, or when the alert is dismissed already.
Result<records::RecordEdits> dismissAlert(Database &db, const QString &key, const QString &reason, const QDateTime &now);
// Writes `after` over `before` (as read, with its version) in one transaction; invalid
// values are refused naming the field, a version changed meanwhile as a lost race.
Result<records::RecordEdits> saveAlertRules(Database &db, const AlertRules &before, const AlertRules &after);

} // namespace fieldops::alerts
