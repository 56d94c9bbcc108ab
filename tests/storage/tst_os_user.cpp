// Who the change log names when the console runs without $USER (a service, a container):
// the login name from the system, not "unknown".
#include "storage/Database.h"
#include "storage/DatabaseUrl.h"

#include <QTemporaryDir>
#include <QtTest>

#include <pwd.h>
#include <unistd.h>

using namespace fieldops;

class TestOsUser : public QObject {
    Q_OBJECT
private slots:
    void actorComesFromTheSystemWithoutUserVariables()
    {
        qunsetenv("USER");
        qunsetenv("USERNAME");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("u.db")));
        QVERIFY2(url, url ? "" : qPrintable(url.error().message));
        auto db = Database::open(*url);
        QVERIFY2(db, db ? "" : qPrintable(db.error().message));
        const passwd *pw = getpwuid(geteuid());
        QVERIFY(pw && pw->pw_name);
        QCOMPARE((*db)->actor(), QString::fromLocal8Bit(pw->pw_name));
        QVERIFY((*db)->actor() != QStringLiteral("unknown"));
    }

    void anExplicitActorWins()
    {
        QTemporaryDir dir;
        auto url = DatabaseUrl::parse(QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("u.db")));
        QVERIFY(url);
        auto db = Database::open(*url, QStringLiteral("Ana"));
        QVERIFY(db);
        QCOMPARE((*db)->actor(), QStringLiteral("Ana"));
    }
};

QTEST_GUILESS_MAIN(TestOsUser)
#include "tst_os_user.moc"
