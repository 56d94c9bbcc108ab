// Contract terms at intake, on both backends: `fieldops-cli work-order create` picks the
// contract naming the asset over the one naming the site over the blanket one, counts
// its per-priority hours on its covered hours and holiday calendar, stores response_due
// beside sla_due and prints exactly {"id":…,"sla_due":…}; the inspector's explanation
// and the intake form model say the same rule and the asset's warranty.
#include "../itemmodels/WorkOrderFixture.h"
#include "CliRunner.h"
#include "TestDatabases.h"
#include "workorders/IntakeCatalog.h"
#include "workorders/SlaExplanation.h"
#include "workorders/WorkOrderFormModel.h"
#include "workorders/WorkOrderIntake.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;

namespace {

QDateTime utc(int y, int mo, int d, int h, int mi = 0) { return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc()); }

QDateTime instant(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    if (!v || v->isNull())
        return {};
    return v->metaType().id() == QMetaType::QDateTime ? v->toDateTime().toUTC()
                                                      : QDateTime::fromString(v->toString(), Qt::ISODate).toUTC();
}

QString text(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? v->toString() : QStringLiteral("<error: %1>").arg(v.error().message);
}

// Acme (c1) gets two more sites and four contracts beside the fixture's blanket k1
// (24x7, 4 h): kS names site s1 (business hours, priority 2: 4 h / 16 h, the site's
// calendar North), kA names asset a1 (24x7, priority 2: 1 h / 6 h), kO names site s3 and
// the South calendar. s4 is named by none. North's holiday: Friday 2026-03-06; South's:
// Monday 2026-03-09.
QStringList termsSql()
{
    return {
        QStringLiteral("INSERT INTO territories(id, name) VALUES ('north', 'North'), ('south', 'South')"),
        QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('north', '2026-03-06', 'Founders'), ('south', '2026-03-09', 'Harvest')"),
        QStringLiteral("UPDATE sites SET territory_id = 'north' WHERE id = 's1'"),
        QStringLiteral("INSERT INTO sites(id, customer_id, name, address, lat, lon, time_zone, territory_id) VALUES "
                       "('s3', 'c1', 'Acme Depot', '', -23.5, -46.6, 'America/Sao_Paulo', 'north'), "
                       "('s4', 'c1', 'Acme Shop', '', -23.5, -46.6, 'America/Sao_Paulo', NULL)"),
        QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage, coverage_days, coverage_open, "
                       "coverage_close, holiday_territory_id, response_hours_p2, resolution_hours_p2) VALUES "
                       "('kS', 'c1', 'Plant Silver', '2025-06-01', '2026-12-31', 8, 'business_hours', 'Mon;Tue;Wed;Thu;Fri', '08:00', '18:00', NULL, 4, 16), "
                       "('kA', 'c1', 'Chiller Care', '2025-01-01', '2026-12-31', NULL, '24x7', 'Mon;Tue;Wed;Thu;Fri', '08:00', '18:00', NULL, 1, 6), "
                       "('kO', 'c1', 'Depot', '2026-02-01', '2026-12-31', NULL, 'business_hours', 'Mon;Tue;Wed;Thu;Fri', '08:00', '18:00', 'south', 4, 16)"),
        QStringLiteral("INSERT INTO contract_sites(contract_id, site_id) VALUES ('kS', 's1'), ('kO', 's3')"),
        QStringLiteral("INSERT INTO contract_assets(contract_id, asset_id) VALUES ('kA', 'a1')"),
    };
}

} // namespace

