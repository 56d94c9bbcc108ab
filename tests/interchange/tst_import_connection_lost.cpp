// The server going away in the middle of an import: fieldops-cli says so in one line,
// keeps the driver's text for --verbose, and the database holds nothing of the import.
#include "CliRunner.h"
#include "PgTestServer.h"
#include "TestDatabases.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

class TestImportConnectionLost : public QObject {
    Q_OBJECT
    QTemporaryDir m_csv;
    QString m_url;
    QString m_database = QStringLiteral("import_lost");

    int customerCount()
    {
        auto db = test::openUrl(m_url);
        if (!db)
            return -1;
        auto q = db->run(QStringLiteral("SELECT COUNT(*) FROM customers"));
        if (!q || !q->next())
            return -1;
        return q->value(0).toInt();
    }

private slots:
    void initTestCase()
    {
        auto *server = test::PgTestServer::shared();
        QVERIFY2(server && server->start(), qPrintable(server ? server->errorString() : QStringLiteral("no server")));
        m_url = server->createDatabase(m_database);
        QVERIFY(!m_url.isEmpty());
        const test::CliRun init = test::runCli(m_url, {QStringLiteral("init")});
        QCOMPARE(init.exitCode, 0);
        // The backend that writes the second customer ends its own session: to the client
        // that is exactly a server that went away mid-import.
        QVERIFY(server->execAsSuperuser(m_database, QStringLiteral(
            "CREATE FUNCTION drop_my_connection() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF NEW.name = 'Second' THEN PERFORM pg_terminate_backend(pg_backend_pid()); "
            "PERFORM pg_sleep(5); END IF; RETURN NEW; END $$;"
            "CREATE TRIGGER drop_my_connection BEFORE INSERT ON customers FOR EACH ROW "
            "EXECUTE FUNCTION drop_my_connection();")));
        QFile f(QDir(m_csv.path()).filePath(QStringLiteral("customers.csv")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,name,phone,email\nc1,First,,\nc2,Second,,\nc3,Third,,\n");
    }

    void saysSoInOneLineAndImportsNothing()
    {
        const test::CliRun r = test::runCli(m_url, {QStringLiteral("import"), m_csv.path()});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("error: lost the connection to the server during import; nothing was imported\n"));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(customerCount(), 0);
    }

    void verboseAddsTheDriversText()
    {
        const test::CliRun r = test::runCli(m_url, {QStringLiteral("--verbose"), QStringLiteral("import"), m_csv.path()});
        QCOMPARE(r.exitCode, 1);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 2, qPrintable(r.err));
        QVERIFY2(lines.contains(QStringLiteral("error: lost the connection to the server during import; nothing was imported")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("terminat"), Qt::CaseInsensitive)
                     || r.err.contains(QLatin1String("closed the connection"), Qt::CaseInsensitive),
                 qPrintable(r.err));
        QCOMPARE(customerCount(), 0);
    }

    void anImportThatKeepsItsConnectionStillWorks()
    {
        QVERIFY(test::PgTestServer::shared()->execAsSuperuser(m_database, QStringLiteral("DROP TRIGGER drop_my_connection ON customers")));
        const test::CliRun r = test::runCli(m_url, {QStringLiteral("import"), m_csv.path()});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(customerCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestImportConnectionLost)
#include "tst_import_connection_lost.moc"
