// Parts on hand, on both backends: a transfer moves stock between a warehouse and a van and
// records itself (with its change-log and audit rows) in one transaction; an overdraft, an
// unknown part or location, the same location at both ends or a quantity that is not
// positive is refused in words with the database left exactly as it was. The reorder list
// holds the parts below their minimum with the shortfall, and a van's shortage for a work
// order says what is missing.
#include "TestDatabases.h"
#include "parts/StockRepository.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::parts;

namespace {

Status seed(Database &db)
{
    return test::runAll(db, {
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.5505, -46.6333)",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5505, -46.6333, 'UTC'), "
        "('t2', 'Bruno', -23.4605, -46.6333, 'UTC')",
        "INSERT INTO parts(sku, name, unit_cost) VALUES ('FLT-100', 'Air filter', 12.5), ('BELT-3', 'Fan belt', 30), ('CAP-7', 'Capacitor', 8)",
        "INSERT INTO stock(sku, location, quantity, min_quantity) VALUES ('FLT-100', 'warehouse:central', 10, 4), "
        "('BELT-3', 'warehouse:central', 2, 5), ('FLT-100', 'van:t1', 1, 2), ('BELT-3', 'van:t1', 3, 0), "
        "('CAP-7', 'van:t2', 6, 6)",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('wo1', 's1', 60, '2026-03-01T00:00:00Z'), "
        "('wo2', 's1', 60, '2026-03-01T00:00:00Z')",
        "INSERT INTO work_order_parts(work_order_id, sku, quantity) VALUES ('wo1', 'FLT-100', 3), ('wo1', 'BELT-3', 1)",
    });
}

double onHand(Database &db, const QString &sku, const QString &location)
{
    auto v = db.scalar(QStringLiteral("SELECT quantity FROM stock WHERE sku = ? AND location = ?"), {sku, location});
    return v && v->isValid() ? v->toDouble() : -1;
}

qint64 count(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? v->toLongLong() : -1;
}

} // namespace

class TestStock : public QObject {
    Q_OBJECT

private slots:
    void wordsOfAShortage()
    {
        const std::vector<PartNeed> needs{{QStringLiteral("FLT-100"), {}, 3}, {QStringLiteral("BELT-3"), {}, 1}, {QStringLiteral("CAP-7"), {}, 1.5}};
        QHash<QString, double> van{{QStringLiteral("FLT-100"), 1}, {QStringLiteral("BELT-3"), 1}};
        const auto lacks = shortages(needs, van);
        QCOMPARE(int(lacks.size()), 2);
        QCOMPARE(shortageWords(lacks), QStringLiteral("2 × FLT-100, 1.5 × CAP-7"));
        van.insert(QStringLiteral("FLT-100"), 3);
        van.insert(QStringLiteral("CAP-7"), 2);
        QVERIFY(shortages(needs, van).empty());
        QVERIFY(isLocationText(QStringLiteral("van:t1")));
        QVERIFY(isLocationText(QStringLiteral("warehouse:central")));
        QVERIFY(!isLocationText(QStringLiteral("van:")));
        QVERIFY(!isLocationText(QStringLiteral("shelf:3")));
    }

