// `fieldops-cli time-entries` and `fieldops-cli billing` as an office runs them, on both
// backends, over a March written with plain SQL. Ana works for Acme (c1) under contract k1
// (monthly: fee 500, 10 h included, 80/h beyond, parts billed) on w1, visits a1 on 2 March
// (arrived 08:00, completed 14:30) and a3 on 3 March (08:00–14:00), and for Beta (c2) on w2,
// without a contract (visit a2 on 10 March 13:00–15:00). Her entries:
//   1  w1  2 Mar 08:00–14:00  6 h  "replaced the compressor"
//   2  w1  2 Mar 14:00–19:30  5.5 h, no comment: outside the visit; corrected to 14:00–14:30
//   3  w1  3 Mar 08:00–14:00  6 h  overlaps 5
//   4  w2 10 Mar 13:00–15:00  2 h  "fixed the leak"
//   5  w1  3 Mar 13:00–14:00  1 h, stays pending
// Two filters (12.50 each) were used on a1. After approving 1, 3, 4 and correcting 2:
//   c1/k1: 6 + 0.5 + 6 = 12.5 h approved, 10 included, 2.5 × 80 = 200.00, fee 500.00,
//          parts 25.00, total 725.00, one entry pending;
//   c2 without contract: 2 h with no rate (0.00, no_rate).
#include "CliRunner.h"
#include "TestDatabases.h"
#include "util/TimeFormat.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops;

namespace {

using test::runAll;

Status seedMarch(Database &db)
{
    return runAll(db, {
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme'), ('c2', 'Beta')",
        "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.55, -46.63), ('s2', 'c2', -23.45, -46.63)",
        "INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('t1', 'Ana', -23.55, -46.63)",
        "INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, fee_period, fixed_fee, included_hours, hourly_rate) VALUES "
        "('k1', 'c1', 'Acme care', '2026-01-01', '2026-12-31', 'month', 500, 10, 80)",
        "INSERT INTO work_orders(id, site_id, contract_id, duration_min, created_at, status) VALUES "
        "('w1', 's1', 'k1', 120, '2026-03-01T00:00:00Z', 'done'), ('w2', 's2', NULL, 60, '2026-03-01T00:00:00Z', 'done')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at) VALUES "
        "('a1', 'w1', 't1', '2026-03-02T08:00:00Z', '2026-03-02T15:00:00Z', 'completed', '2026-03-02T08:00:00Z', '2026-03-02T14:30:00Z'), "
        "('a3', 'w1', 't1', '2026-03-03T08:00:00Z', '2026-03-03T14:00:00Z', 'completed', NULL, NULL), "
        "('a2', 'w2', 't1', '2026-03-10T13:00:00Z', '2026-03-10T15:00:00Z', 'completed', NULL, NULL)",
        "INSERT INTO parts(sku, name, unit_cost) VALUES ('filter', 'Air filter', 12.5)",
        "INSERT INTO parts_used(appointment_id, sku, quantity, location, at) VALUES ('a1', 'filter', 2, 'van:t1', '2026-03-02T12:00:00Z')",
        "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
        "('t1', 'w1', '2026-03-02T08:00:00Z', '2026-03-02T14:00:00Z', TRUE, 'work', 'replaced the compressor')",
        "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
        "('t1', 'w1', '2026-03-02T14:00:00Z', '2026-03-02T19:30:00Z', TRUE, 'work', '')",
        "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
        "('t1', 'w1', '2026-03-03T08:00:00Z', '2026-03-03T14:00:00Z', TRUE, 'work', 'commissioning')",
        "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
        "('t1', 'w2', '2026-03-10T13:00:00Z', '2026-03-10T15:00:00Z', TRUE, 'work', 'fixed the leak')",
        "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment) VALUES "
        "('t1', 'w1', '2026-03-03T13:00:00Z', '2026-03-03T14:00:00Z', TRUE, 'work', 'paperwork')",
    });
}

QString readText(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("<missing %1>").arg(path);
    return QString::fromUtf8(f.readAll());
}

QByteArray readBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList csvLines(const QString &path) { return readText(path).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts); }

QString state(Database &db, int id)
{
    auto v = db.scalar(QStringLiteral("SELECT review_state || ' v' || CAST(version AS text) FROM time_entries WHERE id = ?"), {id});
    return v ? v->toString() : QStringLiteral("<%1>").arg(v.error().message);
}

