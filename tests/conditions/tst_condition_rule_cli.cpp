// `fieldops-cli condition-rule update|deactivate|activate`, the real binary on both
// backends: update replaces the keys given and keeps the others (from standard input or a
// file; a new kind drops the old kind's parameters), refuses a bad value, a changed id, an
// unknown rule and a stale version in one line with exit 2 and writes nothing; deactivate
// stops the rule's evaluation and leaves its open episode open, activate resumes it; an
// edited rule's episode keeps its evidence and is judged by the new terms.
#include "CliRunner.h"
#include "TestDatabases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

const QStringList kFixture{
    QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('elec', 'Electrical')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo')"),
    QStringLiteral("INSERT INTO assets(id, site_id, model) VALUES ('a1', 's1', 'CH-200'), ('a2', 's1', 'CH-200'), ('a3', 's1', 'GEN-5')"),
    QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                   "('k1', 'c1', 'Acme 24x7', '2026-01-01', '2026-12-31', 6, '24x7')"),
};

const QByteArray kTemperatureRule = R"({"id":"r-temp","name":"Chiller warm","asset_model":"CH-200","kind":"threshold",
  "reading_kind":"temperature","comparison":"above","threshold":8,"sustain_minutes":30,"task":"Check the chiller",
  "required_skills":"hvac","duration_min":45,"priority":2})";

QString readings(const QString &asset, const QDateTime &from, int count, double value)
{
    QStringList rows;
    for (int i = 0; i < count; ++i)
        rows << QStringLiteral("('%1', '%2', 'temperature', %3, '°C')").arg(asset, from.addSecs(60LL * i).toString(Qt::ISODate)).arg(value);
    return QStringLiteral("INSERT INTO asset_readings(asset_id, at, kind, value, unit) VALUES ") + rows.join(QStringLiteral(", "));
}

QDateTime utc(const char *iso) { return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC(); }

QVariant value(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

} // namespace

