#include "TestDatabases.h"

#include "PgTestServer.h"
#include "storage/Migrator.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QDir>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

namespace fieldops::test {

namespace {
QString g_lastError;
QAtomicInt g_counter;

QTemporaryDir &sqliteDir()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/fieldops-sqlite-XXXXXX"));
    return dir;
}
} // namespace

QString lastError() { return g_lastError; }

void addBackendRows()
{
    QTest::addColumn<QString>("backend");
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgres") << QStringLiteral("postgres");
}

QString freshUrl(const QString &backend)
{
    const int n = g_counter.fetchAndAddRelaxed(1);
    if (backend == QLatin1String("sqlite"))
        return QStringLiteral("sqlite://") + sqliteDir().filePath(QStringLiteral("test%1.db").arg(n));
    PgTestServer *pg = PgTestServer::shared();
    const QString url = pg->createDatabase(QStringLiteral("test_%1_%2").arg(QCoreApplication::applicationPid()).arg(n));
    if (url.isEmpty())
        g_lastError = QStringLiteral("PostgreSQL test server: ") + pg->errorString();
    return url;
}

std::unique_ptr<Database> openUrl(const QString &urlText)
{
    auto url = DatabaseUrl::parse(urlText);
    if (!url) {
        g_lastError = url.error().message;
        return nullptr;
    }
    auto db = Database::open(*url, QStringLiteral("tester"));
    if (!db) {
        g_lastError = db.error().message;
        return nullptr;
    }
    return std::move(db).value();
}

std::unique_ptr<Database> freshDatabase(const QString &backend, bool init, QString *urlOut)
{
    const QString url = freshUrl(backend);
    if (url.isEmpty())
        return nullptr;
    if (urlOut)
        *urlOut = url;
    auto db = openUrl(url);
    if (!db)
        return nullptr;
    if (init) {
        auto v = Migrator(*db).migrate();
        if (!v) {
            g_lastError = v.error().message + QStringLiteral(" / ") + v.error().detail;
            return nullptr;
        }
    }
    return db;
}

QString dumpDatabase(Database &db)
{
    QStringList tables;
    {
        const QString sql = db.isPostgres()
            ? QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1")
            : QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY 1");
        auto q = db.run(sql);
        while (q && q->next())
            tables << q->value(0).toString();
    }
    QString out;
    for (const QString &t : tables) {
        auto q = db.run(QStringLiteral("SELECT * FROM %1").arg(t));
        if (!q)
            continue;
        QStringList rows;
        while (q->next()) {
            QStringList cells;
            const QSqlRecord r = q->record();
            for (int i = 0; i < r.count(); ++i)
                cells << (q->value(i).isNull() ? QStringLiteral("<null>") : q->value(i).toString());
            rows << cells.join(QLatin1Char('|'));
        }
        rows.sort();
        out += QStringLiteral("## %1 (%2)\n").arg(t).arg(rows.size()) + rows.join(QLatin1Char('\n')) + QLatin1Char('\n');
    }
    return out;
}

} // namespace fieldops::test
