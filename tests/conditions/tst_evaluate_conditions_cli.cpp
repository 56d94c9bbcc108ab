// `fieldops-cli condition-rule create` and `evaluate-conditions` as cron and an integrator
// run them, the real binary on both backends: a rule refused field by field writes
// nothing; a sustained breach opens one episode and one work order (intake's id, the
// contract's SLA, change and audit log), a second run opens nothing, a recovery clears
// the episode and a new breach opens a second one; a usage rule counts from the last
// completed preventive visit; a dry run writes nothing; on PostgreSQL two evaluations
// started at once open the episode once.
#include "CliRunner.h"
#include "TestDatabases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

const QStringList kFixture{
    QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo')"),
    QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200'), ('a2', 's1', 'CH-200'), ('a3', 's1', 'GEN-5')"),
    // Around the clock, 6 h to respond whatever the priority: the work order's SLA says the contract was used.
    QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                   "('k1', 'c1', 'Acme 24x7', '2026-01-01', '2026-12-31', 6, '24x7')"),
    QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.5, -46.6)"),
};

const QByteArray kTemperatureRule = R"({"id":"r-temp","name":"Chiller warm","asset_model":"CH-200","kind":"threshold",
  "reading_kind":"temperature","comparison":"above","threshold":8,"sustain_minutes":30,"task":"Check the chiller",
  "required_skills":"hvac","duration_min":45,"priority":2})";

// One reading a minute of `asset`'s temperature from `from` for `count` minutes, all `value`.
QString readings(const QString &asset, const QDateTime &from, int count, double value, const QString &kind = QStringLiteral("temperature"),
                 const QString &unit = QStringLiteral("°C"))
{
    QStringList rows;
    for (int i = 0; i < count; ++i)
        rows << QStringLiteral("('%1', '%2', '%3', %4, '%5')").arg(asset, from.addSecs(60LL * i).toString(Qt::ISODate), kind).arg(value).arg(unit);
    return QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) VALUES ") + rows.join(QStringLiteral(", "));
}

QDateTime utc(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC(); }

QVariant value(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

QString instant(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    if (!v || v->isNull())
        return {};
    const QDateTime t = v->metaType().id() == QMetaType::QDateTime ? v->toDateTime() : QDateTime::fromString(v->toString(), Qt::ISODate);
    return t.toUTC().toString(Qt::ISODate);
}

QStringList evidenceTimes(const QJsonValue &change)
{
    QStringList out;
    for (const QJsonValue &e : change[QLatin1String("evidence")].toArray())
        out << e[QLatin1String("at")].toString().mid(11, 5);
    return out;
}

} // namespace