class TestConditionRuleCli : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        for (const QString &sql : kFixture)
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << sql.left(200) << s.error().message;
                return false;
            }
        return true;
    }

    CliRun rule(const QStringList &args, const QByteArray &input = {})
    {
        return runCli(m_url, QStringList{QStringLiteral("condition-rule")} + args, input);
    }

    // The stored rule as `condition-rule list --json` prints it.
    QJsonObject stored(const QString &id)
    {
        const CliRun r = rule({QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array())
            if (v[QLatin1String("id")].toString() == id)
                return v.toObject();
        return {};
    }

    QJsonObject evaluate(const QString &at)
    {
        const CliRun r = runCli(m_url, {QStringLiteral("evaluate-conditions"), QStringLiteral("--json"), QStringLiteral("--at"), at});
        if (r.exitCode != 0 || !r.err.isEmpty())
            qWarning() << "evaluate-conditions exited" << r.exitCode << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void updateReplacesTheKeysGiven_data() { test::addBackendRows(); }
    void updateReplacesTheKeysGiven()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(rule({QStringLiteral("create")}, kTemperatureRule).exitCode, 0);

        CliRun r = rule({QStringLiteral("update"), QStringLiteral("r-temp")}, R"({"threshold":10,"task":"Check the chiller now"})");
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("r-temp updated (version 2)\n"));
        QJsonObject o = stored(QStringLiteral("r-temp"));
        QCOMPARE(o[QLatin1String("threshold")].toDouble(), 10.0);
        QCOMPARE(o[QLatin1String("task")].toString(), QStringLiteral("Check the chiller now"));
        // Kept: the name, scope, the other parameters, skills, duration, priority.
        QCOMPARE(o[QLatin1String("name")].toString(), QStringLiteral("Chiller warm"));
        QCOMPARE(o[QLatin1String("asset_model")].toString(), QStringLiteral("CH-200"));
        QCOMPARE(o[QLatin1String("sustain_minutes")].toInt(), 30);
        QCOMPARE(o[QLatin1String("required_skills")].toArray(), QJsonArray{QStringLiteral("hvac")});
        QCOMPARE(o[QLatin1String("duration_min")].toInt(), 45);
        QCOMPARE(o[QLatin1String("priority")].toInt(), 2);
        QCOMPARE(o[QLatin1String("version")].toInt(), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'condition_rules' AND entity_id = 'r-temp' AND op = 'update'")).toInt(), 1);

        // Another kind: the threshold's own parameters go, the comparison stays; --json prints the rule.
        r = rule({QStringLiteral("update"), QStringLiteral("r-temp"), QStringLiteral("--json")}, R"({"kind":"rate","rate_per_hour":2,"window_minutes":60})");
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object(), stored(QStringLiteral("r-temp")));
        o = stored(QStringLiteral("r-temp"));
        QCOMPARE(o[QLatin1String("kind")].toString(), QStringLiteral("rate"));
        QVERIFY(o[QLatin1String("threshold")].isNull());
        QVERIFY(o[QLatin1String("sustain_minutes")].isNull());
        QCOMPARE(o[QLatin1String("comparison")].toString(), QStringLiteral("above"));
        QCOMPARE(o[QLatin1String("rate_per_hour")].toDouble(), 2.0);
        QCOMPARE(o[QLatin1String("version")].toInt(), 3);

        // From a file, with the version read: skills replaced, the scope moved to one asset.
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("patch.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({"required_skills":["elec","hvac"],"asset_id":"a1","version":3})");
        f.close();
        r = rule({QStringLiteral("update"), QStringLiteral("r-temp"), f.fileName()});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        o = stored(QStringLiteral("r-temp"));
        QCOMPARE(o[QLatin1String("required_skills")].toArray(), (QJsonArray{QStringLiteral("elec"), QStringLiteral("hvac")}));
        QCOMPARE(o[QLatin1String("asset_id")].toString(), QStringLiteral("a1"));
        QVERIFY(o[QLatin1String("asset_model")].isNull());
        QCOMPARE(o[QLatin1String("version")].toInt(), 4);
    }

    void updateRefusesAndWritesNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        const struct {
            const char *name;
            QStringList args;
            QByteArray json;
            const char *error;
        } cases[] = {
            {"priority 9", {}, R"({"priority":9})", "error: priority: must be from 1 to 4"},
            {"id changed", {}, R"({"id":"r-other"})", "error: id: a rule's id cannot change (r-temp)"},
            {"unknown model", {}, R"({"asset_model":"ZZ-9"})", "error: asset_model: no asset has the model ZZ-9"},
            {"foreign parameter", {}, R"({"band_sd":3})", "error: band_sd: is no parameter of a threshold rule"},
            {"kind without its parameters", {}, R"({"kind":"rate"})", "error: rate_per_hour: is required for a rate rule"},
            {"required cleared", {}, R"({"task":null})", "error: task: is required: the work order's summary"},
            {"unknown key", {}, R"({"treshold":9})", "error: treshold: unknown key"},
            {"stale --version", {QStringLiteral("--version"), QStringLiteral("1")}, R"({"threshold":9})",
             "error: rule r-temp was changed by someone else meanwhile (version 2, not 1); read it again"},
            {"stale version key", {}, R"({"threshold":9,"version":1})",
             "error: rule r-temp was changed by someone else meanwhile (version 2, not 1); read it again"},
            {"versions disagree", {QStringLiteral("--version"), QStringLiteral("2")}, R"({"threshold":9,"version":1})",
             "error: version: 1 differs from --version 2"},
            {"unknown rule", {QStringLiteral("nope")}, R"({"threshold":9})", "error: no condition rule nope"},
            {"not an object", {}, R"([1])", nullptr},
        };
        for (const char *backend : {"sqlite", "postgres"})
            for (const auto &c : cases)
                QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(backend), QLatin1String(c.name))))
                    << QString::fromLatin1(backend) << c.args << c.json << (c.error ? QString::fromUtf8(c.error) : QString());
    }
    void updateRefusesAndWritesNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, args);
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(rule({QStringLiteral("create")}, kTemperatureRule).exitCode, 0);
        QCOMPARE(rule({QStringLiteral("deactivate"), QStringLiteral("r-temp")}).exitCode, 0); // version 2, inactive
        const QJsonObject before = stored(QStringLiteral("r-temp"));
        QCOMPARE(before[QLatin1String("version")].toInt(), 2);
        const QString id = !args.isEmpty() && !args.front().startsWith(QLatin1String("--")) ? args.takeFirst() : QStringLiteral("r-temp");
        const CliRun r = rule(QStringList{QStringLiteral("update"), id} + args, json);
        if (error.isEmpty())
            QVERIFY2(r.err.startsWith(QLatin1String("error: ")) && !r.err.trimmed().contains(QLatin1Char('\n')), qPrintable(r.err));
        else
            QCOMPARE(r.err.trimmed(), error);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(stored(QStringLiteral("r-temp")), before);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM condition_rule_skills WHERE rule_id = 'r-temp'")).toInt(), 1);
    }

    void deactivateStopsEvaluationAndEditsJudgeOpenEpisodes_data() { test::addBackendRows(); }
    void deactivateStopsEvaluationAndEditsJudgeOpenEpisodes()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(rule({QStringLiteral("create")}, kTemperatureRule).exitCode, 0);
        // a1 at 9 °C from 12:00 to 13:00: breached at 13:00.
        QVERIFY(m_db->execDirect(readings(QStringLiteral("a1"), utc("2026-03-02T12:00:00Z"), 61, 9)).ok());
        QJsonObject json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(json[QLatin1String("opened")].toArray().size(), 1);
        const QString evidence = value(*m_db, QStringLiteral("SELECT evidence FROM condition_episodes")).toString();
        QVERIFY(!evidence.isEmpty());

        CliRun r = rule({QStringLiteral("deactivate"), QStringLiteral("r-temp")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("r-temp deactivated (version 2); its open episodes stay open\n"));
        QCOMPARE(stored(QStringLiteral("r-temp"))[QLatin1String("active")].toBool(), false);
        // a2 breaches too now; an inactive rule is not evaluated: nothing opens, continues or clears.
        QVERIFY(m_db->execDirect(readings(QStringLiteral("a2"), utc("2026-03-02T12:00:00Z"), 61, 9)).ok());
        json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(json[QLatin1String("evaluated_rules")].toInt(), 0);
        QCOMPARE(json[QLatin1String("opened")].toArray().size(), 0);
        QCOMPARE(json[QLatin1String("continued")].toArray().size(), 0);
        QCOMPARE(json[QLatin1String("cleared")].toArray().size(), 0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes WHERE cleared_at IS NULL")).toInt(), 1);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_orders")).toInt(), 1);

        // Stale, and unknown: refused in one line, exit 2.
        r = rule({QStringLiteral("activate"), QStringLiteral("r-temp"), QStringLiteral("--version"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), QStringLiteral("error: rule r-temp was changed by someone else meanwhile (version 2, not 1); read it again"));
        QCOMPARE(stored(QStringLiteral("r-temp"))[QLatin1String("active")].toBool(), false);
        r = rule({QStringLiteral("deactivate"), QStringLiteral("nope")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), QStringLiteral("error: no condition rule nope"));

        r = rule({QStringLiteral("activate"), QStringLiteral("r-temp"), QStringLiteral("--version"), QStringLiteral("2")});
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("r-temp activated (version 3)\n"));
        json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(json[QLatin1String("evaluated_rules")].toInt(), 1);
        QCOMPARE(json[QLatin1String("continued")].toArray().size(), 1);
        QCOMPARE(json[QLatin1String("continued")][0][QLatin1String("asset_id")].toString(), QStringLiteral("a1"));
        QCOMPARE(json[QLatin1String("opened")].toArray().size(), 1);
        QCOMPARE(json[QLatin1String("opened")][0][QLatin1String("asset_id")].toString(), QStringLiteral("a2"));

        // Edited to a limit the readings stay under: the open episodes keep their evidence and
        // work orders, and the next evaluation clears them by the new terms.
        QCOMPARE(rule({QStringLiteral("update"), QStringLiteral("r-temp")}, R"({"threshold":10})").exitCode, 0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT evidence FROM condition_episodes WHERE asset_id = 'a1'")).toString(), evidence);
        json = evaluate(QStringLiteral("2026-03-02T13:00:00Z"));
        QCOMPARE(json[QLatin1String("cleared")].toArray().size(), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM condition_episodes WHERE cleared_at IS NULL")).toInt(), 0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_orders")).toInt(), 2);
    }
};

QTEST_MAIN(TestConditionRuleCli)
#include "tst_condition_rule_cli.moc"
