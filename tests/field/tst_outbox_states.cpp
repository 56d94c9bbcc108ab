// The technicians' outbox as the phones' backend reports on it, through the real
// `fieldops-cli ingest` on both backends: `delivered` and `read` set the notice's times
// (with its version bumped and the change in the change feed), a read needs the delivery
// first (earlier or in the same batch), neither may be before the notice was written nor a
// read before the delivery, an unknown notice is refused, and a refused line rolls back the
// whole batch. `prune-outbox` removes only the notices read more than N days ago.
#include "../itemmodels/WorkOrderFixture.h"
#include "CliRunner.h"
#include "TestDatabases.h"
#include "util/TimeFormat.h"

#include <QJsonDocument>
#include <QJsonObject>
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

QString describe(const CliRun &r) { return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err); }

// Notice 1 and 2 for Bruno (t2) written at 10:00, neither delivered; notice 3 for Ana (t1)
// written at 10:00 and delivered at 10:10.
const char *const kNotices =
    "INSERT INTO technician_outbox(technician_id, kind, appointment_id, work_order_id, body, created_at, delivered_at) VALUES "
    "('t2', 'schedule_change', 'ap1', 'w4', 'Fire panel inspection moved to 11:00', '2026-03-02T10:00:00Z', NULL), "
    "('t2', 'message', NULL, NULL, 'Call the office', '2026-03-02T10:00:00Z', NULL), "
    "('t1', 'message', NULL, NULL, 'Bring the ladder', '2026-03-02T10:00:00Z', '2026-03-02T10:10:00Z')";

QByteArray delivered(int id, const char *at)
{
    return QStringLiteral(R"({"kind":"delivered","outbox_id":%1,"at":"%2"})").arg(id).arg(QString::fromLatin1(at)).toUtf8();
}

QByteArray read(int id, const char *at)
{
    return QStringLiteral(R"({"kind":"read","outbox_id":%1,"at":"%2"})").arg(id).arg(QString::fromLatin1(at)).toUtf8();
}

} // namespace

