#pragma once
// A real PostgreSQL 15 server for tests: initdb + pg_ctl in a temporary directory on a
// free loopback port (as the `postgres` user when the tests run as root), stopped and
// removed when the object goes. No mocks: tests talk to the real thing.
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace fieldops::test {

class PgTestServer {
public:
    PgTestServer();
    ~PgTestServer();
    // initdb (once) and start. Returns false with errorString() on failure.
    bool start();
    bool stop(bool immediate = false);
    bool isRunning() const { return m_running; }
    int port() const { return m_port; }
    QString errorString() const { return m_error; }
    // Creates an empty database and returns its URL (superuser `postgres`, trust auth).
    QString createDatabase(const QString &name);
    QString urlFor(const QString &database, const QString &user = QStringLiteral("postgres")) const;
    // Runs SQL as superuser in the given database (setup of roles etc.).
    bool execAsSuperuser(const QString &database, const QString &sql);

    // One server shared by every test of the process, started on first use.
    static PgTestServer *shared();

    // A test process killed by a timeout leaves its server running and its directory
    // behind. Each server's directory names the process that owns it (owner.pid); this
    // stops the servers of owners that are gone and removes their directories. Returns
    // how many it removed. start() runs it once per process.
    int sweepOrphans(const QString &tempRoot);

private:
    bool run(const QString &program, const QStringList &args, QString *output = nullptr, int timeoutMs = 120000);
    QString binDir() const;
    QTemporaryDir m_dir;
    QString m_error;
    int m_port = 0;
    bool m_initialised = false;
    bool m_running = false;
    bool m_asPostgresUser = false;
};

} // namespace fieldops::test
