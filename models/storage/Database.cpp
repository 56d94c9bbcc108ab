#include "storage/Database.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

Q_LOGGING_CATEGORY(lcDb, "fieldops.db", QtWarningMsg)

namespace fieldops {

namespace {
QAtomicInt g_connectionCounter;

QString osUser()
{
    QString u = qEnvironmentVariable("USER");
    if (u.isEmpty())
        u = qEnvironmentVariable("USERNAME");
#ifdef Q_OS_UNIX
    // Services, containers and cron jobs often run without $USER: ask the system.
    if (u.isEmpty()) {
        if (const passwd *pw = getpwuid(geteuid()); pw && pw->pw_name)
            u = QString::fromLocal8Bit(pw->pw_name);
    }
#endif
    return u.isEmpty() ? QStringLiteral("unknown") : u;
}
} // namespace

Database::Database(DatabaseUrl url, QString name, QString actor)
    : m_url(std::move(url)), m_name(std::move(name)), m_actor(std::move(actor))
{
}

Database::~Database()
{
    if (m_db.isValid()) {
        if (m_inTransaction)
            rollback();
        m_db.close();
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Database>> Database::open(const DatabaseUrl &url, const QString &actor)
{
    const QString name = QStringLiteral("fieldops-%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    QString who = actor;
    if (who.isEmpty())
        who = url.dialect == Dialect::PostgreSQL && !url.user.isEmpty() ? url.user : osUser();
    std::unique_ptr<Database> db(new Database(url, name, who));

    if (url.dialect == Dialect::SQLite) {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
            return Error::other(QObject::tr("the Qt SQLite driver (QSQLITE) is not installed"));
        const QFileInfo fi(url.path);
        if (!QDir().mkpath(fi.absolutePath()))
            return Error::invalid(QObject::tr("cannot create the folder %1").arg(fi.absolutePath()));
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db->m_db.setDatabaseName(url.path);
        db->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return Error::other(QObject::tr("the Qt PostgreSQL driver (QPSQL) is not installed"));
        // The driver splits its options at ';': such a path would become other options.
        if (url.sslRootCert.contains(QLatin1Char(';')))
            return Error::invalid(QObject::tr("the root certificate path may not contain ';': %1").arg(url.sslRootCert));
        db->m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db->m_db.setHostName(url.host);
        db->m_db.setPort(url.port);
        db->m_db.setUserName(url.user);
        db->m_db.setPassword(url.password);
        db->m_db.setDatabaseName(url.database);
        db->m_db.setConnectOptions(url.pgConnectOptions());
    }
    if (!db->m_db.open()) {
        const QSqlError e = db->m_db.lastError();
        Error err{Error::Kind::ConnectionLost,
                  QObject::tr("cannot open %1: %2").arg(url.toDisplayString(), e.text().trimmed()),
                  e.text()};
        if (e.text().contains(QLatin1String("password authentication failed")))
            err.kind = Error::Kind::PermissionDenied;
        return err;
    }
    if (url.dialect == Dialect::SQLite) {
        for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL",
                                   "PRAGMA synchronous = NORMAL", "PRAGMA busy_timeout = 10000"}) {
            if (Status s = db->execDirect(QString::fromLatin1(pragma)); !s)
                return s.error();
        }
    } else {
        if (Status s = db->execDirect(QStringLiteral("SET TIME ZONE 'UTC'")); !s)
            return s.error();
        if (Status s = db->execDirect(QStringLiteral("SET client_min_messages = warning")); !s)
            return s.error();
    }
    return db;
}

Error Database::mapError(const QSqlError &e, const QString &context) const
{
    const QString text = e.text().trimmed();
    const QString code = e.nativeErrorCode();
    Error err{Error::Kind::Other, text, text};
    auto prefix = [&](const QString &m) { return context.isEmpty() ? m : context + QStringLiteral(": ") + m; };

    if (text.contains(QLatin1String("fieldops_double_booking")) || code == QLatin1String("23P01")) {
        err.kind = Error::Kind::DoubleBooking;
        err.message = prefix(QObject::tr("the technician already has an appointment at that time (double booking refused by the database)"));
    } else if (code == QLatin1String("42501") || text.contains(QLatin1String("permission denied"))
               || text.contains(QLatin1String("row-level security"))) {
        err.kind = Error::Kind::PermissionDenied;
        err.message = prefix(QObject::tr("your role is not allowed to do this: %1").arg(text));
    } else if (code.startsWith(QLatin1String("08")) || code == QLatin1String("57P01")
               || code == QLatin1String("57P02") || code == QLatin1String("57P03")
               // QSQLITE reports a failed step (a CHECK or FOREIGN KEY violation) as a
               // ConnectionError too: those are refused data, not a lost connection.
               || (e.type() == QSqlError::ConnectionError && !text.contains(QLatin1String("constraint failed")))
               || text.contains(QLatin1String("server closed the connection"))
               || text.contains(QLatin1String("no connection to the server"))
               || text.contains(QLatin1String("terminating connection"))) {
        err.kind = Error::Kind::ConnectionLost;
        err.message = prefix(QObject::tr("the connection to the database was lost; nothing was saved"));
    } else if (code.startsWith(QLatin1String("23")) || text.contains(QLatin1String("constraint failed"))
               || code.startsWith(QLatin1String("22"))) {
        err.kind = Error::Kind::Invalid;
        err.message = prefix(QObject::tr("the database refused the data: %1").arg(text));
    } else {
        err.message = prefix(text);
    }
    return err;
}

Result<QSqlQuery> Database::prepare(const QString &sql)
{
    if (!m_db.isOpen())
        return Error{Error::Kind::ConnectionLost, QObject::tr("the connection to the database was lost; nothing was saved"),
                     QStringLiteral("connection closed")};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        Error err = mapError(q.lastError());
        err.detail += QStringLiteral("\nwhile preparing: ") + sql;
        qCWarning(lcDb) << "prepare failed:" << q.lastError().text() << sql;
        return err;
    }
    return q;
}

Status Database::exec(QSqlQuery &query)
{
    if (!query.exec()) {
        Error err = mapError(query.lastError());
        qCDebug(lcDb) << "exec failed:" << query.lastError().text() << query.lastQuery();
        return err;
    }
    return {};
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &binds)
{
    auto q = prepare(sql);
    if (!q)
        return q.error();
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, binds.at(i));
    if (Status s = exec(*q); !s)
        return s.error();
    return std::move(q).value();
}

