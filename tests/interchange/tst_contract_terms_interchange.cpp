// The CSV columns and file of schema 8 and 9 through the real fieldops-cli, on both
// backends: contract terms with covered sites and assets, holidays per territory, plan
// recurrence, site territories and a work order's plan occurrence and response deadline
// survive import → export → import → export byte for byte; holidays are replaced per
// territory named; and a contracts.csv in the old format still imports: new contracts
// get the terms' defaults, contracts already stored keep their terms and covered places.
#include "InterchangeFixture.h"
#include "TestDatabases.h"
#include "interchange/CsvReader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {

QList<QMap<QString, QString>> exportedRows(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes); // the reader only views it
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

// The sample directory with every new column filled somewhere. k3 renews k1 and comes
// first in its file, so the importer has to write k1 before it.
QMap<QString, QString> termsDirectory()
{
    QMap<QString, QString> f = test::sampleDirectory();
    f[QStringLiteral("holidays.csv")] = QStringLiteral(
        "territory_id,day,name\n"
        "north,2026-12-25,Natal\n"
        "north,2026-01-25,\"Aniversário, SP\"\n"
        "south,2026-11-20,\n");
    f[QStringLiteral("sites.csv")] = QStringLiteral(
        "id,customer_id,name,address,lat,lon,time_zone,territory_id\n"
        "s1,c1,Loja Centro,\"Rua Augusta, 100\nSão Paulo\",-23.5505,-46.6333,America/Sao_Paulo,north\n"
        "s2,c2,Warehouse,,-23.6,-46.7,,\n"
        "s3,c1,Loja Sul,,-23.7,-46.7,America/Sao_Paulo,south\n");
    f[QStringLiteral("contracts.csv")] = QStringLiteral(
        "id,customer_id,name,starts_on,ends_on,response_hours,coverage,coverage_days,coverage_open,coverage_close,holiday_territory_id,"
        "response_hours_p1,response_hours_p2,response_hours_p3,response_hours_p4,resolution_hours_p1,resolution_hours_p2,resolution_hours_p3,"
        "resolution_hours_p4,fixed_fee,fee_period,included_hours,hourly_rate,parts_included,notes,renewed_from,covered_sites,covered_assets\n"
        "k3,c1,Gold 2027,2027-01-01,2027-12-31,,business_hours,Sat;Mon;Tue,07:30,24:00,south,2,4,,,8,16,,,1200.5,quarter,10,95.25,1,"
        "\"Renewed; \"\"same terms\"\"\nsigned by Ana\",k1,s3;s1,as1\n"
        "k1,c1,Gold,2026-01-01,2026-12-31,4,24x7,,,,,,,,,,,,,,,,,,,,,\n"
        "k2,c2,,2026-01-01,2026-01-01,,,,,,,,,,,,,,,,,,,,,,,\n");
    f[QStringLiteral("maintenance_plans.csv")] = QStringLiteral(
        "id,contract_id,asset_id,task,interval_days,duration_min,skills,next_due,recurrence,preferred_start,lead_days,shift_on_miss,seasonal_months\n"
        "mp1,k1,as1,Filter change,90,45,hvac,2026-04-01,every 2 months on last Fri,07:45,5,1,4;5;6\n"
        "mp2,k2,,\"Inspect, report\",30,20,,2026-03-15,,,,,\n");
    f[QStringLiteral("work_orders.csv")] = QStringLiteral(
        "id,site_id,asset_id,contract_id,type,priority,required_skills,duration_min,window_start,window_end,created_at,sla_due,status,summary,"
        "pm_plan_id,pm_due,response_due\n"
        "w1,s1,as1,k1,corrective,1,hvac;elec,90,2026-03-02T08:00:00-03:00,2026-03-02T18:00:00-03:00,2026-03-01T10:00:00Z,2026-03-02T14:00:00-03:00,scheduled,x,,,2026-03-01T14:00:00Z\n"
        "w2,s2,,,install,,,60,,,2026-03-01T11:00:00Z,,open,,,,\n"
        "w3,s2,as2,k2,inspection,4,plumb,30,,,2026-03-01T12:00:00+05:30,,done,,,,\n"
        "w4,s1,as1,k1,preventive,3,hvac,45,,,2026-03-01T12:00:00Z,2026-03-28T12:00:00Z,open,Filter change,mp1,2026-03-27,2026-03-27T15:00:00-03:00\n");
    return f;
}

