// Recording how a visit ended from the console, through the editing spine, on both
// backends: a resolved visit closes its work order, an unresolved one puts it back in the
// queue unless another visit is booked, a finished visit's outcome can be corrected, every
// write is undone exactly by the edits it returns, and bad input or a lost race is refused
// in words with the database left as it was.
#include "../itemmodels/WorkOrderFixture.h"
#include "TestDatabases.h"
#include "field/VisitOutcome.h"
#include "field/VisitOutcomeRecorder.h"
#include "records/RecordEdit.h"
#include "repositories/WorkOrderRepository.h"

#include <QtTest>

using namespace fieldops;
using field::VisitOutcome;
using field::VisitOutcomeRecorder;

namespace {

QDateTime at(int day, int hour, int minute = 0) { return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC); }

QVariant value(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
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

VisitOutcome resolvedAtNoon()
{
    VisitOutcome o;
    o.arrivedAt = at(2, 11, 5);
    o.completedAt = at(2, 11, 50);
    o.departedAt = at(2, 11, 55);
    o.resolved = true;
    o.notes = QStringLiteral("Replaced the fire panel's battery");
    o.signedBy = QStringLiteral("Carla Reis");
    return o;
}

} // namespace

class TestVisitOutcome : public QObject {
    Q_OBJECT

    static std::unique_ptr<Database> fixture(const QString &backend)
    {
        auto db = test::freshDatabase(backend);
        if (!db)
            return nullptr;
        if (const QString failed = test::insertWorkOrderFixture(*db); !failed.isEmpty()) {
            qWarning("%s", qPrintable(failed));
            return nullptr;
        }
        return db;
    }

private slots:
    void checksNeedNoDatabase()
    {
        const QDateTime start = at(2, 11);
        const QDateTime now = test::fixtureNow();
        QVERIFY(field::checkOutcome(resolvedAtNoon(), start, now).isEmpty());

        const auto fields = [&](const VisitOutcome &o) {
            QStringList f;
            for (const auto &i : field::checkOutcome(o, start, now))
                f << i.field;
            return f.join(QLatin1Char(','));
        };
        VisitOutcome o = resolvedAtNoon();
        o.arrivedAt = {};
        QCOMPARE(fields(o), QStringLiteral("arrived_at"));
        o = resolvedAtNoon();
        o.completedAt = at(2, 11);
        QCOMPARE(fields(o), QStringLiteral("completed_at"));
        o = resolvedAtNoon();
        o.departedAt = at(2, 11, 40);
        QCOMPARE(fields(o), QStringLiteral("departed_at"));
        o = resolvedAtNoon();
        o.departedAt = now.addSecs(3600); // an hour ahead of the clock
        QCOMPARE(fields(o), QStringLiteral("departed_at"));
        o = resolvedAtNoon();
        o.departedAt = now.addSecs(4 * 60); // within the clocks' skew
        QCOMPARE(fields(o), QString());
        o = resolvedAtNoon();
        o.arrivedAt = at(1, 10); // more than a day before the booked start
        QCOMPARE(fields(o), QStringLiteral("arrived_at"));
        o = resolvedAtNoon();
        o.resolved = false;
        QCOMPARE(fields(o), QStringLiteral("outcome_reason"));
        o.reason = QStringLiteral("lost_keys");
        QCOMPARE(fields(o), QStringLiteral("outcome_reason"));
        o.reason = QStringLiteral("needs_parts");
        QCOMPARE(fields(o), QString());
        o.resolved = true;
        QCOMPARE(fields(o), QStringLiteral("outcome_reason"));
        o = resolvedAtNoon();
        o.notes = QString(field::kOutcomeMaxNotes + 1, QLatin1Char('x'));
        o.signedBy = QString(field::kOutcomeMaxSignedBy + 1, QLatin1Char('y'));
        QCOMPARE(fields(o), QStringLiteral("outcome_notes,signed_by"));
    }

    void resolvedVisitClosesItsWorkOrder_data() { test::addBackendRows(); }
    void resolvedVisitClosesItsWorkOrder()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString untouched = test::dumpDatabase(*db);

        auto loaded = VisitOutcomeRecorder(*db).load(QStringLiteral("ap1"), test::fixtureNow());
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
        QCOMPARE(loaded->workOrderId, QStringLiteral("w4"));
        QCOMPARE(loaded->technicianName, QStringLiteral("Bruno Lima"));
        QVERIFY(!loaded->hasOutcome);
        // Proposals: arrived at the booked start, finished now (the booked end is ahead).
        QCOMPARE(loaded->outcome.arrivedAt, at(2, 11));
        QCOMPARE(loaded->outcome.completedAt, test::fixtureNow());
        const int auditBefore = value(*db, QStringLiteral("SELECT count(*) FROM audit_log")).toInt();

