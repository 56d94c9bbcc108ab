// Hostile text through every place the console writes or searches text, on both
// backends: quotes, semicolons, `'; DROP TABLE work_orders; --`, backslashes, format
// placeholders, dollar quotes, emoji, right-to-left scripts and combining marks. Each
// value must come back exactly as written and the schema must be untouched. Paths: the
// real importer (fieldops-cli import), the schedule writers and their lost-race
// messages, the audit history, the work-order search box, and (PostgreSQL) a login
// whose user name is itself hostile, as typed into the connection dialog.
#include "../audit/AuditFixture.h"
#include "../interchange/InterchangeFixture.h"
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "audit/AuditHistoryModel.h"
#include "itemmodels/WorkOrderFilterProxy.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "repositories/AppointmentWriter.h"
#include "repositories/WorkOrderRepository.h"
#include "util/TimeFormat.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {

// Identifiers and text that break string-built SQL, shells, format strings and naive
// Unicode handling. No NUL (neither backend stores it in text) and no edge spaces (CSV
// cells are trimmed by design).
const QString kDrop = QStringLiteral("'; DROP TABLE work_orders; --");
const QString kCustomerId = QStringLiteral("c'1\"; DROP TABLE work_orders; --");
const QString kSiteId = QStringLiteral("s\\1'");
const QString kTechId = QStringLiteral("t';--");
const QString kWorkOrderId = QStringLiteral("w'1; --");
const QString kAppointmentId = QStringLiteral("a'); DELETE FROM appointments; --");
const QString kSkill = QStringLiteral("hv'ac");

QString technicianName() { return QStringLiteral("Zoë e\u0301 Z\u0351\u0320a %1 %2 $$ $q$ \\"); }
QString summaryText() { return kDrop + QStringLiteral("\nline two \\ \"q\" 👩‍🔧 e\u0301"); }

struct Expected {
    QString sql;   // prepared, one bound value: the row's key
    QString key;
    QString value; // exactly as written in the CSV
};

const QList<Expected> &expectations()
{
    static const QList<Expected> list{
        {QStringLiteral("SELECT name FROM customers WHERE id = ?"), kCustomerId, QStringLiteral("O'Brien & \"Sons\"; DROP TABLE customers; --")},
        {QStringLiteral("SELECT phone FROM customers WHERE id = ?"), kCustomerId, QStringLiteral("+55 11 '5555' \\ 0001")},
        {QStringLiteral("SELECT email FROM customers WHERE id = ?"), kCustomerId, QStringLiteral("x'@example.com")},
        {QStringLiteral("SELECT name FROM sites WHERE id = ?"), kSiteId, QStringLiteral("🔧🚐 Reparação — Loja")},
        {QStringLiteral("SELECT address FROM sites WHERE id = ?"), kSiteId, QStringLiteral("Rua \"A\", 100\nבניין שלום مرحبا")},
        {QStringLiteral("SELECT name FROM technicians WHERE id = ?"), kTechId, technicianName()},
        {QStringLiteral("SELECT name FROM skills WHERE code = ?"), kSkill, QStringLiteral("a\\b\\\\c; SELECT 1")},
        {QStringLiteral("SELECT name FROM territories WHERE id = ?"), QStringLiteral("north"), QStringLiteral("مرحبا بالعالم שלום")},
        {QStringLiteral("SELECT name FROM contracts WHERE id = ?"), QStringLiteral("k1"), QStringLiteral("'); DELETE FROM contracts; --")},
        {QStringLiteral("SELECT task FROM maintenance_plans WHERE id = ?"), QStringLiteral("mp1"), kDrop},
        {QStringLiteral("SELECT serial FROM assets WHERE id = ?"), QStringLiteral("as1"), QStringLiteral("SN\\'001\"")},
        {QStringLiteral("SELECT model FROM assets WHERE id = ?"), QStringLiteral("as1"), QStringLiteral("Carrier ’X’ ﷺ")},
        {QStringLiteral("SELECT summary FROM work_orders WHERE id = ?"), kWorkOrderId, summaryText()},
        {QStringLiteral("SELECT comment FROM ratings WHERE work_order_id = ?"), kWorkOrderId, QStringLiteral("1' OR '1'='1")},
        {QStringLiteral("SELECT activity FROM time_entries WHERE work_order_id = ?"), kWorkOrderId, QStringLiteral("%s %n {0} ${x}")},
        {QStringLiteral("SELECT comment FROM time_entries WHERE work_order_id = ?"), kWorkOrderId, QStringLiteral("Robert'); DROP TABLE Students;--")},
        {QStringLiteral("SELECT name FROM parts WHERE sku = ?"), QStringLiteral("p'1"), QStringLiteral("Capacitor 35µF \"A/B\" ;")},
    };
    return list;
}

