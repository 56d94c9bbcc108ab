#pragma once
// Multi-row INSERTs through one prepared statement per table, re-executed per batch;
// values are always bound, never spliced into the SQL.
// - PostgreSQL: `INSERT … VALUES (?,?),(?,?)…` with as many rows as fit the parameter
//   limit; the tail goes through a statement prepared for its own size.
// - SQLite: `INSERT … SELECT json_extract(value, '$[0]'), … FROM json_each(?)`: the batch
//   is one bound JSON array of rows. Qt's per-value binding (a formatted placeholder
//   name and a hash lookup per value) was a fifth of a big seed's time; one parameter
//   per batch takes it away, and the statement stays small to compile.
#include "util/Result.h"

#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <optional>

namespace fieldops {
class Database;

namespace demo {

class BatchInserter {
public:
    // `suffix` is appended verbatim (a fixed clause such as "ON CONFLICT (code) DO NOTHING").
    BatchInserter(Database &db, QString table, QStringList columns, QString suffix = {});

    // One row, values in column order.
    Status add(std::initializer_list<QVariant> values);
    // Writes what is buffered.
    Status flush();
    qint64 rowsWritten() const { return m_written; }

private:
    QString sqlFor(int rows) const;
    QString jsonSql() const;
    Status execute(QSqlQuery &query);
    void appendJson(const QVariant &v);

    Database &m_db;
    QString m_table;
    QStringList m_columns;
    QString m_suffix;
    int m_rowsPerStatement;
    std::optional<QSqlQuery> m_full;
    QVariantList m_pending; // PostgreSQL: the batch's values, row after row
    bool m_json = false;
    QString m_jsonRows;     // SQLite: "[[…],[…]" so far
    int m_pendingRows = 0;
    qint64 m_written = 0;
};

} // namespace demo
} // namespace fieldops
