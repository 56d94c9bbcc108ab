// Preventive generation as one step on the console's undo stack, on both backends with
// real databases: undo removes exactly the work orders of that run (an earlier run's and a
// hand-made work order stay), redo writes the same ones again (ids, occurrences, creation
// time, deadlines, skills), after which generating again still creates nothing. Undo is
// refused in words, with nothing removed and the step dropped, when one of the run's work
// orders has since been scheduled, edited or cancelled; redo is refused, with nothing
// written, when another console generated the same occurrences meanwhile.
#include "TestDatabases.h"
#include "commands/GeneratePmCommand.h"
#include "document/ScheduleDocument.h"
#include "planning/PmGenerator.h"

#include <QSignalSpy>
#include <QSqlRecord>
#include <QTimeZone>
#include <QtTest>

using namespace fieldops;

namespace {

// One São Paulo site, a 2026 business-hours contract; p1 monthly on the 15th at 08:00
// local (needs hvac), p2 every 14 days from Mon 2 March.
const QStringList kPlans{
    QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone) VALUES ('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo')"),
    QStringLiteral("INSERT INTO assets(id, site_id) VALUES ('a1', 's1'), ('a2', 's1')"),
    QStringLiteral("INSERT INTO technicians(id, name, home_lat, home_lon) VALUES ('T1', 'Ana', -23.5, -46.6)"),
    QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                   "('k1', 'c1', 'Acme Gold', '2026-01-01', '2026-12-31', 8, 'business_hours')"),
    QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence, preferred_start) VALUES "
                   "('p1', 'k1', 'a1', 'Filter change', 30, 45, '2026-01-15', 'every 1 months on day 15', '08:00')"),
    QStringLiteral("INSERT INTO maintenance_plan_skills(plan_id, skill_code) VALUES ('p1', 'hvac')"),
    QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due) VALUES "
                   "('p2', 'k1', 'a2', 'Belt check', 14, 30, '2026-03-02')"),
    // A work order somebody typed in: no undo of a generation may touch it.
    QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES ('W-HAND', 's1', 60, '2026-02-01T10:00:00Z', 'open')"),
};

planning::PmGenerateOptions optionsFrom(int horizonDays)
{
    planning::PmGenerateOptions o;
    o.now = QDateTime(QDate(2026, 3, 1), QTime(6, 0, 0, 250), QTimeZone::utc());
    o.today = QDate(2026, 3, 1);
    o.horizonDays = horizonDays;
    return o;
}

} // namespace

class TestGeneratePmUndo : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;   // the generator's and the checks' connection
    std::unique_ptr<Database> m_edit; // the undo stack's edit connection

    bool open(const QString &backend)
    {
        m_edit.reset();
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        for (const QString &sql : kPlans)
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << sql << s.error().message;
                return false;
            }
        m_edit = test::openUrl(m_url);
        return m_edit != nullptr;
    }
    EditTarget target(ScheduleDocument &doc) { return {m_edit.get(), &doc, doc.versions()}; }
    int count(const QString &sql) { return m_db->scalar(sql)->toInt(); }
    int preventive() { return count(QStringLiteral("SELECT count(*) FROM work_orders WHERE pm_plan_id IS NOT NULL")); }

    // Every stored field of the work orders and their skills, as text, in id order.
    QString workOrders()
    {
        auto q = m_db->run(QStringLiteral("SELECT w.*, (SELECT count(*) FROM work_order_skills s WHERE s.work_order_id = w.id) FROM work_orders w ORDER BY w.id"));
        if (!q)
            return q.error().message;
        QStringList rows;
        while (q->next()) {
            QStringList cells;
            for (int c = 0; c < q->record().count(); ++c)
                cells << q->value(c).toString();
            rows << cells.join(QLatin1Char('|'));
        }
        return rows.join(QLatin1Char('\n'));
    }

    // Generates for the horizon and puts the run on the stack as the console does.
    GeneratePmCommand *generate(ScheduleDocument &doc, int horizonDays)
    {
        auto run = planning::PmGenerator(*m_db).run(optionsFrom(horizonDays));
        if (!run) {
            qWarning() << run.error().message;
            return nullptr;
        }
        auto *command = GeneratePmCommand::alreadyApplied(target(doc), *run);
        doc.push(command);
        return command;
    }