QString cell(const QString &v)
{
    QString q = v;
    return QLatin1Char('"') + q.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
}
QString line(const QStringList &cells)
{
    QStringList quoted;
    for (const QString &c : cells)
        quoted << cell(c);
    return quoted.join(QLatin1Char(',')) + QLatin1Char('\n');
}
QString valueOf(const QString &sqlStart)
{
    for (const Expected &e : expectations())
        if (e.sql.startsWith(sqlStart))
            return e.value;
    return {};
}

QMap<QString, QString> hostileDirectory()
{
    QMap<QString, QString> f;
    f[QStringLiteral("skills.csv")] = line({QStringLiteral("code"), QStringLiteral("name")})
        + line({kSkill, valueOf(QStringLiteral("SELECT name FROM skills"))});
    f[QStringLiteral("territories.csv")] = line({QStringLiteral("id"), QStringLiteral("name")})
        + line({QStringLiteral("north"), valueOf(QStringLiteral("SELECT name FROM territories"))});
    f[QStringLiteral("technicians.csv")] = line({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("skills"), QStringLiteral("territory_id"), QStringLiteral("home_lat"), QStringLiteral("home_lon")})
        + line({kTechId, technicianName(), kSkill, QStringLiteral("north"), QStringLiteral("-23.5"), QStringLiteral("-46.6")});
    f[QStringLiteral("customers.csv")] = line({QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("email")})
        + line({kCustomerId, valueOf(QStringLiteral("SELECT name FROM customers")), valueOf(QStringLiteral("SELECT phone")), valueOf(QStringLiteral("SELECT email"))});
    f[QStringLiteral("sites.csv")] = line({QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("address"), QStringLiteral("lat"), QStringLiteral("lon")})
        + line({kSiteId, kCustomerId, valueOf(QStringLiteral("SELECT name FROM sites")), valueOf(QStringLiteral("SELECT address")), QStringLiteral("-23.55"), QStringLiteral("-46.63")});
    f[QStringLiteral("assets.csv")] = line({QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("serial"), QStringLiteral("model")})
        + line({QStringLiteral("as1"), kSiteId, valueOf(QStringLiteral("SELECT serial")), valueOf(QStringLiteral("SELECT model"))});
    f[QStringLiteral("contracts.csv")] = line({QStringLiteral("id"), QStringLiteral("customer_id"), QStringLiteral("name"), QStringLiteral("starts_on"), QStringLiteral("ends_on")})
        + line({QStringLiteral("k1"), kCustomerId, valueOf(QStringLiteral("SELECT name FROM contracts")), QStringLiteral("2026-01-01"), QStringLiteral("2026-12-31")});
    f[QStringLiteral("maintenance_plans.csv")] = line({QStringLiteral("id"), QStringLiteral("contract_id"), QStringLiteral("asset_id"), QStringLiteral("task"), QStringLiteral("interval_days"), QStringLiteral("duration_min"), QStringLiteral("skills"), QStringLiteral("next_due")})
        + line({QStringLiteral("mp1"), QStringLiteral("k1"), QStringLiteral("as1"), kDrop, QStringLiteral("90"), QStringLiteral("45"), kSkill, QStringLiteral("2026-04-01")});
    f[QStringLiteral("work_orders.csv")] = line({QStringLiteral("id"), QStringLiteral("site_id"), QStringLiteral("asset_id"), QStringLiteral("contract_id"), QStringLiteral("required_skills"), QStringLiteral("duration_min"), QStringLiteral("created_at"), QStringLiteral("status"), QStringLiteral("summary")})
        + line({kWorkOrderId, kSiteId, QStringLiteral("as1"), QStringLiteral("k1"), kSkill, QStringLiteral("60"), QStringLiteral("2026-03-01T10:00:00Z"), QStringLiteral("scheduled"), summaryText()});
    f[QStringLiteral("appointments.csv")] = line({QStringLiteral("id"), QStringLiteral("work_order_id"), QStringLiteral("technician_id"), QStringLiteral("start"), QStringLiteral("end")})
        + line({kAppointmentId, kWorkOrderId, kTechId, QStringLiteral("2026-03-02T12:00:00Z"), QStringLiteral("2026-03-02T13:00:00Z")});
    f[QStringLiteral("ratings.csv")] = line({QStringLiteral("work_order_id"), QStringLiteral("score"), QStringLiteral("comment")})
        + line({kWorkOrderId, QStringLiteral("4"), valueOf(QStringLiteral("SELECT comment FROM ratings"))});
    f[QStringLiteral("time_entries.csv")] = line({QStringLiteral("technician_id"), QStringLiteral("work_order_id"), QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("activity"), QStringLiteral("comment")})
        + line({kTechId, kWorkOrderId, QStringLiteral("2026-03-02T12:05:00Z"), QStringLiteral("2026-03-02T12:55:00Z"), valueOf(QStringLiteral("SELECT activity")), valueOf(QStringLiteral("SELECT comment FROM time_entries"))});
    f[QStringLiteral("parts.csv")] = line({QStringLiteral("sku"), QStringLiteral("name"), QStringLiteral("unit_cost")})
        + line({QStringLiteral("p'1"), valueOf(QStringLiteral("SELECT name FROM parts")), QStringLiteral("1.5")});
    return f;
}

