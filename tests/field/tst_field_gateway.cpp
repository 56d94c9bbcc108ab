// The field gateway's interface on a real PostgreSQL server (migration 23): a login granted
// fieldops_field may read and write no table itself, only call the fieldops_field_*
// functions; each of them writes what the ingest writes, into the change feed under the
// gateway's login; an unknown reference (or a state the ingest refuses) is refused with
// the ingest's words and leaves the database as it was. The functions are SECURITY
// DEFINER with a pinned search_path, and nobody else may call them. Since migration 25 the
// outcome opens the same follow-up work order as `fieldops-cli ingest` (compared row by row
// on twin databases), refuses the same parts with the same words, and a resolved follow-up
// closes the work order it follows.
#include "FollowUpFixture.h"
#include "CliRunner.h"
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "field/VisitOutcomeRecorder.h"
#include "parts/Reservations.h"

#include <QCoreApplication>
#include <QSqlRecord>
#include <QtTest>

using namespace fieldops;

namespace {

QString errorText(const Error &e) { return e.message + QLatin1Char(' ') + e.detail; }

const char kPartsJson[] = R"([{"sku":"F-100","quantity":2},{"sku":"V-2","quantity":2},{"sku":"G-9","quantity":4}])";

// What the two paths must agree on, row by row: the work orders (their creation time is each
// writer's clock), their skills and parts, the visits and the stock.
QString followUpState(Database &db)
{
    QStringList out;
    for (const char *sql : {"SELECT (to_jsonb(w) - 'created_at')::text FROM work_orders w ORDER BY id",
                            "SELECT to_jsonb(k)::text FROM work_order_skills k ORDER BY work_order_id, skill_code",
                            "SELECT to_jsonb(p)::text FROM work_order_parts p ORDER BY work_order_id, sku",
                            "SELECT to_jsonb(a)::text FROM appointments a ORDER BY id",
                            "SELECT to_jsonb(s)::text FROM stock s ORDER BY sku, location"})
        out << test::queryRows(db, QString::fromLatin1(sql));
    return out.join(QLatin1Char('\n'));
}

} // namespace

class TestFieldGateway : public QObject {
    Q_OBJECT

    QString m_dbName;
    QString m_gateway;  // a login granted fieldops_field
    QString m_outsider; // a login in no FieldOps role
    std::unique_ptr<Database> m_super;
    std::unique_ptr<Database> m_gw;

