// Technicians and absences edited as the console does, on both backends: each save
// written on its own connection and put on the undo stack as already applied, then undone
// and redone from the stack (rows restored, audit rows written); deactivating keeps the
// history and stops new bookings; an absence over booked visits returns them to the queue
// in the same step and one undo restores both; a change by another console ("maria")
// refuses a save in words naming her, leaving the database unchanged.
#include "TechnicianFixture.h"
#include "PgTestServer.h"
#include "TestDatabases.h"
#include "commands/AssignWorkOrderCommand.h"
#include "commands/RecordEditCommand.h"
#include "document/ScheduleDocument.h"
#include "records/RecordSpec.h"
#include "records/RecordWriter.h"
#include "technicians/AbsenceRules.h"
#include "technicians/TechnicianRules.h"

#include <QSignalSpy>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::technicians;

class TestTechnicianEdits : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;   // the worker's connection: saves
    std::unique_ptr<Database> m_edit; // the session's edit connection: undo and redo

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        const QString failed = test::insertTechnicianFixture(*m_db);
        if (!failed.isEmpty()) {
            qWarning() << failed;
            return false;
        }
        m_edit = test::openUrl(m_url);
        return m_edit != nullptr;
    }
    int count(const QString &sql, const QVariantList &binds = {}) { return m_db->scalar(sql, binds)->toInt(); }
    QString text(const QString &sql, const QVariantList &binds = {}) { return m_db->scalar(sql, binds)->toString(); }
    bool flag(const QString &sql) { const QVariant v = *m_db->scalar(sql); return v.metaType().id() == QMetaType::Bool ? v.toBool() : v.toInt() != 0; }
    EditTarget target(ScheduleDocument &doc) { return {m_edit.get(), &doc, doc.versions()}; }

