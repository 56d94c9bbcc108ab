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
        // The sample with a return visit (w4 follows w1, listed before it), the parts it
        // needs with where they are reserved, and reorder points.
        QMap<QString, QString> sample = test::sampleDirectory();
        sample[QStringLiteral("work_orders.csv")] = QStringLiteral(
            "id,site_id,asset_id,contract_id,type,priority,required_skills,duration_min,window_start,window_end,created_at,sla_due,status,summary,follow_up_of\n"
            "w4,s1,as1,k1,corrective,1,hvac,60,,,2026-03-02T13:30:00Z,,open,Return visit: Ar-condicionado,w1\n"
            "w1,s1,as1,k1,corrective,1,hvac;elec,90,2026-03-02T08:00:00-03:00,2026-03-02T18:00:00-03:00,2026-03-01T10:00:00Z,2026-03-02T14:00:00-03:00,scheduled,\"Ar-condicionado não liga\ncliente aguarda\",\n"
            "w2,s2,,,install,,,60,,,2026-03-01T11:00:00Z,,open,,\n"
            "w3,s2,as2,k2,inspection,4,plumb,30,,,2026-03-01T12:00:00+05:30,,done,,\n");
        sample[QStringLiteral("stock.csv")] = QStringLiteral(
            "sku,location,quantity,min_quantity\n"
            "p-cap,warehouse:main,40,10\n"
            "p-cap,van:t1,3,\n"
            "p-filter,warehouse:main,12.5,2.5\n");
        sample[QStringLiteral("work_order_parts.csv")] = QStringLiteral(
            "work_order_id,sku,quantity,reserved_location\n"
            "w4,p-cap,2,van:t1\n"
            "w4,p-filter,1,\n");
        QVERIFY(test::writeDirectory(source, sample));

        QString url1, url2;
        auto db1 = test::freshDatabase(backend, true, &url1);
        QVERIFY2(db1, qPrintable(test::lastError()));
        auto db2 = test::freshDatabase(backend, true, &url2);
        QVERIFY2(db2, qPrintable(test::lastError()));

        auto run = test::runCli(url1, {QStringLiteral("import"), source});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // no warnings for a clean directory
        QVERIFY(run.out.contains(QLatin1String("imported 43 rows from 18 files")));

        run = test::runCli(url1, {QStringLiteral("export"), first});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = test::runCli(url2, {QStringLiteral("import"), first});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err)); // export's extra columns are known to import
        run = test::runCli(url2, {QStringLiteral("export"), second});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const auto a = test::readDirectory(first), b = test::readDirectory(second);
        QCOMPARE(a.size(), 19); // the sample has no holidays.csv; the export writes it, with its header
        QCOMPARE(a.keys(), b.keys());
        for (const QString &name : a.keys())
            QVERIFY2(a.value(name) == b.value(name), qPrintable(name + QStringLiteral(" differs:\n")
                                                                + QString::fromUtf8(a.value(name)) + QStringLiteral("\n---\n")
                                                                + QString::fromUtf8(b.value(name))));
        QMap<QString, int> counts;
        const QString dump1 = test::domainDump(*db1, &counts);
        QCOMPARE(dump1, test::domainDump(*db2));
        QCOMPARE(counts.value(QStringLiteral("technician_skills")), 3);
        QCOMPARE(counts.value(QStringLiteral("work_order_skills")), 4);
        QCOMPARE(counts.value(QStringLiteral("work_order_parts")), 2);
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
        QCOMPARE(orders.size(), 4);
        QCOMPARE(orders.at(0).value(QStringLiteral("follow_up_of")), QString());
        QCOMPARE(orders.at(3).value(QStringLiteral("id")), QStringLiteral("w4"));
        QCOMPARE(orders.at(3).value(QStringLiteral("follow_up_of")), QStringLiteral("w1"));
        const auto needs = exportedRows(a.value(QStringLiteral("work_order_parts.csv")));
        QCOMPARE(needs.size(), 2);
        QCOMPARE(needs.at(0).value(QStringLiteral("sku")), QStringLiteral("p-cap"));
        QCOMPARE(needs.at(0).value(QStringLiteral("quantity")), QStringLiteral("2"));
        QCOMPARE(needs.at(0).value(QStringLiteral("reserved_location")), QStringLiteral("van:t1"));
        QCOMPARE(needs.at(1).value(QStringLiteral("reserved_location")), QString());
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
        QCOMPARE(stock.at(2).value(QStringLiteral("min_quantity")), QStringLiteral("2.5"));
        QCOMPARE(stock.at(0).value(QStringLiteral("min_quantity")), QStringLiteral("0")); // empty: none

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
        QCOMPARE(files.size(), 19);
        QCOMPARE(files.value(QStringLiteral("work_order_parts.csv")), QByteArray("work_order_id,sku,quantity,reserved_location\r\n"));
        QCOMPARE(files.value(QStringLiteral("skills.csv")), QByteArray("code,name\r\n"));
        QVERIFY(files.value(QStringLiteral("positions.csv")).startsWith("technician_id,at,lat,lon,speed_kmh,heading_deg,accuracy_m\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestInterchangeRoundTrip)
#include "tst_interchange_roundtrip.moc"
