// Asset readings stay tied to real assets however they are written, on both backends: a
// reading of an unknown asset is refused with nothing written, deleting an asset deletes
// its readings, and the change feed names each asset a transaction gave readings to. On
// PostgreSQL the check is a statement trigger rather than a foreign key (so a million
// readings are not a million key lookups): an asset with readings being written cannot be
// deleted before they commit, and one deleted first makes the readings fail.
// Also the ingest's reader: lines in file order with their physical numbers, parsed a
// chunk ahead.
#include "TestDatabases.h"

#include "field/EventLineReader.h"

#include <QBuffer>
#include <QtTest>

using namespace fieldops;

namespace {

const char *const kFixture[] = {
    "INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')",
    "INSERT INTO sites(id, customer_id, name, lat, lon) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63)",
    "INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200'), ('a2', 's1', 'CH-200'), ('a3', 's1', 'CH-200')",
};

QString reading(const QString &asset, int minute, double value)
{
    return QStringLiteral("('%1', '2026-03-02T10:%2:00Z', 'temperature', %3, '°C', 'gateway')")
        .arg(asset)
        .arg(minute, 2, 10, QLatin1Char('0'))
        .arg(value);
}

QString insertReadings(const QStringList &rows)
{
    return QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit, source) VALUES ") + rows.join(QStringLiteral(", "));
}

} // namespace

class TestReadingIntegrity : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> open(const QString &backend, QString *url = nullptr)
    {
        auto db = test::freshDatabase(backend, true, url);
        if (!db)
            return nullptr;
        for (const char *sql : kFixture)
            if (Status s = db->execDirect(QString::fromLatin1(sql)); !s) {
                qWarning() << sql << s.error().message;
                return nullptr;
            }
        return db;
    }

    static qint64 count(Database &db, const QString &sql) { return db.scalar(sql).value().toLongLong(); }

