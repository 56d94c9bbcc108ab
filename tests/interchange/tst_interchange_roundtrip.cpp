// export → import into an empty database round-trips every row, on both backends, through
// the real fieldops-cli: a hand-made directory covering every file and column is imported,
// exported, imported into a fresh database and exported again; the two exports are
// byte-identical and the two databases hold the same domain rows.
#include "InterchangeFixture.h"
#include "TestDatabases.h"
#include "interchange/CsvReader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {
// The cells of one exported file as rows of column → value.
QList<QMap<QString, QString>> exportedRows(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    interchange::CsvReader reader(text);
    interchange::CsvRecord header, rec;
    QList<QMap<QString, QString>> rows;
    if (!reader.next(header))
        return rows;
    while (reader.next(rec)) {
        QMap<QString, QString> row;
        for (int i = 0; i < header.cells.size() && i < rec.cells.size(); ++i)
            row.insert(header.cells.at(i), rec.cells.at(i));
        rows << row;
    }
    return rows;
}
} // namespace

class TestInterchangeRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void exportImportExportIsIdentical_data() { test::addBackendRows(); }
    void exportImportExportIsIdentical()
    {
        QFETCH(QString, backend);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString source = tmp.filePath(QStringLiteral("source"));
        const QString first = tmp.filePath(QStringLiteral("first"));
        const QString second = tmp.filePath(QStringLiteral("second/nested")); // export creates it
        QVERIFY(test::writeDirectory(source, test::sampleDirectory()));

        QString url1, url2;
        auto db1 = test::freshDatabase(backend, true, &url1);
        QVERIFY2(db1, qPrintable(test::lastError()));
        auto db2 = test::freshDatabase(backend, true, &url2);
        QVERIFY2(db2, qPrintable(test::lastError()));

        auto run = test::runCli(url1, {QStringLiteral("import"), source});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // no warnings for a clean directory
        QVERIFY(run.out.contains(QLatin1String("imported 40 rows from 17 files")));

        run = test::runCli(url1, {QStringLiteral("export"), first});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = test::runCli(url2, {QStringLiteral("import"), first});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // export's extra columns are known to import
        run = test::runCli(url2, {QStringLiteral("export"), second});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const auto a = test::readDirectory(first), b = test::readDirectory(second);
        QCOMPARE(a.size(), 18); // the sample has no holidays.csv; the export writes it, with its header
        QCOMPARE(a.keys(), b.keys());
        for (const QString &name : a.keys())
            QVERIFY2(a.value(name) == b.value(name), qPrintable(name + QStringLiteral(" differs:\n")
                                                                + QString::fromUtf8(a.value(name)) + QStringLiteral("\n---\n")
                                                                + QString::fromUtf8(b.value(name))));
        QMap<QString, int> counts;
        const QString dump1 = test::domainDump(*db1, &counts);
        QCOMPARE(dump1, test::domainDump(*db2));
        QCOMPARE(counts.value(QStringLiteral("technician_skills")), 3);
        QCOMPARE(counts.value(QStringLiteral("work_order_skills")), 3);
        QCOMPARE(counts.value(QStringLiteral("maintenance_plan_skills")), 1);
        QCOMPARE(counts.value(QStringLiteral("appointments")), 3);
        QCOMPARE(counts.value(QStringLiteral("stock")), 3);

        // What the export says, cell by cell, for the tricky cases.
        const auto techs = exportedRows(a.value(QStringLiteral("technicians.csv")));
        QCOMPARE(techs.size(), 3);
        QCOMPARE(techs.at(0).value(QStringLiteral("skills")), QStringLiteral("elec;hvac"));
        QCOMPARE(techs.at(1).value(QStringLiteral("name")), QStringLiteral("Zé \"Mão\" Silva"));
        QCOMPARE(techs.at(1).value(QStringLiteral("time_zone")), QStringLiteral("UTC"));    // empty → default
        QCOMPARE(techs.at(1).value(QStringLiteral("shift_start")), QStringLiteral("08:00"));
        QCOMPARE(techs.at(1).value(QStringLiteral("shift_end")), QStringLiteral("17:00"));
        QCOMPARE(techs.at(1).value(QStringLiteral("work_days")), QStringLiteral("Mon;Tue;Wed;Thu;Fri"));
        QCOMPARE(techs.at(1).value(QStringLiteral("employment")), QStringLiteral("contractor"));
        QCOMPARE(techs.at(1).value(QStringLiteral("hourly_cost")), QString());
        QCOMPARE(techs.at(2).value(QStringLiteral("name")), QStringLiteral("李雷"));
        QCOMPARE(techs.at(0).value(QStringLiteral("hourly_cost")), QStringLiteral("42.5"));

        const auto orders = exportedRows(a.value(QStringLiteral("work_orders.csv")));
        QCOMPARE(orders.size(), 3);
        QCOMPARE(orders.at(0).value(QStringLiteral("window_start")), QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(orders.at(0).value(QStringLiteral("summary")), QStringLiteral("Ar-condicionado não liga\ncliente aguarda"));
        QCOMPARE(orders.at(1).value(QStringLiteral("priority")), QStringLiteral("3"));
        QCOMPARE(orders.at(1).value(QStringLiteral("type")), QStringLiteral("install"));
        QCOMPARE(orders.at(2).value(QStringLiteral("created_at")), QStringLiteral("2026-03-01T06:30:00Z"));

        const auto ratings = exportedRows(a.value(QStringLiteral("ratings.csv")));
        QCOMPARE(ratings.size(), 2);
        QCOMPARE(ratings.at(0).value(QStringLiteral("comment")), QStringLiteral("Ótimo serviço!\nMuito rápido, \"recomendo\""));

        const auto appts = exportedRows(a.value(QStringLiteral("appointments.csv")));
        QCOMPARE(appts.at(0).value(QStringLiteral("locked")), QStringLiteral("1"));
        QCOMPARE(appts.at(0).value(QStringLiteral("resolved")), QStringLiteral("1"));
        QCOMPARE(appts.at(1).value(QStringLiteral("resolved")), QStringLiteral("0"));
        QCOMPARE(appts.at(2).value(QStringLiteral("status")), QStringLiteral("cancelled"));
        // The field gateway's outcome columns round-trip.
        QCOMPARE(appts.at(0).value(QStringLiteral("departed_at")), QStringLiteral("2026-03-02T13:28:00Z"));
        QCOMPARE(appts.at(0).value(QStringLiteral("outcome_notes")), QStringLiteral("Capacitor trocado, \"ok\""));
        QCOMPARE(appts.at(0).value(QStringLiteral("signed_by")), QStringLiteral("Maria Souza"));
        QCOMPARE(appts.at(0).value(QStringLiteral("outcome_reason")), QString());
        QCOMPARE(appts.at(2).value(QStringLiteral("outcome_reason")), QStringLiteral("customer_absent"));
        const auto positions = exportedRows(a.value(QStringLiteral("positions.csv")));
        QCOMPARE(positions.at(0).value(QStringLiteral("accuracy_m")), QStringLiteral("4.5"));
        QCOMPARE(positions.at(1).value(QStringLiteral("accuracy_m")), QString());
        // Readings in their kind's unit, with the hourly sums rebuilt beside them.
        const auto readings = exportedRows(a.value(QStringLiteral("readings.csv")));
        QCOMPARE(readings.size(), 3);
        QCOMPARE(readings.at(1).value(QStringLiteral("kind")), QStringLiteral("temperature"));
        QCOMPARE(readings.at(1).value(QStringLiteral("unit")), QStringLiteral("°C"));
        QCOMPARE(readings.at(1).value(QStringLiteral("source")), QStringLiteral("probe"));
        QCOMPARE(readings.at(0).value(QStringLiteral("unit")), QStringLiteral("l/min"));
        for (Database *d : {db1.get(), db2.get()}) {
            QCOMPARE(d->scalar(QStringLiteral("SELECT count FROM asset_reading_hours WHERE asset_id = 'as1' AND kind = 'temperature'")).value().toInt(), 2);
            QCOMPARE(d->scalar(QStringLiteral("SELECT sum FROM asset_reading_hours WHERE asset_id = 'as1' AND kind = 'temperature'")).value().toDouble(), 11.0);
            QCOMPARE(d->scalar(QStringLiteral("SELECT count(*) FROM asset_reading_hours")).value().toInt(), 2);
        }

        const auto sites = exportedRows(a.value(QStringLiteral("sites.csv")));
        QCOMPARE(sites.at(0).value(QStringLiteral("address")), QStringLiteral("Rua Augusta, 100\nSão Paulo"));
        QCOMPARE(sites.at(0).value(QStringLiteral("lat")), QStringLiteral("-23.5505"));
        QCOMPARE(sites.at(1).value(QStringLiteral("time_zone")), QStringLiteral("UTC"));

        const auto stock = exportedRows(a.value(QStringLiteral("stock.csv")));
        QCOMPARE(stock.size(), 3);
        QCOMPARE(stock.at(0).value(QStringLiteral("location")), QStringLiteral("van:t1"));
        QCOMPARE(stock.at(2).value(QStringLiteral("quantity")), QStringLiteral("12.5"));

        // Every column of §1 is in the header of its file.
        const QString header = QString::fromUtf8(a.value(QStringLiteral("time_entries.csv"))).section(QStringLiteral("\r\n"), 0, 0);
        QCOMPARE(header, QStringLiteral("technician_id,work_order_id,start,end,billable,activity,comment"));
    }

    void exportOfAnEmptyDatabaseWritesHeadersOnly_data() { test::addBackendRows(); }
    void exportOfAnEmptyDatabaseWritesHeadersOnly()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QTemporaryDir tmp;
        const auto run = test::runCli(url, {QStringLiteral("export"), tmp.path()});
        QCOMPARE(run.exitCode, 0);
        const auto files = test::readDirectory(tmp.path());
        QCOMPARE(files.size(), 18);
        QCOMPARE(files.value(QStringLiteral("skills.csv")), QByteArray("code,name\r\n"));
        QVERIFY(files.value(QStringLiteral("positions.csv")).startsWith("technician_id,at,lat,lon,speed_kmh,heading_deg,accuracy_m\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestInterchangeRoundTrip)
#include "tst_interchange_roundtrip.moc"