// The schema as the database describes it: tables and their columns.
QStringList schemaOf(Database &db)
{
    const QString sql = db.isPostgres()
        ? QStringLiteral("SELECT table_name || '.' || column_name FROM information_schema.columns "
                         "WHERE table_schema = current_schema() ORDER BY 1")
        : QStringLiteral("SELECT m.name || '.' || p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                         "WHERE m.type = 'table' ORDER BY 1");
    QStringList out;
    auto q = db.run(sql);
    while (q && q->next())
        out << q->value(0).toString();
    return out;
}

} // namespace

class TestInjection : public QObject {
    Q_OBJECT

    // An imported hostile database of the backend, its URL and schema before the import.
    struct Imported {
        std::unique_ptr<Database> db;
        QString url;
        QStringList schemaBefore;
        QString failure;
    };
    static Imported importHostile(const QString &backend)
    {
        Imported r;
        r.db = test::freshDatabase(backend, true, &r.url);
        if (!r.db) {
            r.failure = test::lastError();
            return r;
        }
        r.schemaBefore = schemaOf(*r.db);
        QTemporaryDir dir;
        if (!test::writeDirectory(dir.path(), hostileDirectory())) {
            r.failure = QStringLiteral("cannot write the CSV directory");
            return r;
        }
        const test::CliRun run = test::runCli(r.url, {QStringLiteral("import"), dir.path()});
        if (run.exitCode != 0)
            r.failure = QStringLiteral("import exit %1: %2").arg(run.exitCode).arg(run.err);
        return r;
    }

private slots:
    void importedTextRoundTrips_data() { test::addBackendRows(); }
    void importedTextRoundTrips()
    {
        QFETCH(QString, backend);
        Imported k = importHostile(backend);
        QVERIFY2(k.failure.isEmpty(), qPrintable(k.failure));
        for (const Expected &e : expectations()) {
            auto v = k.db->scalar(e.sql, {e.key});
            QVERIFY2(v.ok(), qPrintable(e.sql));
            QVERIFY2(v->isValid(), qPrintable(QStringLiteral("no row for %1 / %2").arg(e.sql, e.key)));
            QCOMPARE(v->toString(), e.value);
        }
        QCOMPARE(schemaOf(*k.db), k.schemaBefore);
        QCOMPARE(k.db->scalar(QStringLiteral("SELECT count(*) FROM work_orders")).value().toInt(), 1);
        QCOMPARE(k.db->scalar(QStringLiteral("SELECT count(*) FROM appointments WHERE id = ?"), {kAppointmentId}).value().toInt(), 1);
        QCOMPARE(k.db->scalar(QStringLiteral("SELECT count(*) FROM customers")).value().toInt(), 1);
        QCOMPARE(k.db->scalar(QStringLiteral("SELECT count(*) FROM contracts")).value().toInt(), 1);

        // And back out through the exporter: the hostile cells come out as RFC 4180 cells.
        QTemporaryDir out;
        const test::CliRun run = test::runCli(k.url, {QStringLiteral("export"), out.path()});
        QCOMPARE(run.exitCode, 0);
        const QByteArray workOrders = test::readDirectory(out.path()).value(QStringLiteral("work_orders.csv"));
        QVERIFY(workOrders.contains(cell(summaryText()).toUtf8()));
    }

