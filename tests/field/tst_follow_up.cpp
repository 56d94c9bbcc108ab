// Follow-up (return) work orders on both backends: a visit closed as needs_parts, from the
// field gateway (the real `fieldops-cli ingest`) or from the console (VisitOutcomeRecorder),
// opens a work order for the return visit that follows the first, copies its site, asset,
// contract, type, priority, duration and skills, and lists the parts reserved where they are
// free (the technician's van, else the warehouse with the most free, else nowhere); the
// original stays in progress and is closed when the follow-up is resolved. An unknown part
// refuses the whole outcome with the database left exactly as it was. Reserved parts count
// against the stock: available = on hand − reserved, and the reorder list goes by it.
#include "FollowUpFixture.h"
#include "CliRunner.h"
#include "TestDatabases.h"
#include "field/FollowUpOrders.h"
#include "field/VisitOutcomeRecorder.h"
#include "parts/PartsText.h"
#include "parts/Reservations.h"
#include "parts/StockRepository.h"
#include "repositories/AlertRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QtTest>

using namespace fieldops;

namespace {

QVariant value(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

const QByteArray kNeedsParts = R"({"kind":"status","appointment_id":"ap9","status":"on_site","at":"2026-03-02T09:05:00Z"}
{"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"needs_parts","completed_at":"2026-03-02T10:00:00Z","parts":[{"sku":"F-100","quantity":2},{"sku":"V-2","quantity":2},{"sku":"G-9","quantity":4}]}
)";

} // namespace

class TestFollowUp : public QObject {
    Q_OBJECT

    static std::unique_ptr<Database> open(const QString &backend, QString *url) { return test::openFollowUpFixture(backend, url); }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void needsPartsOpensLinkedFollowUp_data() { test::addBackendRows(); }
    void needsPartsOpensLinkedFollowUp()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = open(backend, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const test::CliRun r = test::runCli(url, {QStringLiteral("ingest"), QStringLiteral("-")}, kNeedsParts);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);

