// `fieldops-cli ingest` as the field gateway runs it: the real binary against real
// databases on both backends. Every kind of event lands in its table and in the change
// feed; a visit's outcome closes its work order and parts used leave the van's stock; each
// kind of bad line exits 2 with one `FILE:LINE: key: reason` line and leaves the database
// exactly as it was.
#include "../itemmodels/WorkOrderFixture.h"
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

QVariant value(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
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

// The tables an ingest may touch, counted: a refused batch must leave every one as it was.
const QStringList &touchedTables()
{
    static const QStringList t{QStringLiteral("positions"), QStringLiteral("appointments"), QStringLiteral("work_orders"),
                               QStringLiteral("time_entries"), QStringLiteral("parts_used"), QStringLiteral("stock"),
                               QStringLiteral("ratings"), QStringLiteral("asset_readings"), QStringLiteral("asset_reading_hours"),
                               QStringLiteral("work_order_parts"), QStringLiteral("work_order_skills"),
                               QStringLiteral("change_log"), QStringLiteral("audit_log")};
    return t;
}

QString counts(Database &db)
{
    QStringList out;
    for (const QString &t : touchedTables())
        out << t + QLatin1Char('=') + value(db, QStringLiteral("SELECT count(*) FROM %1").arg(t)).toString();
    return out.join(QLatin1Char(' '));
}

// A valid line to stand before a bad one, so the bad one is not the first.
const QByteArray kGoodPosition = R"({"kind":"position","technician_id":"t1","at":"2026-03-02T12:00:00Z","lat":-23.55,"lon":-46.63})";

} // namespace

