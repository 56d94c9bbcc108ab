#include "records/RecordEdit.h"

#include "commands/VersionLedger.h"

namespace fieldops::records {

QString ledgerKey(const RecordSpec &spec, const QString &id)
{
    return spec.table == QLatin1String("appointments") ? id : spec.table + QLatin1Char('/') + id;
}

RecordEdits createEdit(const RecordSpec &spec, const QString &id, const RecordValues &values)
{
    RecordEdit e;
    e.spec = &spec;
    e.kind = RecordEdit::Kind::Create;
    e.id = id;
    e.after = values;
    e.version = 1;
    return {e};
}

RecordEdits updateEdit(const RecordSpec &spec, const QString &id, int version, const RecordValues &before, const RecordValues &after)
{
    RecordEdit e;
    e.spec = &spec;
    e.kind = RecordEdit::Kind::Update;
    e.id = id;
    e.version = version;
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QVariant was = before.value(it.key());
        const bool same = (was.isNull() && it->isNull()) || (!was.isNull() && !it->isNull() && was == *it);
        if (!same) {
            e.before.insert(it.key(), was);
            e.after.insert(it.key(), *it);
        }
    }
    if (e.after.isEmpty())
        return {};
    return {e};
}

namespace {

Status applyOne(RecordWriter &writer, RecordEdit &e, bool forward, const VersionLedger *ledger)
{
    const int expected = ledger ? ledger->expected(ledgerKey(*e.spec, e.id), e.version) : e.version;
    using K = RecordEdit::Kind;
    // Creating forward and deleting backward are the same write, and vice versa.
    const bool inserts = (e.kind == K::Create && forward) || (e.kind == K::Delete && !forward);
    const bool removes = (e.kind == K::Create && !forward) || (e.kind == K::Delete && forward);
    int now = expected;
    if (inserts) {
        if (e.id.isEmpty() && e.spec->generatedKey) {
            // The first write of a record whose key the database chooses: remember it, so
            // the undo deletes this row and a redo inserts it again under the same id.
            auto id = writer.insertGenerated(*e.spec, e.kind == K::Create ? e.after : e.before);
            if (!id)
                return id.error();
            e.id = *id;
        } else if (Status s = writer.insert(*e.spec, e.id, e.kind == K::Create ? e.after : e.before); !s) {
            return s;
        }
        now = 1;
    } else if (removes) {
        if (Status s = writer.remove(*e.spec, e.id, expected); !s)
            return s;
        now = 0;
    } else {
        auto v = writer.update(*e.spec, e.id, expected, forward ? e.after : e.before);
        if (!v)
            return v.error();
        now = *v;
    }
    e.version = now;
    return {};
}

} // namespace

Status applyEdits(Database &db, RecordEdits &edits, bool forward, VersionLedger *ledger)
{
    // Versions change only when every write went through: a refused edit is rolled back
    // by the caller, and the versions it remembers must still be the database's.
    RecordWriter writer(db);
    RecordEdits work = edits;
    if (forward) {
        for (RecordEdit &e : work)
            if (Status s = applyOne(writer, e, true, ledger); !s)
                return s;
    } else {
        for (auto it = work.rbegin(); it != work.rend(); ++it)
            if (Status s = applyOne(writer, *it, false, ledger); !s)
                return s;
    }
    edits = std::move(work);
    if (ledger)
        for (const RecordEdit &e : edits)
            ledger->record(ledgerKey(*e.spec, e.id), e.version);
    return {};
}

} // namespace fieldops::records
