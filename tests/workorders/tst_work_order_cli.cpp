// `fieldops-cli work-order create|update|cancel` as a CRM or helpdesk runs it: the real
// binary against real databases on both backends. Valid objects are saved with the SLA
// the contract gives; every invalid field exits 2 with one line naming the field and the
// reason, and leaves the database exactly as it was.
#include "../itemmodels/WorkOrderFixture.h"
#include "CliRunner.h"
#include "TestDatabases.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

QVariant value(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

QDateTime instant(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    if (!v)
        return {};
    return v->metaType().id() == QMetaType::QDateTime ? v->toDateTime().toUTC()
                                                      : QDateTime::fromString(v->toString(), Qt::ISODate).toUTC();
}

} // namespace

class TestWorkOrderCli : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::openFixtureDatabase(backend, &m_url);
        return m_db != nullptr;
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void createWithContractSla_data() { test::addBackendRows(); }
    void createWithContractSla()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        // Acme's contract k1 answers in 4 hours around the clock.
        const CliRun r = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create")},
                                "{\"site_id\":\"s1\",\"asset_id\":\"a1\",\"priority\":2,\"duration_min\":60,\"summary\":\"Cold room warm\", \"created_at\":\"2026-03-02T07:30:00-03:00\",\"required_skills\":[\"hvac\",\"elec\"]}");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out.trimmed(), QStringLiteral("WO-000001"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT contract_id FROM work_orders WHERE id = 'WO-000001'")).toString(), QStringLiteral("k1"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE id = 'WO-000001'")),
                 QDateTime(QDate(2026, 3, 2), QTime(14, 30), QTimeZone::utc()));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'WO-000001'")).toString(), QStringLiteral("open"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_order_skills WHERE work_order_id = 'WO-000001'")).toInt(), 2);
        // Audited like every other write, and in the change feed.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND entity_id = 'WO-000001' AND op = 'insert'")).toInt(), 1);
        QVERIFY(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'work_orders' AND entity_id = 'WO-000001'")).toInt() >= 1);

        // The next generated id follows; --json gives the id and the SLA.
        const CliRun second = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create"), QStringLiteral("--json")},
                                     "{\"site_id\":\"s2\",\"duration_min\":45,\"created_at\":\"2026-03-02T10:00:00Z\",\"priority\":1}");
        QCOMPARE(second.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(second.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("id")).toString(), QStringLiteral("WO-000002"));
        // No contract for Beta Labs: priority 1's default, 4 hours.
        QCOMPARE(json.value(QLatin1String("sla_due")).toString(), QStringLiteral("2026-03-02T14:00:00Z"));
        QVERIFY(value(*m_db, QStringLiteral("SELECT contract_id FROM work_orders WHERE id = 'WO-000002'")).isNull());
    }

    void createWithBusinessHoursContract_data() { test::addBackendRows(); }
    void createWithBusinessHoursContract()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QVERIFY(m_db->execDirect(QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) "
                                                "VALUES ('k2', 'c2', 'Beta Standard', '2026-01-01', '2026-12-31', 8, 'business_hours')")).ok());
        // Friday 17:00 in São Paulo: one business hour that day, seven on Monday from 08:00.
        const CliRun r = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create"), QStringLiteral("--json")},
                                "{\"id\":\"crm-77\",\"site_id\":\"s2\",\"customer_id\":\"c2\",\"duration_min\":30,\"created_at\":\"2026-03-06T17:00:00-03:00\"}");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("id")).toString(), QStringLiteral("crm-77"));
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("sla_due")).toString(), QStringLiteral("2026-03-09T18:00:00Z"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT contract_id FROM work_orders WHERE id = 'crm-77'")).toString(), QStringLiteral("k2"));
        // A given sla_due is kept as given.
        const CliRun given = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create"), QStringLiteral("--json")},
                                    "{\"site_id\":\"s2\",\"duration_min\":30,\"created_at\":\"2026-03-06T17:00:00Z\",\"sla_due\":\"2026-03-20T12:00:00Z\"}");
        QCOMPARE(given.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(given.out.toUtf8()).object().value(QLatin1String("sla_due")).toString(), QStringLiteral("2026-03-20T12:00:00Z"));
    }

    void invalidInputChangesNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message"); // the start of the one line after "error: "
        const QList<QPair<const char *, QPair<QByteArray, QString>>> cases{
            {"not json", {"{\"site_id\": ", QStringLiteral("json: not valid JSON")}},
            {"not an object", {"[1,2]", QStringLiteral("json: expected one JSON object")}},
            {"no site", {"{\"duration_min\":30}", QStringLiteral("site_id: ")}},
            {"unknown site", {"{\"site_id\":\"s9\",\"duration_min\":30}", QStringLiteral("site_id: unknown site \"s9\"")}},
            {"unknown customer", {"{\"customer_id\":\"c9\",\"site_id\":\"s1\",\"duration_min\":30}", QStringLiteral("customer_id: unknown customer \"c9\"")}},
            {"site of another customer", {"{\"customer_id\":\"c2\",\"site_id\":\"s1\",\"duration_min\":30}", QStringLiteral("site_id: site s1 belongs to customer c1, not to c2")}},
            {"asset at another site", {"{\"site_id\":\"s2\",\"asset_id\":\"a1\",\"duration_min\":30}", QStringLiteral("asset_id: asset a1 is at site s1, not at s2")}},
            {"unknown asset", {"{\"site_id\":\"s2\",\"asset_id\":\"a9\",\"duration_min\":30}", QStringLiteral("asset_id: unknown asset \"a9\"")}},
            {"contract of another customer", {"{\"site_id\":\"s2\",\"contract_id\":\"k1\",\"duration_min\":30}", QStringLiteral("contract_id: contract k1")}},
            {"priority out of range", {"{\"site_id\":\"s1\",\"priority\":7,\"duration_min\":30}", QStringLiteral("priority: 7 is outside [1, 4]")}},
            {"priority as text", {"{\"site_id\":\"s1\",\"priority\":\"high\",\"duration_min\":30}", QStringLiteral("priority: ")}},
            {"zero duration", {"{\"site_id\":\"s1\",\"duration_min\":0}", QStringLiteral("duration_min: 0 must be greater than 0")}},
            {"no duration", {"{\"site_id\":\"s1\"}", QStringLiteral("duration_min: ")}},
            {"fractional duration", {"{\"site_id\":\"s1\",\"duration_min\":30.5}", QStringLiteral("duration_min: ")}},
            {"unknown type", {"{\"site_id\":\"s1\",\"duration_min\":30,\"type\":\"repair\"}", QStringLiteral("type: \"repair\" is not one of")}},
            {"unknown skill", {"{\"site_id\":\"s1\",\"duration_min\":30,\"required_skills\":[\"hvac\",\"plumbing\"]}", QStringLiteral("required_skills: unknown skill(s): plumbing")}},
            {"skills not a list of text", {"{\"site_id\":\"s1\",\"duration_min\":30,\"required_skills\":[5]}", QStringLiteral("required_skills: ")}},
            {"window backwards", {"{\"site_id\":\"s1\",\"duration_min\":30,\"window_start\":\"2026-03-03T12:00:00Z\",\"window_end\":\"2026-03-03T09:00:00Z\"}", QStringLiteral("window_end: ")}},
            {"timestamp without offset", {"{\"site_id\":\"s1\",\"duration_min\":30,\"created_at\":\"2026-03-03T12:00:00\"}", QStringLiteral("created_at: ")}},
            {"sla before creation", {"{\"site_id\":\"s1\",\"duration_min\":30,\"created_at\":\"2026-03-03T12:00:00Z\",\"sla_due\":\"2026-03-03T11:00:00Z\"}", QStringLiteral("sla_due: ")}},
            {"taken id", {"{\"id\":\"w1\",\"site_id\":\"s1\",\"duration_min\":30}", QStringLiteral("id: work order w1 already exists")}},
            {"new but done", {"{\"site_id\":\"s1\",\"duration_min\":30,\"status\":\"done\"}", QStringLiteral("status: a new work order starts open")}},
            {"object as a value", {"{\"site_id\":{\"id\":\"s1\"},\"duration_min\":30}", QStringLiteral("site_id: ")}},
        };
        for (const char *backend : {"sqlite", "postgres"})
            for (const auto &c : cases)
                QTest::addRow("%s %s", backend, c.first) << QString::fromLatin1(backend) << c.second.first << c.second.second;
    }
    void invalidInputChangesNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun r = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create")}, input);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().startsWith(QStringLiteral("error: ") + message), qPrintable(lines.front()));
        QCOMPARE(test::dumpDatabase(*m_db), before);
    }

    void unknownKeysAreIgnoredWithAWarning()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("create")},
                                "{\"site_id\":\"s1\",\"duration_min\":30,\"ticket_url\":\"https://crm.example/1\"}");
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("ticket_url")), qPrintable(r.err));
    }

    void updateChangesOnlyWhatIsGiven_data() { test::addBackendRows(); }
    void updateChangesOnlyWhatIsGiven()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        // w2: Beta Labs, no contract, created 2026-02-28 08:00Z. Urgent now: 4 h from creation.
        const CliRun r = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("update"), QStringLiteral("w2"), QStringLiteral("--json")},
                                "{\"priority\":1,\"summary\":\"Badge readers: lobby first\",\"version\":1}");
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT priority FROM work_orders WHERE id = 'w2'")).toInt(), 1);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT summary FROM work_orders WHERE id = 'w2'")).toString(), QStringLiteral("Badge readers: lobby first"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE id = 'w2'")), QDateTime(QDate(2026, 2, 28), QTime(12, 0), QTimeZone::utc()));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT duration_min FROM work_orders WHERE id = 'w2'")).toInt(), 120);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND entity_id = 'w2' AND op = 'update'")).toInt(), 1);

        // The caller read version 1; the work order is at 2 now: refused, nothing written.
        const QString before = test::dumpDatabase(*m_db);
        const CliRun stale = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("update"), QStringLiteral("w2")},
                                    "{\"duration_min\":30,\"version\":1}");
        QCOMPARE(stale.exitCode, 2);
        QVERIFY2(stale.err.startsWith(QLatin1String("error: version: 1 is stale")), qPrintable(stale.err));
        QCOMPARE(stale.err.trimmed().count(QLatin1Char('\n')), 0);
        QCOMPARE(test::dumpDatabase(*m_db), before);

        const CliRun invalid = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("update"), QStringLiteral("w2")}, "{\"asset_id\":\"a1\"}");
        QCOMPARE(invalid.exitCode, 2);
        QVERIFY2(invalid.err.startsWith(QLatin1String("error: asset_id: asset a1 is at site s1, not at s2")), qPrintable(invalid.err));
        const CliRun missing = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("update"), QStringLiteral("w99")}, "{\"priority\":2}");
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.err.contains(QLatin1String("w99")), qPrintable(missing.err));
        const CliRun renamed = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("update"), QStringLiteral("w2")}, "{\"id\":\"w3\"}");
        QCOMPARE(renamed.exitCode, 2);
        QVERIFY2(renamed.err.startsWith(QLatin1String("error: id: ")), qPrintable(renamed.err));
        QCOMPARE(test::dumpDatabase(*m_db), before);
    }

    void cancelTakesTheVisitsAlong_data() { test::addBackendRows(); }
    void cancelTakesTheVisitsAlong()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun noReason = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("cancel"), QStringLiteral("w4")});
        QCOMPARE(noReason.exitCode, 2);
        QVERIFY2(noReason.err.startsWith(QLatin1String("error: cancel_reason: ")), qPrintable(noReason.err));
        const CliRun done = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("cancel"), QStringLiteral("w5"), QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(done.exitCode, 2);
        QVERIFY2(done.err.startsWith(QLatin1String("error: status: ")), qPrintable(done.err));
        QCOMPARE(test::dumpDatabase(*m_db), before);

        // w4 has one visit booked (ap1): it goes with the work order, in one transaction.
        const CliRun r = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("cancel"), QStringLiteral("w4"), QStringLiteral("--reason"),
                                        QStringLiteral("Customer solved it"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("cancelled_visits")).toVariant().toStringList(), QStringList{QStringLiteral("ap1")});
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("cancelled"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT cancel_reason FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("Customer solved it"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("cancelled"));
        const CliRun again = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("cancel"), QStringLiteral("w4"), QStringLiteral("--reason"), QStringLiteral("x")});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains(QLatin1String("already cancelled")), qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestWorkOrderCli)
#include "tst_work_order_cli.moc"