        // One new work order, following w1, with w1's site, asset, contract, type, priority,
        // duration, deadline and skills, and its title.
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w1'")).toInt(), 1);
        const QString id = value(*db, QStringLiteral("SELECT id FROM work_orders WHERE follow_up_of = 'w1'")).toString();
        QCOMPARE(id, QStringLiteral("WO-000001"));
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT site_id, asset_id, contract_id, type, priority, duration_min, status, summary FROM work_orders WHERE id = 'WO-000001'")),
                 QStringLiteral("s1|a1|k1|corrective|1|90|open|Return visit: Chiller down in cold room"));
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_orders w JOIN work_orders o ON o.id = 'w1' WHERE w.id = 'WO-000001' AND w.sla_due = o.sla_due")).toInt(), 1);
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = 'WO-000001' ORDER BY skill_code")),
                 QStringLiteral("elec;hvac"));
        // The parts: filters in Bruno's van (4 free), valves where 2 are free (north: 5, the
        // most), gaskets nowhere (none in stock).
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT sku, CAST(quantity AS integer), coalesce(reserved_location, 'NULL') FROM work_order_parts "
                                          "WHERE work_order_id = 'WO-000001' ORDER BY sku")),
                 QStringLiteral("F-100|2|van:t2;G-9|4|NULL;V-2|2|warehouse:north"));
        // The original waits in progress; the visit is completed, not resolved.
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("in_progress"));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap9'")).toString(), QStringLiteral("completed"));
        // The consoles hear of the new rows.
        QVERIFY(value(*db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'work_order_parts' AND entity_id = 'WO-000001'")).toInt() > 0);
        QVERIFY(value(*db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND entity_id = 'WO-000001'")).toInt() > 0);

        // The same outcome again (a corrected report) opens no second follow-up.
        const test::CliRun again = test::runCli(url, {QStringLiteral("ingest"), QStringLiteral("-")}, kNeedsParts.split('\n').at(1));
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w1'")).toInt(), 1);
    }

    // The ingest leaves a work order as the console does when an unresolved visit meets
    // another visit of it still booked (even with parts missing: no follow-up then), and
    // reopens it when the other visit is over; on both backends (the gateway's outcome:
    // tst_field_gateway).
    void unresolvedWithAnotherVisitBooked_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("otherVisit");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("expected");
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            QTest::addRow("%s another visit en route", qPrintable(backend)) << backend << "en_route" << "customer_absent" << "scheduled";
            QTest::addRow("%s another visit scheduled, parts missing", qPrintable(backend)) << backend << "scheduled" << "needs_parts" << "scheduled";
            QTest::addRow("%s the other visit cancelled", qPrintable(backend)) << backend << "cancelled" << "second_visit" << "open";
        }
    }
    void unresolvedWithAnotherVisitBooked()
    {
        QFETCH(QString, backend);
        QFETCH(QString, otherVisit);
        QFETCH(QString, reason);
        QFETCH(QString, expected);
        QString ingestUrl, consoleUrl;
        auto ingest = open(backend, &ingestUrl);
        QVERIFY2(ingest, qPrintable(test::lastError()));
        auto console = open(backend, &consoleUrl);
        QVERIFY2(console, qPrintable(test::lastError()));
        for (Database *db : {ingest.get(), console.get()}) {
            const QString failed = test::scheduleSecondVisit(*db, otherVisit);
            QVERIFY2(failed.isEmpty(), qPrintable(failed));
        }
        const test::CliRun r = test::runCli(ingestUrl, {QStringLiteral("ingest"), QStringLiteral("-")},
                                            QStringLiteral(R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"%1",)"
                                                           R"("completed_at":"2026-03-02T10:00:00Z"})" "\n")
                                                .arg(reason)
                                                .toUtf8());
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        const field::VisitOutcome o = test::ap9Unresolved(reason);
        auto recorded = field::VisitOutcomeRecorder::record(*console, QStringLiteral("ap9"), 1, o, test::fixtureNow());
        QVERIFY2(recorded, qPrintable(recorded ? QString() : recorded.error().message));
        QCOMPARE(recorded->workOrderStatusAfter, expected);
        for (Database *db : {ingest.get(), console.get()}) {
            QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), expected);
            QCOMPARE(value(*db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap9'")).toString(), QStringLiteral("completed"));
            QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w1'")).toInt(), 0);
        }
    }

    void badSkuRollsEverythingBack_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QByteArray>("outcome");
        QTest::addColumn<QString>("err");
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            QTest::addRow("%s unknown part", qPrintable(backend))
                << backend
                << QByteArray(R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"needs_parts","parts":[{"sku":"F-100","quantity":1},{"sku":"NOPE","quantity":1}]})")
                << QStringLiteral("-:2: parts: no part NOPE\n");
            QTest::addRow("%s parts on another reason", qPrintable(backend))
                << backend
                << QByteArray(R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"customer_absent","parts":[{"sku":"F-100","quantity":1}]})")
                << QStringLiteral("-:2: parts: only an outcome with reason needs_parts lists parts\n");
            QTest::addRow("%s zero quantity", qPrintable(backend))
                << backend
                << QByteArray(R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"needs_parts","parts":[{"sku":"F-100","quantity":0}]})")
                << QStringLiteral("-:2: parts: item 1 (F-100): quantity must be a number greater than 0\n");
            QTest::addRow("%s listed twice", qPrintable(backend))
                << backend
                << QByteArray(R"({"kind":"outcome","appointment_id":"ap9","resolved":false,"reason":"needs_parts","parts":[{"sku":"F-100","quantity":1},{"sku":"F-100","quantity":2}]})")
                << QStringLiteral("-:2: parts: F-100 is listed twice\n");
        }
    }
    void badSkuRollsEverythingBack()
    {
        QFETCH(QString, backend);
        QFETCH(QByteArray, outcome);
        QFETCH(QString, err);
        QString url;
        auto db = open(backend, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*db);
        const test::CliRun r = test::runCli(url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                            R"({"kind":"status","appointment_id":"ap9","status":"on_site","at":"2026-03-02T09:05:00Z"})" "\n" + outcome + "\n");
        QCOMPARE(r.err, err);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(test::dumpDatabase(*db), before);

        // The console refuses the same unknown part and writes nothing either.
        if (!err.contains(QLatin1String("NOPE")))
            return;
        field::VisitOutcome o;
        o.arrivedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC);
        o.completedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        o.resolved = false;
        o.reason = QStringLiteral("needs_parts");
        o.parts = {{QStringLiteral("F-100"), QString(), 1}, {QStringLiteral("NOPE"), QString(), 1}};
        auto recorded = field::VisitOutcomeRecorder::record(*db, QStringLiteral("ap9"), 1, o, test::fixtureNow());
        QVERIFY(!recorded);
        QCOMPARE(recorded.error().message, QStringLiteral("parts: no part NOPE"));
        QCOMPARE(test::dumpDatabase(*db), before);
    }

    void resolvingFollowUpClosesOriginal_data() { test::addBackendRows(); }
    void resolvingFollowUpClosesOriginal()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = open(backend, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QCOMPARE(test::runCli(url, {QStringLiteral("ingest"), QStringLiteral("-")}, kNeedsParts).exitCode, 0);
        // The alert says the job was left unresolved with nothing booked, until the return
        // visit is booked on the follow-up.
        const auto unresolvedAlerts = [&] {
            QStringList out;
            auto alerts = AlertRepository(*db).current(QDateTime(QDate(2026, 3, 3), QTime(8, 0), Qt::UTC));
            if (!alerts)
                return QStringList{alerts.error().message};
            for (const Alert &a : *alerts)
                if (a.kind == Alert::Kind::Unresolved && a.workOrderId == QLatin1String("w1"))
                    out << a.appointmentId;
            return out;
        };
        QCOMPARE(unresolvedAlerts(), QStringList{QStringLiteral("ap9")});
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                                       "('ap10', 'WO-000001', 't2', '2026-03-03T09:00:00Z', '2026-03-03T10:30:00Z', 'scheduled')")));
        QCOMPARE(unresolvedAlerts(), QStringList());
        QVERIFY(db->run(QStringLiteral("UPDATE work_orders SET status = 'scheduled' WHERE id = 'WO-000001'")));

        // An unresolved return visit for another reason closes nothing.
        test::CliRun r = test::runCli(url, {QStringLiteral("ingest"), QStringLiteral("-")},
                                      R"({"kind":"outcome","appointment_id":"ap10","resolved":false,"reason":"customer_absent"})");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("in_progress"));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'WO-000001'")).toString(), QStringLiteral("open"));

        // Resolved: the follow-up is done and the original with it, its version bumped.
        const int originalVersion = value(*db, QStringLiteral("SELECT version FROM work_orders WHERE id = 'w1'")).toInt();
        r = test::runCli(url, {QStringLiteral("ingest"), QStringLiteral("-")},
                         R"({"kind":"outcome","appointment_id":"ap10","resolved":true,"completed_at":"2026-03-03T10:00:00Z"})");
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'WO-000001'")).toString(), QStringLiteral("done"));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("done"));
        QCOMPARE(value(*db, QStringLiteral("SELECT version FROM work_orders WHERE id = 'w1'")).toInt(), originalVersion + 1);
        // Done work orders hold nothing: the reservations are free again.
        auto reserved = parts::Reservations(*db).reserved();
        QVERIFY2(reserved, qPrintable(reserved ? QString() : reserved.error().message));
        QVERIFY(reserved->isEmpty());
    }

    void consoleOpensAndClosesFollowUp_data() { test::addBackendRows(); }
    void consoleOpensAndClosesFollowUp()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = open(backend, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        field::VisitOutcome o;
        o.arrivedAt = QDateTime(QDate(2026, 3, 2), QTime(9, 5), Qt::UTC);
        o.completedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        o.resolved = false;
        o.reason = QStringLiteral("needs_parts");
        o.parts = {{QStringLiteral("V-2"), QString(), 1}};
        auto r = field::VisitOutcomeRecorder::record(*db, QStringLiteral("ap9"), 1, o, test::fixtureNow());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY(r->needsFollowUp);
        QCOMPARE(r->followUpId, QStringLiteral("WO-000001"));
        QCOMPARE(r->workOrderStatusAfter, QStringLiteral("in_progress"));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("in_progress"));
        QCOMPARE(value(*db, QStringLiteral("SELECT follow_up_of FROM work_orders WHERE id = 'WO-000001'")).toString(), QStringLiteral("w1"));
        // One valve: Bruno's van has it free.
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT sku, reserved_location FROM work_order_parts WHERE work_order_id = 'WO-000001'")),
                 QStringLiteral("V-2|van:t2"));

        // The return visit, resolved from the console, closes w1 as an edit of its own (undoable).
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                                       "('ap10', 'WO-000001', 't2', '2026-03-02T10:30:00Z', '2026-03-02T11:00:00Z', 'scheduled')")));
        field::VisitOutcome fixed;
        fixed.arrivedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 35), Qt::UTC);
        fixed.completedAt = QDateTime(QDate(2026, 3, 2), QTime(10, 55), Qt::UTC);
        auto done = field::VisitOutcomeRecorder::record(*db, QStringLiteral("ap10"), 1, fixed, test::fixtureNow());
        QVERIFY2(done, qPrintable(done ? QString() : done.error().message));
        QCOMPARE(done->closedOriginals, QStringList{QStringLiteral("w1")});
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("done"));
        Transaction tx(*db);
        QVERIFY(records::applyEdits(*db, done->edits, false).ok());
        QVERIFY(tx.commit().ok());
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("in_progress"));
    }

    void reservedAndAvailableStock_data() { test::addBackendRows(); }
    void reservedAndAvailableStock()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = open(backend, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        // Before: nothing reserved; filters in the van (4) are above their reorder point (3).
        auto reorder = parts::StockRepository(*db).reorderList();
        QVERIFY(reorder);
        QVERIFY(reorder->empty());
        QCOMPARE(test::runCli(url, {QStringLiteral("ingest"), QStringLiteral("-")}, kNeedsParts).exitCode, 0);

        parts::Reservations reservations(*db);
        QCOMPARE(*reservations.reservedAt(QStringLiteral("F-100"), QStringLiteral("van:t2")), 2.0);
        QCOMPARE(*reservations.reservedAt(QStringLiteral("V-2"), QStringLiteral("warehouse:north")), 2.0);
        QCOMPARE(*reservations.reservedAt(QStringLiteral("V-2"), QStringLiteral("van:t2")), 0.0);
        // The next placement sees what is left: north has 3 free now, central 3; 3 valves go
        // to central (equal: the first by name), 4 fit nowhere.
        QCOMPARE(*reservations.placeFor(QStringLiteral("V-2"), 3, QStringLiteral("t2")), QStringLiteral("warehouse:central"));
        QCOMPARE(*reservations.placeFor(QStringLiteral("V-2"), 4, QStringLiteral("t2")), QString());
        QCOMPARE(*reservations.placeFor(QStringLiteral("F-100"), 2, QStringLiteral("t2")), QStringLiteral("van:t2"));
        QCOMPARE(*reservations.placeFor(QStringLiteral("F-100"), 3, QStringLiteral("t2")), QStringLiteral("warehouse:central"));

        // stock: on hand, reserved and available.
        test::CliRun r = test::runCli(url, {QStringLiteral("stock"), QStringLiteral("--location"), QStringLiteral("van:t2"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("{\"stock\":[{\"location\":\"van:t2\",\"sku\":\"F-100\",\"name\":\"Filter\",\"quantity\":4,\"reserved\":2,"
                                       "\"available\":2,\"min_quantity\":3},{\"location\":\"van:t2\",\"sku\":\"V-2\",\"name\":\"Valve\","
                                       "\"quantity\":1,\"reserved\":0,\"available\":1,\"min_quantity\":0}]}\n"));
        r = test::runCli(url, {QStringLiteral("stock"), QStringLiteral("--location"), QStringLiteral("warehouse:north")});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).split(QLatin1Char(' '), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("LOCATION"), QStringLiteral("SKU"), QStringLiteral("QUANTITY"), QStringLiteral("RESERVED"),
                              QStringLiteral("AVAILABLE"), QStringLiteral("MINIMUM"), QStringLiteral("NAME")}));
        QCOMPARE(lines.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts),
                 (QStringList{QStringLiteral("warehouse:north"), QStringLiteral("V-2"), QStringLiteral("5"), QStringLiteral("2"),
                              QStringLiteral("3"), QStringLiteral("0"), QStringLiteral("Valve")}));

        // reorder goes by what is free: 4 on hand but 2 of them reserved is below 3.
        r = test::runCli(url, {QStringLiteral("reorder"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("{\"reorder\":[{\"location\":\"van:t2\",\"sku\":\"F-100\",\"name\":\"Filter\",\"quantity\":4,\"reserved\":2,"
                                       "\"available\":2,\"min_quantity\":3,\"shortfall\":1}]}\n"));
        // A cancelled follow-up holds nothing.
        QVERIFY(db->run(QStringLiteral("UPDATE work_orders SET status = 'cancelled' WHERE id = 'WO-000001'")));
        r = test::runCli(url, {QStringLiteral("reorder"), QStringLiteral("--json")});
        QCOMPARE(r.out, QStringLiteral("{\"reorder\":[]}\n"));
    }

    void partsTextReadsBack()
    {
        QString problem;
        const auto parts = parts::parsePartsText(QStringLiteral("2 × F-100, V-2; 1.5x G-9"), &problem);
        QCOMPARE(problem, QString());
        QCOMPARE(int(parts.size()), 3);
        QCOMPARE(parts[0].sku, QStringLiteral("F-100"));
        QCOMPARE(parts[0].quantity, 2.0);
        QCOMPARE(parts[1].sku, QStringLiteral("V-2"));
        QCOMPARE(parts[1].quantity, 1.0);
        QCOMPARE(parts[2].quantity, 1.5);
        QCOMPARE(parts::partsText(parts), QStringLiteral("2 × F-100, 1 × V-2, 1.5 × G-9"));
        parts::parsePartsText(QStringLiteral("F-100 two"), &problem);
        QCOMPARE(problem, QStringLiteral("\"F-100 two\" is not a part: write the SKU, or the quantity × the SKU (2 × FLT-100)"));
        problem.clear();
        parts::parsePartsText(QStringLiteral("F-100, 2 x F-100"), &problem);
        QCOMPARE(problem, QStringLiteral("F-100 is listed twice"));
    }
};

QTEST_GUILESS_MAIN(TestFollowUp)
#include "tst_follow_up.moc"