private slots:
    void undoRemovesExactlyThatRun_data() { test::addBackendRows(); }
    void undoRemovesExactlyThatRun()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        QSignalSpy written(&doc, &ScheduleDocument::recordsWritten);
        // First run, 30 days: p1 on Mar 15; p2 on Mar 2, 16 and 30.
        GeneratePmCommand *first = generate(doc, 30);
        QVERIFY(first);
        QCOMPARE(first->workOrderIds().size(), 4);
        QCOMPARE(preventive(), 4);
        QCOMPARE(written.size(), 1); // the views hear of the run once
        QCOMPARE(written.front().at(0).toString(), QStringLiteral("work_orders"));
        const QString afterFirst = workOrders();
        // Second run, 60 days: p1 on Apr 15; p2 on Apr 13 and 27.
        GeneratePmCommand *second = generate(doc, 60);
        QVERIFY(second);
        QCOMPARE(second->workOrderIds().size(), 3);
        QCOMPARE(doc.undoStack()->count(), 2);
        const QString afterSecond = workOrders();
        const int audited = count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders'"));

        doc.undoStack()->undo();
        QCOMPARE(doc.undoStack()->count(), 2); // undone, not dropped
        QCOMPARE(preventive(), 4);
        QCOMPARE(workOrders(), afterFirst);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_order_skills ws JOIN work_orders w ON w.id = ws.work_order_id WHERE w.pm_due >= '2026-04-01'")), 0);
        // The removal is logged like any other delete.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND op = 'delete'")), 3);

        doc.undoStack()->undo();
        QCOMPARE(preventive(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = 'W-HAND'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_order_skills")), 0);

        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(workOrders(), afterSecond); // the same rows, field for field
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders'")) > audited);
        // Still idempotent: the occurrences are there again, so a new run creates nothing.
        auto again = planning::PmGenerator(*m_db).run(optionsFrom(60));
        QVERIFY(again);
        QCOMPARE(again->created.size(), 0);
    }

    void undoRefusedOnceChanged_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("message");
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            // WO-000001 is the first id the run takes: p1's Mar 15 (plans in id order).
            QTest::addRow("%s scheduled", backend)
                << b
                << QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) "
                                  "SELECT 'v1', id, 'T1', '2026-03-15T11:00:00Z', '2026-03-15T12:00:00Z', 'scheduled' FROM work_orders WHERE pm_plan_id = 'p1'")
                << QStringLiteral("Cannot undo the preventive generation: work order %1 has been scheduled since (it has a visit). Nothing was removed.");
            QTest::addRow("%s edited", backend)
                << b << QStringLiteral("UPDATE work_orders SET summary = 'Filter change, bring a ladder', version = version + 1 WHERE pm_plan_id = 'p1'")
                << QStringLiteral("Cannot undo the preventive generation: work order %1 has been changed since it was generated. Nothing was removed.");
            QTest::addRow("%s cancelled", backend)
                << b << QStringLiteral("UPDATE work_orders SET status = 'cancelled', version = version + 1 WHERE pm_plan_id = 'p1'")
                << QStringLiteral("Cannot undo the preventive generation: work order %1 is cancelled now, no longer open. Nothing was removed.");
            QTest::addRow("%s deleted", backend)
                << b << QStringLiteral("DELETE FROM work_orders WHERE pm_plan_id = 'p1'")
                << QStringLiteral("Cannot undo the preventive generation: work order %1 has been deleted since. Nothing was removed.");
        }
    }
    void undoRefusedOnceChanged()
    {
        QFETCH(QString, backend);
        QFETCH(QString, change);
        QFETCH(QString, message);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        QVERIFY(generate(doc, 30));
        const QString p1 = m_db->scalar(QStringLiteral("SELECT id FROM work_orders WHERE pm_plan_id = 'p1'"))->toString();
        QVERIFY(!p1.isEmpty());
        // Another console (or this one, through another command) changes one of them.
        QVERIFY2(m_db->execDirect(change), qPrintable(change));
        const QString before = workOrders();
        QSignalSpy refused(&doc, &ScheduleDocument::editRefused);

        doc.undoStack()->undo();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.front().at(0).value<Error>().message, message.arg(p1));
        QCOMPARE(workOrders(), before); // nothing removed, not even the unchanged ones
        QCOMPARE(doc.undoStack()->count(), 0); // the step no longer matches the database
    }

    void redoRefusedWhenGeneratedMeanwhile_data() { test::addBackendRows(); }
    void redoRefusedWhenGeneratedMeanwhile()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        QVERIFY(generate(doc, 30));
        doc.undoStack()->undo();
        QCOMPARE(preventive(), 0);
        // Another console generates the same horizon while this one's run is undone.
        auto other = planning::PmGenerator(*m_db).run(optionsFrom(30));
        QVERIFY(other);
        QCOMPARE(other->created.size(), 4);
        const QString before = workOrders();
        QSignalSpy refused(&doc, &ScheduleDocument::editRefused);

        doc.undoStack()->redo();
        QCOMPARE(refused.size(), 1);
        QVERIFY2(refused.front().at(0).value<Error>().message.startsWith(QStringLiteral("Cannot redo the preventive generation: ")),
                 qPrintable(refused.front().at(0).value<Error>().message));
        QCOMPARE(workOrders(), before); // all or nothing: no second copy of any occurrence
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void cleanupTestCase()
    {
        m_edit.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(TestGeneratePmUndo)
#include "tst_generate_pm_undo.moc"
