// Each kind of alert raised and cleared on both backends, from the same data every console
// reads: an SLA at risk under the plan, a late arrival turned missed status by the GPS, a
// visit overrunning, a job left unresolved with nothing booked, a technician on shift gone
// quiet; dismissals hide an alert for everyone until a new occurrence; the thresholds live
// in the database, are validated and versioned, and the KPIs' on-time rule follows them.
#include "../itemmodels/WorkOrderFixture.h"
#include "TestDatabases.h"
#include "alerts/AlertEdits.h"
#include "kpi/KpiLoader.h"
#include "repositories/AlertRepository.h"

#include <QtTest>

using namespace fieldops;

namespace {

QDateTime at(int day, int hour, int minute = 0) { return QDateTime(QDate(2026, 3, day), QTime(hour, minute), Qt::UTC); }

// "kind:subject" of every alert at `now`, in the list's order.
QStringList alertsAt(Database &db, const QDateTime &now, const AlertRules &rules)
{
    auto alerts = AlertRepository(db).current(now, rules);
    if (!alerts)
        return {QStringLiteral("error: ") + alerts.error().message};
    QStringList out;
    for (const Alert &a : *alerts)
        out << Alert::kindCode(a.kind) + QLatin1Char(':') + (a.appointmentId.isEmpty() ? (a.workOrderId.isEmpty() ? a.technicianId : a.workOrderId)
                                                                                     : a.appointmentId);
    return out;
}

bool run(Database &db, const QString &sql)
{
    auto q = db.run(sql);
    if (!q)
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.error().message));
    return q.ok();
}

} // namespace

class TestAlerts : public QObject {
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
    void everyKindRaisedAndCleared_data() { test::addBackendRows(); }
    void everyKindRaisedAndCleared()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto rules = loadAlertRules(*db);
        QVERIFY(rules);
        QCOMPARE(*rules, AlertRules{}); // the migration's defaults
        const QDateTime noon = test::fixtureNow();
        const QStringList base{QStringLiteral("sla_breached:w1"), QStringLiteral("sla_due_soon:w2"), QStringLiteral("late_arrival:ap1"),
                               QStringLiteral("unresolved:ap3")};
        QCOMPARE(alertsAt(*db, noon, *rules), base);

