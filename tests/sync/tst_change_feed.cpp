// The change feed: out-of-order commits (cursor gaps), live delivery on both backends,
// no duplicates, and catching up after the PostgreSQL server was killed and restarted.
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "sync/ChangeFeed.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;

namespace {
Change c(qint64 seq) { return Change{seq, QStringLiteral("appointments"), QString::number(seq), QStringLiteral("insert"), QStringLiteral("x"), {}}; }

QList<qint64> seqs(const ChangeList &l)
{
    QList<qint64> out;
    for (const Change &ch : l)
        out << ch.seq;
    return out;
}

Status addCustomer(Database &db, const QString &id)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    auto q = db.run(QStringLiteral("INSERT INTO customers(id, name) VALUES (?, ?)"), {id, QStringLiteral("Cliente ") + id});
    if (!q)
        return q.error();
    return tx.commit();
}

// Collects everything the feed emits, for at most `ms`, until `count` changes arrived.
ChangeList collect(QSignalSpy &spy, int count, int ms = 5000)
{
    ChangeList all;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        for (const auto &args : std::as_const(spy))
            all += args.at(0).value<ChangeList>();
        spy.clear();
        if (all.size() >= count)
            break;
        spy.wait(100);
    }
    for (const auto &args : std::as_const(spy))
        all += args.at(0).value<ChangeList>();
    spy.clear();
    return all;
}
} // namespace

class TestChangeFeed : public QObject {
    Q_OBJECT
private slots:
    void cursorDeliversOnceAndWaitsForGaps()
    {
        ChangeCursor cur(10, 60000);
        QCOMPARE(seqs(cur.accept({c(11), c(13)})), (QList<qint64>{11, 13}));
        QCOMPARE(cur.watermark(), 11); // 12 not committed yet
        QCOMPARE(cur.pendingGaps(), 1);
        // The same rows read again are not delivered twice; 12 arrives late.
        QCOMPARE(seqs(cur.accept({c(13), c(12), c(14)})), (QList<qint64>{12, 14}));
        QCOMPARE(cur.watermark(), 14);
        QCOMPARE(cur.pendingGaps(), 0);
    }

    void cursorGivesUpOnRolledBackSeqs()
    {
        ChangeCursor cur(0, 0);
        QCOMPARE(seqs(cur.accept({c(1), c(3)})), (QList<qint64>{1, 3}));
        QCOMPARE(cur.watermark(), 1);
        cur.expireGaps(); // timeout 0: seq 2 was a rollback
        QCOMPARE(cur.watermark(), 3);
        QVERIFY(cur.accept({c(2)}).isEmpty()); // too late: below the watermark
    }

    void deliversOtherConnectionsWrites_data() { test::addBackendRows(); }
    void deliversOtherConnectionsWrites()
    {
        QFETCH(QString, backend);
        QString url;
        auto writer = test::freshDatabase(backend, true, &url);
        QVERIFY2(writer, qPrintable(test::lastError()));
        writer->setActor(QStringLiteral("bruno"));
        QVERIFY(addCustomer(*writer, QStringLiteral("before")).ok()); // before start: not replayed

        ChangeFeed feed(DatabaseUrl::parse(url).value());
        feed.setPollInterval(50);
        QSignalSpy spy(&feed, &ChangeFeed::changesArrived);
        feed.start();
        QCOMPARE(feed.state(), ChangeFeed::State::Live);

        for (int i = 0; i < 20; ++i)
            QVERIFY(addCustomer(*writer, QStringLiteral("c%1").arg(i)).ok());
        const ChangeList got = collect(spy, 20);
        QCOMPARE(got.size(), 20);
        QSet<QString> ids;
        for (const Change &ch : got) {
            QCOMPARE(ch.entity, QStringLiteral("customers"));
            QCOMPARE(ch.op, QStringLiteral("insert"));
            QCOMPARE(ch.actor, QStringLiteral("bruno"));
            ids.insert(ch.entityId);
        }
        QCOMPARE(ids.size(), 20);
        QVERIFY(!ids.contains(QStringLiteral("before")));
        // Nothing more arrives: no duplicates on later polls.
        QTest::qWait(300);
        QCOMPARE(collect(spy, 1, 300).size(), 0);
    }

    void replaysFromAGivenSeq_data() { test::addBackendRows(); }
    void replaysFromAGivenSeq()
    {
        QFETCH(QString, backend);
        QString url;
        auto writer = test::freshDatabase(backend, true, &url);
        QVERIFY2(writer, qPrintable(test::lastError()));
        for (int i = 0; i < 5; ++i)
            QVERIFY(addCustomer(*writer, QStringLiteral("r%1").arg(i)).ok());
        ChangeFeed feed(DatabaseUrl::parse(url).value());
        QSignalSpy spy(&feed, &ChangeFeed::changesArrived);
        feed.start(2); // a console that had read up to seq 2
        const ChangeList got = collect(spy, 3);
        QCOMPARE(seqs(got), (QList<qint64>{3, 4, 5}));
    }

    void catchesUpAfterServerRestart()
    {
        QString url;
        auto writer = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(writer, qPrintable(test::lastError()));
        ChangeFeed feed(DatabaseUrl::parse(url).value());
        feed.setPollInterval(100);
        QSignalSpy spy(&feed, &ChangeFeed::changesArrived);
        QSignalSpy states(&feed, &ChangeFeed::stateChanged);
        feed.start();
        QVERIFY(addCustomer(*writer, QStringLiteral("k1")).ok());
        QCOMPARE(collect(spy, 1).size(), 1);

        test::PgTestServer *pg = test::PgTestServer::shared();
        QVERIFY(pg->stop(/*immediate=*/true));
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), ChangeFeed::State::Reconnecting, 5000);
        QVERIFY(pg->start());
        // A write lands while the feed is still backing off: it must arrive once.
        writer.reset();
        auto writer2 = test::openUrl(url);
        QVERIFY2(writer2, qPrintable(test::lastError()));
        QVERIFY(addCustomer(*writer2, QStringLiteral("k2")).ok());
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), ChangeFeed::State::Live, 15000);
        QVERIFY(addCustomer(*writer2, QStringLiteral("k3")).ok());
        const ChangeList got = collect(spy, 2, 8000);
        QStringList ids;
        for (const Change &ch : got)
            ids << ch.entityId;
        QCOMPARE(ids, (QStringList{QStringLiteral("k2"), QStringLiteral("k3")}));
        QVERIFY(states.count() >= 2);
    }
};

QTEST_GUILESS_MAIN(TestChangeFeed)
#include "tst_change_feed.moc"