    QVariant superValue(const QString &sql, const QVariantList &binds = {})
    {
        auto v = m_super->scalar(sql, binds);
        return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(errorText(v.error())));
    }

    qint64 lastSeq() { return superValue(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log")).toLongLong(); }

    // Changes to `entity` after `seq` written by the gateway's login.
    int gatewayChanges(const char *entity, qint64 seq)
    {
        return superValue(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = ? AND seq > ? AND db_role = ?"),
                          {QString::fromLatin1(entity), seq, m_gateway})
            .toInt();
    }

    // A database of the follow-up fixture and the gateway's login to it.
    struct FollowUpDb {
        QString url;
        std::unique_ptr<Database> super;
        std::unique_ptr<Database> gw;
    };
    FollowUpDb followUpDatabase(bool withGateway)
    {
        FollowUpDb d;
        d.super = test::freshDatabase(QStringLiteral("postgres"), true, &d.url);
        if (!d.super) {
            qWarning("%s", qPrintable(test::lastError()));
            return d;
        }
        if (const QString failed = test::insertFollowUpFixture(*d.super); !failed.isEmpty()) {
            qWarning("%s", qPrintable(failed));
            d.super.reset();
            return d;
        }
        if (withGateway) {
            d.gw = test::openUrl(test::PgTestServer::shared()->urlFor(d.url.section(QLatin1Char('/'), -1), m_gateway));
            if (!d.gw) {
                qWarning("%s", qPrintable(test::lastError()));
                d.super.reset();
            }
        }
        return d;
    }
    // The refusals' twin databases, made by the first row.
    FollowUpDb m_refusals;
    FollowUpDb m_refusalsIngest;

private slots:
    void initTestCase()
    {
        QString url;
        m_super = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(m_super, qPrintable(test::lastError()));
        m_dbName = url.section(QLatin1Char('/'), -1);
        const QString failed = test::insertWorkOrderFixture(*m_super);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        for (const char *sql : {"INSERT INTO parts(sku, name, unit_cost) VALUES ('F-100', 'Filter', 12.5)",
                                "INSERT INTO stock(sku, location, quantity) VALUES ('F-100', 'van:t2', 4)",
                                "INSERT INTO technician_outbox(technician_id, kind, appointment_id, work_order_id, body, created_at) VALUES "
                                "('t2', 'schedule_change', 'ap1', 'w4', 'Fire panel inspection at 11:00', '2026-03-02T10:00:00Z'), "
                                "('t2', 'message', NULL, NULL, 'Call the office', '2026-03-02T10:30:00Z'), "
                                "('t1', 'message', NULL, NULL, 'Bring the ladder', '2026-03-02T10:00:00Z')"}) {
            QVERIFY2(m_super->execDirect(QString::fromLatin1(sql)).ok(), sql);
        }
        // Roles are the cluster's: names of this process's own.
        const QString pid = QString::number(QCoreApplication::applicationPid());
        m_gateway = QStringLiteral("gateway_") + pid;
        m_outsider = QStringLiteral("outsider_") + pid;
        auto *pg = test::PgTestServer::shared();
        QVERIFY(pg->execAsSuperuser(m_dbName, QStringLiteral("CREATE ROLE %1 LOGIN; GRANT fieldops_field TO %1; CREATE ROLE %2 LOGIN")
                                                   .arg(m_gateway, m_outsider)));
        m_gw = test::openUrl(pg->urlFor(m_dbName, m_gateway));
        QVERIFY2(m_gw, qPrintable(test::lastError()));
    }

    void theRoleHoldsNoTablePrivileges()
    {
        QCOMPARE(superValue(QStringLiteral("SELECT rolcanlogin FROM pg_roles WHERE rolname = 'fieldops_field'")).toBool(), false);
        const int tables = superValue(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toInt();
        QVERIFY(tables > 30);
        QCOMPARE(superValue(QStringLiteral("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND "
                                           "has_table_privilege('fieldops_field', quote_ident(tablename), 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')"))
                     .toInt(),
                 0);
        // What the server says to the gateway's own login, table by table.
        for (const char *table : {"appointments", "positions", "technician_outbox", "work_orders", "stock", "change_log", "technicians"}) {
            auto r = m_gw->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table)));
            QVERIFY2(!r, table);
            QVERIFY2(errorText(r.error()).contains(QLatin1String("permission denied")), qPrintable(errorText(r.error())));
        }
        for (const char *sql : {"INSERT INTO positions(technician_id, at, lat, lon) VALUES ('t1', '2026-03-02T12:00:00Z', 0, 0)",
                                "UPDATE technician_outbox SET delivered_at = created_at",
                                "DELETE FROM time_entries",
                                "INSERT INTO ratings(work_order_id, score) VALUES ('w4', 5)"}) {
            auto r = m_gw->run(QString::fromLatin1(sql));
            QVERIFY2(!r, sql);
            QVERIFY2(errorText(r.error()).contains(QLatin1String("permission denied")), qPrintable(errorText(r.error())));
        }
        QCOMPARE(superValue(QStringLiteral("SELECT count(*) FROM positions")).toInt(), 0);
        QVERIFY(superValue(QStringLiteral("SELECT count(*) FROM technician_outbox WHERE delivered_at IS NOT NULL")).toInt() == 0);
    }

    void theFunctionsAreDefinerFunctionsForTheGatewayOnly()
    {
        auto q = m_super->run(QStringLiteral(
            "SELECT p.proname, p.prosecdef, coalesce(array_to_string(p.proconfig, ','), ''), "
            "has_function_privilege('fieldops_field', p.oid, 'EXECUTE'), has_function_privilege('fieldops_admin', p.oid, 'EXECUTE'), "
            "has_function_privilege('fieldops_dispatcher', p.oid, 'EXECUTE'), has_function_privilege(?, p.oid, 'EXECUTE') "
            "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.proname LIKE 'fieldops\\_field\\_%' AND p.proname <> 'fieldops_field_iso' ORDER BY 1"),
                              {m_outsider});
        QVERIFY(q);
        QStringList names;
        while (q->next()) {
            const QString name = q->value(0).toString();
            names << name;
            QVERIFY2(q->value(1).toBool(), qPrintable(name + QStringLiteral(" is not SECURITY DEFINER")));
            QVERIFY2(q->value(2).toString().contains(QLatin1String("search_path=public")), qPrintable(name));
            QVERIFY2(q->value(3).toBool(), qPrintable(name));
            QVERIFY2(q->value(4).toBool(), qPrintable(name));
            QVERIFY2(!q->value(5).toBool(), qPrintable(name));
            QVERIFY2(!q->value(6).toBool(), qPrintable(name));
        }
        QCOMPARE(names, (QStringList{QStringLiteral("fieldops_field_delivered"), QStringLiteral("fieldops_field_outbox"),
                                     QStringLiteral("fieldops_field_outcome"), QStringLiteral("fieldops_field_part_used"),
                                     QStringLiteral("fieldops_field_position"), QStringLiteral("fieldops_field_rating"),
                                     QStringLiteral("fieldops_field_read"), QStringLiteral("fieldops_field_status"),
                                     QStringLiteral("fieldops_field_time_entry")}));
        // A login in no FieldOps role is turned away by the server.
        auto outsider = test::openUrl(test::PgTestServer::shared()->urlFor(m_dbName, m_outsider));
        QVERIFY2(outsider, qPrintable(test::lastError()));
        auto r = outsider->run(QStringLiteral("SELECT fieldops_field_position('t1', '2026-03-02T12:00:00Z', -23.5, -46.6)"));
        QVERIFY(!r);
        QVERIFY2(errorText(r.error()).contains(QLatin1String("permission denied for function fieldops_field_position")), qPrintable(errorText(r.error())));
        QCOMPARE(superValue(QStringLiteral("SELECT count(*) FROM positions")).toInt(), 0);
    }

    void everyFunctionWritesIntoTheChangeFeed()
    {
        const qint64 seq = lastSeq();
        auto call = [&](const QString &sql, const QVariantList &binds = {}) -> QVariant {
            auto v = m_gw->scalar(sql, binds);
            if (!v) {
                qWarning() << sql << errorText(v.error());
                return QStringLiteral("<error>");
            }
            return *v;
        };
        call(QStringLiteral("SELECT fieldops_field_position('t2', '2026-03-02T10:50:00Z', -23.58, -46.66, speed_kmh => 38.5, accuracy_m => 6)"));
        QCOMPARE(superValue(QStringLiteral("SELECT speed_kmh FROM positions WHERE technician_id = 't2' AND accuracy_m = 6")).toDouble(), 38.5);

        call(QStringLiteral("SELECT fieldops_field_status('ap1', 'on_site', '2026-03-02T08:05:00-03:00', -23.6, -46.7)"));
        QCOMPARE(superValue(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("on_site"));
        QCOMPARE(superValue(QStringLiteral("SELECT arrived_at = '2026-03-02T11:05:00Z' FROM appointments WHERE id = 'ap1'")).toBool(), true);
        QCOMPARE(superValue(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("in_progress"));
        QCOMPARE(superValue(QStringLiteral("SELECT count(*) FROM positions WHERE technician_id = 't2'")).toInt(), 2);

        const qint64 part = call(QStringLiteral("SELECT fieldops_field_part_used('ap1', 'F-100', 3)")).toLongLong();
        QVERIFY(part > 0);
        QCOMPARE(superValue(QStringLiteral("SELECT location FROM parts_used WHERE id = ?"), {part}).toString(), QStringLiteral("van:t2"));
        QCOMPARE(superValue(QStringLiteral("SELECT quantity FROM stock WHERE sku = 'F-100' AND location = 'van:t2'")).toDouble(), 1.0);

        const qint64 entry = call(QStringLiteral("SELECT fieldops_field_time_entry('t2', 'w4', '2026-03-02T11:05:00Z', '2026-03-02T12:20:00Z', activity => 'work')")).toLongLong();
        QVERIFY(entry > 0);
        QCOMPARE(superValue(QStringLiteral("SELECT activity FROM time_entries WHERE id = ?"), {entry}).toString(), QStringLiteral("work"));

        call(QStringLiteral("SELECT fieldops_field_outcome('ap1', true, notes => 'Panel tested', signed_by => 'R. Alves', departed_at => '2026-03-02T12:25:00Z')"));
        QCOMPARE(superValue(QStringLiteral("SELECT status || '|' || resolved || '|' || signed_by || '|' || outcome_notes FROM appointments WHERE id = 'ap1'")).toString(),
                 QStringLiteral("completed|true|R. Alves|Panel tested"));
        QCOMPARE(superValue(QStringLiteral("SELECT completed_at = '2026-03-02T12:25:00Z' FROM appointments WHERE id = 'ap1'")).toBool(), true);
        QCOMPARE(superValue(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("done"));

        const qint64 rating = call(QStringLiteral("SELECT fieldops_field_rating('w4', 5, 'Quick')")).toLongLong();
        QCOMPARE(superValue(QStringLiteral("SELECT score FROM ratings WHERE id = ?"), {rating}).toInt(), 5);

        const qint64 notice = superValue(QStringLiteral("SELECT min(id) FROM technician_outbox WHERE technician_id = 't2'")).toLongLong();
        call(QStringLiteral("SELECT fieldops_field_delivered(?, '2026-03-02T10:01:00Z')"), {notice});
        call(QStringLiteral("SELECT fieldops_field_read(?, '2026-03-02T10:04:00Z')"), {notice});
        QCOMPARE(superValue(QStringLiteral("SELECT delivered_at = '2026-03-02T10:01:00Z' AND read_at = '2026-03-02T10:04:00Z' AND version = 3 "
                                           "FROM technician_outbox WHERE id = ?"),
                            {notice})
                     .toBool(),
                 true);

        // The outbox as the phone reads it: Bruno's two notices, oldest first, with their states.
        auto rows = m_gw->run(QStringLiteral("SELECT id, kind, body, delivered_at IS NOT NULL, read_at IS NOT NULL FROM fieldops_field_outbox('t2')"));
        QVERIFY2(rows, rows ? "" : qPrintable(errorText(rows.error())));
        QStringList seen;
        while (rows->next())
            seen << QStringLiteral("%1|%2|%3|%4").arg(rows->value(1).toString(), rows->value(2).toString(), rows->value(3).toString(), rows->value(4).toString());
        QCOMPARE(seen, (QStringList{QStringLiteral("schedule_change|Fire panel inspection at 11:00|true|true"),
                                    QStringLiteral("message|Call the office|false|false")}));

        // Every table written is in the change feed under the gateway's login, and the
        // audited ones in the audit log.
        for (const char *entity : {"positions", "appointments", "work_orders", "stock", "parts_used", "time_entries", "ratings", "technician_outbox"})
            QVERIFY2(gatewayChanges(entity, seq) > 0, entity);
        QVERIFY(superValue(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'technician_outbox' AND db_role = ?"), {m_gateway}).toInt() >= 2);
    }

    void badReferencesAreRefusedAndNothingIsWritten_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("sqlState");
        QTest::newRow("position: unknown technician") << QStringLiteral("SELECT fieldops_field_position('t9', '2026-03-02T12:00:00Z', -23.5, -46.6)")
                                                      << QStringLiteral("technician_id: no technician t9") << QStringLiteral("23503");
        QTest::newRow("position: latitude") << QStringLiteral("SELECT fieldops_field_position('t1', '2026-03-02T12:00:00Z', 123, -46.6)")
                                            << QStringLiteral("lat: must be a number between -90 and 90") << QStringLiteral("22023");
        QTest::newRow("status: unknown appointment") << QStringLiteral("SELECT fieldops_field_status('ap9', 'on_site', '2026-03-02T12:00:00Z')")
                                                     << QStringLiteral("appointment_id: no appointment ap9") << QStringLiteral("23503");
        QTest::newRow("status: cancelled visit") << QStringLiteral("SELECT fieldops_field_status('ap4', 'en_route', '2026-03-02T12:00:00Z')")
                                                 << QStringLiteral("appointment_id: appointment ap4 is cancelled") << QStringLiteral("22023");
        QTest::newRow("status: unknown status") << QStringLiteral("SELECT fieldops_field_status('ap1', 'lunch', '2026-03-02T12:00:00Z')")
                                                << QStringLiteral("status: must be one of en_route, on_site, completed, cancelled") << QStringLiteral("22023");
        QTest::newRow("status: lat without lon") << QStringLiteral("SELECT fieldops_field_status('ap1', 'on_site', '2026-03-02T12:00:00Z', lat => -23.5)")
                                                 << QStringLiteral("lon: is required when lat is given") << QStringLiteral("22023");
        QTest::newRow("outcome: unknown appointment") << QStringLiteral("SELECT fieldops_field_outcome('ap9', true)")
                                                      << QStringLiteral("appointment_id: no appointment ap9") << QStringLiteral("23503");
        QTest::newRow("outcome: unknown reason") << QStringLiteral("SELECT fieldops_field_outcome('ap1', false, 'tired')")
                                                 << QStringLiteral("reason: must be one of needs_parts, customer_absent, second_visit, referred")
                                                 << QStringLiteral("22023");
        QTest::newRow("time entry: unknown technician") << QStringLiteral("SELECT fieldops_field_time_entry('t9', 'w1', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z')")
                                                        << QStringLiteral("technician_id: no technician t9") << QStringLiteral("23503");
        QTest::newRow("time entry: unknown work order") << QStringLiteral("SELECT fieldops_field_time_entry('t1', 'w9', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z')")
                                                        << QStringLiteral("work_order_id: no work order w9") << QStringLiteral("23503");
        QTest::newRow("time entry: end before start") << QStringLiteral("SELECT fieldops_field_time_entry('t1', 'w1', '2026-03-02T11:00:00Z', '2026-03-02T10:00:00Z')")
                                                      << QStringLiteral("end: must be after start") << QStringLiteral("22023");
        QTest::newRow("part used: unknown part") << QStringLiteral("SELECT fieldops_field_part_used('ap1', 'ZZ-1', 1)")
                                                 << QStringLiteral("sku: no part ZZ-1") << QStringLiteral("23503");
        QTest::newRow("part used: unknown appointment") << QStringLiteral("SELECT fieldops_field_part_used('ap9', 'F-100', 1)")
                                                        << QStringLiteral("appointment_id: no appointment ap9") << QStringLiteral("23503");
        QTest::newRow("part used: none at the location") << QStringLiteral("SELECT fieldops_field_part_used('ap1', 'F-100', 1, 'warehouse:north')")
                                                         << QStringLiteral("from: no stock of F-100 at warehouse:north") << QStringLiteral("22023");
        QTest::newRow("part used: more than in stock") << QStringLiteral("SELECT fieldops_field_part_used('ap1', 'F-100', 50)")
                                                       << QStringLiteral("quantity: 50 is more than the") << QStringLiteral("22023");
        QTest::newRow("rating: unknown work order") << QStringLiteral("SELECT fieldops_field_rating('w9', 4)")
                                                    << QStringLiteral("work_order_id: no work order w9") << QStringLiteral("23503");
        QTest::newRow("rating: score") << QStringLiteral("SELECT fieldops_field_rating('w1', 6)")
                                       << QStringLiteral("score: must be a whole number from 1 to 5") << QStringLiteral("22023");
        QTest::newRow("delivered: unknown notice") << QStringLiteral("SELECT fieldops_field_delivered(999, '2026-03-02T12:00:00Z')")
                                                   << QStringLiteral("outbox_id: no notice 999 in the outbox") << QStringLiteral("23503");
        QTest::newRow("delivered: before written")
            << QStringLiteral("SELECT fieldops_field_delivered(%1, '2026-03-02T10:29:00Z')")
            << QStringLiteral("at: 2026-03-02T10:29:00Z is before notice %1 was written (2026-03-02T10:30:00Z)") << QStringLiteral("22023");
        QTest::newRow("read: unknown notice") << QStringLiteral("SELECT fieldops_field_read(999, '2026-03-02T12:00:00Z')")
                                              << QStringLiteral("outbox_id: no notice 999 in the outbox") << QStringLiteral("23503");
        QTest::newRow("read: not delivered") << QStringLiteral("SELECT fieldops_field_read(%1, '2026-03-02T12:00:00Z')")
                                             << QStringLiteral("outbox_id: notice %1 is not delivered yet") << QStringLiteral("22023");
        QTest::newRow("outbox: unknown technician") << QStringLiteral("SELECT count(*) FROM fieldops_field_outbox('t9')")
                                                    << QStringLiteral("technician_id: no technician t9") << QStringLiteral("23503");
    }
    void badReferencesAreRefusedAndNothingIsWritten()
    {
        QFETCH(QString, sql);
        QFETCH(QString, error);
        QFETCH(QString, sqlState);
        // %1: Bruno's message written at 10:30, never delivered.
        const QString undelivered = superValue(QStringLiteral("SELECT id FROM technician_outbox WHERE body = 'Call the office'")).toString();
        sql = sql.contains(QLatin1String("%1")) ? sql.arg(undelivered) : sql;
        error = error.contains(QLatin1String("%1")) ? error.arg(undelivered) : error;
        const QString before = test::dumpDatabase(*m_super);
        auto r = m_gw->run(sql);
        QVERIFY2(!r, qPrintable(sql));
        QVERIFY2(errorText(r.error()).contains(error), qPrintable(errorText(r.error())));
        // The SQLSTATE, as a client library sees it.
        const Status state = m_gw->execDirect(QStringLiteral("DO $$ BEGIN PERFORM %1; EXCEPTION WHEN OTHERS THEN RAISE EXCEPTION 'state=%', SQLSTATE; END $$")
                                      .arg(sql.mid(7)));
        QVERIFY(!state);
        QVERIFY2(errorText(state.error()).contains(QStringLiteral("state=") + sqlState), qPrintable(errorText(state.error())));
        QCOMPARE(test::dumpDatabase(*m_super), before);
    }

    void aFailedCallRollsBackTheGatewaysTransaction()
    {
        const int positions = superValue(QStringLiteral("SELECT count(*) FROM positions")).toInt();
        const qint64 seq = lastSeq();
        {
            Transaction tx(*m_gw);
            QVERIFY(tx.status());
            QVERIFY(m_gw->run(QStringLiteral("SELECT fieldops_field_position('t1', '2026-03-02T12:00:00Z', -23.5, -46.6)")));
            QVERIFY(!m_gw->run(QStringLiteral("SELECT fieldops_field_delivered(999, '2026-03-02T12:00:00Z')")));
            // The gateway gives up: the transaction is rolled back as it goes.
        }
        QCOMPARE(superValue(QStringLiteral("SELECT count(*) FROM positions")).toInt(), positions);
        QCOMPARE(lastSeq(), seq);
    }

    // The gateway reports needs_parts with parts, and `fieldops-cli ingest` the same outcome
    // on a twin database: the same follow-up, skills, parts and reservations, row by row;
    // then a resolved visit of the follow-up closes both work orders on both.
    void needsPartsOpensTheFollowUpTheIngestOpens()
    {
        FollowUpDb gw = followUpDatabase(true);
        QVERIFY(gw.super && gw.gw);
        FollowUpDb ingest = followUpDatabase(false);
        QVERIFY(ingest.super);
        QCOMPARE(followUpState(*gw.super), followUpState(*ingest.super));

        const qint64 seq = gw.super->scalar(QStringLiteral("SELECT coalesce(max(seq), 0) FROM change_log"))->toLongLong();
        const QDateTime before = gw.super->scalar(QStringLiteral("SELECT date_trunc('second', now())"))->toDateTime();
        auto on = gw.gw->run(QStringLiteral("SELECT fieldops_field_status('ap9', 'on_site', '2026-03-02T09:05:00Z')"));
        QVERIFY2(on, on ? "" : qPrintable(errorText(on.error())));
        auto out = gw.gw->run(QStringLiteral("SELECT fieldops_field_outcome('ap9', false, 'needs_parts', completed_at => '2026-03-02T10:00:00Z', "
                                             "parts => ?::jsonb)"),
                              {QString::fromLatin1(kPartsJson)});
        QVERIFY2(out, out ? "" : qPrintable(errorText(out.error())));
        const QDateTime after = gw.super->scalar(QStringLiteral("SELECT now()"))->toDateTime();

        const test::CliRun r = test::runCli(ingest.url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                            QByteArray(R"({"kind":"status","appointment_id":"ap9","status":"on_site","at":"2026-03-02T09:05:00Z"})" "\n"
                                                       R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"needs_parts","completed_at":"2026-03-02T10:00:00Z","parts":)")
                                                + kPartsJson + "}\n");
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);

        // What the gateway wrote, in so many words: the follow-up of w1 with its title,
        // w1's skills, filters in Bruno's van, valves where 2 are free (north: 5, the most),
        // gaskets nowhere; w1 waits in progress.
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT id, follow_up_of, site_id, asset_id, contract_id, type, priority, duration_min, status, summary "
                                                "FROM work_orders WHERE follow_up_of IS NOT NULL")),
                 QStringLiteral("WO-000001|w1|s1|a1|k1|corrective|1|90|open|Return visit: Chiller down in cold room"));
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = 'WO-000001' ORDER BY skill_code")),
                 QStringLiteral("elec;hvac"));
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT sku, CAST(quantity AS integer), coalesce(reserved_location, 'NULL') FROM work_order_parts "
                                                "WHERE work_order_id = 'WO-000001' ORDER BY sku")),
                 QStringLiteral("F-100|2|van:t2;G-9|4|NULL;V-2|2|warehouse:north"));
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")), QStringLiteral("in_progress"));
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT w.sla_due = o.sla_due AND w.description IS NOT DISTINCT FROM o.description "
                                                "FROM work_orders w, work_orders o WHERE w.id = 'WO-000001' AND o.id = 'w1'")),
                 QStringLiteral("true"));
        const QDateTime created = gw.super->scalar(QStringLiteral("SELECT created_at FROM work_orders WHERE id = 'WO-000001'"))->toDateTime();
        QVERIFY2(created >= before && created <= after, qPrintable(created.toString(Qt::ISODate)));
        // And exactly what the ingest wrote.
        QCOMPARE(followUpState(*gw.super), followUpState(*ingest.super));
        // In the consoles' feed under the gateway's login.
        QVERIFY(gw.super->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'work_order_parts' AND entity_id = 'WO-000001' AND db_role = ? AND seq > ?"),
                                 {m_gateway, seq})
                    ->toInt()
                > 0);

        // The same outcome again (a corrected report) opens no second follow-up.
        out = gw.gw->run(QStringLiteral("SELECT fieldops_field_outcome('ap9', false, 'needs_parts', completed_at => '2026-03-02T10:00:00Z', parts => ?::jsonb)"),
                         {QString::fromLatin1(kPartsJson)});
        QVERIFY2(out, out ? "" : qPrintable(errorText(out.error())));
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w1'")), QStringLiteral("1"));

        // The return visit, booked on both, is resolved: the follow-up and w1 are done.
        for (Database *db : {gw.super.get(), ingest.super.get()})
            QVERIFY(db->execDirect(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                                                  "('ap10', 'WO-000001', 't2', '2026-03-04T09:00:00Z', '2026-03-04T10:30:00Z', 'scheduled')"))
                        .ok());
        out = gw.gw->run(QStringLiteral("SELECT fieldops_field_outcome('ap10', true, completed_at => '2026-03-04T10:00:00Z')"));
        QVERIFY2(out, out ? "" : qPrintable(errorText(out.error())));
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT id, status FROM work_orders WHERE id IN ('w1', 'WO-000001') ORDER BY id")),
                 QStringLiteral("WO-000001|done;w1|done"));
        const test::CliRun resolved = test::runCli(ingest.url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                                   R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"needs_parts","completed_at":"2026-03-02T10:00:00Z","parts":)"
                                                   + QByteArray(kPartsJson) + "}\n"
                                                   R"({"kind":"outcome","appointment_id":"ap10","resolved":true,"completed_at":"2026-03-04T10:00:00Z"})" "\n");
        QCOMPARE(resolved.err, QString());
        QCOMPARE(resolved.exitCode, 0);
        QCOMPARE(followUpState(*gw.super), followUpState(*ingest.super));
    }

    // The gateway places a follow-up's parts by the consoles' rule (the view
    // work_order_parts_held): what another open job has already used of its reservation is
    // free again. w4 holds 3 filters in Bruno's van and used 2 of them on ap1, so 3 of the
    // van's 4 are free and the 2 the return visit needs stay in the van (by on hand less
    // listed, only 1 would be free and they would go to the central warehouse).
    void gatewayPlacesPartsByTheConsolesRule()
    {
        FollowUpDb gw = followUpDatabase(true);
        QVERIFY(gw.super && gw.gw);
        QVERIFY(gw.super->execDirect(QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity, reserved_location) VALUES "
                                                    "('w4', 'F-100', 3, 'van:t2')")).ok());
        QVERIFY(gw.super->execDirect(QStringLiteral("INSERT INTO parts_used(appointment_id, sku, quantity, location, at) VALUES "
                                                    "('ap1', 'F-100', 2, 'van:t2', '2026-03-02T11:30:00Z')")).ok());
        QCOMPARE(*parts::Reservations(*gw.super).reservedAt(QStringLiteral("F-100"), QStringLiteral("van:t2")), 1.0);
        auto out = gw.gw->run(QStringLiteral("SELECT fieldops_field_outcome('ap9', false, 'needs_parts', completed_at => '2026-03-02T10:00:00Z', "
                                             "parts => '[{\"sku\":\"F-100\",\"quantity\":2}]'::jsonb)"));
        QVERIFY2(out, out ? "" : qPrintable(errorText(out.error())));
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT sku, CAST(quantity AS integer), reserved_location FROM work_order_parts "
                                                            "WHERE work_order_id = 'WO-000001'")),
                 QStringLiteral("F-100|2|van:t2"));
        QCOMPARE(*parts::Reservations(*gw.super).reservedAt(QStringLiteral("F-100"), QStringLiteral("van:t2")), 3.0);
    }

    // A "needs parts" corrected to resolved calls its follow-up off on the gateway as on the
    // ingest: the same rows on twin databases, the follow-up cancelled with its reason and w1
    // done.
    void correctedNeedsPartsCallsTheFollowUpOff()
    {
        FollowUpDb gw = followUpDatabase(true);
        QVERIFY(gw.super && gw.gw);
        FollowUpDb ingest = followUpDatabase(false);
        QVERIFY(ingest.super);
        for (const char *call : {"SELECT fieldops_field_outcome('ap9', false, 'needs_parts', completed_at => '2026-03-02T10:00:00Z', "
                                 "parts => '[{\"sku\":\"V-2\",\"quantity\":1}]'::jsonb)",
                                 "SELECT fieldops_field_outcome('ap9', true, completed_at => '2026-03-02T10:00:00Z')"}) {
            auto out = gw.gw->run(QString::fromLatin1(call));
            QVERIFY2(out, out ? "" : qPrintable(errorText(out.error())));
        }
        const test::CliRun r = test::runCli(ingest.url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                            R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"needs_parts","completed_at":"2026-03-02T10:00:00Z","parts":[{"sku":"V-2","quantity":1}]})" "\n"
                                            R"({"kind":"outcome","appointment_id":"ap9","resolved":true,"completed_at":"2026-03-02T10:00:00Z"})" "\n");
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(test::queryRows(*gw.super, QStringLiteral("SELECT id, status, cancel_reason FROM work_orders WHERE id IN ('w1', 'WO-000001') ORDER BY id")),
                 QStringLiteral("WO-000001|cancelled|Not needed: the outcome of visit ap9 was corrected;w1|done|"));
        QCOMPARE(followUpState(*gw.super), followUpState(*ingest.super));
    }

    // An unresolved visit while another visit of its work order is still booked leaves the
    // work order as it is, on the gateway, the ingest and the console's outcome dialog alike
    // (migration 26); with nothing else booked (the other visit over, or none) it goes back
    // to open on all three. Missing parts open no follow-up while the other visit is booked.
    void unresolvedOutcomeReopensOnlyWhenNothingElseIsBooked_data()
    {
        QTest::addColumn<QString>("otherVisit"); // the status of w1's second visit; empty: none
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("expected"); // w1's status afterwards
        QTest::newRow("another visit scheduled") << "scheduled" << "customer_absent" << "scheduled";
        QTest::newRow("another visit tentative") << "tentative" << "second_visit" << "scheduled";
        QTest::newRow("another visit on site, parts missing") << "on_site" << "needs_parts" << "scheduled";
        QTest::newRow("the other visit completed") << "completed" << "customer_absent" << "open";
        QTest::newRow("no other visit") << "" << "referred" << "open";
    }
    void unresolvedOutcomeReopensOnlyWhenNothingElseIsBooked()
    {
        QFETCH(QString, otherVisit);
        QFETCH(QString, reason);
        QFETCH(QString, expected);
        FollowUpDb gw = followUpDatabase(true);
        QVERIFY(gw.super && gw.gw);
        FollowUpDb ingest = followUpDatabase(false);
        QVERIFY(ingest.super);
        FollowUpDb console = followUpDatabase(false);
        QVERIFY(console.super);
        for (Database *db : {gw.super.get(), ingest.super.get(), console.super.get()}) {
            const QString failed = test::scheduleSecondVisit(*db, otherVisit);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }

        auto out = gw.gw->run(QStringLiteral("SELECT fieldops_field_outcome('ap9', false, ?, completed_at => '2026-03-02T10:00:00Z')"), {reason});
        QVERIFY2(out, out ? "" : qPrintable(errorText(out.error())));
        const test::CliRun r = test::runCli(ingest.url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                            QStringLiteral(R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"%1",)"
                                                           R"("completed_at":"2026-03-02T10:00:00Z"})" "\n")
                                                .arg(reason)
                                                .toUtf8());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        const field::VisitOutcome o = test::ap9Unresolved(reason);
        auto recorded = field::VisitOutcomeRecorder::record(*console.super, QStringLiteral("ap9"), 1, o, test::fixtureNow());
        QVERIFY2(recorded, qPrintable(recorded ? QString() : errorText(recorded.error())));

        const QString w1 = QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'");
        QCOMPARE(test::queryRows(*console.super, w1), expected);
        QCOMPARE(test::queryRows(*gw.super, w1), expected);
        QCOMPARE(test::queryRows(*ingest.super, w1), expected);
        for (Database *db : {gw.super.get(), ingest.super.get(), console.super.get()})
            QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w1'")), QStringLiteral("0"));
        // The gateway and the ingest wrote the same rows.
        QCOMPARE(followUpState(*gw.super), followUpState(*ingest.super));
    }

    // Parts the ingest refuses are refused by the gateway with the same words, and nothing
    // of the call is written.
    void outcomePartsAreRefusedAsTheIngestRefusesThem_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("parts");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("sqlState");
        QTest::newRow("unknown part") << QStringLiteral("needs_parts") << QStringLiteral(R"([{"sku":"F-100","quantity":1},{"sku":"NOPE","quantity":1}])")
                                      << QStringLiteral("parts: no part NOPE") << QStringLiteral("23503");
        QTest::newRow("listed twice") << QStringLiteral("needs_parts") << QStringLiteral(R"([{"sku":"F-100","quantity":1},{"sku":"F-100","quantity":2}])")
                                      << QStringLiteral("parts: F-100 is listed twice") << QStringLiteral("22023");
        QTest::newRow("zero quantity") << QStringLiteral("needs_parts") << QStringLiteral(R"([{"sku":"F-100","quantity":0}])")
                                       << QStringLiteral("parts: item 1 (F-100): quantity must be a number greater than 0") << QStringLiteral("22023");
        QTest::newRow("no sku") << QStringLiteral("needs_parts") << QStringLiteral(R"([{"sku":"F-100","quantity":1},{"sku":" ","quantity":1}])")
                                << QStringLiteral("parts: item 2 must be an object with a non-empty text sku and a quantity") << QStringLiteral("22023");
        QTest::newRow("not a list") << QStringLiteral("needs_parts") << QStringLiteral(R"({"sku":"F-100","quantity":1})")
                                    << QStringLiteral("parts: must be a list") << QStringLiteral("22023");
        QTest::newRow("another reason") << QStringLiteral("customer_absent") << QStringLiteral(R"([{"sku":"F-100","quantity":1}])")
                                        << QStringLiteral("parts: only an outcome with reason needs_parts lists parts") << QStringLiteral("22023");
    }
    void outcomePartsAreRefusedAsTheIngestRefusesThem()
    {
        QFETCH(QString, reason);
        QFETCH(QString, parts);
        QFETCH(QString, error);
        QFETCH(QString, sqlState);
        if (!m_refusals.super) {
            m_refusals = followUpDatabase(true);
            QVERIFY(m_refusals.super && m_refusals.gw);
            // Bruno is on site: the outcome would complete ap9 and open a follow-up.
            QVERIFY(m_refusals.gw->run(QStringLiteral("SELECT fieldops_field_status('ap9', 'on_site', '2026-03-02T09:05:00Z')")));
            m_refusalsIngest = followUpDatabase(false);
            QVERIFY(m_refusalsIngest.super);
            QVERIFY(m_refusalsIngest.super->execDirect(QStringLiteral("UPDATE appointments SET status = 'on_site' WHERE id = 'ap9'")).ok());
        }
        const QString call = QStringLiteral("fieldops_field_outcome('ap9', false, '%1', completed_at => '2026-03-02T10:00:00Z', parts => '%2'::jsonb)")
                                 .arg(reason, parts);
        const QString before = test::dumpDatabase(*m_refusals.super);
        auto r = m_refusals.gw->run(QStringLiteral("SELECT ") + call);
        QVERIFY(!r);
        QVERIFY2(errorText(r.error()).contains(error), qPrintable(errorText(r.error())));
        const Status state = m_refusals.gw->execDirect(QStringLiteral("DO $$ BEGIN PERFORM %1; EXCEPTION WHEN OTHERS THEN RAISE EXCEPTION 'state=%', SQLSTATE; END $$").arg(call));
        QVERIFY(!state);
        QVERIFY2(errorText(state.error()).contains(QStringLiteral("state=") + sqlState), qPrintable(errorText(state.error())));
        QCOMPARE(test::dumpDatabase(*m_refusals.super), before);
        // The ingest's words for the same outcome.
        const QString ingestBefore = test::dumpDatabase(*m_refusalsIngest.super);
        const test::CliRun cli = test::runCli(m_refusalsIngest.url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                              QStringLiteral(R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"%1","parts":%2})" "\n")
                                                  .arg(reason, parts)
                                                  .toUtf8());
        QCOMPARE(cli.err, QStringLiteral("-:1: ") + error + QLatin1Char('\n'));
        QCOMPARE(cli.exitCode, 2);
        QCOMPARE(test::dumpDatabase(*m_refusalsIngest.super), ingestBefore);
    }

    void cleanupTestCase()
    {
        m_refusals = {};
        m_refusalsIngest = {};
        m_gw.reset();
        auto *pg = test::PgTestServer::shared();
        if (!m_dbName.isEmpty())
            pg->execAsSuperuser(m_dbName, QStringLiteral("DROP OWNED BY %1, %2; DROP ROLE IF EXISTS %1; DROP ROLE IF EXISTS %2").arg(m_gateway, m_outsider));
    }
};

QTEST_GUILESS_MAIN(TestFieldGateway)
#include "tst_field_gateway.moc"