        auto r = VisitOutcomeRecorder::record(*db, QStringLiteral("ap1"), loaded->version, resolvedAtNoon(), test::fixtureNow());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(r->workOrderStatusBefore, QStringLiteral("scheduled"));
        QCOMPARE(r->workOrderStatusAfter, QStringLiteral("done"));
        QVERIFY(!r->needsFollowUp);
        QCOMPARE(r->edits.size(), 2);
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("completed"));
        QCOMPARE(value(*db, QStringLiteral("SELECT resolved FROM appointments WHERE id = 'ap1'")).toBool(), true);
        QCOMPARE(instant(*db, QStringLiteral("SELECT arrived_at FROM appointments WHERE id = 'ap1'")), QStringLiteral("2026-03-02T11:05:00Z"));
        QCOMPARE(instant(*db, QStringLiteral("SELECT completed_at FROM appointments WHERE id = 'ap1'")), QStringLiteral("2026-03-02T11:50:00Z"));
        QCOMPARE(instant(*db, QStringLiteral("SELECT departed_at FROM appointments WHERE id = 'ap1'")), QStringLiteral("2026-03-02T11:55:00Z"));
        QCOMPARE(value(*db, QStringLiteral("SELECT signed_by FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("Carla Reis"));
        QVERIFY(value(*db, QStringLiteral("SELECT outcome_reason FROM appointments WHERE id = 'ap1'")).isNull());
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("done"));
        // Audited like every write of the spine: the visit and its work order.
        QVERIFY(value(*db, QStringLiteral("SELECT count(*) FROM audit_log")).toInt() >= auditBefore + 2);

        // The undo of the edits puts back exactly what was there.
        {
            Transaction tx(*db);
            QVERIFY(tx.status());
            QVERIFY(records::applyEdits(*db, r->edits, false));
            QVERIFY(tx.commit());
        }
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("scheduled"));
        QVERIFY(value(*db, QStringLiteral("SELECT arrived_at FROM appointments WHERE id = 'ap1'")).isNull());
        QVERIFY(value(*db, QStringLiteral("SELECT departed_at FROM appointments WHERE id = 'ap1'")).isNull());
        QCOMPARE(value(*db, QStringLiteral("SELECT signed_by FROM appointments WHERE id = 'ap1'")).toString(), QString());
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("scheduled"));
        // Only versions moved (each write and its undo count one).
        QString after = test::dumpDatabase(*db);
        QVERIFY(after != untouched);
        QCOMPARE(value(*db, QStringLiteral("SELECT version FROM appointments WHERE id = 'ap1'")).toInt(), loaded->version + 2);
    }

    void unresolvedVisitSendsTheJobBackToTheQueue_data() { test::addBackendRows(); }
    void unresolvedVisitSendsTheJobBackToTheQueue()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        VisitOutcome o = resolvedAtNoon();
        o.resolved = false;
        o.reason = QStringLiteral("customer_absent");
        o.notes = QStringLiteral("Nobody to open the panel room");
        auto r = VisitOutcomeRecorder::record(*db, QStringLiteral("ap1"), 1, o, test::fixtureNow());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QVERIFY(r->needsFollowUp);
        QVERIFY(!r->opensFollowUp); // only missing parts open a follow-up work order (tst_follow_up)
        QCOMPARE(r->followUpId, QString());
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w4'")).toString(), QStringLiteral("open"));
        QCOMPARE(value(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE follow_up_of = 'w4'")).toInt(), 0);
        QCOMPARE(value(*db, QStringLiteral("SELECT outcome_reason FROM appointments WHERE id = 'ap1'")).toString(), QStringLiteral("customer_absent"));
        QCOMPARE(value(*db, QStringLiteral("SELECT resolved FROM appointments WHERE id = 'ap1'")).toBool(), false);

        // With another visit still booked, the job is not back in the queue.
        QVERIFY(db->run(QStringLiteral("UPDATE appointments SET status = 'scheduled', start_at = '2026-03-03T13:00:00Z', "
                                       "end_at = '2026-03-03T14:00:00Z' WHERE id = 'ap4'")));
        QVERIFY(db->run(QStringLiteral("UPDATE work_orders SET status = 'scheduled' WHERE id = 'w6'")));
        VisitOutcome second = o;
        second.arrivedAt = at(2, 10);
        second.completedAt = at(2, 10, 30);
        second.departedAt = {};
        second.reason = QStringLiteral("second_visit");
        const int v3 = value(*db, QStringLiteral("SELECT version FROM appointments WHERE id = 'ap3'")).toInt();
        auto corrected = VisitOutcomeRecorder::record(*db, QStringLiteral("ap3"), v3, second, test::fixtureNow());
        QVERIFY2(corrected, qPrintable(corrected ? QString() : corrected.error().message));
        QVERIFY(!corrected->needsFollowUp);
        QCOMPARE(corrected->edits.size(), 1); // the visit only
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w6'")).toString(), QStringLiteral("scheduled"));
        QCOMPARE(value(*db, QStringLiteral("SELECT outcome_reason FROM appointments WHERE id = 'ap3'")).toString(), QStringLiteral("second_visit"));
    }

    void correctingAnOutcomeClosesTheJob_data() { test::addBackendRows(); }
    void correctingAnOutcomeClosesTheJob()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        // ap3 finished unresolved; the technician calls: it was fixed after all.
        auto loaded = VisitOutcomeRecorder(*db).load(QStringLiteral("ap3"), test::fixtureNow());
        QVERIFY(loaded);
        QVERIFY(loaded->hasOutcome);
        QVERIFY(!loaded->outcome.resolved);
        QCOMPARE(loaded->outcome.arrivedAt, at(2, 11).addDays(-3).addSecs(-3600 + 10 * 60)); // 27 Feb 10:10, as recorded
        VisitOutcome o = loaded->outcome;
        o.resolved = true;
        o.reason.clear();
        auto r = VisitOutcomeRecorder::record(*db, QStringLiteral("ap3"), loaded->version, o, test::fixtureNow());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        QCOMPARE(value(*db, QStringLiteral("SELECT status FROM work_orders WHERE id = 'w6'")).toString(), QStringLiteral("done"));
        // Unchanged times are not part of the edit: only the flag and the job's status.
        QCOMPARE(r->edits.size(), 2);
        QCOMPARE(r->edits.first().after.keys(), QStringList{QStringLiteral("resolved")});
    }

    // The inspector's story of a job: the visits' outcomes, time booked per technician and
    // activity (billable and unreviewed parts), parts used per visit, ratings.
    void workOrderTellsItsStory_data() { test::addBackendRows(); }
    void workOrderTellsItsStory()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const bool pg = db->isPostgres();
        const QString no = pg ? QStringLiteral("false") : QStringLiteral("0");
        const QString yes = pg ? QStringLiteral("true") : QStringLiteral("1");
        const QStringList seed{
            QStringLiteral("INSERT INTO parts(sku, name, unit_cost) VALUES ('BAT-12', 'Panel battery 12 V', 30)"),
            QStringLiteral("INSERT INTO parts_used(appointment_id, sku, quantity, location, at) VALUES "
                           "('ap3', 'BAT-12', 2, 'van:t1', '2026-02-27T10:40:00Z')"),
            QStringLiteral("INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable, activity, comment, review_state) VALUES "
                           "('t1', 'w6', '2026-02-27T09:30:00Z', '2026-02-27T10:10:00Z', %1, 'travel', '', 'approved'), "
                           "('t1', 'w6', '2026-02-27T10:10:00Z', '2026-02-27T11:00:00Z', %2, 'work', 'Valve seat cleaned', 'approved'), "
                           "('t1', 'w6', '2026-02-27T11:00:00Z', '2026-02-27T11:15:00Z', %2, 'work', 'Tested', 'pending'), "
                           "('t2', 'w4', '2026-03-02T11:00:00Z', '2026-03-02T11:30:00Z', %2, 'work', 'other job', 'pending')").arg(no, yes),
            QStringLiteral("INSERT INTO ratings(work_order_id, score, comment, rated_at) VALUES ('w6', 4, 'Quick and tidy', '2026-02-27T12:00:00Z')"),
            QStringLiteral("UPDATE appointments SET departed_at = '2026-02-27T11:20:00Z', outcome_reason = 'needs_parts', "
                           "outcome_notes = 'Seal kit on order', signed_by = 'Rita' WHERE id = 'ap3'"),
        };
        for (const QString &sql : seed)
            QVERIFY2(db->run(sql), qPrintable(sql));

        auto d = WorkOrderRepository(*db).details(QStringLiteral("w6"));
        QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
        QCOMPARE(int(d->appointments.size()), 2);
        const AppointmentSummary &ap3 = d->appointments.front();
        QCOMPARE(ap3.appointment.id, QStringLiteral("ap3"));
        QCOMPARE(ap3.departedAt, QDateTime(QDate(2026, 2, 27), QTime(11, 20), Qt::UTC));
        QCOMPARE(ap3.outcomeReason, QStringLiteral("needs_parts"));
        QCOMPARE(ap3.outcomeNotes, QStringLiteral("Seal kit on order"));
        QCOMPARE(ap3.signedBy, QStringLiteral("Rita"));

        const WorkOrderStory &story = d->story;
        QCOMPARE(int(story.time.size()), 2); // Ana's travel and work; Bruno's time is another job's
        QCOMPARE(story.time[0].activity, QStringLiteral("travel"));
        QCOMPARE(story.time[0].minutes, 40);
        QCOMPARE(story.time[0].billableMinutes, 0);
        QCOMPARE(story.time[1].activity, QStringLiteral("work"));
        QCOMPARE(story.time[1].technicianName, QStringLiteral("Ana Souza"));
        QCOMPARE(story.time[1].minutes, 65);
        QCOMPARE(story.time[1].billableMinutes, 65);
        QCOMPARE(story.time[1].pendingMinutes, 15);
        QCOMPARE(int(story.parts.size()), 1);
        QCOMPARE(story.parts[0].appointmentId, QStringLiteral("ap3"));
        QCOMPARE(story.parts[0].name, QStringLiteral("Panel battery 12 V"));
        QCOMPARE(story.parts[0].quantity, 2.0);
        QCOMPARE(story.parts[0].location, QStringLiteral("van:t1"));
        QCOMPARE(int(story.ratings.size()), 1);
        QCOMPARE(story.ratings[0].score, 4);
        QCOMPARE(story.ratings[0].comment, QStringLiteral("Quick and tidy"));

        // A job with nothing booked has an empty story, not an error.
        auto w3 = WorkOrderRepository(*db).details(QStringLiteral("w3"));
        QVERIFY(w3);
        QVERIFY(w3->story.time.empty() && w3->story.parts.empty() && w3->story.ratings.empty());
    }

    void refusalsChangeNothing_data() { test::addBackendRows(); }
    void refusalsChangeNothing()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*db);
        const QDateTime now = test::fixtureNow();

        VisitOutcome o = resolvedAtNoon();
        auto cancelled = VisitOutcomeRecorder::record(*db, QStringLiteral("ap4"), 1, o, now);
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().kind, Error::Kind::Invalid);
        QVERIFY2(cancelled.error().message.contains(QLatin1String("cancelled")), qPrintable(cancelled.error().message));

        auto missing = VisitOutcomeRecorder::record(*db, QStringLiteral("nope"), 1, o, now);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);

        o.completedAt = at(2, 10);
        auto badTimes = VisitOutcomeRecorder::record(*db, QStringLiteral("ap1"), 1, o, now);
        QVERIFY(!badTimes);
        QCOMPARE(badTimes.error().kind, Error::Kind::Invalid);
        QVERIFY2(badTimes.error().message.startsWith(QLatin1String("completed_at:")), qPrintable(badTimes.error().message));

        // Someone changed the visit since the form read it: a lost race, nothing written.
        auto stale = VisitOutcomeRecorder::record(*db, QStringLiteral("ap1"), 7, resolvedAtNoon(), now);
        QVERIFY(!stale);
        QCOMPARE(stale.error().kind, Error::Kind::StaleVersion);
        QCOMPARE(test::dumpDatabase(*db), before);

        // A cancelled job is not resolved by a late report.
        QVERIFY(db->run(QStringLiteral("UPDATE work_orders SET status = 'cancelled' WHERE id = 'w4'")));
        const QString withCancelledJob = test::dumpDatabase(*db);
        auto onCancelledJob = VisitOutcomeRecorder::record(*db, QStringLiteral("ap1"), 1, resolvedAtNoon(), now);
        QVERIFY(!onCancelledJob);
        QVERIFY2(onCancelledJob.error().message.contains(QLatin1String("w4")), qPrintable(onCancelledJob.error().message));
        QCOMPARE(test::dumpDatabase(*db), withCancelledJob);
    }
};

QTEST_GUILESS_MAIN(TestVisitOutcome)
#include "tst_visit_outcome.moc"
