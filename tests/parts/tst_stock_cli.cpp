// `fieldops-cli stock`, `reorder` and `transfer` as a storeroom script runs them, on both
// backends: the real binary against a warehouse and two vans written with plain SQL. A
// transfer prints what moved and changes both locations; an overdraft or bad input exits 2
// with one line on standard error and leaves the database as it was.
#include "CliRunner.h"
#include "TestDatabases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;

namespace {

Status seed(Database &db)
{
    return test::runAll(db, {
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone) VALUES ('t1', 'Ana', -23.5505, -46.6333, 'UTC'), "
        "('t2', 'Bruno', -23.4605, -46.6333, 'UTC')",
        "INSERT INTO parts(sku, name, unit_cost) VALUES ('FLT-100', 'Air filter', 12.5), ('BELT-3', 'Fan belt', 30)",
        "INSERT INTO stock(sku, location, quantity, min_quantity) VALUES ('FLT-100', 'warehouse:central', 10, 4), "
        "('BELT-3', 'warehouse:central', 2, 5), ('FLT-100', 'van:t1', 1, 2), ('BELT-3', 'van:t1', 3, 0)",
    });
}

double onHand(Database &db, const char *sku, const char *location)
{
    auto v = db.scalar(QStringLiteral("SELECT quantity FROM stock WHERE sku = ? AND location = ?"),
                       {QString::fromLatin1(sku), QString::fromLatin1(location)});
    return v && v->isValid() ? v->toDouble() : -1;
}

} // namespace

class TestStockCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void stockAndReorder_data() { test::addBackendRows(); }
    void stockAndReorder()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());

        auto r = test::runCli(url, {QStringLiteral("stock"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray stock = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("stock")).toArray();
        QCOMPARE(stock.size(), 4);
        const QJsonObject first = stock.first().toObject();
        QCOMPARE(first.value(QStringLiteral("location")).toString(), QStringLiteral("van:t1"));
        QCOMPARE(first.value(QStringLiteral("sku")).toString(), QStringLiteral("BELT-3"));
        QCOMPARE(first.value(QStringLiteral("quantity")).toDouble(), 3.0);
        QVERIFY(r.out.startsWith(QStringLiteral("{\"stock\":[{\"location\":\"van:t1\",\"sku\":\"BELT-3\",\"name\":\"Fan belt\",\"quantity\":3,"
                                                "\"reserved\":0,\"available\":3,\"min_quantity\":0}")));

        r = test::runCli(url, {QStringLiteral("stock"), QStringLiteral("--location"), QStringLiteral("warehouse:central")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).startsWith(QStringLiteral("LOCATION")));
        QVERIFY2(lines.at(2).contains(QStringLiteral("FLT-100")) && lines.at(2).contains(QStringLiteral("Air filter")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QStringLiteral("van:t1")));

        r = test::runCli(url, {QStringLiteral("stock"), QStringLiteral("--location"), QStringLiteral("shelf:3")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("error: --location: \"shelf:3\" is no location: write warehouse:NAME or van:TECHNICIAN\n"));

        r = test::runCli(url, {QStringLiteral("reorder"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("{\"reorder\":[{\"location\":\"van:t1\",\"sku\":\"FLT-100\",\"name\":\"Air filter\",\"quantity\":1,"
                                       "\"reserved\":0,\"available\":1,\"min_quantity\":2,\"shortfall\":1},{\"location\":\"warehouse:central\","
                                       "\"sku\":\"BELT-3\",\"name\":\"Fan belt\",\"quantity\":2,\"reserved\":0,\"available\":2,\"min_quantity\":5,"
                                       "\"shortfall\":3}]}\n"));

        // Parts reserved for a work order still to be done count against what is available:
        // 10 filters on hand, 7 of them reserved, leave 3, below the reorder point of 4.
        QVERIFY(db->run(QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'C')")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', 0, 0)")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES "
                                       "('w1', 's1', 60, '2026-03-01T00:00:00Z', 'open'), ('w2', 's1', 60, '2026-03-01T00:00:00Z', 'done')")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity, reserved_location) VALUES "
                                       "('w1', 'FLT-100', 7, 'warehouse:central'), ('w2', 'FLT-100', 2, 'warehouse:central')")));
        r = test::runCli(url, {QStringLiteral("stock"), QStringLiteral("--location"), QStringLiteral("warehouse:central")});
        QCOMPARE(r.exitCode, 0);
        const QStringList reserved = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(reserved.at(0).split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 5),
                 (QStringList{QStringLiteral("LOCATION"), QStringLiteral("SKU"), QStringLiteral("QUANTITY"), QStringLiteral("RESERVED"),
                              QStringLiteral("AVAILABLE")}));
        QCOMPARE(reserved.at(2).split(QLatin1Char(' '), Qt::SkipEmptyParts).mid(0, 6),
                 (QStringList{QStringLiteral("warehouse:central"), QStringLiteral("FLT-100"), QStringLiteral("10"), QStringLiteral("7"),
                              QStringLiteral("3"), QStringLiteral("4")}));
        r = test::runCli(url, {QStringLiteral("reorder")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("warehouse:central +FLT-100 +10 +7 +3 +4 +1 +Air filter"))), qPrintable(r.out));
    }

    void transfer_data() { test::addBackendRows(); }
    void transfer()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());

        auto r = test::runCli(url, {QStringLiteral("transfer"), QStringLiteral("--sku"), QStringLiteral("FLT-100"), QStringLiteral("--from"),
                                    QStringLiteral("warehouse:central"), QStringLiteral("--to"), QStringLiteral("van:t2"),
                                    QStringLiteral("--quantity"), QStringLiteral("3")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("Moved 3 × FLT-100 from warehouse:central to van:t2: 7 left there, 3 now at van:t2.\n"));
        QCOMPARE(onHand(*db, "FLT-100", "warehouse:central"), 7.0);
        QCOMPARE(onHand(*db, "FLT-100", "van:t2"), 3.0);

        // The reorder list follows: the van t1 gets what it lacks, the warehouse drops to its minimum.
        r = test::runCli(url, {QStringLiteral("transfer"), QStringLiteral("--sku"), QStringLiteral("FLT-100"), QStringLiteral("--from"),
                               QStringLiteral("warehouse:central"), QStringLiteral("--to"), QStringLiteral("van:t1"),
                               QStringLiteral("--quantity"), QStringLiteral("3"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject moved = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(moved.value(QStringLiteral("from_quantity")).toDouble(), 4.0);
        QCOMPARE(moved.value(QStringLiteral("to_quantity")).toDouble(), 4.0);
        r = test::runCli(url, {QStringLiteral("reorder")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(!r.out.contains(QStringLiteral("FLT-100")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("BELT-3")), qPrintable(r.out));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("err");
        const QStringList base{QStringLiteral("transfer"), QStringLiteral("--sku"), QStringLiteral("FLT-100"), QStringLiteral("--from"),
                               QStringLiteral("van:t1"), QStringLiteral("--to"), QStringLiteral("van:t2")};
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            QTest::addRow("%s overdraft", qPrintable(backend))
                << backend << base + QStringList{QStringLiteral("--quantity"), QStringLiteral("2")}
                << QStringLiteral("error: van:t1 holds 1 of FLT-100, fewer than the 2 to move\n");
            QTest::addRow("%s no quantity", qPrintable(backend))
                << backend << base
                << QStringLiteral("error: transfer needs --quantity, e.g. fieldops-cli transfer --sku FLT-100 --from warehouse:central --to van:t3 --quantity 2\n");
            QTest::addRow("%s bad quantity", qPrintable(backend))
                << backend << base + QStringList{QStringLiteral("--quantity"), QStringLiteral("two")}
                << QStringLiteral("error: --quantity: \"two\" is not a number greater than 0\n");
            QTest::addRow("%s negative quantity", qPrintable(backend))
                << backend << base + QStringList{QStringLiteral("--quantity"), QStringLiteral("-1")}
                << QStringLiteral("error: --quantity: \"-1\" is not a number greater than 0\n");
            QTest::addRow("%s unknown part", qPrintable(backend))
                << backend
                << QStringList{QStringLiteral("transfer"), QStringLiteral("--sku"), QStringLiteral("NOPE"), QStringLiteral("--from"),
                               QStringLiteral("warehouse:central"), QStringLiteral("--to"), QStringLiteral("van:t1"),
                               QStringLiteral("--quantity"), QStringLiteral("1")}
                << QStringLiteral("error: no part NOPE\n");
            QTest::addRow("%s same place", qPrintable(backend))
                << backend
                << QStringList{QStringLiteral("transfer"), QStringLiteral("--sku"), QStringLiteral("FLT-100"), QStringLiteral("--from"),
                               QStringLiteral("van:t1"), QStringLiteral("--to"), QStringLiteral("van:t1"), QStringLiteral("--quantity"),
                               QStringLiteral("1")}
                << QStringLiteral("error: from and to are both van:t1: a transfer moves stock between two locations\n");
            QTest::addRow("%s stray argument", qPrintable(backend))
                << backend << QStringList{QStringLiteral("reorder"), QStringLiteral("now")}
                << QStringLiteral("error: reorder takes no arguments besides its options (got \"now\")\n");
        }
    }
    void refusals()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, args);
        QFETCH(QString, err);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seed(*db).ok());
        const QString before = test::dumpDatabase(*db);
        const test::CliRun r = test::runCli(url, args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, err);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(test::dumpDatabase(*db), before);
    }
};

QTEST_GUILESS_MAIN(TestStockCli)
#include "tst_stock_cli.moc"