        // w2 (due 14:00) booked until 15:00: the plan misses its SLA.
        QVERIFY(run(*db, QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                                        "('ap5', 'w2', 't1', '2026-03-02T13:30:00Z', '2026-03-02T15:00:00Z', 'scheduled')")));
        QCOMPARE(alertsAt(*db, noon, *rules), (QStringList{QStringLiteral("sla_breached:w1"), QStringLiteral("sla_at_risk:w2"),
                                                           QStringLiteral("late_arrival:ap1"), QStringLiteral("unresolved:ap3")}));
        QVERIFY(run(*db, QStringLiteral("UPDATE appointments SET start_at = '2026-03-02T12:30:00Z', end_at = '2026-03-02T13:45:00Z' WHERE id = 'ap5'")));
        QCOMPARE(alertsAt(*db, noon, *rules), base);

        // The phone was at w4's site from 11:10: not late, the on-site status is missing.
        QVERIFY(run(*db, QStringLiteral("UPDATE appointments SET inferred_arrived_at = '2026-03-02T11:10:00Z' WHERE id = 'ap1'")));
        QCOMPARE(alertsAt(*db, noon, *rules), (QStringList{QStringLiteral("sla_breached:w1"), QStringLiteral("sla_due_soon:w2"),
                                                           QStringLiteral("missed_status:ap1"), QStringLiteral("unresolved:ap3")}));
        // The status arrives: on site since 11:05, 90 minutes planned, so due out at 12:35.
        QVERIFY(run(*db, QStringLiteral("UPDATE appointments SET status = 'on_site', arrived_at = '2026-03-02T11:05:00Z' WHERE id = 'ap1'")));
        QCOMPARE(alertsAt(*db, noon, *rules), (QStringList{QStringLiteral("sla_breached:w1"), QStringLiteral("sla_due_soon:w2"),
                                                           QStringLiteral("unresolved:ap3")}));
        // Past 12:35 and its 15-minute grace, still on site: overrunning.
        QVERIFY(alertsAt(*db, at(2, 12, 51), *rules).contains(QStringLiteral("overrun:ap1")));
        QVERIFY(!alertsAt(*db, at(2, 12, 50), *rules).contains(QStringLiteral("overrun:ap1")));
        QVERIFY(run(*db, QStringLiteral("UPDATE appointments SET status = 'completed', completed_at = '2026-03-02T12:55:00Z', resolved = %1 WHERE id = 'ap1'")
                              .arg(db->isPostgres() ? QStringLiteral("true") : QStringLiteral("1"))));
        QVERIFY(!alertsAt(*db, at(2, 13), *rules).contains(QStringLiteral("overrun:ap1")));

        // w6 was left unresolved on 27 Feb with nothing booked: an alert for a week, and
        // none once a return visit is booked.
        QVERIFY(!alertsAt(*db, at(6, 12), *rules).contains(QStringLiteral("unresolved:ap3")));
        QVERIFY(run(*db, QStringLiteral("UPDATE appointments SET status = 'scheduled', start_at = '2026-03-03T13:00:00Z', "
                                        "end_at = '2026-03-03T14:00:00Z' WHERE id = 'ap4'")));
        QVERIFY(!alertsAt(*db, noon, *rules).contains(QStringLiteral("unresolved:ap3")));

        // Ana's phone (08:00–17:00 UTC, Monday) last reported at 11:00: silent by noon. Bruno
        // never reports, so he is not "silent".
        QVERIFY(run(*db, QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon) VALUES ('t1', '2026-03-02T11:00:00Z', -23.5, -46.6)")));
        QVERIFY(alertsAt(*db, noon, *rules).contains(QStringLiteral("silent:t1")));
        QVERIFY(!alertsAt(*db, at(2, 11, 20), *rules).contains(QStringLiteral("silent:t1")));  // 20 min quiet is fine
        QVERIFY(!alertsAt(*db, at(2, 18), *rules).contains(QStringLiteral("silent:t1")));      // off shift
        QVERIFY(!alertsAt(*db, at(1, 12), *rules).contains(QStringLiteral("silent:t1")));      // before the position (Sunday anyway)
        QVERIFY(run(*db, QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon) VALUES ('t1', '2026-03-02T11:50:00Z', -23.5, -46.6)")));
        QVERIFY(!alertsAt(*db, noon, *rules).contains(QStringLiteral("silent:t1")));
        QVERIFY(alertsAt(*db, at(2, 12, 30), *rules).contains(QStringLiteral("silent:t1")));
        QVERIFY(run(*db, QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES "
                                        "('t1', '2026-03-02T12:15:00Z', '2026-03-02T17:00:00Z', 'doctor')")));
        QVERIFY(!alertsAt(*db, at(2, 12, 30), *rules).contains(QStringLiteral("silent:t1")));
    }

    void dismissedAlertsStayHidden_data() { test::addBackendRows(); }
    void dismissedAlertsStayHidden()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime noon = test::fixtureNow();
        auto alerts = AlertRepository(*db).current(noon);
        QVERIFY(alerts);
        const Alert late = alerts->at(2);
        QCOMPARE(late.kind, Alert::Kind::LateArrival);
        QCOMPARE(late.key(), QStringLiteral("late_arrival:ap1:2026-03-02T11:00:00Z"));

        const QString before = test::dumpDatabase(*db);
        auto noReason = alerts::dismissAlert(*db, late.key(), QStringLiteral("   "), noon);
        QVERIFY(!noReason);
        QVERIFY2(noReason.error().message.startsWith(QLatin1String("reason:")), qPrintable(noReason.error().message));
        QCOMPARE(test::dumpDatabase(*db), before);

        auto edits = alerts::dismissAlert(*db, late.key(), QStringLiteral("Bruno called: stuck behind an accident"), noon);
        QVERIFY2(edits, qPrintable(edits ? QString() : edits.error().message));
        QVERIFY(!alertsAt(*db, noon, {}).contains(QStringLiteral("late_arrival:ap1")));
        QVERIFY(alertsAt(*db, noon, {}).contains(QStringLiteral("sla_breached:w1"))); // the others stay
        QVERIFY(db->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'alert_dismissals'"))->toInt() >= 1);
        auto twice = alerts::dismissAlert(*db, late.key(), QStringLiteral("again"), noon);
        QVERIFY(!twice);

        // Moved to 11:30, the visit is a new occurrence: the alert is back.
        QVERIFY(run(*db, QStringLiteral("UPDATE appointments SET start_at = '2026-03-02T11:30:00Z' WHERE id = 'ap1'")));
        QVERIFY(alertsAt(*db, noon, {}).contains(QStringLiteral("late_arrival:ap1")));

        // Undoing the dismissal (the edits backwards) brings the original back too.
        QVERIFY(run(*db, QStringLiteral("UPDATE appointments SET start_at = '2026-03-02T11:00:00Z' WHERE id = 'ap1'")));
        QVERIFY(!alertsAt(*db, noon, {}).contains(QStringLiteral("late_arrival:ap1")));
        {
            Transaction tx(*db);
            QVERIFY(records::applyEdits(*db, *edits, false));
            QVERIFY(tx.commit());
        }
        QVERIFY(alertsAt(*db, noon, {}).contains(QStringLiteral("late_arrival:ap1")));
    }

    void thresholdsAreSharedAndChecked_data() { test::addBackendRows(); }
    void thresholdsAreSharedAndChecked()
    {
        QFETCH(QString, backend);
        auto db = fixture(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        auto before = loadAlertRules(*db);
        QVERIFY(before);

        AlertRules bad = *before;
        bad.silentMinutes = 2;
        const QString untouched = test::dumpDatabase(*db);
        auto refused = alerts::saveAlertRules(*db, *before, bad);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.startsWith(QLatin1String("silent_minutes:")), qPrintable(refused.error().message));
        QCOMPARE(test::dumpDatabase(*db), untouched);

        // A grace of 70 minutes: the 11:00 visit is not late at noon, for alerts and KPIs alike.
        AlertRules wide = *before;
        wide.lateGraceMinutes = 70;
        auto saved = alerts::saveAlertRules(*db, *before, wide);
        QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
        auto after = loadAlertRules(*db);
        QVERIFY(after);
        QCOMPARE(after->lateGraceMinutes, 70);
        QCOMPARE(after->version, before->version + 1);
        QVERIFY(!alertsAt(*db, test::fixtureNow(), *after).contains(QStringLiteral("late_arrival:ap1")));
        auto in = kpi::loadKpiInputs(*db, kpi::KpiPeriod{QDate(2026, 3, 1), QDate(2026, 3, 2)});
        QVERIFY2(in, qPrintable(in ? QString() : in.error().message));
        QCOMPARE(in->onTimeGraceMs, qint64(70) * 60'000);

        // Someone else saved meanwhile: the stale form's save is refused, nothing written.
        AlertRules stale = *before;
        stale.slaHorizonHours = 8;
        const QString current = test::dumpDatabase(*db);
        auto lost = alerts::saveAlertRules(*db, *before, stale);
        QVERIFY(!lost);
        QCOMPARE(lost.error().kind, Error::Kind::StaleVersion);
        QCOMPARE(test::dumpDatabase(*db), current);
    }
};

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