QVariant cell(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

} // namespace

class TestContractTermsInterchange : public QObject {
    Q_OBJECT
private slots:
    void everyNewColumnRoundTrips_data() { test::addBackendRows(); }
    void everyNewColumnRoundTrips()
    {
        QFETCH(QString, backend);
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString source = tmp.filePath(QStringLiteral("source")), first = tmp.filePath(QStringLiteral("first")),
                      second = tmp.filePath(QStringLiteral("second"));
        QVERIFY(test::writeDirectory(source, termsDirectory()));
        QString url1, url2;
        auto db1 = test::freshDatabase(backend, true, &url1);
        QVERIFY2(db1, qPrintable(test::lastError()));
        auto db2 = test::freshDatabase(backend, true, &url2);
        QVERIFY2(db2, qPrintable(test::lastError()));

        auto run = test::runCli(url1, {QStringLiteral("import"), source});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("holidays.csv: 3 rows")), qPrintable(run.out));
        run = test::runCli(url1, {QStringLiteral("export"), first});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        run = test::runCli(url2, {QStringLiteral("import"), first});
        QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), qPrintable(run.err));
        run = test::runCli(url2, {QStringLiteral("export"), second});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const auto a = test::readDirectory(first), b = test::readDirectory(second);
        QCOMPARE(a.keys(), b.keys());
        for (const QString &name : a.keys())
            QVERIFY2(a.value(name) == b.value(name), qPrintable(name + QStringLiteral(" differs")));
        QCOMPARE(test::domainDump(*db1), test::domainDump(*db2));

        const auto contracts = exportedRows(a.value(QStringLiteral("contracts.csv")));
        QCOMPARE(contracts.size(), 3);
        const auto &k1 = contracts.at(0), &k3 = contracts.at(2);
        QCOMPARE(k3.value(QStringLiteral("id")), QStringLiteral("k3"));
        QCOMPARE(k3.value(QStringLiteral("coverage_days")), QStringLiteral("Mon;Tue;Sat")); // week order
        QCOMPARE(k3.value(QStringLiteral("coverage_open")), QStringLiteral("07:30"));
        QCOMPARE(k3.value(QStringLiteral("coverage_close")), QStringLiteral("24:00"));
        QCOMPARE(k3.value(QStringLiteral("holiday_territory_id")), QStringLiteral("south"));
        QCOMPARE(k3.value(QStringLiteral("response_hours_p1")), QStringLiteral("2"));
        QCOMPARE(k3.value(QStringLiteral("response_hours_p2")), QStringLiteral("4"));
        QCOMPARE(k3.value(QStringLiteral("response_hours_p3")), QString());
        QCOMPARE(k3.value(QStringLiteral("resolution_hours_p1")), QStringLiteral("8"));
        QCOMPARE(k3.value(QStringLiteral("resolution_hours_p2")), QStringLiteral("16"));
        QCOMPARE(k3.value(QStringLiteral("resolution_hours_p4")), QString());
        QCOMPARE(k3.value(QStringLiteral("fixed_fee")), QStringLiteral("1200.5"));
        QCOMPARE(k3.value(QStringLiteral("fee_period")), QStringLiteral("quarter"));
        QCOMPARE(k3.value(QStringLiteral("included_hours")), QStringLiteral("10"));
        QCOMPARE(k3.value(QStringLiteral("hourly_rate")), QStringLiteral("95.25"));
        QCOMPARE(k3.value(QStringLiteral("parts_included")), QStringLiteral("1"));
        QCOMPARE(k3.value(QStringLiteral("notes")), QStringLiteral("Renewed; \"same terms\"\nsigned by Ana"));
        QCOMPARE(k3.value(QStringLiteral("renewed_from")), QStringLiteral("k1"));
        QCOMPARE(k3.value(QStringLiteral("covered_sites")), QStringLiteral("s1;s3"));
        QCOMPARE(k3.value(QStringLiteral("covered_assets")), QStringLiteral("as1"));
        // Empty cells: the schema's defaults.
        QCOMPARE(k1.value(QStringLiteral("coverage_days")), QStringLiteral("Mon;Tue;Wed;Thu;Fri"));
        QCOMPARE(k1.value(QStringLiteral("coverage_open")), QStringLiteral("08:00"));
        QCOMPARE(k1.value(QStringLiteral("coverage_close")), QStringLiteral("18:00"));
        QCOMPARE(k1.value(QStringLiteral("fee_period")), QStringLiteral("month"));
        QCOMPARE(k1.value(QStringLiteral("parts_included")), QStringLiteral("0"));
        QCOMPARE(k1.value(QStringLiteral("covered_sites")), QString());
        QCOMPARE(k1.value(QStringLiteral("renewed_from")), QString());
        QCOMPARE(cell(*db1, QStringLiteral("SELECT count(*) FROM contract_sites WHERE contract_id = 'k3'")).toInt(), 2);
        QCOMPARE(cell(*db1, QStringLiteral("SELECT asset_id FROM contract_assets WHERE contract_id = 'k3'")).toString(), QStringLiteral("as1"));

        const auto holidays = exportedRows(a.value(QStringLiteral("holidays.csv")));
        QCOMPARE(holidays.size(), 3);
        QCOMPARE(holidays.at(0).value(QStringLiteral("day")), QStringLiteral("2026-01-25"));
        QCOMPARE(holidays.at(0).value(QStringLiteral("name")), QStringLiteral("Aniversário, SP"));
        QCOMPARE(holidays.at(2).value(QStringLiteral("territory_id")), QStringLiteral("south"));
        QCOMPARE(QString::fromUtf8(a.value(QStringLiteral("holidays.csv"))).section(QStringLiteral("\r\n"), 0, 0),
                 QStringLiteral("territory_id,day,name"));

        const auto sites = exportedRows(a.value(QStringLiteral("sites.csv")));
        QCOMPARE(sites.at(0).value(QStringLiteral("territory_id")), QStringLiteral("north"));
        QCOMPARE(sites.at(1).value(QStringLiteral("territory_id")), QString());

        const auto plans = exportedRows(a.value(QStringLiteral("maintenance_plans.csv")));
        QCOMPARE(plans.at(0).value(QStringLiteral("recurrence")), QStringLiteral("every 2 months on last Fri"));
        QCOMPARE(plans.at(0).value(QStringLiteral("preferred_start")), QStringLiteral("07:45"));
        QCOMPARE(plans.at(0).value(QStringLiteral("lead_days")), QStringLiteral("5"));
        QCOMPARE(plans.at(0).value(QStringLiteral("shift_on_miss")), QStringLiteral("1"));
        QCOMPARE(plans.at(0).value(QStringLiteral("seasonal_months")), QStringLiteral("4;5;6"));
        QCOMPARE(plans.at(1).value(QStringLiteral("lead_days")), QStringLiteral("0"));
        QCOMPARE(plans.at(1).value(QStringLiteral("shift_on_miss")), QStringLiteral("0"));
        QCOMPARE(plans.at(1).value(QStringLiteral("preferred_start")), QString());

        const auto orders = exportedRows(a.value(QStringLiteral("work_orders.csv")));
        QCOMPARE(orders.size(), 4);
        QCOMPARE(orders.at(0).value(QStringLiteral("response_due")), QStringLiteral("2026-03-01T14:00:00Z"));
        QCOMPARE(orders.at(1).value(QStringLiteral("response_due")), QString());
        QCOMPARE(orders.at(3).value(QStringLiteral("pm_plan_id")), QStringLiteral("mp1"));
        QCOMPARE(orders.at(3).value(QStringLiteral("pm_due")), QStringLiteral("2026-03-27"));
        QCOMPARE(orders.at(3).value(QStringLiteral("response_due")), QStringLiteral("2026-03-27T18:00:00Z"));
    }

    void holidaysAreReplacedPerTerritoryNamed_data() { test::addBackendRows(); }
    void holidaysAreReplacedPerTerritoryNamed()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QTemporaryDir tmp;
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("a")), termsDirectory()));
        QCOMPARE(test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("a"))}).exitCode, 0);
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("b")),
                                     {{QStringLiteral("holidays.csv"), QStringLiteral("territory_id,day,name\nnorth,2026-04-21,Tiradentes\n")}}));
        const auto run = test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("b"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // North holds only the new day; South, not in the file, keeps its own.
        QCOMPARE(cell(*db, QStringLiteral("SELECT count(*) FROM holidays WHERE territory_id = 'north'")).toInt(), 1);
        QCOMPARE(cell(*db, QStringLiteral("SELECT name FROM holidays WHERE territory_id = 'north'")).toString(), QStringLiteral("Tiradentes"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT count(*) FROM holidays WHERE territory_id = 'south'")).toInt(), 1);
    }

    void oldContractsFileStillImports_data() { test::addBackendRows(); }
    void oldContractsFileStillImports()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QTemporaryDir tmp;
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("new")), termsDirectory()));
        QCOMPARE(test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("new"))}).exitCode, 0);

        // The contracts.csv of schema 8 and before: seven columns.
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("old")),
                                     {{QStringLiteral("contracts.csv"), QStringLiteral("id,customer_id,name,starts_on,ends_on,response_hours,coverage\n"
                                                                                       "k3,c1,Gold 2027,2027-01-01,2027-12-31,6,business_hours\n"
                                                                                       "k4,c2,Basic,2026-01-01,2026-12-31,,\n")}}));
        const auto run = test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("old"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
        QCOMPARE(cell(*db, QStringLiteral("SELECT response_hours FROM contracts WHERE id = 'k3'")).toInt(), 6);
        QCOMPARE(cell(*db, QStringLiteral("SELECT name FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("Gold 2027"));
        // A new contract gets the terms' defaults for the columns the file does not have …
        QCOMPARE(cell(*db, QStringLiteral("SELECT coverage_days FROM contracts WHERE id = 'k4'")).toString(), QStringLiteral("Mon;Tue;Wed;Thu;Fri"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT coverage_close FROM contracts WHERE id = 'k4'")).toString(), QStringLiteral("18:00"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT fee_period FROM contracts WHERE id = 'k4'")).toString(), QStringLiteral("month"));
        QVERIFY(cell(*db, QStringLiteral("SELECT response_hours_p1 FROM contracts WHERE id = 'k4'")).isNull());
        // … while a contract already stored keeps its terms: coverage hours, per-priority SLA
        // hours, billing, notes and what it renews.
        QCOMPARE(cell(*db, QStringLiteral("SELECT coverage_days FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("Mon;Tue;Sat")); // stored in week order
        QCOMPARE(cell(*db, QStringLiteral("SELECT coverage_open FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("07:30"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT coverage_close FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("24:00"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT holiday_territory_id FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("south"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT response_hours_p1 FROM contracts WHERE id = 'k3'")).toInt(), 2);
        QCOMPARE(cell(*db, QStringLiteral("SELECT response_hours_p2 FROM contracts WHERE id = 'k3'")).toInt(), 4);
        QVERIFY(cell(*db, QStringLiteral("SELECT response_hours_p3 FROM contracts WHERE id = 'k3'")).isNull());
        QCOMPARE(cell(*db, QStringLiteral("SELECT resolution_hours_p1 FROM contracts WHERE id = 'k3'")).toInt(), 8);
        QCOMPARE(cell(*db, QStringLiteral("SELECT resolution_hours_p2 FROM contracts WHERE id = 'k3'")).toInt(), 16);
        QCOMPARE(cell(*db, QStringLiteral("SELECT fixed_fee FROM contracts WHERE id = 'k3'")).toDouble(), 1200.5);
        QCOMPARE(cell(*db, QStringLiteral("SELECT fee_period FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("quarter"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT included_hours FROM contracts WHERE id = 'k3'")).toDouble(), 10.0);
        QCOMPARE(cell(*db, QStringLiteral("SELECT hourly_rate FROM contracts WHERE id = 'k3'")).toDouble(), 95.25);
        QVERIFY(cell(*db, QStringLiteral("SELECT parts_included FROM contracts WHERE id = 'k3'")).toBool());
        QVERIFY(cell(*db, QStringLiteral("SELECT notes FROM contracts WHERE id = 'k3'")).toString().startsWith(QStringLiteral("Renewed; ")));
        QCOMPARE(cell(*db, QStringLiteral("SELECT renewed_from FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("k1"));
        // … while the covered places, like skills, are replaced only when their column is there.
        QCOMPARE(cell(*db, QStringLiteral("SELECT count(*) FROM contract_sites WHERE contract_id = 'k3'")).toInt(), 2);
        QCOMPARE(cell(*db, QStringLiteral("SELECT count(*) FROM contract_assets WHERE contract_id = 'k3'")).toInt(), 1);
    }

    // A terms column that IS in the file resets the stored value when its cell is empty: the
    // file says "none" or "the default", it is not silent about the column.
    void emptyTermsCellsStillResetTerms_data() { test::addBackendRows(); }
    void emptyTermsCellsStillResetTerms()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QTemporaryDir tmp;
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("new")), termsDirectory()));
        QCOMPARE(test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("new"))}).exitCode, 0);
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("again")),
                                     {{QStringLiteral("contracts.csv"), QStringLiteral("id,customer_id,starts_on,ends_on,coverage_open,response_hours_p1,fixed_fee,fee_period\n"
                                                                                       "k3,c1,2027-01-01,2027-12-31,,,,\n")}}));
        const auto run = test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("again"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(cell(*db, QStringLiteral("SELECT coverage_open FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("08:00"));
        QVERIFY(cell(*db, QStringLiteral("SELECT response_hours_p1 FROM contracts WHERE id = 'k3'")).isNull());
        QVERIFY(cell(*db, QStringLiteral("SELECT fixed_fee FROM contracts WHERE id = 'k3'")).isNull());
        QCOMPARE(cell(*db, QStringLiteral("SELECT fee_period FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("month"));
        // The columns the file does not have are kept.
        QCOMPARE(cell(*db, QStringLiteral("SELECT coverage_close FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("24:00"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT response_hours_p2 FROM contracts WHERE id = 'k3'")).toInt(), 4);
        QCOMPARE(cell(*db, QStringLiteral("SELECT hourly_rate FROM contracts WHERE id = 'k3'")).toDouble(), 95.25);
        QCOMPARE(cell(*db, QStringLiteral("SELECT name FROM contracts WHERE id = 'k3'")).toString(), QStringLiteral("Gold 2027"));
    }

    void coveredPlacesAreReplacedAsAWhole()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("sqlite"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QTemporaryDir tmp;
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("new")), termsDirectory()));
        QCOMPARE(test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("new"))}).exitCode, 0);
        QVERIFY(test::writeDirectory(tmp.filePath(QStringLiteral("again")),
                                     {{QStringLiteral("contracts.csv"), QStringLiteral("id,customer_id,starts_on,ends_on,covered_sites,covered_assets\n"
                                                                                       "k3,c1,2027-01-01,2027-12-31,s3,\n")}}));
        const auto run = test::runCli(url, {QStringLiteral("import"), tmp.filePath(QStringLiteral("again"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(cell(*db, QStringLiteral("SELECT count(*) FROM contract_sites WHERE contract_id = 'k3'")).toInt(), 1);
        QCOMPARE(cell(*db, QStringLiteral("SELECT site_id FROM contract_sites WHERE contract_id = 'k3'")).toString(), QStringLiteral("s3"));
        QCOMPARE(cell(*db, QStringLiteral("SELECT count(*) FROM contract_assets WHERE contract_id = 'k3'")).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestContractTermsInterchange)
#include "tst_contract_terms_interchange.moc"
