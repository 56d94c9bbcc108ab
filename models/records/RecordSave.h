#pragma once
// Saving one record the way every form does: in a transaction of its own, the record's
// rules judge the whole record (the stored fields with the changes over them), then what
// only the database can answer (a free id, references that exist), and only then the
// edits are written with the version check. The answer carries the edits as written,
// for the undo stack, or the problems field by field with nothing written.
#include "records/RecordFormModel.h"

#include <functional>

namespace fieldops::records {

struct SavedRecord {
    RecordEdits edits;              // as written (empty: nothing to change)
    workorders::FieldIssues issues; // non-empty: refused, nothing written
};

using ReferenceCheck = std::function<Result<workorders::FieldIssues>(Database &db, const RecordSpec &spec, const QString &id,
                                                                     const RecordValues &values, bool isNew)>;

struct RecordChecks {
    RecordRules rules;
    ReferenceCheck references;
};

// Checks and writes `edits` (one record of `spec`, its first edit) in one transaction.
Result<SavedRecord> saveRecord(Database &db, const RecordSpec &spec, RecordEdits edits, const RecordChecks &checks);

// Deletes record `id` of `spec` as seen at `version`, in one transaction; the edit keeps
// the whole record so undo puts it back. A record changed or removed since: StaleVersion.
Result<SavedRecord> removeRecord(Database &db, const RecordSpec &spec, const QString &id, int version);

} // namespace fieldops::records