class TestEvaluateConditionsCli : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        return exec(kFixture);
    }

    bool exec(const QStringList &statements)
    {
        for (const QString &sql : statements) {
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << sql.left(200) << s.error().message;
                return false;
            }
        }
        return true;
    }

    QJsonObject evaluate(const QString &at, const QStringList &extra = {})
    {
        const CliRun r = runCli(m_url, QStringList{QStringLiteral("evaluate-conditions"), QStringLiteral("--json"), QStringLiteral("--at"), at} + extra);
        if (r.exitCode != 0 || !r.err.isEmpty())
            qWarning() << "evaluate-conditions exited" << r.exitCode << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    int count(const QString &table) { return value(*m_db, QStringLiteral("SELECT count(*) FROM %1").arg(table)).toInt(); }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void createRefusesFieldByField_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const QByteArray task = R"("reading_kind":"temperature","task":"Check")";
        const struct {
            const char *name;
            QByteArray json;
            const char *error;
        } cases[] = {
            {"unknown asset", R"({"asset_id":"nope","kind":"usage","usage_interval":500,"reading_kind":"runtime_hours","task":"Service"})",
             "error: asset_id: no asset nope"},
            {"unknown model", R"({"asset_model":"ZZ-9","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":30,)" + task + "}",
             "error: asset_model: no asset has the model ZZ-9"},
            {"both scopes", R"({"asset_id":"a1","asset_model":"CH-200","kind":"threshold",)" + task + "}",
             "error: asset_id: give asset_id or asset_model, not both"},
            {"bad kind", R"({"asset_id":"a1","kind":"level",)" + task + "}",
             "error: kind: \"level\" is not threshold, rate, usage or anomaly"},
            {"threshold missing", R"({"asset_id":"a1","kind":"threshold","comparison":"above","sustain_minutes":30,)" + task + "}",
             "error: threshold: is required for a threshold rule"},
            {"parameter of another kind", R"({"asset_id":"a1","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":30,"band_sd":3,)" + task + "}",
             "error: band_sd: is no parameter of a threshold rule"},
            {"priority 5", R"({"asset_id":"a1","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":30,"priority":5,)" + task + "}",
             "error: priority: must be from 1 to 4"},
            {"priority 0", R"({"asset_id":"a1","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":30,"priority":0,)" + task + "}",
             "error: priority: must be from 1 to 4"},
            {"unknown skill", R"({"asset_id":"a1","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":30,"required_skills":"hvac;plumbing",)" + task + "}",
             "error: required_skills: unknown skill plumbing"},
            {"sustain 0", R"({"asset_id":"a1","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":0,)" + task + "}",
             "error: sustain_minutes: must be from 1 to 1440"},
            {"usage of temperature", R"({"asset_id":"a1","kind":"usage","usage_interval":500,)" + task + "}",
             "error: reading_kind: a usage rule counts runtime_hours or cycles"},
            {"anomaly of two weeks", R"({"asset_id":"a1","kind":"anomaly","band_sd":3,"sustain_minutes":30,"baseline_weeks":2,)" + task + "}",
             "error: baseline_weeks: must be from 3 to 52"},
            {"bad type", R"({"asset_id":"a1","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":30,"work_order_type":"proactive",)" + task + "}",
             "error: work_order_type: must be one of install, corrective, preventive, inspection"},
            {"unknown key", R"({"asset_id":"a1","kind":"threshold","comparison":"above","threshold":8,"sustain_minutes":30,"treshold":9,)" + task + "}",
             "error: treshold: unknown key"},
        };
        for (const char *backend : {"sqlite", "postgres"})
            for (const auto &c : cases)
                QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(backend), QLatin1String(c.name))))
                    << QString::fromLatin1(backend) << c.json << QString::fromLatin1(c.error);
    }
    void createRefusesFieldByField()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")}, json);
        QCOMPARE(r.err.trimmed(), error);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(count(QStringLiteral("condition_rules")), 0);
        QCOMPARE(count(QStringLiteral("condition_rule_skills")), 0);
    }

    void createAndList_data() { test::addBackendRows(); }
    void createAndList()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        CliRun r = runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")}, kTemperatureRule);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("r-temp\n"));
        // Without an id: the next CR- number.
        r = runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")},
                   R"({"asset_id":"a3","kind":"usage","reading_kind":"runtime_hours","usage_interval":500,"task":"Service the generator","work_order_type":"preventive"})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("CR-000001\n"));
        r = runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(),
                 QStringLiteral(
                     "[{\"id\":\"CR-000001\",\"name\":\"\",\"asset_id\":\"a3\",\"asset_model\":null,\"kind\":\"usage\",\"reading_kind\":\"runtime_hours\","
                     "\"comparison\":null,\"threshold\":null,\"sustain_minutes\":null,\"rate_per_hour\":null,\"window_minutes\":null,\"usage_interval\":500,"
                     "\"band_sd\":null,\"baseline_weeks\":null,\"task\":\"Service the generator\",\"work_order_type\":\"preventive\",\"required_skills\":[],"
                     "\"duration_min\":60,\"priority\":3,\"active\":true,\"version\":1},"
                     "{\"id\":\"r-temp\",\"name\":\"Chiller warm\",\"asset_id\":null,\"asset_model\":\"CH-200\",\"kind\":\"threshold\",\"reading_kind\":\"temperature\","
                     "\"comparison\":\"above\",\"threshold\":8,\"sustain_minutes\":30,\"rate_per_hour\":null,\"window_minutes\":null,\"usage_interval\":null,"
                     "\"band_sd\":null,\"baseline_weeks\":null,\"task\":\"Check the chiller\",\"work_order_type\":\"inspection\",\"required_skills\":[\"hvac\"],"
                     "\"duration_min\":45,\"priority\":2,\"active\":true,\"version\":1}]"));
        // The rule's insert is in the change log and the audit log.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'condition_rules' AND entity_id = 'r-temp'")).toInt(), 1);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'condition_rules' AND entity_id = 'r-temp'")).toInt(), 1);
    }

    void episodesOpenContinueClearAndOpenAgain_data() { test::addBackendRows(); }
    void episodesOpenContinueClearAndOpenAgain()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")}, kTemperatureRule).exitCode, 0);
        // a1 at 9 °C from 12:00 to 13:00 (61 readings); a2 at 5 °C.
        QVERIFY(exec({readings(QStringLiteral("a1"), utc("2026-03-02T12:00:00Z"), 61, 9), readings(QStringLiteral("a2"), utc("2026-03-02T12:00:00Z"), 61, 5)}));

        QJsonObject json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(json[QLatin1String("evaluated_rules")].toInt(), 1);
        QCOMPARE(json[QLatin1String("assets")].toInt(), 2);
        QCOMPARE(json[QLatin1String("dry_run")].toBool(), false);
        QJsonArray opened = json[QLatin1String("opened")].toArray();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0][QLatin1String("rule_id")].toString(), QStringLiteral("r-temp"));
        QCOMPARE(opened[0][QLatin1String("asset_id")].toString(), QStringLiteral("a1"));
        QCOMPARE(opened[0][QLatin1String("work_order_id")].toString(), QStringLiteral("WO-000001"));
        // Dated from the first reading of the run over the whole look-back, not the 30 min window.
        QCOMPARE(opened[0][QLatin1String("started_at")].toString(), QStringLiteral("2026-03-02T12:00:00Z"));
        QCOMPARE(evidenceTimes(opened[0]), (QStringList{"12:00", "12:01", "12:02", "12:03", "12:04", "12:56", "12:57", "12:58", "12:59", "13:00"}));
        QCOMPARE(opened[0][QLatin1String("evidence")][0][QLatin1String("value")].toDouble(), 9.0);
        QCOMPARE(json[QLatin1String("continued")].toArray().size(), 0);
        QCOMPARE(json[QLatin1String("cleared")].toArray().size(), 0);

        // The work order as the intake opens one: the rule's task, type, priority, skills and
        // duration; the contract found for the site; response and SLA 6 h after 13:00.
        const QString wo = QStringLiteral(" FROM work_orders WHERE id = 'WO-000001'");
        QCOMPARE(value(*m_db, QStringLiteral("SELECT summary") + wo).toString(), QStringLiteral("Check the chiller"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT type") + wo).toString(), QStringLiteral("inspection"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT priority") + wo).toInt(), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT duration_min") + wo).toInt(), 45);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT site_id") + wo).toString(), QStringLiteral("s1"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT asset_id") + wo).toString(), QStringLiteral("a1"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT contract_id") + wo).toString(), QStringLiteral("k1"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status") + wo).toString(), QStringLiteral("open"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT created_at") + wo), QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due") + wo), QStringLiteral("2026-03-02T19:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT response_due") + wo), QStringLiteral("2026-03-02T19:00:00Z"));
        const QString description = value(*m_db, QStringLiteral("SELECT description") + wo).toString();
        QVERIFY2(description.startsWith(QStringLiteral("Opened by condition rule r-temp (Chiller warm): temperature above 8 for 30 min.")), qPrintable(description));
        QVERIFY2(description.contains(QStringLiteral("9 at 2026-03-02T12:00:00Z; 9 at 2026-03-02T12:01:00Z")), qPrintable(description));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = 'WO-000001'")).toString(), QStringLiteral("hvac"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'work_orders' AND entity_id = 'WO-000001' AND op = 'insert'")).toInt(), 1);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND entity_id = 'WO-000001' AND op = 'insert'")).toInt(), 1);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT work_order_id FROM condition_episodes WHERE rule_id = 'r-temp' AND asset_id = 'a1'")).toString(),
                 QStringLiteral("WO-000001"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT started_at FROM condition_episodes")), QStringLiteral("2026-03-02T12:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT last_seen_at FROM condition_episodes")), QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes WHERE cleared_at IS NULL")).toInt(), 1);

        // Again, and again as a restarted cron would: nothing new, the episode continues.
        for (int run = 0; run < 2; ++run) {
            json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
            QCOMPARE(json[QLatin1String("opened")].toArray().size(), 0);
            const QJsonArray continued = json[QLatin1String("continued")].toArray();
            QCOMPARE(continued.size(), 1);
            QCOMPARE(continued[0][QLatin1String("work_order_id")].toString(), QStringLiteral("WO-000001"));
            QCOMPARE(continued[0][QLatin1String("started_at")].toString(), QStringLiteral("2026-03-02T12:00:00Z"));
        }
        QCOMPARE(count(QStringLiteral("work_orders")), 1);
        QCOMPARE(count(QStringLiteral("condition_episodes")), 1);

        // Back to 7 °C from 13:01: cleared as of 13:05.
        QVERIFY(exec({readings(QStringLiteral("a1"), utc("2026-03-02T13:01:00Z"), 5, 7)}));
        json = evaluate(QStringLiteral("2026-03-02T13:05:00Z"));
        QCOMPARE(json[QLatin1String("opened")].toArray().size(), 0);
        QCOMPARE(json[QLatin1String("continued")].toArray().size(), 0);
        const QJsonArray cleared = json[QLatin1String("cleared")].toArray();
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(cleared[0][QLatin1String("work_order_id")].toString(), QStringLiteral("WO-000001"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT cleared_at FROM condition_episodes")), QStringLiteral("2026-03-02T13:05:00Z"));
        QCOMPARE(evaluate(QStringLiteral("2026-03-02T13:05:00Z"))[QLatin1String("cleared")].toArray().size(), 0);

        // 9.5 °C from 13:06: pending as of 13:30 (the run began inside the window), a second
        // episode with its own work order as of 13:36.
        QVERIFY(exec({readings(QStringLiteral("a1"), utc("2026-03-02T13:06:00Z"), 31, 9.5)}));
        json = evaluate(QStringLiteral("2026-03-02T13:30:00Z"));
        QCOMPARE(json[QLatin1String("opened")].toArray().size(), 0);
        json = evaluate(QStringLiteral("2026-03-02T13:36:00Z"));
        opened = json[QLatin1String("opened")].toArray();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0][QLatin1String("work_order_id")].toString(), QStringLiteral("WO-000002"));
        QCOMPARE(opened[0][QLatin1String("started_at")].toString(), QStringLiteral("2026-03-02T13:06:00Z"));
        QCOMPARE(count(QStringLiteral("work_orders")), 2);
        QCOMPARE(count(QStringLiteral("condition_episodes")), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes WHERE cleared_at IS NULL")).toInt(), 1);
    }

    void usageCountsFromTheLastPreventiveVisit_data() { test::addBackendRows(); }
    void usageCountsFromTheLastPreventiveVisit()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")},
                        R"({"id":"r-run","asset_id":"a3","kind":"usage","reading_kind":"runtime_hours","usage_interval":500,"task":"Service the generator","work_order_type":"preventive"})")
                     .exitCode,
                 0);
        // 1000 h on 03-01, 1300 h at 06:00, 1499 h at 10:00, 1520 h at 12:00: 500 h reached at 12:00.
        QVERIFY(exec({QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) VALUES "
                                     "('a3', '2026-03-01T00:00:00Z', 'runtime_hours', 1000, 'h'), ('a3', '2026-03-02T06:00:00Z', 'runtime_hours', 1300, 'h'), "
                                     "('a3', '2026-03-02T10:00:00Z', 'runtime_hours', 1499, 'h'), ('a3', '2026-03-02T12:00:00Z', 'runtime_hours', 1520, 'h')")}));
        QJsonObject json = evaluate(QStringLiteral("2026-03-02T11:00:00Z"), {QStringLiteral("--dry-run")});
        QCOMPARE(json[QLatin1String("opened")].toArray().size(), 0); // 499 h used
        json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        const QJsonArray opened = json[QLatin1String("opened")].toArray();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened[0][QLatin1String("started_at")].toString(), QStringLiteral("2026-03-02T12:00:00Z"));
        QCOMPARE(evidenceTimes(opened[0]), (QStringList{"00:00", "12:00"}));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT type FROM work_orders WHERE id = 'WO-000001'")).toString(), QStringLiteral("preventive"));
        // A preventive visit completed at 07:00: the base is 1300 h (06:00), 220 h used: clear.
        QVERIFY(exec({QStringLiteral("INSERT INTO work_orders(id, site_id, asset_id, type, duration_min, created_at, status) VALUES "
                                     "('pm-1', 's1', 'a3', 'preventive', 60, '2026-03-01T00:00:00Z', 'done')"),
                      QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, completed_at) VALUES "
                                     "('ap-1', 'pm-1', 't1', '2026-03-02T06:00:00Z', '2026-03-02T07:00:00Z', 'completed', '2026-03-02T07:00:00Z')")}));
        json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(json[QLatin1String("cleared")].toArray().size(), 1);
        QCOMPARE(json[QLatin1String("continued")].toArray().size(), 0);
    }

    void dryRunWritesNothing_data() { test::addBackendRows(); }
    void dryRunWritesNothing()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")}, kTemperatureRule).exitCode, 0);
        QVERIFY(exec({readings(QStringLiteral("a1"), utc("2026-03-02T12:00:00Z"), 61, 9)}));
        const QString before = test::dumpDatabase(*m_db);
        const int changes = count(QStringLiteral("change_log"));
        const QJsonObject json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"), {QStringLiteral("--dry-run")});
        QCOMPARE(json[QLatin1String("dry_run")].toBool(), true);
        const QJsonArray opened = json[QLatin1String("opened")].toArray();
        QCOMPARE(opened.size(), 1);
        QVERIFY(opened[0][QLatin1String("work_order_id")].isNull());
        QCOMPARE(opened[0][QLatin1String("started_at")].toString(), QStringLiteral("2026-03-02T12:00:00Z"));
        QCOMPARE(count(QStringLiteral("work_orders")), 0);
        QCOMPARE(count(QStringLiteral("condition_episodes")), 0);
        QCOMPARE(count(QStringLiteral("change_log")), changes);
        QCOMPARE(test::dumpDatabase(*m_db), before);
        // The text form says so too.
        const CliRun text = runCli(m_url, {QStringLiteral("evaluate-conditions"), QStringLiteral("--dry-run"), QStringLiteral("--at"),
                                           QStringLiteral("2026-03-02T13:00:00Z")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(text.out.trimmed().split(QLatin1Char('\n')).last(),
                 QStringLiteral("rules: 1, assets: 2; opened 1, continued 0, cleared 0 (dry run: nothing written)"));
    }

    void invalidOptionsExit2_data() { test::addBackendRows(); }
    void invalidOptionsExit2()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")}, kTemperatureRule).exitCode, 0);
        QVERIFY(exec({readings(QStringLiteral("a1"), utc("2026-03-02T12:00:00Z"), 61, 9)}));
        CliRun r = runCli(m_url, {QStringLiteral("evaluate-conditions"), QStringLiteral("--at"), QStringLiteral("2026-03-02 13:00")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), QStringLiteral("error: --at: \"2026-03-02 13:00\" is not an ISO 8601 time with an offset or Z"));
        r = runCli(m_url, {QStringLiteral("evaluate-conditions"), QStringLiteral("now")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QCOMPARE(count(QStringLiteral("work_orders")), 0);
        QCOMPARE(count(QStringLiteral("condition_episodes")), 0);
    }

    // A session holding the evaluation's lock (as a console in the middle of one would):
    // the CLI names it, writes nothing and exits 0; once it commits, the CLI evaluates.
    void heldLockIsReportedAndNothingWritten()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        QCOMPARE(runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")}, kTemperatureRule).exitCode, 0);
        QVERIFY(exec({readings(QStringLiteral("a1"), utc("2026-03-02T12:00:00Z"), 61, 9)}));
        auto holder = test::openUrl(m_url);
        QVERIFY(holder);
        const QString pid = value(*holder, QStringLiteral("SELECT pg_backend_pid()")).toString();
        {
            Transaction tx(*holder);
            QVERIFY(tx.status().ok());
            QCOMPARE(value(*holder, QStringLiteral("SELECT pg_try_advisory_xact_lock(17999, 12)")).toBool(), true);
            const QJsonObject json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
            QVERIFY2(json[QLatin1String("locked_by")].toString().startsWith(QStringLiteral("pid %1").arg(pid)),
                     qPrintable(json[QLatin1String("locked_by")].toString()));
            QCOMPARE(json[QLatin1String("opened")].toArray().size(), 0);
            const CliRun text = runCli(m_url, {QStringLiteral("evaluate-conditions"), QStringLiteral("--at"), QStringLiteral("2026-03-02T13:00:00Z")});
            QCOMPARE(text.exitCode, 0);
            QVERIFY2(text.out.startsWith(QStringLiteral("Another evaluation is running (pid %1").arg(pid)), qPrintable(text.out));
            QCOMPARE(count(QStringLiteral("work_orders")), 0);
            QCOMPARE(count(QStringLiteral("condition_episodes")), 0);
            QVERIFY(tx.commit().ok());
        }
        const QJsonObject json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        QVERIFY(json[QLatin1String("locked_by")].isNull());
        QCOMPARE(json[QLatin1String("opened")].toArray().size(), 1);
    }

    // Two evaluations started at once on PostgreSQL: the advisory lock lets one evaluate;
    // the other either finds the lock taken (and says whose) or runs after it and finds
    // the episode open. Either way one episode, one work order.
    void concurrentEvaluationsOpenOnce()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        QCOMPARE(runCli(m_url, {QStringLiteral("condition-rule"), QStringLiteral("create")}, kTemperatureRule).exitCode, 0);
        QVERIFY(exec({readings(QStringLiteral("a1"), utc("2026-03-02T12:00:00Z"), 61, 9)}));
        for (int round = 0; round < 3; ++round) {
            QProcess a, b;
            for (QProcess *p : {&a, &b}) {
                p->setProgram(qEnvironmentVariable("FIELDOPS_CLI"));
                p->setArguments({QStringLiteral("--db"), m_url, QStringLiteral("evaluate-conditions"), QStringLiteral("--json"), QStringLiteral("--at"),
                                 QStringLiteral("2026-03-02T13:00:00Z")});
            }
            a.start();
            b.start();
            QVERIFY(a.waitForFinished(60000));
            QVERIFY(b.waitForFinished(60000));
            QCOMPARE(a.exitCode(), 0);
            QCOMPARE(b.exitCode(), 0);
            int opened = 0, locked = 0;
            for (QProcess *p : {&a, &b}) {
                const QJsonObject json = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
                opened += int(json[QLatin1String("opened")].toArray().size());
                if (!json[QLatin1String("locked_by")].isNull()) {
                    ++locked;
                    QVERIFY2(json[QLatin1String("locked_by")].toString().startsWith(QStringLiteral("pid ")), qPrintable(json[QLatin1String("locked_by")].toString()));
                }
            }
            QCOMPARE(opened, round == 0 ? 1 : 0);
            QVERIFY(locked <= 1);
            QCOMPARE(count(QStringLiteral("work_orders")), 1);
            QCOMPARE(count(QStringLiteral("condition_episodes")), 1);
        }
    }
};

QTEST_GUILESS_MAIN(TestEvaluateConditionsCli)
#include "tst_evaluate_conditions_cli.moc"
