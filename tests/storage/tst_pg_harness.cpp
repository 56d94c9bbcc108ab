// The test harness's own housekeeping: servers left behind by killed test processes are
// swept, servers of live processes are left alone.
#include "PgTestServer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace fieldops::test;

namespace {
void writeOwner(const QString &dir, qint64 pid)
{
    QDir().mkpath(dir);
    QFile f(dir + QStringLiteral("/owner.pid"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::number(pid));
}
} // namespace

class TestPgHarness : public QObject {
    Q_OBJECT
private slots:
    void leftoversOfDeadProcessesAreSwept()
    {
        QTemporaryDir root;
        QVERIFY(root.isValid());
        const QString orphan = root.filePath(QStringLiteral("fieldops-pg-orphan"));
        writeOwner(orphan, 4194304 + 17); // above Linux's pid_max limit: never a live process
        const QString mine = root.filePath(QStringLiteral("fieldops-pg-mine"));
        writeOwner(mine, ::getpid());
        const QString foreign = root.filePath(QStringLiteral("fieldops-pg-foreign")); // no owner file
        QDir().mkpath(foreign);
        const QString unrelated = root.filePath(QStringLiteral("something-else"));
        writeOwner(unrelated, 4194304 + 17);

        PgTestServer server;
        QCOMPARE(server.sweepOrphans(root.path()), 1);
        QVERIFY(!QFileInfo::exists(orphan));
        QVERIFY(QFileInfo::exists(mine));
        QVERIFY(QFileInfo::exists(foreign));
        QVERIFY(QFileInfo::exists(unrelated));
        QCOMPARE(server.sweepOrphans(root.path()), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgHarness)
#include "tst_pg_harness.moc"