// The entries' flags as the JSON listing gives them, "id:flag,flag".
QStringList flagsOf(const QString &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("entries")).toArray()) {
        const QJsonObject o = v.toObject();
        QStringList flags;
        for (const QJsonValue &f : o.value(QStringLiteral("flags")).toArray())
            flags << f.toString();
        out << QStringLiteral("%1:%2").arg(o.value(QStringLiteral("id")).toInt()).arg(flags.join(QLatin1Char(',')));
    }
    return out;
}

bool oneErrorLine(const test::CliRun &r)
{
    const QString err = r.err.trimmed();
    return err.startsWith(QLatin1String("error: ")) && !err.contains(QLatin1Char('\n'));
}

} // namespace

class TestBillingCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void reviewThenBill_data() { test::addBackendRows(); }
    void reviewThenBill()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMarch(*db).ok());
        QCOMPARE(state(*db, 1), QStringLiteral("pending v1"));

        // The listing: every entry pending, with the flags worked out above.
        auto list = test::runCli(url, {"time-entries", "--from", "2026-03-01", "--to", "2026-03-31", "--json"});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(flagsOf(list.out), (QStringList{"1:", "2:outside_visit,no_comment", "3:overlap", "5:overlap", "4:"}));
        QVERIFY(list.out.contains(QLatin1String("\"review_state\":\"pending\"")));
        QVERIFY(list.out.contains(QLatin1String("overlaps entry 5 of the same technician")));

        // Approve as entered; approving again leaves them alone.
        auto approve = test::runCli(url, {"time-entries", "approve", "1", "3", "4"});
        QCOMPARE(approve.exitCode, 0);
        QCOMPARE(state(*db, 1), QStringLiteral("approved v2"));
        QCOMPARE(state(*db, 3), QStringLiteral("approved v2"));
        QCOMPARE(state(*db, 4), QStringLiteral("approved v2"));
        QCOMPARE(state(*db, 5), QStringLiteral("pending v1"));
        auto again = test::runCli(url, {"time-entries", "approve", "1"});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(state(*db, 1), QStringLiteral("approved v2"));
        auto reviewer = db->scalar(QStringLiteral("SELECT count(*) FROM time_entries WHERE reviewed_by IS NOT NULL AND reviewed_by <> '' AND reviewed_at IS NOT NULL"));
        QVERIFY(reviewer);
        QCOMPARE(reviewer->toInt(), 3);

        // Correct 2, read at version 1; the audit keeps what Ana entered.
        auto correct = test::runCli(url, {"time-entries", "correct", "2", "--end", "2026-03-02T14:30:00Z", "--comment", "tested the unit", "--version", "1"});
        QCOMPARE(correct.exitCode, 0);
        QCOMPARE(state(*db, 2), QStringLiteral("corrected v2"));
        auto audit = db->run(QStringLiteral("SELECT old_values, new_values FROM audit_log WHERE entity = 'time_entries' AND op = 'update' ORDER BY id"));
        QVERIFY(audit);
        QJsonObject before, after;
        while (audit->next()) {
            const QJsonObject o = QJsonDocument::fromJson(audit->value(0).toString().toUtf8()).object();
            const QJsonObject n = QJsonDocument::fromJson(audit->value(1).toString().toUtf8()).object();
            if (o.value(QStringLiteral("id")).toInteger() == 2 && n.value(QStringLiteral("review_state")).toString() == QLatin1String("corrected")) {
                before = o;
                after = n;
            }
        }
        audit->finish();
        QVERIFY2(!before.isEmpty(), "the correction is in the audit log");
        QCOMPARE(timefmt::parseIsoWithOffset(before.value(QStringLiteral("end_at")).toString()), timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T19:30:00Z")));
        QCOMPARE(before.value(QStringLiteral("comment")).toString(), QString());
        QCOMPARE(before.value(QStringLiteral("review_state")).toString(), QStringLiteral("pending"));
        QCOMPARE(timefmt::parseIsoWithOffset(after.value(QStringLiteral("end_at")).toString()), timefmt::parseIsoWithOffset(QStringLiteral("2026-03-02T14:30:00Z")));
        QCOMPARE(after.value(QStringLiteral("comment")).toString(), QStringLiteral("tested the unit"));
        auto logged = db->scalar(QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'time_entries' AND op = 'update'"));
        QVERIFY(logged);
        QCOMPARE(logged->toInt(), 4); // three approvals and the correction

        // The same version again is stale now; unknown entries are refused; nothing moves.
        auto stale = test::runCli(url, {"time-entries", "correct", "2", "--end", "2026-03-02T15:00:00Z", "--version", "1"});
        QCOMPARE(stale.exitCode, 2);
        QVERIFY2(oneErrorLine(stale), qPrintable(stale.err));
        QVERIFY2(stale.err.contains(QLatin1String("version 2")) && stale.err.contains(QLatin1String("version 1")), qPrintable(stale.err));
        QCOMPARE(state(*db, 2), QStringLiteral("corrected v2"));
        auto unknown = test::runCli(url, {"time-entries", "approve", "5", "999"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(oneErrorLine(unknown) && unknown.err.contains(QLatin1String("999")), qPrintable(unknown.err));
        QCOMPARE(state(*db, 5), QStringLiteral("pending v1")); // all or nothing
        auto unknownCorrect = test::runCli(url, {"time-entries", "correct", "999", "--comment", "x"});
        QCOMPARE(unknownCorrect.exitCode, 2);
        auto backwards = test::runCli(url, {"time-entries", "correct", "2", "--start", "2026-03-02T15:00:00Z"});
        QCOMPARE(backwards.exitCode, 2);
        QCOMPARE(state(*db, 2), QStringLiteral("corrected v2"));

        // After the review only the overlap of 3 and 5 remains flagged.
        list = test::runCli(url, {"time-entries", "--from", "2026-03-01", "--to", "2026-03-31", "--technician", "t1", "--json"});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(flagsOf(list.out), (QStringList{"1:", "2:", "3:overlap", "5:overlap", "4:"}));

        // The billing of March.
        QTemporaryDir tmp;
        const QString out = tmp.filePath(QStringLiteral("march"));
        auto bill = test::runCli(url, {"billing", "--from", "2026-03-01", "--to", "2026-03-31", "--out", out, "--json"});
        QCOMPARE(bill.exitCode, 0);
        QVERIFY2(bill.err.isEmpty(), qPrintable(bill.err));
        QCOMPARE(csvLines(QDir(out).filePath(QStringLiteral("billing_summary.csv"))),
                 (QStringList{
                     "customer_id,contract_id,approved_hours,included_hours,billable_hours_beyond,hourly_rate,time_amount,fixed_fee,parts_amount,total,pending_entries,notes",
                     "c1,k1,12.50,10.00,2.50,80.00,200.00,500.00,25.00,725.00,1,",
                     "c2,,2.00,0.00,2.00,,0.00,0.00,0.00,0.00,0,no_rate",
                 }));
        QCOMPARE(csvLines(QDir(out).filePath(QStringLiteral("billing_lines.csv"))),
                 (QStringList{
                     "customer_id,contract_id,kind,id,work_order_id,technician_id,start,end,item,description,quantity,included_quantity,billed_quantity,unit_price,amount,note",
                     "c1,k1,time,1,w1,t1,2026-03-02T08:00:00Z,2026-03-02T14:00:00Z,work,replaced the compressor,6.00,6.00,0.00,80.00,0.00,",
                     "c1,k1,time,2,w1,t1,2026-03-02T14:00:00Z,2026-03-02T14:30:00Z,work,tested the unit,0.50,0.50,0.00,80.00,0.00,",
                     "c1,k1,time,3,w1,t1,2026-03-03T08:00:00Z,2026-03-03T14:00:00Z,work,commissioning,6.00,3.50,2.50,80.00,200.00,",
                     "c1,k1,part,1,w1,t1,2026-03-02T12:00:00Z,,filter,Air filter,2,0,2,12.50,25.00,",
                     "c2,,time,4,w2,t1,2026-03-10T13:00:00Z,2026-03-10T15:00:00Z,work,fixed the leak,2.00,0.00,2.00,,0.00,no_rate",
                 }));
        const QByteArray pdf = readBytes(QDir(out).filePath(QStringLiteral("billing.pdf")));
        QVERIFY2(pdf.startsWith("%PDF"), pdf.left(40).constData());
        QVERIFY(pdf.size() > 1000);
        const QJsonObject json = QJsonDocument::fromJson(bill.out.toUtf8()).object();
        const QJsonArray summary = json.value(QStringLiteral("summary")).toArray();
        QCOMPARE(summary.size(), 2);
        QCOMPARE(summary[0].toObject().value(QStringLiteral("total")).toDouble(), 725.0);
        QCOMPARE(summary[0].toObject().value(QStringLiteral("pending_entries")).toInt(), 1);
        QVERIFY(summary[1].toObject().value(QStringLiteral("contract_id")).isNull());
        QVERIFY(summary[1].toObject().value(QStringLiteral("hourly_rate")).isNull());
        QCOMPARE(summary[1].toObject().value(QStringLiteral("notes")).toArray().first().toString(), QStringLiteral("no_rate"));
    }

    // The phone's arrival for a1 read with the visits: Ana's first entry starts 30 minutes
    // before it, which the listing names in code and words.
    void gpsMismatchListed_data() { test::addBackendRows(); }
    void gpsMismatchListed()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMarch(*db).ok());
        QVERIFY(db->run(QStringLiteral("UPDATE appointments SET inferred_arrived_at = ? WHERE id = 'a1'"), {QStringLiteral("2026-03-02T08:30:00Z")}).ok());
        auto list = test::runCli(url, {"time-entries", "--from", "2026-03-02", "--to", "2026-03-02", "--json"});
        QCOMPARE(list.exitCode, 0);
        QCOMPARE(flagsOf(list.out), (QStringList{"1:gps_mismatch", "2:outside_visit,no_comment"}));
        QVERIFY2(list.out.contains(QLatin1String("starts 30 min before the arrival the GPS shows")), qPrintable(list.out));
    }

    void badInputWritesNothing_data() { test::addBackendRows(); }
    void badInputWritesNothing()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMarch(*db).ok());
        QTemporaryDir tmp;
        const QString empty = tmp.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        const QString file = tmp.filePath(QStringLiteral("a-file"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("x");
        }
        const QString missing = tmp.filePath(QStringLiteral("missing"));
        const QList<QStringList> cases{
            {"billing", "--from", "2026-02-30", "--to", "2026-03-31", "--out", empty},
            {"billing", "--from", "2026-03-01", "--to", "31/03/2026", "--out", missing},
            {"billing", "--from", "2026-03-31", "--to", "2026-03-01", "--out", missing},
            {"billing", "--from", "2026-03-01", "--to", "2026-03-31", "--out", file},
            {"billing", "--from", "2026-03-01", "--to", "2026-03-31", "--out", file + QStringLiteral("/under")},
            {"billing", "--from", "2026-03-01", "--to", "2026-03-31"},
            {"time-entries", "--from", "2026-03-01", "--to", "2026-02-01"},
            {"time-entries", "--from", "2026-03-01", "--to", "2026-03-31", "--technician", "nobody"},
            {"time-entries", "approve", "abc"},
            {"time-entries", "correct", "1", "--billable", "2"},
            {"time-entries", "correct", "1", "--start", "yesterday"},
        };
        const QString before = test::dumpDatabase(*db);
        for (const QStringList &args : cases) {
            auto r = test::runCli(url, args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" → ") + QString::number(r.exitCode)));
            QVERIFY2(oneErrorLine(r), qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.err));
        }
        QCOMPARE(QDir(empty).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
        QVERIFY(!QFileInfo::exists(missing));
        QCOMPARE(readText(file), QStringLiteral("x"));
        QCOMPARE(test::dumpDatabase(*db), before);
    }

    void importedEntriesArePending_data() { test::addBackendRows(); }
    void importedEntriesArePending()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(seedMarch(*db).ok());
        QTemporaryDir tmp;
        {
            QFile f(tmp.filePath(QStringLiteral("time_entries.csv")));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("technician_id,work_order_id,start,end,billable,activity,comment\r\n"
                    "t1,w2,2026-03-10T13:00:00Z,2026-03-10T14:00:00Z,1,work,imported\r\n");
        }
        auto r = test::runCli(url, {"import", tmp.path()});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        auto q = db->run(QStringLiteral("SELECT comment, review_state, version, reviewed_by FROM time_entries WHERE technician_id = 't1'"));
        QVERIFY(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toString(), QStringLiteral("imported"));
        QCOMPARE(q->value(1).toString(), QStringLiteral("pending"));
        QCOMPARE(q->value(2).toInt(), 1);
        QVERIFY(q->value(3).isNull());
        QVERIFY(!q->next()); // the import replaced Ana's entries
    }
};

QTEST_GUILESS_MAIN(TestBillingCli)
#include "tst_billing_cli.moc"
