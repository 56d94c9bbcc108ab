#include "PgTestServer.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QUrl>
#include <QUuid>
#include <cerrno>
#include <csignal>
#include <unistd.h>
#include <pwd.h>

namespace fieldops::test {

PgTestServer::PgTestServer() : m_dir(QDir::tempPath() + QStringLiteral("/fieldops-pg-XXXXXX"))
{
    m_asPostgresUser = ::geteuid() == 0;
}

PgTestServer::~PgTestServer()
{
    if (m_running)
        stop(false);
}

QString PgTestServer::binDir() const
{
    const QString env = qEnvironmentVariable("FIELDOPS_PG_BINDIR");
    if (!env.isEmpty())
        return env;
    for (const char *v : {"15", "16", "17", "14", "13"}) {
        const QString d = QStringLiteral("/usr/lib/postgresql/%1/bin").arg(QLatin1String(v));
        if (QFile::exists(d + QStringLiteral("/initdb")))
            return d;
    }
    return QStringLiteral("/usr/lib/postgresql/15/bin");
}

bool PgTestServer::run(const QString &program, const QStringList &args, QString *output, int timeoutMs)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    if (m_asPostgresUser) {
        QStringList full{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"), program};
        full += args;
        p.start(QStringLiteral("runuser"), full);
    } else {
        p.start(program, args);
    }
    if (!p.waitForStarted(10000)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(program, p.errorString());
        return false;
    }
    p.closeWriteChannel();
    p.waitForFinished(timeoutMs);
    const QString out = QString::fromLocal8Bit(p.readAll());
    if (output)
        *output = out;
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        m_error = QStringLiteral("%1 failed (%2): %3").arg(program).arg(p.exitCode()).arg(out.trimmed());
        return false;
    }
    return true;
}

int PgTestServer::sweepOrphans(const QString &tempRoot)
{
    int removed = 0;
    QDirIterator it(tempRoot, {QStringLiteral("fieldops-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QString dir = it.next();
        if (dir == m_dir.path())
            continue;
        QFile owner(dir + QStringLiteral("/owner.pid"));
        if (!owner.open(QIODevice::ReadOnly))
            continue; // not ours to judge
        bool ok = false;
        const qint64 pid = owner.readAll().trimmed().toLongLong(&ok);
        owner.close();
        const bool alive = ok && pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
        if (!ok || pid <= 0 || alive)
            continue;
        const QString data = dir + QStringLiteral("/data");
        if (QFile::exists(data + QStringLiteral("/postmaster.pid")))
            run(binDir() + QStringLiteral("/pg_ctl"),
                {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                 QStringLiteral("stop")},
                nullptr, 30000);
        if (QDir(dir).removeRecursively())
            ++removed;
    }
    m_error.clear(); // a failed stop of someone's leftover is not this server's error
    return removed;
}

bool PgTestServer::start()
{
    if (m_running)
        return true;
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!m_initialised) {
        static bool swept = false;
        if (!swept) {
            swept = true;
            sweepOrphans(QDir::tempPath());
        }
        QFile owner(m_dir.filePath(QStringLiteral("owner.pid")));
        if (owner.open(QIODevice::WriteOnly))
            owner.write(QByteArray::number(qint64(::getpid())));
        owner.close();
        if (m_asPostgresUser) {
            struct passwd *pw = ::getpwnam("postgres");
            if (!pw) {
                m_error = QStringLiteral("running as root but there is no `postgres` user (install postgresql-15)");
                return false;
            }
            if (::chown(QFile::encodeName(m_dir.path()).constData(), pw->pw_uid, pw->pw_gid) != 0) {
                m_error = QStringLiteral("cannot hand %1 to the postgres user").arg(m_dir.path());
                return false;
            }
        }
        if (!run(binDir() + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
                  QStringLiteral("-A"), QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--locale=C"), QStringLiteral("--no-sync")}))
            return false;
        m_initialised = true;
        QTcpServer probe;
        if (!probe.listen(QHostAddress::LocalHost, 0)) {
            m_error = QStringLiteral("no free loopback port");
            return false;
        }
        m_port = probe.serverPort();
        probe.close();
    }
    const QString opts = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                                        "-c full_page_writes=off -c max_connections=200")
                             .arg(m_port).arg(m_dir.path());
    if (!run(binDir() + QStringLiteral("/pg_ctl"),
             {QStringLiteral("-D"), data, QStringLiteral("-o"), opts, QStringLiteral("-w"), QStringLiteral("-t"),
              QStringLiteral("60"), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
              QStringLiteral("start")}))
        return false;
    m_running = true;
    return true;
}

bool PgTestServer::stop(bool immediate)
{
    if (!m_running)
        return true;
    const bool ok = run(binDir() + QStringLiteral("/pg_ctl"),
                        {QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                         immediate ? QStringLiteral("immediate") : QStringLiteral("fast"), QStringLiteral("-w"),
                         QStringLiteral("stop")});
    m_running = false;
    return ok;
}

QString PgTestServer::urlFor(const QString &database, const QString &user) const
{
    // Concatenated, not .arg(): a percent-encoded name contains "%3B" and the like.
    return QStringLiteral("postgresql://") + QString::fromLatin1(QUrl::toPercentEncoding(user))
        + QStringLiteral("@127.0.0.1:") + QString::number(m_port) + QLatin1Char('/') + database;
}

bool PgTestServer::execAsSuperuser(const QString &database, const QString &sql)
{
    const QString conn = QStringLiteral("pgtest-admin-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), conn);
        db.setHostName(QStringLiteral("127.0.0.1"));
        db.setPort(m_port);
        db.setUserName(QStringLiteral("postgres"));
        db.setDatabaseName(database);
        if (db.open()) {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                m_error = q.lastError().text();
        } else {
            m_error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(conn);
    return ok;
}

QString PgTestServer::createDatabase(const QString &name)
{
    if (!start())
        return {};
    if (!execAsSuperuser(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE \"%1\" TEMPLATE template0").arg(name)))
        return {};
    return urlFor(name);
}

PgTestServer *PgTestServer::shared()
{
    static std::unique_ptr<PgTestServer> server = std::make_unique<PgTestServer>();
    return server.get();
}

} // namespace fieldops::test
