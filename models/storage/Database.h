#pragma once
// One open connection to the FieldOps database, either dialect. Owns a uniquely named
// QSqlDatabase, so each thread opens its own Database. Every statement goes through
// prepare()/exec(), which map driver errors to typed Errors (double booking, stale
// version, connection lost, permission) so no caller ever parses driver text.
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>
#include <memory>

namespace fieldops {

class Database {
public:
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url, const QString &actor = {});
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    Dialect dialect() const { return m_url.dialect; }
    bool isPostgres() const { return m_url.dialect == Dialect::PostgreSQL; }
    const DatabaseUrl &url() const { return m_url; }
    QSqlDatabase &sql() { return m_db; }
    QString connectionName() const { return m_name; }

    // Who is writing: recorded by the change-log and audit triggers. Defaults to the
    // PostgreSQL role or the operating-system user.
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    Result<QSqlQuery> prepare(const QString &sql);
    Status exec(QSqlQuery &query);
    // prepare + bind positionally + exec.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &binds = {});
    // Statement without parameters (DDL, PRAGMA, SET).
    Status execDirect(const QString &sql);
    // First column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {});

    // Write transaction: SQLite takes the write lock at once (BEGIN IMMEDIATE) so two
    // consoles never deadlock upgrading read locks; both stamp the actor for triggers.
    Status begin();
    Status commit();
    void rollback();
    bool inTransaction() const { return m_inTransaction; }

    Error mapError(const QSqlError &error, const QString &context = {}) const;
    // True when the connection still answers (cheap round trip).
    bool ping();

private:
    Database(DatabaseUrl url, QString name, QString actor);
    DatabaseUrl m_url;
    QString m_name;
    QString m_actor;
    QSqlDatabase m_db;
    bool m_inTransaction = false;
};

// Rolls back on scope exit unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Database &db) : m_db(db), m_status(db.begin()) {}
    ~Transaction()
    {
        if (m_status.ok() && !m_committed)
            m_db.rollback();
    }
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;
    const Status &status() const { return m_status; }
    Status commit()
    {
        if (!m_status.ok())
            return m_status;
        Status s = m_db.commit();
        m_committed = s.ok();
        return s;
    }

private:
    Database &m_db;
    Status m_status;
    bool m_committed = false;
};

} // namespace fieldops