class TestOutboxStates : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::openFixtureDatabase(backend, &m_url, {QString::fromLatin1(kNotices)});
        return m_db != nullptr;
    }

    QString instant(const QString &column, int id)
    {
        return timefmt::toIsoUtc(timefmt::fromSql(value(*m_db, QStringLiteral("SELECT %1 FROM technician_outbox WHERE id = ?").arg(column), {id})));
    }

    // Every column of every notice: a refused batch must leave them as they were.
    QString outboxState()
    {
        QStringList rows;
        auto q = m_db->run(QStringLiteral("SELECT id, delivered_at, read_at, version FROM technician_outbox ORDER BY id"));
        while (q && q->next())
            rows << QStringLiteral("%1|%2|%3|%4")
                        .arg(q->value(0).toString(), timefmt::toIsoUtc(timefmt::fromSql(q->value(1))),
                             timefmt::toIsoUtc(timefmt::fromSql(q->value(2))), q->value(3).toString());
        return rows.join(QLatin1Char('\n'));
    }

    qint64 changes() { return value(*m_db, QStringLiteral("SELECT count(*) FROM change_log")).toLongLong(); }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void deliveredAndReadInOneBatch_data() { test::addBackendRows(); }
    void deliveredAndReadInOneBatch()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const qint64 before = changes();
        // Delivered and read in the same batch, and a delivery on its own; the offset is taken away.
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                delivered(1, "2026-03-02T07:01:30-03:00") + '\n' + read(1, "2026-03-02T10:05:00Z") + '\n'
                                    + delivered(2, "2026-03-02T10:00:00Z") + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out.trimmed(), QStringLiteral("ingested 3 events: 2 delivered, 1 read"));
        QCOMPARE(instant(QStringLiteral("delivered_at"), 1), QStringLiteral("2026-03-02T10:01:30Z"));
        QCOMPARE(instant(QStringLiteral("read_at"), 1), QStringLiteral("2026-03-02T10:05:00Z"));
        QCOMPARE(instant(QStringLiteral("delivered_at"), 2), QStringLiteral("2026-03-02T10:00:00Z"));
        QVERIFY(value(*m_db, QStringLiteral("SELECT read_at FROM technician_outbox WHERE id = 2")).isNull());
        QCOMPARE(value(*m_db, QStringLiteral("SELECT version FROM technician_outbox WHERE id = 1")).toInt(), 3);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT version FROM technician_outbox WHERE id = 2")).toInt(), 2);
        // The consoles hear of it: the outbox's changes are in the change feed, by technician.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'technician_outbox' AND entity_id = 't2' AND seq > ?"), {before})
                     .toInt(),
                 3);

        // A read of a notice delivered in an earlier batch, counted in --json with every kind.
        const CliRun j = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-"), QStringLiteral("--json")}, read(3, "2026-03-02T10:10:00Z"));
        QVERIFY2(j.exitCode == 0, qPrintable(describe(j)));
        const QJsonObject json = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("ingested")).toInt(), 1);
        const QJsonObject byKind = json.value(QLatin1String("by_kind")).toObject();
        QCOMPARE(byKind.size(), 9);
        QCOMPARE(byKind.value(QLatin1String("read")).toInt(), 1);
        QCOMPARE(byKind.value(QLatin1String("delivered")).toInt(), 0);
        QCOMPARE(byKind.value(QLatin1String("reading")).toInt(), 0);
        QCOMPARE(instant(QStringLiteral("read_at"), 3), QStringLiteral("2026-03-02T10:10:00Z"));
    }

    void aRepeatedReportKeepsTheEarlierTime_data() { test::addBackendRows(); }
    void aRepeatedReportKeepsTheEarlierTime()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")}, delivered(1, "2026-03-02T10:05:00Z") + '\n' + read(1, "2026-03-02T10:20:00Z")).exitCode, 0);
        // The backend retries: a later delivery changes nothing, an earlier one is the truer time.
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                delivered(1, "2026-03-02T10:09:00Z") + '\n' + delivered(1, "2026-03-02T10:03:00Z") + '\n' + read(1, "2026-03-02T10:30:00Z")
                                    + '\n' + read(1, "2026-03-02T10:15:00Z"));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(instant(QStringLiteral("delivered_at"), 1), QStringLiteral("2026-03-02T10:03:00Z"));
        QCOMPARE(instant(QStringLiteral("read_at"), 1), QStringLiteral("2026-03-02T10:15:00Z"));
    }

    void badReportsRollTheBatchBack_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("error");
        struct Case {
            const char *name;
            QByteArray line;
            const char *error;
        };
        const Case cases[] = {
            {"unknown notice", delivered(99, "2026-03-02T10:05:00Z"), "outbox_id: no notice 99 in the outbox"},
            {"read of an unknown notice", read(98, "2026-03-02T10:05:00Z"), "outbox_id: no notice 98 in the outbox"},
            {"delivered before written", delivered(2, "2026-03-02T09:59:00Z"),
             "at: 2026-03-02T09:59:00Z is before notice 2 was written (2026-03-02T10:00:00Z)"},
            {"read before written", read(3, "2026-03-02T06:00:00-03:00"),
             "at: 2026-03-02T09:00:00Z is before notice 3 was written (2026-03-02T10:00:00Z)"},
            {"read before delivered", read(3, "2026-03-02T10:05:00Z"),
             "at: 2026-03-02T10:05:00Z is before notice 3 was delivered (2026-03-02T10:10:00Z)"},
            {"read not delivered", read(2, "2026-03-02T10:05:00Z"), "outbox_id: notice 2 is not delivered yet"},
            // The first line delivers notice 1 at 10:30: a read at 10:20 in the same batch is before it.
            {"read before a delivery in the same batch", read(1, "2026-03-02T10:20:00Z"),
             "at: 2026-03-02T10:20:00Z is before notice 1 was delivered (2026-03-02T10:30:00Z)"},
            {"fractional id", R"({"kind":"delivered","outbox_id":1.5,"at":"2026-03-02T10:05:00Z"})", "outbox_id: must be a whole number greater than 0"},
            {"zero id", R"({"kind":"read","outbox_id":0,"at":"2026-03-02T10:05:00Z"})", "outbox_id: must be a whole number greater than 0"},
            {"text id", R"({"kind":"read","outbox_id":"1","at":"2026-03-02T10:05:00Z"})", "outbox_id: must be a number"},
            {"no id", R"({"kind":"delivered","at":"2026-03-02T10:05:00Z"})", "outbox_id: is required"},
            {"no time", R"({"kind":"delivered","outbox_id":1})", "at: is required"},
            {"time without offset", R"({"kind":"read","outbox_id":1,"at":"2026-03-02T10:05:00"})",
             "at: must be an ISO 8601 time with an offset or Z, e.g. 2026-12-03T13:05:00Z"},
        };
        for (const char *backend : {"sqlite", "postgres"})
            for (const Case &c : cases)
                QTest::newRow(qPrintable(QStringLiteral("%1: %2").arg(QString::fromLatin1(backend), QString::fromLatin1(c.name))))
                    << QString::fromLatin1(backend) << c.line << QString::fromLatin1(c.error);
    }
    void badReportsRollTheBatchBack()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, line);
        QFETCH(QString, error);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString stateBefore = outboxState();
        const qint64 changesBefore = changes();
        // A good line first (notice 1 delivered at 10:30), a blank line, then the bad one on line 3.
        const CliRun r = runCli(m_url, {QStringLiteral("ingest"), QStringLiteral("-")}, delivered(1, "2026-03-02T10:30:00Z") + "\n\n" + line + '\n');
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), QStringLiteral("-:3: ") + error);
        QVERIFY(r.out.trimmed().isEmpty());
        QCOMPARE(outboxState(), stateBefore);
        QCOMPARE(changes(), changesBefore);
        QVERIFY(value(*m_db, QStringLiteral("SELECT delivered_at FROM technician_outbox WHERE id = 1")).isNull());
    }

    void pruneRemovesOnlyOldReadNotices_data() { test::addBackendRows(); }
    void pruneRemovesOnlyOldReadNotices()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        auto iso = [&](int daysAgo) { return timefmt::toIsoUtc(now.addDays(-daysAgo)); };
        // 1: read 40 days ago; 2: read 5 days ago; 3: delivered 40 days ago, never read; plus
        // notice 4 written 50 days ago, never delivered.
        for (const QString &sql : {QStringLiteral("UPDATE technician_outbox SET created_at = '%1', delivered_at = '%1', read_at = '%2' WHERE id = 1").arg(iso(41), iso(40)),
                                   QStringLiteral("UPDATE technician_outbox SET created_at = '%1', delivered_at = '%1', read_at = '%2' WHERE id = 2").arg(iso(41), iso(5)),
                                   QStringLiteral("UPDATE technician_outbox SET created_at = '%1', delivered_at = '%2' WHERE id = 3").arg(iso(41), iso(40)),
                                   QStringLiteral("INSERT INTO technician_outbox(technician_id, kind, body, created_at) VALUES ('t1', 'message', 'Old', '%1')").arg(iso(50))}) {
            QVERIFY2(m_db->execDirect(sql).ok(), qPrintable(sql));
        }
        const qint64 before = changes();
        const CliRun r = runCli(m_url, {QStringLiteral("prune-outbox"), QStringLiteral("--older-than-days"), QStringLiteral("30")});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QCOMPARE(r.out.trimmed(), QStringLiteral("1 outbox row removed"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM technician_outbox WHERE id = 1")).toInt(), 0);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM technician_outbox")).toInt(), 3);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'technician_outbox' AND op = 'delete' AND seq > ?"), {before}).toInt(), 1);

        // Nothing more that old; then a shorter retention takes notice 2 as well.
        const CliRun again = runCli(m_url, {QStringLiteral("prune-outbox"), QStringLiteral("--older-than-days"), QStringLiteral("30"), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.trimmed(), QStringLiteral("{\"removed\":0}"));
        const CliRun shorter = runCli(m_url, {QStringLiteral("prune-outbox"), QStringLiteral("--older-than-days=3"), QStringLiteral("--json")});
        QCOMPARE(shorter.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(shorter.out.toUtf8()).object().value(QLatin1String("removed")).toInt(), 1);
        // Delivered but unread, and undelivered, stay however old.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM technician_outbox WHERE read_at IS NULL")).toInt(), 2);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM technician_outbox")).toInt(), 2);
    }

    void pruneRefusesABadNumberOfDays_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error");
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            QTest::newRow(qPrintable(b + QStringLiteral(": zero"))) << b << QStringList{QStringLiteral("--older-than-days"), QStringLiteral("0")}
                                                                    << QStringLiteral("error: --older-than-days: \"0\" must be a whole number greater than 0");
            QTest::newRow(qPrintable(b + QStringLiteral(": negative"))) << b << QStringList{QStringLiteral("--older-than-days=-3")}
                                                                        << QStringLiteral("error: --older-than-days: \"-3\" must be a whole number greater than 0");
            QTest::newRow(qPrintable(b + QStringLiteral(": fraction"))) << b << QStringList{QStringLiteral("--older-than-days"), QStringLiteral("1.5")}
                                                                        << QStringLiteral("error: --older-than-days: \"1.5\" must be a whole number greater than 0");
            QTest::newRow(qPrintable(b + QStringLiteral(": word"))) << b << QStringList{QStringLiteral("--older-than-days"), QStringLiteral("week")}
                                                                    << QStringLiteral("error: --older-than-days: \"week\" must be a whole number greater than 0");
            QTest::newRow(qPrintable(b + QStringLiteral(": missing"))) << b << QStringList{QStringLiteral("--json")}
                                                                       << QStringLiteral("error: --older-than-days: a number of days is required, e.g. --older-than-days 30");
        }
    }
    void pruneRefusesABadNumberOfDays()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QVERIFY(m_db->execDirect(QStringLiteral("UPDATE technician_outbox SET delivered_at = created_at, read_at = created_at")).ok());
        const CliRun r = runCli(m_url, QStringList{QStringLiteral("prune-outbox")} + args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err.trimmed(), error);
        QVERIFY(r.out.isEmpty());
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM technician_outbox")).toInt(), 3);
    }
};

QTEST_GUILESS_MAIN(TestOutboxStates)
#include "tst_outbox_states.moc"
