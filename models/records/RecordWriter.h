#pragma once
// The one write path of the editing spine: insert, versioned update and versioned delete
// of any record described by a RecordSpec, inside the caller's transaction. An update is
// `SET …, version = version + 1 WHERE key = ? AND version = ?`; when it touches nothing
// the refusal says in words who changed the record meanwhile (LostRaceExplainer). The
// change log and audit log are written by the database's triggers in the same
// transaction, so every write here is audited and reaches the other consoles' feeds.
#include "records/RecordSpec.h"
#include "util/Result.h"

#include <QVariantMap>

namespace fieldops {
class Database;
}

namespace fieldops::records {

// Field → value, as bound in SQL: text, numbers, booleans, instants and dates in the
// canonical text form (timefmt::toSql), a null QVariant for NULL; a ChildList field
// holds a QStringList.
using RecordValues = QVariantMap;

class RecordWriter {
public:
    explicit RecordWriter(Database &db) : m_db(db) {}

    // A new record at version 1. A duplicate key is refused as invalid input.
    Status insert(const RecordSpec &spec, const QString &id, const RecordValues &values);
    // A new record whose key the database chooses (spec.generatedKey): PostgreSQL's
    // RETURNING, SQLite's last insert id. Returns the key as text.
    Result<QString> insertGenerated(const RecordSpec &spec, const RecordValues &values);
    // Writes `values` if the record is still at expectedVersion; returns the new version.
    Result<int> update(const RecordSpec &spec, const QString &id, int expectedVersion, const RecordValues &values);
    // Deletes the record if it is still at expectedVersion.
    Status remove(const RecordSpec &spec, const QString &id, int expectedVersion);
    // The record's current values of `fields` (the before-image of an edit) and version.
    Result<RecordValues> read(const RecordSpec &spec, const QString &id, const QStringList &fields, int *version = nullptr);

private:
    Status checkFields(const RecordSpec &spec, const RecordValues &values) const;
    Status writeChildren(const RecordSpec &spec, const QString &id, const RecordValues &values);
    // The key as bound: a generated key is a number on both backends.
    static QVariant keyValue(const RecordSpec &spec, const QString &id);
    Error refusal(const RecordSpec &spec, const QString &id, int expectedVersion);
    Database &m_db;
};

} // namespace fieldops::records