private slots:
    void createTechnicianUndoRedo_data() { test::addBackendRows(); }
    void createTechnicianUndoRedo()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        auto saved = TechnicianRules::save(*m_db, test::validTechnician(), true, {});
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QVERIFY(saved->issues.isEmpty());
        QCOMPARE(saved->edits.size(), 1);
        QSignalSpy written(&doc, &ScheduleDocument::recordsWritten);
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("New technician t9"), saved->edits));
        QCOMPARE(written.count(), 1);
        QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("technicians"));
        QCOMPARE(text(QStringLiteral("SELECT name FROM technicians WHERE id = 't9'")), QStringLiteral("Carla Dias"));
        QCOMPARE(text(QStringLiteral("SELECT work_days FROM technicians WHERE id = 't9'")), QStringLiteral("Mon;Tue;Wed;Thu;Fri"));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT hourly_cost FROM technicians WHERE id = 't9'"))->toDouble(), 45.5);
        QVERIFY(flag(QStringLiteral("SELECT active FROM technicians WHERE id = 't9'")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't9'")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'technicians' AND entity_id = 't9' AND op = 'insert'")), 1);
        doc.undoStack()->undo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM technicians WHERE id = 't9'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't9'")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'technicians' AND entity_id = 't9' AND op = 'delete'")), 1);
        doc.undoStack()->redo();
        QCOMPARE(text(QStringLiteral("SELECT territory_id FROM technicians WHERE id = 't9'")), QStringLiteral("north"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't9'")), 1);
        QCOMPARE(doc.undoStack()->count(), 1);
        // The id is now taken: a second save says so at its field.
        auto again = TechnicianRules::save(*m_db, test::validTechnician(), true, {});
        QVERIFY(again.ok());
        QCOMPARE(again->issues.size(), 1);
        QCOMPARE(again->issues.front().field, QStringLiteral("id"));
    }

    void editTechnicianUndoRedo_data() { test::addBackendRows(); }
    void editTechnicianUndoRedo()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        const TechnicianDraft before = *TechnicianRules(*m_db).load(QStringLiteral("t1"));
        const QString updates = QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'technicians' AND entity_id = 't1' AND op = 'update'");
        const int updatedBefore = count(updates); // the fixture's territory
        TechnicianDraft after = before;
        after.name = QStringLiteral("Ana Souza Reis");
        after.skills = {QStringLiteral("elec"), QStringLiteral("hvac")};
        after.shiftEnd = QStringLiteral("18:00");
        auto saved = TechnicianRules::save(*m_db, after, false, before);
        QVERIFY(saved.ok());
        QVERIFY(saved->issues.isEmpty());
        QCOMPARE(saved->draft.version, 2);
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Edit technician t1"), saved->edits));
        QCOMPARE(text(QStringLiteral("SELECT name FROM technicians WHERE id = 't1'")), QStringLiteral("Ana Souza Reis"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't1'")), 2);
        QCOMPARE(count(updates), updatedBefore + 1);
        doc.undoStack()->undo();
        QCOMPARE(count(updates), updatedBefore + 2);
        QCOMPARE(text(QStringLiteral("SELECT name FROM technicians WHERE id = 't1'")), QStringLiteral("Ana Souza"));
        QCOMPARE(text(QStringLiteral("SELECT shift_end FROM technicians WHERE id = 't1'")), QStringLiteral("17:00"));
        QCOMPARE(text(QStringLiteral("SELECT skill_code FROM technician_skills WHERE technician_id = 't1'")), QStringLiteral("hvac"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM technician_skills WHERE technician_id = 't1'")), 1);
        doc.undoStack()->redo();
        QCOMPARE(text(QStringLiteral("SELECT shift_end FROM technicians WHERE id = 't1'")), QStringLiteral("18:00"));
        QCOMPARE(count(QStringLiteral("SELECT version FROM technicians WHERE id = 't1'")), 4);
        // Nothing changed: nothing written, nothing to undo.
        auto same = TechnicianRules::save(*m_db, *TechnicianRules(*m_db).load(QStringLiteral("t1")), false,
                                          *TechnicianRules(*m_db).load(QStringLiteral("t1")));
        QVERIFY(same.ok());
        QVERIFY(same->edits.isEmpty());
    }

    void deactivatingKeepsHistoryAndStopsNewWork_data() { test::addBackendRows(); }
    void deactivatingKeepsHistoryAndStopsNewWork()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        auto saved = TechnicianRules::setActive(*m_db, QStringLiteral("t1"), 1, false);
        QVERIFY(saved.ok());
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Deactivate t1"), saved->edits));
        QVERIFY(!flag(QStringLiteral("SELECT active FROM technicians WHERE id = 't1'")));
        // The technician and their visits stay.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments WHERE technician_id = 't1'")), 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't1'")), 1);

        // The board's assign refuses them, saying why.
        Appointment a;
        a.id = AssignWorkOrderCommand::newAppointmentId();
        a.workOrderId = QStringLiteral("w1");
        a.technicianId = QStringLiteral("t1");
        a.start = test::utc(3, 9);
        a.end = test::utc(3, 10, 30);
        a.status = QStringLiteral("scheduled");
        QSignalSpy refused(&doc, &ScheduleDocument::editRefused);
        doc.push(new AssignWorkOrderCommand(target(doc), a));
        QCOMPARE(refused.count(), 1);
        const Error error = refused.at(0).at(0).value<Error>();
        QVERIFY2(error.message.contains(QLatin1String("Ana Souza is inactive")), qPrintable(error.message));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'w1'")), 0);
        QCOMPARE(doc.undoStack()->count(), 1);

        // Undoing the deactivation makes them bookable again.
        doc.undoStack()->undo();
        QVERIFY(flag(QStringLiteral("SELECT active FROM technicians WHERE id = 't1'")));
        a.id = AssignWorkOrderCommand::newAppointmentId();
        doc.push(new AssignWorkOrderCommand(target(doc), a));
        QCOMPARE(refused.count(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM appointments WHERE work_order_id = 'w1'")), 1);
        // Reactivating an active technician writes nothing.
        auto again = TechnicianRules::setActive(*m_db, QStringLiteral("t1"), 3, true);
        QVERIFY(again.ok());
        QVERIFY(again->edits.isEmpty());
    }

    void absenceAddEditRemoveUndoRedo_data() { test::addBackendRows(); }
    void absenceAddEditRemoveUndoRedo()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        AbsenceDraft a;
        a.technicianId = QStringLiteral("t2");
        a.start = test::utc(20, 0);
        a.end = test::utc(22, 0);
        a.reason = QStringLiteral("sick");
        auto added = AbsenceRules::save(*m_db, a, {}, {});
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QVERIFY(added->issues.isEmpty());
        const QString id = added->draft.id;
        QVERIFY(!id.isEmpty());
        QCOMPARE(added->edits.size(), 1);
        QCOMPARE(added->edits.front().id, id);
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Add absence"), added->edits));
        const QVariantList key{id.toLongLong()};
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE id = ?"), key), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'absences' AND entity_id = 't2' AND op = 'insert'")), 1);
        doc.undoStack()->undo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE id = ?"), key), 0);
        doc.undoStack()->redo();
        // The same row again, under the id the database gave it.
        QCOMPARE(text(QStringLiteral("SELECT reason FROM absences WHERE id = ?"), key), QStringLiteral("sick"));

        AbsenceDraft before = *AbsenceRules(*m_db).load(id);
        AbsenceDraft changed = before;
        changed.end = test::utc(23, 0);
        changed.reason = QStringLiteral("Flu, doctor's note");
        auto edited = AbsenceRules::save(*m_db, changed, before, {});
        QVERIFY(edited.ok());
        QVERIFY(edited->issues.isEmpty());
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Edit absence"), edited->edits));
        QCOMPARE(text(QStringLiteral("SELECT reason FROM absences WHERE id = ?"), key), QStringLiteral("Flu, doctor's note"));

        auto removed = AbsenceRules::remove(*m_db, id, (*AbsenceRules(*m_db).load(id)).version);
        QVERIFY(removed.ok());
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Remove absence"), removed->edits));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE id = ?"), key), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'absences' AND entity_id = 't2' AND op = 'delete'")), 2);
        doc.undoStack()->undo(); // the removal
        QCOMPARE(text(QStringLiteral("SELECT reason FROM absences WHERE id = ?"), key), QStringLiteral("Flu, doctor's note"));
        doc.undoStack()->undo(); // the edit
        QCOMPARE(text(QStringLiteral("SELECT reason FROM absences WHERE id = ?"), key), QStringLiteral("sick"));
        doc.undoStack()->undo(); // the addition
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'")), 0);
        QCOMPARE(doc.undoStack()->count(), 3);
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        doc.undoStack()->redo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'")), 0);
        QCOMPARE(doc.undoStack()->count(), 3);
    }

    void absenceOverBookedVisitsReturnsThemInOneStep_data() { test::addBackendRows(); }
    void absenceOverBookedVisitsReturnsThemInOneStep()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        AbsenceDraft a;
        a.technicianId = QStringLiteral("t2");
        a.start = test::utc(2, 10);
        a.end = test::utc(2, 18);
        a.reason = QStringLiteral("sick");
        auto covered = AbsenceRules(*m_db).coveredVisits(a.technicianId, a.start, a.end);
        QVERIFY(covered.ok());
        QCOMPARE(covered->size(), 1);
        auto saved = AbsenceRules::save(*m_db, a, {}, {covered->front().id});
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(saved->edits.size(), 3); // the absence, ap1 cancelled, w4 reopened
        QSignalSpy appointments(&doc, &ScheduleDocument::appointmentsWritten);
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Absence of Bruno Lima"), saved->edits));
        QCOMPARE(appointments.count(), 1);
        QCOMPARE(appointments.at(0).at(0).toStringList(), QStringList{QStringLiteral("ap1")});
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'")), 1);
        QCOMPARE(text(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")), QStringLiteral("cancelled"));
        QCOMPARE(text(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")), QStringLiteral("open"));
        QCOMPARE(doc.undoStack()->count(), 1);

        doc.undoStack()->undo(); // one step: all three
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'")), 0);
        QCOMPARE(text(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")), QStringLiteral("scheduled"));
        QCOMPARE(text(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")), QStringLiteral("scheduled"));
        doc.undoStack()->redo();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'")), 1);
        QCOMPARE(text(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")), QStringLiteral("cancelled"));
        QCOMPARE(text(QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")), QStringLiteral("open"));

        // Declining to return them: the absence alone, the visit stays booked.
        doc.undoStack()->undo();
        a.start = test::utc(2, 11, 30);
        auto alone = AbsenceRules::save(*m_db, a, {}, {});
        QVERIFY(alone.ok());
        QCOMPARE(alone->edits.size(), 1);
        QCOMPARE(text(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")), QStringLiteral("scheduled"));
        // A visit no longer covered is not cancelled behind the dispatcher's back.
        AbsenceDraft later = a;
        later.start = test::utc(5, 8);
        later.end = test::utc(5, 9);
        auto stale = AbsenceRules::save(*m_db, later, {}, {QStringLiteral("ap1")});
        QVERIFY(!stale.ok());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM absences WHERE technician_id = 't2'")), 1);
    }

    void aChangeByMariaIsALostRace_data() { test::addBackendRows(); }
    void aChangeByMariaIsALostRace()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const TechnicianDraft seen = *TechnicianRules(*m_db).load(QStringLiteral("t1"));
        auto maria = Database::open(*DatabaseUrl::parse(m_url), QStringLiteral("maria"));
        QVERIFY(maria.ok());
        {
            Transaction tx(**maria);
            records::RecordWriter writer(**maria);
            QVERIFY(writer.update(records::technicianSpec(), QStringLiteral("t1"), 1, {{QStringLiteral("shift_start"), QStringLiteral("07:00")}}).ok());
            QVERIFY(tx.commit().ok());
        }
        const QString dump = test::dumpDatabase(*m_db);
        TechnicianDraft mine = seen;
        mine.name = QStringLiteral("Ana S.");
        auto saved = TechnicianRules::save(*m_db, mine, false, seen);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().kind, Error::Kind::StaleVersion);
        QVERIFY2(saved.error().message.contains(QLatin1String("maria")), qPrintable(saved.error().message));
        QCOMPARE(test::dumpDatabase(*m_db), dump);
        auto deactivated = TechnicianRules::setActive(*m_db, QStringLiteral("t1"), seen.version, false);
        QVERIFY(!deactivated.ok());
        QVERIFY2(deactivated.error().message.contains(QLatin1String("maria")), qPrintable(deactivated.error().message));
        QCOMPARE(test::dumpDatabase(*m_db), dump);
    }

    // Absences are logged under their technician: a lost race on one still names who.
    void anAbsenceChangedByMariaIsALostRace_data() { test::addBackendRows(); }
    void anAbsenceChangedByMariaIsALostRace()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        ScheduleDocument doc;
        AbsenceDraft a;
        a.technicianId = QStringLiteral("t2");
        a.start = test::utc(20, 0);
        a.end = test::utc(22, 0);
        a.reason = QStringLiteral("training");
        auto added = AbsenceRules::save(*m_db, a, {}, {});
        QVERIFY(added.ok());
        doc.push(RecordEditCommand::alreadyApplied(target(doc), QStringLiteral("Add absence"), added->edits));
        const QString id = added->draft.id;
        auto maria = Database::open(*DatabaseUrl::parse(m_url), QStringLiteral("maria"));
        QVERIFY(maria.ok());
        {
            Transaction tx(**maria);
            records::RecordWriter writer(**maria);
            QVERIFY(writer.update(records::absenceSpec(), id, 1, {{QStringLiteral("reason"), QStringLiteral("Course in Campinas")}}).ok());
            QVERIFY(tx.commit().ok());
        }
        const QString dump = test::dumpDatabase(*m_db);
        QSignalSpy refused(&doc, &ScheduleDocument::editRefused);
        doc.undoStack()->undo();
        QCOMPARE(refused.count(), 1);
        const Error error = refused.at(0).at(0).value<Error>();
        QCOMPARE(error.kind, Error::Kind::StaleVersion);
        QVERIFY2(error.message.contains(QLatin1String("maria")) && error.message.contains(QLatin1String("absence")),
                 qPrintable(error.message));
        QCOMPARE(test::dumpDatabase(*m_db), dump);

        // Removed by her meanwhile: an edit of what the dispatcher saw says so.
        AbsenceDraft seen = *AbsenceRules(*m_db).load(id);
        {
            Transaction tx(**maria);
            records::RecordWriter writer(**maria);
            QVERIFY(writer.remove(records::absenceSpec(), id, seen.version).ok());
            QVERIFY(tx.commit().ok());
        }
        AbsenceDraft mine = seen;
        mine.reason = QStringLiteral("sick");
        auto gone = AbsenceRules::save(*m_db, mine, seen, {});
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, Error::Kind::NotFound);
        QVERIFY2(gone.error().message.contains(QLatin1String("maria deleted this absence")), qPrintable(gone.error().message));
    }

    // The server's grants agree with the console: a dispatcher keeps absences (and returns
    // visits to the queue with them) but may not change a technician.
    void dispatcherKeepsAbsencesNotTechnicians()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        QVERIFY(m_db->run(QStringLiteral("SELECT fieldops_add_user('dora', 'dispatcher', NULL, NULL)")).ok());
        auto dora = test::openUrl(test::PgTestServer::shared()->urlFor(m_url.section(QLatin1Char('/'), -1), QStringLiteral("dora")));
        QVERIFY2(dora, qPrintable(test::lastError()));
        AbsenceDraft a;
        a.technicianId = QStringLiteral("t2");
        a.start = test::utc(2, 10);
        a.end = test::utc(2, 18);
        auto saved = AbsenceRules::save(*dora, a, {}, {QStringLiteral("ap1")});
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(text(QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")), QStringLiteral("cancelled"));
        QCOMPARE(text(QStringLiteral("SELECT db_role FROM audit_log WHERE entity = 'absences' ORDER BY id DESC LIMIT 1")), QStringLiteral("dora"));
        const QString dump = test::dumpDatabase(*m_db);
        TechnicianDraft renamed = *TechnicianRules(*dora).load(QStringLiteral("t1"));
        const TechnicianDraft before = renamed;
        renamed.name = QStringLiteral("Ana by Dora");
        auto refused = TechnicianRules::save(*dora, renamed, false, before);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::PermissionDenied);
        QCOMPARE(test::dumpDatabase(*m_db), dump);
    }
};

QTEST_GUILESS_MAIN(TestTechnicianEdits)
#include "tst_technician_edits.moc"
