// The follow-up a console outcome opens is part of that outcome's edit, on both backends:
// undo removes it with its reserved parts and redo brings it back under the same id (undo
// is refused once someone booked it); a corrected "needs parts" relists its parts or calls
// it off; parts used on the return visit stop counting as reserved; and on PostgreSQL two
// consoles reserving the same part queue up on its stock rows instead of both taking the
// last unit.
#include "FollowUpFixture.h"
#include "TestDatabases.h"
#include "field/FollowUpOrders.h"
#include "field/VisitOutcomeRecorder.h"
#include "parts/Reservations.h"
#include "records/RecordEdit.h"
#include "storage/Database.h"

#include <optional>

#include <QtTest>

using namespace fieldops;

namespace {

QVariant value(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    return v ? *v : QVariant(QStringLiteral("<error: %1>").arg(v.error().message));
}

field::VisitOutcome needsParts(std::vector<parts::PartNeed> parts) { return test::ap9Unresolved(QStringLiteral("needs_parts"), std::move(parts)); }

Status replay(Database &db, records::RecordEdits &edits, bool forward)
{
    Transaction tx(db);
    if (!tx.status())
        return tx.status();
    if (Status s = records::applyEdits(db, edits, forward); !s)
        return s;
    return tx.commit();
}

int appointmentVersion(Database &db, const QString &id)
{
    return value(db, QStringLiteral("SELECT version FROM appointments WHERE id = '%1'").arg(id)).toInt();
}

// The outcome recorded from the console on visit ap9 as it is now; the failure as a warning.
std::optional<field::RecordedOutcome> record(Database &db, const field::VisitOutcome &outcome)
{
    auto r = field::VisitOutcomeRecorder::record(db, QStringLiteral("ap9"), appointmentVersion(db, QStringLiteral("ap9")), outcome, test::fixtureNow());
    if (!r) {
        qWarning("%s", qPrintable(r.error().message));
        return std::nullopt;
    }
    return *r;
}

const QString kParts = QStringLiteral("SELECT sku, quantity, coalesce(reserved_location, 'NULL') FROM work_order_parts "
                                      "WHERE work_order_id = 'WO-000001' ORDER BY sku");

} // namespace

class TestFollowUpEdits : public QObject {
    Q_OBJECT

    static std::unique_ptr<Database> open(const QString &backend, QString *url = nullptr) { return test::openFollowUpFixture(backend, url); }

private slots:
    void undoRemovesFollowUpRedoBringsItBack_data() { test::addBackendRows(); }
    void undoRemovesFollowUpRedoBringsItBack()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto r = record(*db, needsParts({{QStringLiteral("V-2"), QString(), 1},
                                                                                                 {QStringLiteral("F-100"), QString(), 2}}));
        QVERIFY(r);
        QCOMPARE(r->followUpId, QStringLiteral("WO-000001"));
        QCOMPARE(test::queryRows(*db, kParts), QStringLiteral("F-100|2|van:t2;V-2|1|van:t2"));
        const QString followUpRow = test::queryRows(*db, QStringLiteral("SELECT id, site_id, status, summary, follow_up_of, version FROM work_orders "
                                                                         "WHERE follow_up_of = 'w1'"));
        QCOMPARE(followUpRow, QStringLiteral("WO-000001|s1|open|Return visit: Chiller down in cold room|w1|1"));