Status Database::execDirect(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return mapError(q.lastError());
    return {};
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &binds)
{
    auto q = run(sql, binds);
    if (!q)
        return q.error();
    if (!q->next())
        return QVariant();
    return q->value(0);
}

Status Database::begin()
{
    if (m_inTransaction)
        return Error::other(QObject::tr("internal error: nested transaction"));
    if (isPostgres()) {
        if (!m_db.transaction())
            return mapError(m_db.lastError());
        m_inTransaction = true;
        auto s = run(QStringLiteral("SELECT set_config('fieldops.actor', ?, true)"), {m_actor});
        if (!s) {
            rollback();
            return s.error();
        }
    } else {
        if (Status s = execDirect(QStringLiteral("BEGIN IMMEDIATE")); !s)
            return s;
        m_inTransaction = true;
        // Before the schema exists there is no session_actor: that is fine for init.
        QSqlQuery stamp(m_db);
        if (stamp.prepare(QStringLiteral("UPDATE session_actor SET name = ? WHERE one = 1"))) {
            stamp.addBindValue(m_actor);
            stamp.exec();
        }
    }
    return {};
}

Status Database::commit()
{
    if (!m_inTransaction)
        return Error::other(QObject::tr("internal error: commit without a transaction"));
    m_inTransaction = false;
    if (isPostgres()) {
        if (!m_db.commit()) {
            Error e = mapError(m_db.lastError());
            m_db.rollback();
            return e;
        }
    } else {
        if (Status s = execDirect(QStringLiteral("COMMIT")); !s) {
            (void)execDirect(QStringLiteral("ROLLBACK"));
            return s;
        }
    }
    return {};
}

void Database::rollback()
{
    if (!m_inTransaction)
        return;
    m_inTransaction = false;
    if (isPostgres())
        m_db.rollback();
    else
        (void)execDirect(QStringLiteral("ROLLBACK"));
}

bool Database::ping()
{
    QSqlQuery q(m_db);
    return q.exec(QStringLiteral("SELECT 1")) && q.next();
}

} // namespace fieldops