class TestContractSlaCli : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::openFixtureDatabase(backend, &m_url, termsSql());
        return m_db != nullptr;
    }

    // Creates a priority 2 work order on Thursday 2026-03-05 16:00 São Paulo time.
    QJsonObject create(const QString &site, const QString &asset)
    {
        QJsonObject in{{QStringLiteral("site_id"), site}, {QStringLiteral("priority"), 2}, {QStringLiteral("duration_min"), 60},
                       {QStringLiteral("summary"), QStringLiteral("No cooling")}, {QStringLiteral("created_at"), QStringLiteral("2026-03-05T16:00:00-03:00")}};
        if (!asset.isEmpty())
            in.insert(QStringLiteral("asset_id"), asset);
        const test::CliRun r = test::runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create"), QStringLiteral("--json")},
                                            QJsonDocument(in).toJson(QJsonDocument::Compact));
        if (r.exitCode != 0)
            qWarning() << r.exitCode << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void intakeTakesTheContractThatNamesTheWork_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("asset");
        QTest::addColumn<QString>("contract");
        QTest::addColumn<QDateTime>("responseDue");
        QTest::addColumn<QDateTime>("slaDue");
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            // kA, 24x7: 1 h and 6 h after 19:00Z.
            QTest::addRow("%s asset contract", backend) << b << "s1" << "a1" << "kA" << utc(2026, 3, 5, 20) << utc(2026, 3, 6, 1);
            // kS, North's Friday off: Thu 16–18, Mon 08–10 → Mon 13:00Z; 16 h: Thu 2 + Mon 10 + Tue 4 → Tue 12:00 local.
            QTest::addRow("%s site contract, site calendar", backend) << b << "s1" << "" << "kS" << utc(2026, 3, 9, 13) << utc(2026, 3, 10, 15);
            // kO on South's calendar: Friday worked (10:00 local), Monday off: Thu 2 + Fri 10 + Tue 4.
            QTest::addRow("%s site contract, contract calendar", backend) << b << "s3" << "" << "kO" << utc(2026, 3, 6, 13) << utc(2026, 3, 10, 15);
            // Named by no contract: the blanket k1 (24x7, 4 h for every priority, no resolution).
            QTest::addRow("%s blanket", backend) << b << "s4" << "" << "k1" << utc(2026, 3, 5, 23) << utc(2026, 3, 5, 23);
        }
    }
    void intakeTakesTheContractThatNamesTheWork()
    {
        QFETCH(QString, backend);
        QFETCH(QString, site);
        QFETCH(QString, asset);
        QFETCH(QString, contract);
        QFETCH(QDateTime, responseDue);
        QFETCH(QDateTime, slaDue);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QJsonObject out = create(site, asset);
        // The output keeps its two keys, nothing more.
        QCOMPARE(out.keys(), (QStringList{QStringLiteral("id"), QStringLiteral("sla_due")}));
        QCOMPARE(out.value(QLatin1String("id")).toString(), QStringLiteral("WO-000001"));
        QCOMPARE(out.value(QLatin1String("sla_due")).toString(), slaDue.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
        QCOMPARE(text(*m_db, QStringLiteral("SELECT contract_id FROM work_orders WHERE id = 'WO-000001'")), contract);
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT response_due FROM work_orders WHERE id = 'WO-000001'")), responseDue);
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE id = 'WO-000001'")), slaDue);
    }

    void plainOutputIsTheId()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        const test::CliRun r = test::runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create"), QStringLiteral("--json")},
                                            "{\"site_id\":\"s1\",\"asset_id\":\"a1\",\"priority\":2,\"duration_min\":60,\"created_at\":\"2026-03-05T19:00:00Z\"}");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("{\"id\":\"WO-000001\",\"sla_due\":\"2026-03-06T01:00:00Z\"}\n"));
    }

    void updateRecomputesBothDeadlines()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        (void)create(QStringLiteral("s1"), QString());
        // Priority 3 under kS: response_hours 8 (no resolution) → Thu 2 h + Mon 6 h = Mon 14:00 local.
        const test::CliRun r = test::runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("update"), QStringLiteral("WO-000001")},
                                            "{\"priority\":3}");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT response_due FROM work_orders WHERE id = 'WO-000001'")), utc(2026, 3, 9, 17));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE id = 'WO-000001'")), utc(2026, 3, 9, 17));
    }

    void explanationForTheInspector_data() { test::addBackendRows(); }
    void explanationForTheInspector()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        (void)create(QStringLiteral("s1"), QString());
        (void)create(QStringLiteral("s1"), QStringLiteral("a1"));

        auto site = workorders::readSlaExplanation(*m_db, QStringLiteral("WO-000001"));
        QVERIFY2(site, qPrintable(site ? QString() : site.error().message));
        QCOMPARE(site->rule, QStringLiteral("Contract kS (Plant Silver), priority 2: respond within 4 business hours, resolve within 16 "
                                            "(Mon–Fri 08:00–18:00, site time, holidays of North)"));
        QCOMPARE(site->responseDue, utc(2026, 3, 9, 13));
        QCOMPARE(site->slaDue, utc(2026, 3, 10, 15));
        QCOMPARE(site->computedSlaDue, site->slaDue);
        QCOMPARE(site->warrantyNote, QString()); // no asset

        auto asset = workorders::readSlaExplanation(*m_db, QStringLiteral("WO-000002"));
        QVERIFY(asset);
        QCOMPARE(asset->rule, QStringLiteral("Contract kA (Chiller Care), priority 2: respond within 1 hour, resolve within 6, around the clock"));
        QCOMPARE(asset->warrantyNote, QStringLiteral("Asset a1 is under warranty until 2027-01-10"));

        // Preventive work on the same asset is no warranty matter.
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE work_orders SET type = 'preventive' WHERE id = 'WO-000002'")).ok());
        QCOMPARE(workorders::readSlaExplanation(*m_db, QStringLiteral("WO-000002"))->warrantyNote, QString());

        auto missing = workorders::readSlaExplanation(*m_db, QStringLiteral("WO-404"));
        QVERIFY(!missing);
        QCOMPARE(int(missing.error().kind), int(Error::Kind::NotFound));
    }

    void formModelFollowsThePlace()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        auto file = workorders::IntakeCatalog(*m_db).customerFile(QStringLiteral("c1"));
        QVERIFY(file);
        workorders::WorkOrderFormModel form;
        form.startNew(utc(2026, 3, 5, 19));
        form.setCustomer(QStringLiteral("c1"), QStringLiteral("Acme Foods"), *file);
        form.setPriority(2);
        form.setSite(QStringLiteral("s1"));
        QCOMPARE(form.draft().contractId, QStringLiteral("kS"));
        QCOMPARE(form.draft().responseDue, utc(2026, 3, 9, 13));
        QCOMPARE(form.draft().slaDue, utc(2026, 3, 10, 15));
        QCOMPARE(form.warrantyNote(), QString());

        form.setAsset(QStringLiteral("a1"));
        QCOMPARE(form.draft().contractId, QStringLiteral("kA"));
        QCOMPARE(form.draft().slaDue, utc(2026, 3, 6, 1));
        QCOMPARE(form.warrantyNote(), QStringLiteral("Asset a1 is under warranty until 2027-01-10"));
        QVERIFY2(form.slaQuote().rule.startsWith(QLatin1String("Contract kA (Chiller Care), priority 2")), qPrintable(form.slaQuote().rule));
        form.setType(QStringLiteral("install"));
        QCOMPARE(form.warrantyNote(), QString());

        // A typed due time overrides sla_due only; the response deadline stays the contract's.
        form.setSlaDueOverride(utc(2026, 3, 20, 12));
        QCOMPARE(form.draft().slaDue, utc(2026, 3, 20, 12));
        QCOMPARE(form.draft().responseDue, utc(2026, 3, 5, 20));
    }

    void editKeepsTheStoredResponseDeadline()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        (void)create(QStringLiteral("s1"), QString()); // kS, priority 2: response Mon 03-09 13:00Z
        // As if it had been given by hand (or under terms since changed).
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE work_orders SET response_due = '2026-03-06T12:00:00Z' WHERE id = 'WO-000001'")).ok());
        auto loaded = workorders::WorkOrderIntake(*m_db).load(QStringLiteral("WO-000001"));
        QVERIFY(loaded);
        QCOMPARE(loaded->responseDue, utc(2026, 3, 6, 12));
        auto file = workorders::IntakeCatalog(*m_db).customerFile(QStringLiteral("c1"));
        QVERIFY(file);
        workorders::WorkOrderFormModel form;
        form.startEdit(*loaded, *file);
        form.setSummary(QStringLiteral("No cooling, second call"));
        QCOMPARE(form.draft().responseDue, utc(2026, 3, 6, 12));
        const records::RecordEdits edits = workorders::WorkOrderIntake::updateEdits(*loaded, form.draft());
        QCOMPARE(edits.size(), 1);
        QCOMPARE(edits.front().after.keys(), QStringList{QStringLiteral("summary")}); // response_due untouched
        // A new priority counts again: priority 3 under kS answers in 8 business hours → Mon 14:00 local.
        form.setPriority(3);
        QCOMPARE(form.draft().responseDue, utc(2026, 3, 9, 17));
    }
};

QTEST_GUILESS_MAIN(TestContractSlaCli)
#include "tst_work_order_contract_sla_cli.moc"
