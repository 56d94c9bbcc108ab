// Which changes the board and the map outline as "someone else just did this".
#include "sync/RecentChanges.h"

#include <QSignalSpy>
#include <QTest>

using namespace fieldops;

namespace {
Change change(const QString &entity, const QString &id, const QString &actor, const QString &op = QStringLiteral("update"))
{
    Change c;
    c.entity = entity;
    c.entityId = id;
    c.actor = actor;
    c.op = op;
    return c;
}
} // namespace

class TestRecentChanges : public QObject {
    Q_OBJECT
private slots:
    void othersChangesAreRecordedWithTheirName()
    {
        RecentChanges recent;
        recent.setOwnActor(QStringLiteral("me"));
        QSignalSpy spy(&recent, &RecentChanges::changed);
        recent.record({change(QStringLiteral("appointments"), QStringLiteral("AP-1"), QStringLiteral("Ana"))});
        QCOMPARE(spy.count(), 1);
        const auto e = recent.find(QStringLiteral("appointments"), QStringLiteral("AP-1"));
        QVERIFY(e);
        QCOMPARE(e->actor, QStringLiteral("Ana"));
        QCOMPARE(e->op, QStringLiteral("update"));
        QVERIFY(!recent.find(QStringLiteral("work_orders"), QStringLiteral("AP-1")));
        QVERIFY(recent.remainingFraction(*e) > 0.5);
    }

    void ownChangesPositionsAndAnonymousRowsAreNotNews()
    {
        RecentChanges recent;
        recent.setOwnActor(QStringLiteral("me"));
        QSignalSpy spy(&recent, &RecentChanges::changed);
        recent.record({change(QStringLiteral("appointments"), QStringLiteral("AP-1"), QStringLiteral("me")),
                       change(QStringLiteral("positions"), QStringLiteral("T-1"), QStringLiteral("phone")),
                       change(QStringLiteral("appointments"), QStringLiteral("AP-2"), QString())});
        QCOMPARE(spy.count(), 0);
        QVERIFY(recent.isEmpty());
    }

    void theLatestActorWins()
    {
        RecentChanges recent;
        recent.record({change(QStringLiteral("appointments"), QStringLiteral("AP-1"), QStringLiteral("Ana")),
                       change(QStringLiteral("appointments"), QStringLiteral("AP-1"), QStringLiteral("Bruno"),
                              QStringLiteral("delete"))});
        QCOMPARE(recent.size(), 1);
        QCOMPARE(recent.find(QStringLiteral("appointments"), QStringLiteral("AP-1"))->actor, QStringLiteral("Bruno"));
        QCOMPARE(recent.find(QStringLiteral("appointments"), QStringLiteral("AP-1"))->op, QStringLiteral("delete"));
    }

    void entriesExpireAndSaySo()
    {
        RecentChanges recent;
        recent.setLifetimeMs(60);
        QSignalSpy spy(&recent, &RecentChanges::changed);
        recent.record({change(QStringLiteral("work_orders"), QStringLiteral("WO-1"), QStringLiteral("Ana"))});
        QVERIFY(recent.find(QStringLiteral("work_orders"), QStringLiteral("WO-1")));
        QTRY_VERIFY_WITH_TIMEOUT(recent.isEmpty(), 2000);
        QCOMPARE(spy.count(), 2); // grew, then shrank
        QVERIFY(!recent.find(QStringLiteral("work_orders"), QStringLiteral("WO-1")));
    }

    void clearForgetsEverything()
    {
        RecentChanges recent;
        recent.record({change(QStringLiteral("work_orders"), QStringLiteral("WO-1"), QStringLiteral("Ana"))});
        QSignalSpy spy(&recent, &RecentChanges::changed);
        recent.clear();
        QCOMPARE(spy.count(), 1);
        QVERIFY(recent.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRecentChanges)
#include "tst_recent_changes.moc"
