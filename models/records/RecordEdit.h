#pragma once
// One step of an edit on one record, replayable in both directions: what the record held
// before and what it holds after (the changed fields only), and the version it is at.
// A command on the undo stack (RecordEditCommand) and a one-shot writer (the CLI) apply
// a list of them in one transaction, so an edit that touches several records (cancelling
// a work order and its visits) is all or nothing.
#include "records/RecordWriter.h"

#include <QVector>

namespace fieldops {
class Database;
class VersionLedger;
}

namespace fieldops::records {

struct RecordEdit {
    enum class Kind { Create, Update, Delete };
    const RecordSpec *spec = nullptr;
    Kind kind = Kind::Update;
    QString id;          // Create of a generatedKey spec: empty until the first write fills it in
    RecordValues before; // Update: the changed fields as they were; Delete: the whole record
    RecordValues after;  // Update: the changed fields as they become; Create: the whole record
    int version = 1;     // the version the next write in either direction expects
};
using RecordEdits = QVector<RecordEdit>;

// The edit that creates record `id` with `values`.
RecordEdits createEdit(const RecordSpec &spec, const QString &id, const RecordValues &values);
// The edit that turns `before` into `after` for record `id` at `version`: only the fields
// that differ (NULL equals NULL; a NULL and an empty text do not). Empty when none does.
RecordEdits updateEdit(const RecordSpec &spec, const QString &id, int version, const RecordValues &before, const RecordValues &after);

// Applies every edit forward (redo) or backward (undo, in reverse order) inside the
// caller's transaction; on success each edit's version is advanced. A ledger (optional)
// holds the versions this console last wrote, shared with the schedule's commands.
Status applyEdits(Database &db, RecordEdits &edits, bool forward, VersionLedger *ledger = nullptr);

// The ledger's key of a record (appointments keep their bare id, which the schedule's
// commands use).
QString ledgerKey(const RecordSpec &spec, const QString &id);

} // namespace fieldops::records
