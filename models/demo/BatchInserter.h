#pragma once
// Multi-row INSERTs through one prepared statement per table: `INSERT … VALUES (?,?),(?,?)…`
// with as many rows as the drivers' parameter limits allow, re-executed with new bound
// values; the tail goes through a statement prepared for its own size. Values are always
// bound, never spliced into the SQL.
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
    Status execute(QSqlQuery &query);

    Database &m_db;
    QString m_table;
    QStringList m_columns;
    QString m_suffix;
    int m_rowsPerStatement;
    std::optional<QSqlQuery> m_full;
    QVariantList m_pending;
    qint64 m_written = 0;
};

} // namespace demo
} // namespace fieldops