private slots:
    void unknownAssetRefusedNothingWritten_data() { test::addBackendRows(); }
    void unknownAssetRefusedNothingWritten()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const qint64 changes = count(*db, QStringLiteral("SELECT count(*) FROM change_log"));
        {
            Transaction tx(*db); // left uncommitted: rolled back, as the ingest does on a refusal
            QVERIFY(tx.status());
            // A statement of good rows, then one naming an asset that does not exist.
            QVERIFY(db->execDirect(insertReadings({reading(QStringLiteral("a1"), 0, 5.0), reading(QStringLiteral("a2"), 0, 6.0)})));
            const Status refused = db->execDirect(insertReadings({reading(QStringLiteral("a1"), 1, 5.1), reading(QStringLiteral("nope"), 1, 7.0)}));
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        }
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings")), qint64(0));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM change_log")), changes);
    }

    void deletingAnAssetDeletesItsReadings_data() { test::addBackendRows(); }
    void deletingAnAssetDeletesItsReadings()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(db->execDirect(insertReadings({reading(QStringLiteral("a1"), 0, 5.0), reading(QStringLiteral("a2"), 0, 6.0),
                                               reading(QStringLiteral("a2"), 1, 6.5)})));
        QVERIFY(db->execDirect(QStringLiteral("DELETE FROM assets WHERE id = 'a2'")));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings WHERE asset_id = 'a2'")), qint64(0));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings WHERE asset_id = 'a1'")), qint64(1));
    }

    // PostgreSQL logs an asset once per transaction however many statements and rows
    // carry its readings; SQLite's row triggers log each reading.
    void changeFeedNamesEachAsset_data() { test::addBackendRows(); }
    void changeFeedNamesEachAsset()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const qint64 before = count(*db, QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"));
        {
            Transaction tx(*db);
            QVERIFY(tx.status());
            QVERIFY(db->execDirect(insertReadings({reading(QStringLiteral("a1"), 0, 5.0), reading(QStringLiteral("a2"), 0, 6.0),
                                                   reading(QStringLiteral("a1"), 1, 5.2)})));
            QVERIFY(db->execDirect(insertReadings({reading(QStringLiteral("a1"), 2, 5.3), reading(QStringLiteral("a3"), 2, 4.0)})));
            QVERIFY(tx.commit());
        }
        const QString logged = QStringLiteral("SELECT count(*) FROM change_log WHERE seq > %1 AND entity = 'asset_readings' AND op = 'insert'").arg(before);
        const QString perAsset = logged + QStringLiteral(" AND entity_id = '%1'");
        if (db->isPostgres()) {
            QCOMPARE(count(*db, logged), qint64(3));
            for (const char *asset : {"a1", "a2", "a3"})
                QCOMPARE(count(*db, perAsset.arg(QLatin1String(asset))), qint64(1));
        } else {
            QCOMPARE(count(*db, logged), qint64(5));
            QCOMPARE(count(*db, perAsset.arg(QLatin1String("a1"))), qint64(3));
        }
        // A later transaction names its assets again.
        QVERIFY(db->execDirect(insertReadings({reading(QStringLiteral("a2"), 3, 6.1)})));
        QCOMPARE(count(*db, perAsset.arg(QLatin1String("a2"))), qint64(2));
    }

    // The lock the foreign key took for each row, taken once per asset: a console deleting
    // the asset waits for the readings' transaction; an asset deleted first fails them.
    void writingReadingsHoldsTheirAssetsOnPostgres()
    {
        QString url;
        auto writer = open(QStringLiteral("postgres"), &url);
        QVERIFY2(writer, qPrintable(test::lastError()));
        auto other = test::openUrl(url);
        QVERIFY2(other, qPrintable(test::lastError()));
        {
            Transaction tx(*writer);
            QVERIFY(tx.status());
            QVERIFY(writer->execDirect(insertReadings({reading(QStringLiteral("a1"), 0, 5.0)})));
            QVERIFY(other->execDirect(QStringLiteral("SET lock_timeout = '300ms'")));
            const Status blocked = other->execDirect(QStringLiteral("DELETE FROM assets WHERE id = 'a1'"));
            QVERIFY2(!blocked, "the asset was deleted under readings not yet committed");
            QVERIFY(tx.commit());
        }
        QCOMPARE(count(*other, QStringLiteral("SELECT count(*) FROM assets WHERE id = 'a1'")), qint64(1));
        QCOMPARE(count(*other, QStringLiteral("SELECT count(*) FROM asset_readings WHERE asset_id = 'a1'")), qint64(1));
        // Deleted by the other console first: readings of it are refused.
        QVERIFY(other->execDirect(QStringLiteral("DELETE FROM assets WHERE id = 'a3'")));
        const Status refused = writer->execDirect(insertReadings({reading(QStringLiteral("a3"), 5, 4.0)}));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(QLatin1String("a3")) || refused.error().detail.contains(QLatin1String("a3")),
                 qPrintable(refused.error().message));
    }

    void readerKeepsLineNumbersAcrossChunks()
    {
        QByteArray text = "\xEF\xBB\xBF";
        text += R"({"kind":"reading","asset_id":"a1","at":"2026-03-02T10:00:00Z","reading":"temperature","value":5})" "\n";
        text += "\n   \n";
        text += R"({"kind":"reading","asset_id":"a2","at":"2026-03-02T10:01:00Z","reading":"pressure","value":2.5,"extra":1})" "\r\n";
        text += R"({"kind":"reading","asset_id":"a3"})" "\n";
        text += R"({"kind":"rating","work_order_id":"w1","score":5})";
        QBuffer in(&text);
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QDateTime now(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);
        field::EventLineReader reader(in, now, 2);
        std::vector<field::EventLine> lines;
        int chunks = 0;
        for (auto chunk = reader.next(); !chunk.empty(); chunk = reader.next()) {
            QVERIFY(chunk.size() <= 2);
            ++chunks;
            lines.insert(lines.end(), chunk.begin(), chunk.end());
        }
        QCOMPARE(chunks, 2);
        QCOMPARE(int(lines.size()), 4);
        QCOMPARE(lines[0].lineNo, 1);
        QCOMPARE(lines[1].lineNo, 4);
        QCOMPARE(lines[2].lineNo, 5);
        QCOMPARE(lines[3].lineNo, 6);
        QVERIFY(std::holds_alternative<field::ParsedLine>(lines[0].parsed)); // the byte-order mark is no part of it
        const auto *second = std::get_if<field::ParsedLine>(&lines[1].parsed);
        QVERIFY(second);
        QCOMPARE(second->unknownKeys, QStringList{QStringLiteral("extra")});
        QVERIFY(std::holds_alternative<field::EventIssue>(lines[2].parsed)); // no time, no value
        QVERIFY(std::holds_alternative<field::ParsedLine>(lines[3].parsed));
        QVERIFY(reader.next().empty());
    }
};

QTEST_GUILESS_MAIN(TestReadingIntegrity)
#include "tst_reading_integrity.moc"