    void writersReadersAndMessagesKeepHostileIds_data() { test::addBackendRows(); }
    void writersReadersAndMessagesKeepHostileIds()
    {
        QFETCH(QString, backend);
        Imported k = importHostile(backend);
        QVERIFY2(k.failure.isEmpty(), qPrintable(k.failure));
        const QString hostileActor = QStringLiteral("Ana'); DROP TABLE audit_log; -- %1 🙂");
        auto other = test::openAs(k.url, hostileActor);
        QVERIFY(other);
        const QString apptId = QStringLiteral("b'\"; DROP TABLE appointments; --");
        {
            Transaction tx(*other);
            Appointment a;
            a.id = apptId;
            a.workOrderId = kWorkOrderId;
            a.technicianId = kTechId;
            a.start = timefmt::parseIsoWithOffset(QStringLiteral("2026-03-03T12:00:00Z"));
            a.end = timefmt::parseIsoWithOffset(QStringLiteral("2026-03-03T13:00:00Z"));
            a.status = QStringLiteral("scheduled");
            QVERIFY(AppointmentWriter(*other).insert(a).ok());
            QVERIFY(AppointmentWriter(*other).setStatus(apptId, 1, QStringLiteral("on_site")).ok());
            QVERIFY(tx.commit().ok());
        }
        // A stale write from version 1: the message carries the actor's name verbatim.
        {
            Transaction tx(*k.db);
            auto r = AppointmentWriter(*k.db).setLocked(apptId, 1, true);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().message, QStringLiteral("%1 changed the status of this visit to on site while you were editing").arg(hostileActor));
        }
        auto details = WorkOrderRepository(*k.db).details(kWorkOrderId);
        QVERIFY(details.ok());
        QCOMPARE(details->order.summary, summaryText());
        QCOMPARE(details->customer.name, valueOf(QStringLiteral("SELECT name FROM customers")));
        QCOMPARE(int(details->appointments.size()), 2);
        auto changed = WorkOrderRepository(*k.db).updateStatus(kWorkOrderId, details->order.version, QStringLiteral("in_progress"));
        QVERIFY(changed.ok());

        auto history = AuditHistoryModel::load(*k.db, kWorkOrderId);
        QVERIFY(history.ok());
        AuditHistoryModel model;
        model.setHistory(std::move(history).value());
        QStringList who;
        for (int r = 0; r < model.rowCount(); ++r)
            who << model.index(r, AuditHistoryModel::Who).data().toString();
        QVERIFY(who.contains(hostileActor));
        QCOMPARE(model.index(0, AuditHistoryModel::Item).data().toString(), QStringLiteral("work order"));
        QCOMPARE(k.db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE actor = ?"), {hostileActor}).value().toInt(), 2);
        QCOMPARE(schemaOf(*k.db), k.schemaBefore);
    }

