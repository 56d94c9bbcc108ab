// The editing spine on both backends: a record edit on the undo stack writes in one
// transaction with the version check, lands in the audit log, undoes and redoes, shares
// the version ledger with the commands before it, and refuses in words (naming who) an
// undo of a record someone else has changed since, leaving the database as it was. A
// contact (a key the database chooses) is saved, removed and put back by undo.
#include "../itemmodels/WorkOrderFixture.h"
#include "TestDatabases.h"
#include "commands/RecordEditCommand.h"
#include "customers/CustomerService.h"
#include "document/ScheduleDocument.h"
#include "records/RecordSave.h"
#include "records/RecordSpec.h"
#include "records/RecordWriter.h"
#include "workorders/WorkOrderIntake.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::workorders;

class TestRecordEdits : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        const QString failed = test::insertWorkOrderFixture(*m_db);
        if (failed.isEmpty())
            return true;
        qWarning() << failed;
        return false;
    }
    int count(const QString &sql) { return m_db->scalar(sql)->toInt(); }
    QString text(const QString &sql) { return m_db->scalar(sql)->toString(); }

private slots:
    void createUndoRedo_data() { test::addBackendRows(); }
    void createUndoRedo()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        WorkOrderIntake intake(*m_db);
        WorkOrderDraft d;
        d.siteId = QStringLiteral("s1");
        d.summary = QStringLiteral("Door sensor");
        d.requiredSkills = {QStringLiteral("elec")};
        QVERIFY(intake.complete(d, test::fixtureNow()).ok());
        QCOMPARE(d.id, QStringLiteral("WO-000001"));
        QVERIFY(intake.check(d, true)->isEmpty());
        QSignalSpy written(&doc, &ScheduleDocument::recordsWritten);
        doc.push(new RecordEditCommand({m_db.get(), &doc, doc.versions()}, QStringLiteral("New work order WO-000001"),
                                       WorkOrderIntake::createEdits(d)));
        QCOMPARE(doc.undoStack()->count(), 1);
        QCOMPARE(written.count(), 1);
        QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("work_orders"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = 'WO-000001'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_order_skills WHERE work_order_id = 'WO-000001'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND entity_id = 'WO-000001' AND op = 'insert'")), 1);
        doc.undoStack()->undo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_orders WHERE id = 'WO-000001'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_order_skills WHERE work_order_id = 'WO-000001'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND entity_id = 'WO-000001' AND op = 'delete'")), 1);
        doc.undoStack()->redo();
        QCOMPARE(text(QStringLiteral("SELECT summary FROM work_orders WHERE id = 'WO-000001'")), QStringLiteral("Door sensor"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM work_order_skills WHERE work_order_id = 'WO-000001'")), 1);
        QCOMPARE(doc.undoStack()->count(), 1);
    }

    void editsInTurnShareTheLedger_data() { test::addBackendRows(); }
    void editsInTurnShareTheLedger()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        WorkOrderIntake intake(*m_db);
        const WorkOrderDraft v1 = *intake.load(QStringLiteral("w2"));
        WorkOrderDraft v2 = v1;
        v2.summary = QStringLiteral("Badge readers, lobby first");
        doc.push(new RecordEditCommand({m_db.get(), &doc, doc.versions()}, QStringLiteral("Edit w2"), WorkOrderIntake::updateEdits(v1, v2)));
        // The second edit was built from the first version the dispatcher saw: the ledger
        // knows this console wrote version 2 since, so it is not mistaken for a lost race.
        WorkOrderDraft v3 = v1;
        v3.priority = 1;
        doc.push(new RecordEditCommand({m_db.get(), &doc, doc.versions()}, QStringLiteral("Edit w2 again"), WorkOrderIntake::updateEdits(v1, v3)));
        QCOMPARE(doc.undoStack()->count(), 2);
        QCOMPARE(count(QStringLiteral("SELECT version FROM work_orders WHERE id = 'w2'")), 3);
        QCOMPARE(count(QStringLiteral("SELECT priority FROM work_orders WHERE id = 'w2'")), 1);
        doc.undoStack()->undo();
        doc.undoStack()->undo();
        QCOMPARE(count(QStringLiteral("SELECT priority FROM work_orders WHERE id = 'w2'")), 3);
        QCOMPARE(text(QStringLiteral("SELECT summary FROM work_orders WHERE id = 'w2'")), QStringLiteral("Install badge readers"));
        QCOMPARE(count(QStringLiteral("SELECT version FROM work_orders WHERE id = 'w2'")), 5);
        QCOMPARE(doc.undoStack()->count(), 2);
    }

    // A customer's contact: the database chooses its key; saved, removed and put back by
    // undo under the same key, each step in the audit log under the customer. A site's
    // territory must exist.
    void contactSaveRemoveAndUndo_data() { test::addBackendRows(); }
    void contactSaveRemoveAndUndo()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const records::RecordSpec &spec = records::contactSpec();
        records::RecordValues marta{{QStringLiteral("customer_id"), QStringLiteral("c1")}, {QStringLiteral("name"), QStringLiteral("Marta Reis")},
                                    {QStringLiteral("role"), QStringLiteral("caretaker")}, {QStringLiteral("phone"), QStringLiteral("")},
                                    {QStringLiteral("email"), QStringLiteral("")}};
        // Unreachable: neither phone nor email; nothing written.
        auto refused = customers::saveRecord(*m_db, spec, records::createEdit(spec, QString(), marta));
        QVERIFY2(refused.ok(), qPrintable(refused.ok() ? QString() : refused.error().message));
        QCOMPARE(refused->issues.size(), 1);
        QCOMPARE(refused->issues.front().field, QStringLiteral("phone"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customer_contacts")), 0);
        // An unknown customer is refused at the field.
        records::RecordValues stranger = marta;
        stranger.insert(QStringLiteral("customer_id"), QStringLiteral("c404"));
        stranger.insert(QStringLiteral("phone"), QStringLiteral("+55 11 5555-0199"));
        auto unknown = customers::saveRecord(*m_db, spec, records::createEdit(spec, QString(), stranger));
        QVERIFY(unknown.ok());
        QCOMPARE(unknown->issues.size(), 1);
        QCOMPARE(unknown->issues.front().text(), QStringLiteral("customer_id: unknown customer \"c404\""));

        marta.insert(QStringLiteral("phone"), QStringLiteral("+55 11 5555-0199"));
        auto saved = customers::saveRecord(*m_db, spec, records::createEdit(spec, QString(), marta));
        QVERIFY(saved.ok());
        QVERIFY(saved->issues.isEmpty());
        const QString id = saved->edits.front().id;
        QVERIFY(!id.isEmpty());
        QCOMPARE(text(QStringLiteral("SELECT name FROM customer_contacts WHERE id = %1").arg(id)), QStringLiteral("Marta Reis"));

        ScheduleDocument doc;
        auto removed = records::removeRecord(*m_db, spec, id, 1);
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().message));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customer_contacts")), 0);
        doc.push(RecordEditCommand::alreadyApplied({m_db.get(), &doc, doc.versions()}, QStringLiteral("Remove contact Marta Reis"), removed->edits));
        doc.undoStack()->undo();
        QCOMPARE(text(QStringLiteral("SELECT role || '/' || phone FROM customer_contacts WHERE id = %1").arg(id)), QStringLiteral("caretaker/+55 11 5555-0199"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'customer_contacts' AND entity_id = 'c1'")), 3);
        // A remove as seen at an old version is refused; she stays.
        QVERIFY(m_db->run(QStringLiteral("UPDATE customer_contacts SET role = 'manager', version = version + 1")));
        auto stale = records::removeRecord(*m_db, spec, id, 1);
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, Error::Kind::StaleVersion);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM customer_contacts")), 1);

        // Sites: a territory that does not exist is refused at the field.
        const records::RecordSpec &site = records::siteSpec();
        auto stored = *records::RecordWriter(*m_db).read(site, QStringLiteral("s1"), {QStringLiteral("territory_id")});
        auto badTerritory = customers::saveRecord(*m_db, site, records::updateEdit(site, QStringLiteral("s1"), 1, stored,
                                                                                   {{QStringLiteral("territory_id"), QStringLiteral("atlantis")}}));
        QVERIFY(badTerritory.ok());
        QCOMPARE(badTerritory->issues.size(), 1);
        QCOMPARE(badTerritory->issues.front().text(), QStringLiteral("territory_id: unknown territory \"atlantis\""));
    }

    void undoAfterSomeoneElsesChangeIsRefusedInWords_data() { test::addBackendRows(); }
    void undoAfterSomeoneElsesChangeIsRefusedInWords()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        WorkOrderIntake intake(*m_db);
        const WorkOrderDraft before = *intake.load(QStringLiteral("w2"));
        WorkOrderDraft after = before;
        after.summary = QStringLiteral("Badge readers, lobby first");
        doc.push(new RecordEditCommand({m_db.get(), &doc, doc.versions()}, QStringLiteral("Edit w2"), WorkOrderIntake::updateEdits(before, after)));

        // Maria, in another console, raises the priority meanwhile.
        auto maria = Database::open(*DatabaseUrl::parse(m_url), QStringLiteral("maria"));
        QVERIFY(maria.ok());
        {
            Transaction tx(**maria);
            records::RecordWriter writer(**maria);
            QVERIFY(writer.update(records::workOrderSpec(), QStringLiteral("w2"), 2, {{QStringLiteral("priority"), 1}}).ok());
            QVERIFY(tx.commit().ok());
        }
        const QString dump = test::dumpDatabase(*m_db);
        QSignalSpy refused(&doc, &ScheduleDocument::editRefused);
        doc.undoStack()->undo();
        QCOMPARE(refused.count(), 1);
        const Error error = refused.at(0).at(0).value<Error>();
        QCOMPARE(error.kind, Error::Kind::StaleVersion);
        QVERIFY2(error.message.contains(QLatin1String("maria")), qPrintable(error.message));
        QCOMPARE(test::dumpDatabase(*m_db), dump);
        // Dropped from the history: nothing left that no longer matches the database.
        QCOMPARE(doc.undoStack()->count(), 0);
    }

    void cancellingRestoresVisitsOnUndo_data() { test::addBackendRows(); }
    void cancellingRestoresVisitsOnUndo()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        WorkOrderIntake intake(*m_db);
        auto edits = intake.cancelEdits(*intake.load(QStringLiteral("w4")), QStringLiteral("Duplicate of w2"));
        QVERIFY(edits.ok());
        QCOMPARE(edits->size(), 2); // the work order and its visit ap1
        QSignalSpy appointments(&doc, &ScheduleDocument::appointmentsWritten);
        doc.push(new RecordEditCommand({m_db.get(), &doc, doc.versions()}, QStringLiteral("Cancel w4"), *edits));
        QCOMPARE(text(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")), QStringLiteral("cancelled"));
        QCOMPARE(text(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")), QStringLiteral("cancelled"));
        QCOMPARE(appointments.count(), 1);
        QCOMPARE(appointments.at(0).at(0).toStringList(), QStringList{QStringLiteral("ap1")});
        doc.undoStack()->undo();
        QCOMPARE(text(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")), QStringLiteral("scheduled"));
        QCOMPARE(text(QStringLiteral("SELECT cancel_reason FROM work_orders WHERE id = 'w4'")), QString());
        QCOMPARE(text(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")), QStringLiteral("scheduled"));
    }

    void writerRefusesWhatIsNotAField()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        records::RecordWriter writer(*m_db);
        // Column names come from the spec, never from the caller: an injected one is refused.
        auto r = writer.update(records::workOrderSpec(), QStringLiteral("w2"), 1,
                               {{QStringLiteral("priority = 1, summary"), QStringLiteral("x")}});
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(count(QStringLiteral("SELECT version FROM work_orders WHERE id = 'w2'")), 1);
        Status dup = writer.insert(records::workOrderSpec(), QStringLiteral("w1"), {{QStringLiteral("site_id"), QStringLiteral("s1")}});
        QVERIFY(!dup.ok());
        QVERIFY2(dup.error().message.contains(QLatin1String("already exists")), qPrintable(dup.error().message));
    }
};

QTEST_GUILESS_MAIN(TestRecordEdits)
#include "tst_record_edits.moc"