    void transferMovesStock_data() { test::addBackendRows(); }
    void transferMovesStock()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        const qint64 changes = count(*db, QStringLiteral("SELECT count(*) FROM change_log"));
        const qint64 audits = count(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'stock_transfers'"));
        StockRepository repo(*db);
        const QDateTime at(QDate(2026, 3, 2), QTime(7, 30), Qt::UTC);
        auto done = repo.transfer({QStringLiteral("FLT-100"), QStringLiteral("warehouse:central"), QStringLiteral("van:t1"), 4}, at);
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->fromQuantity, 6.0);
        QCOMPARE(done->toQuantity, 5.0);
        QVERIFY(done->id > 0);
        QCOMPARE(onHand(*db, QStringLiteral("FLT-100"), QStringLiteral("warehouse:central")), 6.0);
        QCOMPARE(onHand(*db, QStringLiteral("FLT-100"), QStringLiteral("van:t1")), 5.0);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM stock_transfers WHERE sku = 'FLT-100' AND from_location = 'warehouse:central' "
                                           "AND to_location = 'van:t1' AND quantity = 4")),
                 1);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM stock_transfers WHERE id = %1").arg(done->id)), 1);
        // Two stock rows updated and the transfer inserted, each in the change feed.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM change_log")), changes + 3);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'stock_transfers'")), audits + 1);

        // To a van that held none of the part: its stock row is made.
        auto first = repo.transfer({QStringLiteral("CAP-7"), QStringLiteral("van:t2"), QStringLiteral("van:t1"), 2.5}, at);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(onHand(*db, QStringLiteral("CAP-7"), QStringLiteral("van:t1")), 2.5);
        QCOMPARE(onHand(*db, QStringLiteral("CAP-7"), QStringLiteral("van:t2")), 3.5);

        // The whole quantity may go: the source reaches zero, not below.
        auto all = repo.transfer({QStringLiteral("BELT-3"), QStringLiteral("warehouse:central"), QStringLiteral("van:t2"), 2}, at);
        QVERIFY2(all, qPrintable(all ? QString() : all.error().message));
        QCOMPARE(onHand(*db, QStringLiteral("BELT-3"), QStringLiteral("warehouse:central")), 0.0);
    }

    void transferRefusals_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("sku");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<double>("quantity");
        QTest::addColumn<QString>("message");
        struct Row { const char *name, *sku, *from, *to; double quantity; const char *message; };
        const Row rows[] = {
            {"overdraft", "FLT-100", "van:t1", "van:t2", 2, "van:t1 holds 1 of FLT-100, fewer than the 2 to move"},
            {"none there", "CAP-7", "van:t1", "van:t2", 1, "there is no CAP-7 at van:t1 to move"},
            {"unknown part", "NOPE-1", "warehouse:central", "van:t1", 1, "no part NOPE-1"},
            {"unknown van", "FLT-100", "warehouse:central", "van:t9", 1, "no technician t9 for the van van:t9"},
            {"unknown warehouse", "FLT-100", "warehouse:north", "van:t1", 1, "no warehouse warehouse:north holds any stock"},
            {"no location", "FLT-100", "shelf:3", "van:t1", 1, "\"shelf:3\" is no location: write warehouse:NAME or van:TECHNICIAN"},
            {"same place", "FLT-100", "van:t1", "van:t1", 1, "from and to are both van:t1: a transfer moves stock between two locations"},
            {"zero", "FLT-100", "warehouse:central", "van:t1", 0, "quantity: 0 is not a positive number"},
            {"negative", "FLT-100", "warehouse:central", "van:t1", -3, "quantity: -3 is not a positive number"},
        };
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            for (const Row &r : rows)
                QTest::addRow("%s %s", qPrintable(backend), r.name)
                    << backend << QString::fromUtf8(r.sku) << QString::fromUtf8(r.from) << QString::fromUtf8(r.to) << r.quantity
                    << QString::fromUtf8(r.message);
        }
    }
    void transferRefusals()
    {
        QFETCH(QString, backend);
        QFETCH(QString, sku);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(double, quantity);
        QFETCH(QString, message);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        const QString before = test::dumpDatabase(*db);
        auto done = StockRepository(*db).transfer({sku, from, to, quantity});
        QVERIFY(!done);
        QCOMPARE(done.error().kind, Error::Kind::Invalid);
        QCOMPARE(done.error().message, message);
        QCOMPARE(test::dumpDatabase(*db), before);
    }

    void stockAndReorderList_data() { test::addBackendRows(); }
    void stockAndReorderList()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        StockRepository repo(*db);
        auto van = repo.stock(QStringLiteral("van:t1"));
        QVERIFY(van);
        QCOMPARE(int(van->size()), 2);
        QCOMPARE(van->at(0).sku, QStringLiteral("BELT-3"));
        QCOMPARE(van->at(1).name, QStringLiteral("Air filter"));
        QCOMPARE(van->at(1).minQuantity, 2.0);
        auto all = repo.stock();
        QVERIFY(all);
        QCOMPARE(int(all->size()), 5);

        // Below the minimum only: CAP-7 at exactly its minimum is not listed.
        auto reorder = repo.reorderList();
        QVERIFY(reorder);
        QStringList lines;
        for (const ReorderLine &l : *reorder)
            lines << QStringLiteral("%1 %2 %3/%4 short %5").arg(l.location, l.sku).arg(l.quantity).arg(l.minQuantity).arg(l.shortfall());
        QCOMPARE(lines, (QStringList{QStringLiteral("van:t1 FLT-100 1/2 short 1"), QStringLiteral("warehouse:central BELT-3 2/5 short 3")}));

        // A transfer that takes the warehouse below its minimum puts it on the list.
        QVERIFY(repo.transfer({QStringLiteral("FLT-100"), QStringLiteral("warehouse:central"), QStringLiteral("van:t1"), 7}));
        reorder = repo.reorderList();
        QVERIFY(reorder);
        QCOMPARE(int(reorder->size()), 2);
        QCOMPARE(reorder->at(0).location, QStringLiteral("warehouse:central"));
        QCOMPARE(reorder->at(1).sku, QStringLiteral("FLT-100"));
        QCOMPARE(reorder->at(1).shortfall(), 1.0);
    }

    void vanShortage_data() { test::addBackendRows(); }
    void vanShortage()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        StockRepository repo(*db);
        auto needs = repo.partsNeeded(QStringLiteral("wo1"));
        QVERIFY(needs);
        QCOMPARE(int(needs->size()), 2);
        QCOMPARE(needs->at(0).sku, QStringLiteral("BELT-3"));
        QCOMPARE(needs->at(1).quantity, 3.0);

        // t1 has 1 of the 3 filters and the belt; t2 has neither.
        auto t1 = repo.vanShortage(QStringLiteral("wo1"), QStringLiteral("t1"));
        QVERIFY(t1);
        QCOMPARE(int(t1->size()), 1);
        QCOMPARE(t1->at(0).sku, QStringLiteral("FLT-100"));
        QCOMPARE(t1->at(0).needed, 3.0);
        QCOMPARE(t1->at(0).inVan, 1.0);
        QCOMPARE(shortageWords(*t1), QStringLiteral("2 × FLT-100"));
        auto t2 = repo.vanShortage(QStringLiteral("wo1"), QStringLiteral("t2"));
        QVERIFY(t2);
        QCOMPARE(shortageWords(*t2), QStringLiteral("1 × BELT-3, 3 × FLT-100"));
        // A work order needing nothing lacks nothing.
        auto none = repo.vanShortage(QStringLiteral("wo2"), QStringLiteral("t2"));
        QVERIFY(none);
        QVERIFY(none->empty());

        // Filling the van ends the shortage.
        QVERIFY(repo.transfer({QStringLiteral("FLT-100"), QStringLiteral("warehouse:central"), QStringLiteral("van:t1"), 2}));
        t1 = repo.vanShortage(QStringLiteral("wo1"), QStringLiteral("t1"));
        QVERIFY(t1);
        QVERIFY(t1->empty());

        auto vans = repo.vanStock({QStringLiteral("FLT-100"), QStringLiteral("CAP-7")});
        QVERIFY(vans);
        QCOMPARE(vans->value(QStringLiteral("t1")).value(QStringLiteral("FLT-100")), 3.0);
        QCOMPARE(vans->value(QStringLiteral("t2")).value(QStringLiteral("CAP-7")), 6.0);
        QVERIFY(!vans->value(QStringLiteral("t1")).contains(QStringLiteral("BELT-3")));
    }

    void negativeQuantityOfANeedIsRefused_data() { test::addBackendRows(); }
    void negativeQuantityOfANeedIsRefused()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        QVERIFY(!db->run(QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity) VALUES ('wo2', 'FLT-100', 0)")));
        QVERIFY(!db->run(QStringLiteral("UPDATE stock SET min_quantity = -1 WHERE sku = 'FLT-100'")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity) VALUES ('wo2', 'FLT-100', 1)")));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'work_order_parts' AND entity_id = 'wo2'")), 1);
    }
};

QTEST_GUILESS_MAIN(TestStock)
#include "tst_stock.moc"