class TestFieldIngest : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;
    QTemporaryDir m_dir;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        QString failed = test::insertWorkOrderFixture(*m_db);
        if (failed.isEmpty()) {
            // Filters in Bruno's van and the central warehouse; a second asset at Beta HQ.
            for (const char *sql : {"INSERT INTO parts(sku, name, unit_cost) VALUES ('F-100', 'Filter', 12.5), ('V-2', 'Valve', 40)",
                                    "INSERT INTO stock(sku, location, quantity) VALUES ('F-100', 'van:t2', 4), ('F-100', 'warehouse:central', 50), "
                                    "('V-2', 'van:t2', 1)",
                                    "INSERT INTO assets(id, site_id, serial, model) VALUES ('a2', 's2', 'SN-2', 'Panel')"}) {
                if (Status s = m_db->execDirect(QString::fromLatin1(sql)); !s)
                    failed = s.error().message;
            }
        }
        if (!failed.isEmpty()) {
            qWarning() << failed;
            return false;
        }
        return true;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return {};
        f.write(content);
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary");
        QVERIFY(m_dir.isValid());
    }

    void everyKindLandsInItsTable_data() { test::addBackendRows(); }
    void everyKindLandsInItsTable()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const qint64 changesBefore = value(*m_db, QStringLiteral("SELECT count(*) FROM change_log")).toLongLong();
        // Bruno's visit ap1 to w4 from the road to the signature, with a blank line and a
        // key the console does not know.
        const QString path = writeFile(QStringLiteral("events.jsonl"), R"({"kind":"position","technician_id":"t2","at":"2026-03-02T07:50:00-03:00","lat":-23.58,"lon":-46.66,"speed_kmh":38.5,"heading_deg":210,"accuracy_m":6,"battery":81}
{"kind":"status","appointment_id":"ap1","status":"en_route","at":"2026-03-02T10:40:00Z"}

{"kind":"status","appointment_id":"ap1","status":"on_site","at":"2026-03-02T11:05:00Z","lat":-23.6,"lon":-46.7}
{"kind":"part_used","appointment_id":"ap1","sku":"F-100","quantity":3}
{"kind":"part_used","appointment_id":"ap1","sku":"F-100","quantity":2,"from":"warehouse:central"}
{"kind":"reading","asset_id":"a2","at":"2026-03-02T11:10:00Z","reading":"temperature","value":21.5}
{"kind":"reading","asset_id":"a2","at":"2026-03-02T11:40:00Z","reading":"temperature","value":23.5,"unit":"°C","source":"probe"}
{"kind":"reading","asset_id":"a2","at":"2026-03-02T12:10:00Z","reading":"loop_current","value":12,"unit":"mA"}
{"kind":"time_entry","technician_id":"t2","work_order_id":"w4","start":"2026-03-02T11:05:00Z","end":"2026-03-02T12:20:00Z","billable":true,"activity":"work"}
{"kind":"outcome","appointment_id":"ap1","resolved":true,"notes":"Panel tested","signed_by":"R. Alves","departed_at":"2026-03-02T12:25:00Z","completed_at":"2026-03-02T12:20:00Z"}
{"kind":"rating","work_order_id":"w4","score":5,"comment":"Quick","rated_at":"2026-03-02T13:00:00Z"}
)");
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("ingested 11 events: 1 position, 2 status, 1 outcome, 1 time_entry, 2 part_used, 1 rating, 3 reading"));
        QCOMPARE(r.err.trimmed(), QStringLiteral("warning: %1:1: battery: unknown key, ignored").arg(path));

        // position (the offset taken away) and the on-site report's own position.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM positions WHERE technician_id = 't2'")).toInt(), 2);
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT at FROM positions WHERE accuracy_m = 6")), QStringLiteral("2026-03-02T10:50:00Z"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT speed_kmh FROM positions WHERE accuracy_m = 6")).toDouble(), 38.5);
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT at FROM positions WHERE accuracy_m IS NULL")), QStringLiteral("2026-03-02T11:05:00Z"));
        // status and outcome: the visit completed and resolved, the work order closed with its version bumped.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("completed"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT arrived_at FROM appointments WHERE id = 'ap1'")), QStringLiteral("2026-03-02T11:05:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT completed_at FROM appointments WHERE id = 'ap1'")), QStringLiteral("2026-03-02T12:20:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT departed_at FROM appointments WHERE id = 'ap1'")), QStringLiteral("2026-03-02T12:25:00Z"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT resolved FROM appointments WHERE id = 'ap1'")).toBool(), true);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT signed_by FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("R. Alves"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT outcome_notes FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("Panel tested"));
        QVERIFY(value(*m_db, QStringLiteral("SELECT outcome_reason FROM appointments WHERE id = 'ap1'")).isNull());
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("done"));
        // scheduled → in_progress (on site) → done: two bumps from version 1.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT version FROM work_orders WHERE id = 'w4'")).toInt(), 3);
        // part_used: from Bruno's van by default, and from the warehouse when named.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT quantity FROM stock WHERE sku = 'F-100' AND location = 'van:t2'")).toDouble(), 1.0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT quantity FROM stock WHERE sku = 'F-100' AND location = 'warehouse:central'")).toDouble(), 48.0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM parts_used WHERE appointment_id = 'ap1' AND sku = 'F-100'")).toInt(), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT sum(quantity) FROM parts_used WHERE location = 'van:t2'")).toDouble(), 3.0);
        // time_entry and rating.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM time_entries WHERE technician_id = 't2' AND work_order_id = 'w4' AND activity = 'work'")).toInt(), 1);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT score FROM ratings WHERE work_order_id = 'w4'")).toInt(), 5);
        // readings in their canonical unit, and their hourly sums.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM asset_readings WHERE asset_id = 'a2' AND kind = 'temperature' AND unit = '°C'")).toInt(), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT unit FROM asset_readings WHERE kind = 'loop_current'")).toString(), QStringLiteral("mA"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count FROM asset_reading_hours WHERE asset_id = 'a2' AND kind = 'temperature'")).toInt(), 2);
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT hour FROM asset_reading_hours WHERE asset_id = 'a2' AND kind = 'temperature'")), QStringLiteral("2026-03-02T11:00:00Z"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT min FROM asset_reading_hours WHERE kind = 'temperature'")).toDouble(), 21.5);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT max FROM asset_reading_hours WHERE kind = 'temperature'")).toDouble(), 23.5);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT sum FROM asset_reading_hours WHERE kind = 'temperature'")).toDouble(), 45.0);
        // The consoles hear of every table written.
        for (const char *table : {"positions", "appointments", "work_orders", "stock", "parts_used", "time_entries", "ratings",
                                  "asset_readings", "asset_reading_hours"}) {
            QVERIFY2(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = ? AND seq > ?"), {QString::fromLatin1(table), changesBefore}).toInt() > 0,
                     table);
        }

        // A second batch adds to the same hour's sums instead of replacing them.
        const CliRun more = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                   R"({"kind":"reading","asset_id":"a2","at":"2026-03-02T11:55:00Z","reading":"temperature","value":19})");
        QCOMPARE(more.exitCode, 0);
        QCOMPARE(more.out.trimmed(), QStringLiteral("ingested 1 event: 1 reading"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count FROM asset_reading_hours WHERE kind = 'temperature'")).toInt(), 3);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT min FROM asset_reading_hours WHERE kind = 'temperature'")).toDouble(), 19.0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT sum FROM asset_reading_hours WHERE kind = 'temperature'")).toDouble(), 64.0);
    }

    void unresolvedVisitReopensTheWorkOrder_data() { test::addBackendRows(); }
    void unresolvedVisitReopensTheWorkOrder()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-"), QStringLiteral("--json")},
                                R"({"kind":"status","appointment_id":"ap1","status":"on_site","at":"2026-03-02T11:05:00Z"}
{"kind":"outcome","appointment_id":"ap1","resolved":false,"reason":"customer_absent","notes":"Site closed","x":1}
)");
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("ingested")).toInt(), 2);
        const QJsonObject byKind = json.value(QLatin1String("by_kind")).toObject();
        QCOMPARE(byKind.size(), 9);
        QCOMPARE(byKind.value(QLatin1String("status")).toInt(), 1);
        QCOMPARE(byKind.value(QLatin1String("outcome")).toInt(), 1);
        QCOMPARE(byKind.value(QLatin1String("position")).toInt(), 0);
        QCOMPARE(json.value(QLatin1String("warnings")).toArray(), QJsonArray{QStringLiteral("-:2: x: unknown key, ignored")});
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("completed"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT outcome_reason FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("customer_absent"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT resolved FROM appointments WHERE id = 'ap1'")).toBool(), false);
        // Not closed: back in the queue for another visit (missing parts would open a
        // follow-up work order instead: tst_follow_up).
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w4'")).toInt(), 0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("open"));
        // With no completion time given the ingest's clock stands in for it.
        QVERIFY(!instant(*m_db, QStringLiteral("SELECT completed_at FROM appointments WHERE id = 'ap1'")).isEmpty());
    }

    void badLineChangesNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("lines"); // after the good first line and a blank second one
        QTest::addColumn<QString>("message");  // after "FILE:"
        const QList<QPair<const char *, QPair<QByteArray, QString>>> cases{
            {"bad json", {R"({"kind":"position",)", QStringLiteral("3: line is not a JSON object")}},
            {"not an object", {R"(["position"])", QStringLiteral("3: line is not a JSON object")}},
            {"no kind", {R"({"technician_id":"t1"})", QStringLiteral("3: kind: is required")}},
            {"unknown kind", {R"({"kind":"foo"})", QStringLiteral("3: kind: unknown kind \"foo\"")}},
            {"missing key", {R"({"kind":"position","technician_id":"t1","at":"2026-03-02T12:00:00Z","lat":1})", QStringLiteral("3: lon: is required")}},
            {"wrong type", {R"({"kind":"position","technician_id":"t1","at":"2026-03-02T12:00:00Z","lat":"-23.5","lon":1})",
                            QStringLiteral("3: lat: must be a number between -90 and 90")}},
            {"out of range", {R"({"kind":"position","technician_id":"t1","at":"2026-03-02T12:00:00Z","lat":-95,"lon":1})",
                              QStringLiteral("3: lat: must be a number between -90 and 90")}},
            {"time without offset", {R"({"kind":"position","technician_id":"t1","at":"2026-03-02T12:00:00","lat":1,"lon":1})",
                                     QStringLiteral("3: at: must be an ISO 8601 time with an offset or Z")}},
            {"unknown technician", {R"({"kind":"position","technician_id":"t9","at":"2026-03-02T12:00:00Z","lat":1,"lon":1})",
                                    QStringLiteral("3: technician_id: no technician t9")}},
            {"unknown appointment", {R"({"kind":"status","appointment_id":"a99","status":"on_site","at":"2026-03-02T12:00:00Z"})",
                                     QStringLiteral("3: appointment_id: no appointment a99")}},
            {"unknown status", {R"({"kind":"status","appointment_id":"ap1","status":"lunch","at":"2026-03-02T12:00:00Z"})",
                                QStringLiteral("3: status: must be one of en_route, on_site, completed, cancelled")}},
            {"cancelled appointment", {R"({"kind":"outcome","appointment_id":"ap4","resolved":true})",
                                       QStringLiteral("3: appointment_id: appointment ap4 is cancelled")}},
            {"resolved not a bool", {R"({"kind":"outcome","appointment_id":"ap1","resolved":"yes"})", QStringLiteral("3: resolved: must be true or false")}},
            {"end before start", {R"({"kind":"time_entry","technician_id":"t1","work_order_id":"w1","start":"2026-03-02T12:00:00Z","end":"2026-03-02T11:00:00Z"})",
                                  QStringLiteral("3: end: must be after start")}},
            {"unknown work order", {R"({"kind":"rating","work_order_id":"w99","score":4})", QStringLiteral("3: work_order_id: no work order w99")}},
            {"score out of range", {R"({"kind":"rating","work_order_id":"w1","score":6})", QStringLiteral("3: score: must be a whole number from 1 to 5")}},
            {"unknown sku", {R"({"kind":"part_used","appointment_id":"ap1","sku":"X-1","quantity":1})", QStringLiteral("3: sku: no part X-1")}},
            {"zero quantity", {R"({"kind":"part_used","appointment_id":"ap1","sku":"F-100","quantity":0})", QStringLiteral("3: quantity: must be a number greater than 0")}},
            {"stock would go negative", {R"({"kind":"part_used","appointment_id":"ap1","sku":"V-2","quantity":2})",
                                         QStringLiteral("3: quantity: 2 is more than the 1 of V-2 in stock at van:t2")}},
            {"no stock there", {R"({"kind":"part_used","appointment_id":"ap1","sku":"V-2","quantity":1,"from":"warehouse:central"})",
                                QStringLiteral("3: from: no stock of V-2 at warehouse:central")}},
            {"parts: unknown part", {R"({"kind":"outcome","appointment_id":"ap1","resolved":false,"reason":"needs_parts","parts":[{"sku":"X-1","quantity":1}]})",
                                     QStringLiteral("3: parts: no part X-1")}},
            {"parts: not a list", {R"({"kind":"outcome","appointment_id":"ap1","resolved":false,"reason":"needs_parts","parts":"F-100"})",
                                   QStringLiteral("3: parts: must be a list")}},
            {"unknown asset", {R"({"kind":"reading","asset_id":"a9","at":"2026-03-02T12:00:00Z","reading":"cycles","value":3})", QStringLiteral("3: asset_id: no asset a9")}},
            {"future reading", {R"({"kind":"reading","asset_id":"a1","at":"2099-01-01T00:00:00Z","reading":"cycles","value":3})",
                                QStringLiteral("3: at: 2099-01-01T00:00:00Z is in the future")}},
            {"unit mismatch", {R"({"kind":"reading","asset_id":"a1","at":"2026-03-02T12:00:00Z","reading":"temperature","value":40,"unit":"°F"})",
                               QStringLiteral("3: unit: temperature readings are in \"°C\", not \"°F\"")}},
            // The first loop_current reading of a1 sets its unit; line 4 contradicts it.
            {"free unit mismatch within the batch",
             {"{\"kind\":\"reading\",\"asset_id\":\"a1\",\"at\":\"2026-03-02T12:00:00Z\",\"reading\":\"loop_current\",\"value\":4,\"unit\":\"mA\"}\n"
              "{\"kind\":\"reading\",\"asset_id\":\"a1\",\"at\":\"2026-03-02T12:01:00Z\",\"reading\":\"loop_current\",\"value\":0.004,\"unit\":\"A\"}",
              QStringLiteral("4: unit: loop_current readings of asset a1 are in \"mA\", not \"A\"")}},
            // Written lines before the bad one are rolled back with it.
            {"after writes", {"{\"kind\":\"part_used\",\"appointment_id\":\"ap1\",\"sku\":\"F-100\",\"quantity\":1}\n{\"kind\":\"outcome\",\"appointment_id\":\"ap1\",\"resolved\":true}\n{\"kind\":\"bogus\"}",
                              QStringLiteral("5: kind: unknown kind \"bogus\"")}},
        };
        for (const char *backend : {"sqlite", "postgres"})
            for (const auto &c : cases)
                QTest::addRow("%s %s", backend, c.first) << QString::fromLatin1(backend) << c.second.first << c.second.second;
    }
    void badLineChangesNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, lines);
        QFETCH(QString, message);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const QString countsBefore = counts(*m_db);
        const QString path = writeFile(QStringLiteral("events.jsonl"), kGoodPosition + "\n\n" + lines + "\n");
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), path});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        const QStringList errLines = r.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(errLines.size(), 1);
        const QString expected = path + QLatin1Char(':') + message;
        QVERIFY2(errLines.front().startsWith(expected), qPrintable(errLines.front() + QStringLiteral("\nexpected: ") + expected));
        QCOMPARE(counts(*m_db), countsBefore);
        QCOMPARE(test::dumpDatabase(*m_db), before);
    }

    void standardInputIsNamedDash_data() { test::addBackendRows(); }
    void standardInputIsNamedDash()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun bad = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")}, "\n\n" + kGoodPosition + "\n{\"kind\":\"rating\"}\n");
        QCOMPARE(bad.exitCode, 2);
        QCOMPARE(bad.err.trimmed(), QStringLiteral("-:4: work_order_id: is required"));
        QCOMPARE(test::dumpDatabase(*m_db), before);

        // The last line needs no newline; CRLF line ends and a byte-order mark are read as well.
        const CliRun good = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")}, "\xEF\xBB\xBF" + kGoodPosition + "\r\n" + kGoodPosition);
        QCOMPARE(good.exitCode, 0);
        QCOMPARE(good.out.trimmed(), QStringLiteral("ingested 2 events: 2 position"));
        QCOMPARE(good.err, QString());
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM positions WHERE technician_id = 't1'")).toInt(), 2);

        const CliRun empty = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")}, "\n");
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.out.trimmed(), QStringLiteral("ingested 0 events"));
    }

    void missingFileIsInvalidInput()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), m_dir.filePath(QStringLiteral("none.jsonl"))});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ") + m_dir.filePath(QStringLiteral("none.jsonl")) + QStringLiteral(": cannot read")), qPrintable(r.err));
        const CliRun none = runCli(m_url, {QStringLiteral("ingest")});
        QCOMPARE(none.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestFieldIngest)
#include "tst_field_ingest.moc"