    void searchBoxMatchesLiterally_data() { test::addBackendRows(); }
    void searchBoxMatchesLiterally()
    {
        QFETCH(QString, backend);
        Imported k = importHostile(backend);
        QVERIFY2(k.failure.isEmpty(), qPrintable(k.failure));
        auto rows = WorkOrderRepository(*k.db).listRows();
        QVERIFY(rows.ok());
        WorkOrderTableModel model;
        model.setRows(std::move(rows).value());
        WorkOrderFilterProxy proxy;
        proxy.setSourceModel(&model);
        QCOMPARE(proxy.rowCount(), 1);
        for (const QString &hit : {QStringLiteral("DROP TABLE work_orders; --"), QStringLiteral("👩‍🔧"), QStringLiteral("O'Brien & \"Sons\""),
                                   QStringLiteral("w'1; --")}) {
            proxy.setSearchText(hit);
            QVERIFY2(proxy.rowCount() == 1, qPrintable(hit));
        }
        // Placeholders in the technician's name are text too.
        proxy.setSearchText(QStringLiteral("%1 %2 $$"));
        QCOMPARE(proxy.rowCount(), 1);
        for (const QString &miss : {QStringLiteral("' OR '1'='1"), QStringLiteral(".*"), QStringLiteral("DROP TABLE customers; --x")}) {
            proxy.setSearchText(miss);
            QVERIFY2(proxy.rowCount() == 0, qPrintable(miss));
        }
        // The backslash is in the summary: a literal match, not an escape.
        proxy.setSearchText(QStringLiteral("two \\ \"q\""));
        QCOMPARE(proxy.rowCount(), 1);
    }

    // The connection dialog's user field holds a hostile login: the URL keeps it, the
    // server sees exactly that role, and the change log records it.
    void hostileLoginName()
    {
        QString url;
        auto db = test::freshDatabase(QStringLiteral("postgres"), true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedAuditSchedule(*db).ok());
        const QString login = QStringLiteral("o'brien\"; DROP TABLE work_orders; -- @:/?#é");
        const test::CliRun add = test::runCli(url, {QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), QStringLiteral("dispatcher")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        DatabaseUrl typed = *DatabaseUrl::parse(url);
        typed.user = login; // as ConnectionForm fills it from the line edit
        typed.sslRootCert = QStringLiteral("/tmp/a b&c=d+e%20f#g'h.pem");
        auto reparsed = DatabaseUrl::parse(typed.toString(false));
        QVERIFY2(reparsed.ok(), qPrintable(typed.toString(false)));
        QCOMPARE(reparsed->user, login);
        QCOMPARE(reparsed->sslRootCert, typed.sslRootCert);
        QCOMPARE(DatabaseUrl::parse(reparsed->toDisplayString())->user, login); // recent-connection keys
        // A ';' would split the driver's options: refused with a reason, nothing opened.
        DatabaseUrl split = *reparsed;
        split.sslRootCert = QStringLiteral("/tmp/x.pem;host=evil");
        auto refused = Database::open(split);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Invalid);
        reparsed->sslRootCert.clear(); // the test server has no TLS
        auto as = Database::open(*reparsed);
        QVERIFY2(as.ok(), qPrintable(as.ok() ? QString() : as.error().message));
        QCOMPARE((*as)->scalar(QStringLiteral("SELECT session_user")).value().toString(), login);
        {
            Transaction tx(**as);
            QVERIFY(AppointmentWriter(**as).setStatus(QStringLiteral("a1"), 1, QStringLiteral("en_route")).ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(db->scalar(QStringLiteral("SELECT db_role FROM change_log WHERE entity = 'appointments' ORDER BY seq DESC LIMIT 1")).value().toString(), login);
        QCOMPARE(db->scalar(QStringLiteral("SELECT count(*) FROM work_orders")).value().toInt(), 1);
    }
};

QTEST_GUILESS_MAIN(TestInjection)
#include "tst_injection.moc"