        // Undo: the visit and w1 as they were, no follow-up, nothing reserved.
        QVERIFY(replay(*db, r->edits, false).ok());
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w1'")).toInt(), 0);
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_order_parts")).toInt(), 0);
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_order_skills WHERE work_order_id = 'WO-000001'")).toInt(), 0);
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap9'")).toString(), QStringLiteral("scheduled"));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(),
                 r->workOrderStatusBefore);
        auto reserved = parts::Reservations(*db).reserved();
        QVERIFY(reserved);
        QVERIFY(reserved->isEmpty());

        // Redo: the same follow-up under the same id, its skills and reserved parts with it.
        QVERIFY(replay(*db, r->edits, true).ok());
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT id, site_id, status, summary, follow_up_of, version FROM work_orders "
                                                      "WHERE follow_up_of = 'w1'")),
                 followUpRow);
        QCOMPARE(test::queryRows(*db, kParts), QStringLiteral("F-100|2|van:t2;V-2|1|van:t2"));
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT skill_code FROM work_order_skills WHERE work_order_id = 'WO-000001' ORDER BY skill_code")),
                 QStringLiteral("elec;hvac"));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("in_progress"));
    }

    void undoRefusedOnceFollowUpIsBooked_data() { test::addBackendRows(); }
    void undoRefusedOnceFollowUpIsBooked()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto r = record(*db, needsParts({{QStringLiteral("V-2"), QString(), 1}}));
        QVERIFY(r);
        // Another console books the return visit (the booking moves the work order's version).
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                                       "('ap10', 'WO-000001', 't2', '2026-03-03T09:00:00Z', '2026-03-03T10:30:00Z', 'scheduled')")));
        QVERIFY(db->run(QStringLiteral("UPDATE work_orders SET status = 'scheduled', version = version + 1 WHERE id = 'WO-000001'")));
        const QString before = test::dumpDatabase(*db);
        const Status undone = replay(*db, r->edits, false);
        QVERIFY(!undone);
        QCOMPARE(undone.error().kind, Error::Kind::StaleVersion);
        QVERIFY2(undone.error().message.contains(QLatin1String("Scheduled")), qPrintable(undone.error().message));
        QCOMPARE(test::dumpDatabase(*db), before);
    }

    void correctedToResolvedCallsFollowUpOff_data() { test::addBackendRows(); }
    void correctedToResolvedCallsFollowUpOff()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto first = record(*db, needsParts({{QStringLiteral("V-2"), QString(), 1}}));
        QVERIFY(first);
        // The form shows the parts the follow-up lists.
        auto loaded = field::VisitOutcomeRecorder(*db).load(QStringLiteral("ap9"), test::fixtureNow());
        QVERIFY(loaded);
        QCOMPARE(int(loaded->outcome.parts.size()), 1);
        QCOMPARE(loaded->outcome.parts[0].sku, QStringLiteral("V-2"));

        // The technician fixed it after all: the follow-up is called off, w1 done, the valve free.
        field::VisitOutcome fixed = needsParts({});
        fixed.resolved = true;
        fixed.reason.clear();
        auto corrected = record(*db, fixed);
        QVERIFY(corrected);
        QCOMPARE(corrected->calledOffFollowUp, QStringLiteral("WO-000001"));
        QCOMPARE(test::queryRows(*db, QStringLiteral("SELECT status, cancel_reason FROM work_orders WHERE id = 'WO-000001'")),
                 QStringLiteral("cancelled|Not needed: the outcome of visit ap9 was corrected"));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w1'")).toString(), QStringLiteral("done"));
        QCOMPARE(*parts::Reservations(*db).reservedAt(QStringLiteral("V-2"), QStringLiteral("van:t2")), 0.0);

        // Undoing the correction brings the follow-up back, its valve reserved again.
        const Status undone = replay(*db, corrected->edits, false);
        QVERIFY2(undone.ok(), qPrintable(undone.ok() ? QString() : undone.error().message));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'WO-000001'")).toString(), QStringLiteral("open"));
        QCOMPARE(*parts::Reservations(*db).reservedAt(QStringLiteral("V-2"), QStringLiteral("van:t2")), 1.0);
    }

    void correctedPartsAreRelisted_data() { test::addBackendRows(); }
    void correctedPartsAreRelisted()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto first = record(*db, needsParts({{QStringLiteral("V-2"), QString(), 1}}));
        QVERIFY(first);
        QCOMPARE(test::queryRows(*db, kParts), QStringLiteral("V-2|1|van:t2"));

        // Two filters as well: the valve keeps the van's only one (its own reservation does
        // not count against it), the filters go to the van too.
        auto corrected = record(*db, needsParts({{QStringLiteral("V-2"), QString(), 1}, {QStringLiteral("F-100"), QString(), 2}}));
        QVERIFY(corrected);
        QCOMPARE(corrected->followUpId, QStringLiteral("WO-000001"));
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w1'")).toInt(), 1);
        QCOMPARE(test::queryRows(*db, kParts), QStringLiteral("F-100|2|van:t2;V-2|1|van:t2"));

        // The same parts again change nothing on the follow-up.
        const int version = value(*db, QStringLiteral("SELECT version FROM work_orders WHERE id = 'WO-000001'")).toInt();
        auto same = record(*db, needsParts({{QStringLiteral("F-100"), QString(), 2}, {QStringLiteral("V-2"), QString(), 1}}));
        QVERIFY(same);
        QVERIFY(same->followUpEdits.isEmpty());
        QCOMPARE(value(*db, QStringLiteral("SELECT version FROM work_orders WHERE id = 'WO-000001'")).toInt(), version);

        // Undo of the relisting: the valve alone again.
        QVERIFY(replay(*db, corrected->edits, false).ok());
        QCOMPARE(test::queryRows(*db, kParts), QStringLiteral("V-2|1|van:t2"));
    }

    void usedPartsStopCountingAsReserved_data() { test::addBackendRows(); }
    void usedPartsStopCountingAsReserved()
    {
        QFETCH(QString, backend);
        auto db = open(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto r = record(*db, needsParts({{QStringLiteral("F-100"), QString(), 2}}));
        QVERIFY(r);
        parts::Reservations reservations(*db);
        QCOMPARE(*reservations.reservedAt(QStringLiteral("F-100"), QStringLiteral("van:t2")), 2.0);
        // The return visit uses one filter from the van (the van's stock goes down with it).
        QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                                       "('ap10', 'WO-000001', 't2', '2026-03-03T09:00:00Z', '2026-03-03T10:30:00Z', 'on_site')")));
        QVERIFY(db->run(QStringLiteral("INSERT INTO parts_used(appointment_id, sku, quantity, location, at) VALUES "
                                       "('ap10', 'F-100', 1, 'van:t2', '2026-03-03T09:30:00Z')")));
        QVERIFY(db->run(QStringLiteral("UPDATE stock SET quantity = quantity - 1 WHERE sku = 'F-100' AND location = 'van:t2'")));
        QCOMPARE(*reservations.reservedAt(QStringLiteral("F-100"), QStringLiteral("van:t2")), 1.0);
        auto all = reservations.reserved(QStringLiteral("van:t2"));
        QVERIFY(all);
        QCOMPARE(all->value(qMakePair(QStringLiteral("F-100"), QStringLiteral("van:t2"))), 1.0);
        // The second one too, and a third beyond what was listed: nothing is held any more.
        QVERIFY(db->run(QStringLiteral("INSERT INTO parts_used(appointment_id, sku, quantity, location, at) VALUES "
                                       "('ap10', 'F-100', 2, 'warehouse:central', '2026-03-03T09:40:00Z')")));
        QCOMPARE(*reservations.reservedAt(QStringLiteral("F-100"), QStringLiteral("van:t2")), 0.0);
        // Free in the van: 3 on hand, none held.
        QCOMPARE(*reservations.placeFor(QStringLiteral("F-100"), 3, QStringLiteral("t2")), QStringLiteral("van:t2"));
    }

    void concurrentReservationsQueueOnTheServer()
    {
        QString url;
        auto db = open(QStringLiteral("postgres"), &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto other = test::openUrl(url);
        QVERIFY2(other, qPrintable(test::lastError()));

        // The first console places the van's only valve and has not committed yet.
        Transaction first(*db);
        QVERIFY(first.status().ok());
        QCOMPARE(*parts::Reservations(*db).placeFor(QStringLiteral("V-2"), 1, QStringLiteral("t2")), QStringLiteral("van:t2"));
        // The second waits for it (here: gives up after a moment) instead of placing it too.
        {
            Transaction second(*other);
            QVERIFY(second.status().ok());
            QVERIFY(other->execDirect(QStringLiteral("SET LOCAL lock_timeout = '300ms'")).ok());
            auto place = parts::Reservations(*other).placeFor(QStringLiteral("V-2"), 1, QStringLiteral("t2"));
            QVERIFY(!place);
        }
        // Once the first has written its reservation and committed, the second sees it.
        QVERIFY(db->run(QStringLiteral("INSERT INTO work_order_parts(work_order_id, sku, quantity, reserved_location) VALUES ('w1', 'V-2', 1, 'van:t2')")));
        QVERIFY(first.commit().ok());
        auto place = parts::Reservations(*other).placeFor(QStringLiteral("V-2"), 1, QStringLiteral("t2"));
        QVERIFY2(place, qPrintable(place ? QString() : place.error().message));
        QCOMPARE(*place, QStringLiteral("warehouse:north"));
    }
};

QTEST_GUILESS_MAIN(TestFollowUpEdits)
#include "tst_follow_up_edits.moc"
