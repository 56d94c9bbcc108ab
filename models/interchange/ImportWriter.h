#pragma once
// Writes validated files inside the caller's transaction: upsert by key (version + 1 on
// update) or replace per owner, plus the join tables of list columns (skills, covered
// sites and assets). Rows go in batches with
// bound values only: multi-row INSERTs on SQLite, one JSON array per batch on PostgreSQL.
#include "interchange/ImportReport.h"
#include "interchange/ParsedFile.h"
#include "util/Result.h"

namespace fieldops {
class Database;
}

namespace fieldops::interchange {

class ImportWriter {
public:
    // `progress(done, total)` after each statement; returning false stops with Cancelled.
    using Tick = std::function<bool(qint64 done, qint64 total)>;
    ImportWriter(Database &db, Tick tick) : m_db(db), m_tick(std::move(tick)) {}

    Status releaseAppointments(const QStringList &ids);
    Status write(const ParsedFile &file);

    static qint64 statementsFor(const ParsedFile &file, bool postgres);
    void setTotal(qint64 total) { m_total = total; }

private:
    Status upsert(const ParsedFile &file);
    Status deleteOwners(const QString &table, const QString &ownerColumn, const QStringList &owners);
    Status insertRows(const QString &table, const QStringList &columns, const QString &sqlTail,
                      const QVector<QVector<QVariant>> &rows);
    // `head` + an IN list of the ids, in batches.
    Status forIdList(const QString &head, const QStringList &ids);
    // PostgreSQL: one bound JSON array per batch — objects with `keys`, or bare values
    // when `keys` is empty.
    Status runJsonBatched(const QString &sql, const QStringList &keys, const QVector<QVector<QVariant>> &rows);
    // Runs head + placeholders + tail over the rows in batches, reusing the full-size
    // statement: `tuples` gives `(?,?),(?,?)…` for VALUES, otherwise an IN list `(?,?,…)`
    // of one-column rows.
    Status runBatched(const QString &head, const QString &tail, int columns, const QVector<QVector<QVariant>> &rows, bool tuples);
    Status writeList(const ParsedFile &file, const JoinList &join);
    Status tick();

    Database &m_db;
    Tick m_tick;
    qint64 m_done = 0;
    qint64 m_total = 0;
};

} // namespace fieldops::interchange
