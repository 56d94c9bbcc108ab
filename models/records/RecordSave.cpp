#include "records/RecordSave.h"

#include "storage/Database.h"

namespace fieldops::records {

Result<SavedRecord> saveRecord(Database &db, const RecordSpec &spec, RecordEdits edits, const RecordChecks &checks)
{
    SavedRecord saved;
    if (edits.isEmpty())
        return saved;
    const RecordEdit &e = edits.front();
    const bool isNew = e.kind == RecordEdit::Kind::Create;
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    RecordValues all;
    if (!isNew) {
        QStringList fields = spec.columns;
        for (const ChildList &c : spec.children)
            fields << c.field;
        auto stored = RecordWriter(db).read(spec, e.id, fields);
        if (!stored)
            return stored.error();
        all = *stored;
    }
    for (auto it = e.after.begin(); it != e.after.end(); ++it)
        all.insert(it.key(), it.value());
    all.insert(spec.keyColumn, e.id);
    if (checks.rules)
        saved.issues = checks.rules(all, isNew);
    if (!saved.issues.isEmpty())
        return saved;
    if (checks.references) {
        // The references of the whole record: a changed customer must still own the
        // covered sites it did not change.
        auto refs = checks.references(db, spec, e.id, all, isNew);
        if (!refs)
            return refs.error();
        if (!refs->isEmpty()) {
            saved.issues = *refs;
            return saved;
        }
    }
    if (Status s = applyEdits(db, edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    saved.edits = edits;
    return saved;
}

Result<SavedRecord> removeRecord(Database &db, const RecordSpec &spec, const QString &id, int version)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status().error();
    QStringList fields = spec.columns;
    for (const ChildList &c : spec.children)
        fields << c.field;
    auto stored = RecordWriter(db).read(spec, id, fields);
    if (!stored)
        return stored.error();
    RecordEdit e;
    e.spec = &spec;
    e.kind = RecordEdit::Kind::Delete;
    e.id = id;
    e.version = version;
    e.before = *stored;
    RecordEdits edits{e};
    if (Status s = applyEdits(db, edits, true); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    SavedRecord saved;
    saved.edits = edits;
    return saved;
}

} // namespace fieldops::records
