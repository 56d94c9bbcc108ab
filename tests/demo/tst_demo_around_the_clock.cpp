// The demo made at any hour shows a working day in progress (README, "The demo's clock"): seeded
// with its "now" at 03:00, 15:00 and 21:30 São Paulo time on a Wednesday, there are visits on
// site or on the way at now and visits just finished; every technician on shift at now (by
// the shift stored, read as the alerts read it) reported a position in the last ten minutes;
// no work order was logged after now; the on-call crew works nights on call-outs under 24×7
// contracts; and the alerts repository finds, at now, an emergency whose SLA falls due within
// hours, a visit nobody reached in time (when one was under way), and no silent phone.
#include "TestDatabases.h"
#include "demo/DemoSeeder.h"
#include "domain/Entities.h"
#include "repositories/AlertRepository.h"
#include "scheduling/ShiftCalendar.h"
#include "util/TimeFormat.h"

#include <QTimeZone>
#include <QtTest>

#include <memory>

using namespace fieldops;

namespace {

DemoOptions optionsAt(const QTime &nowLocal)
{
    DemoOptions o;
    o.technicians = 12;
    o.days = 20;
    o.futureDays = 3;
    o.customers = 150;
    o.seed = 7;
    o.today = QDate(2026, 3, 4); // a Wednesday
    o.nowLocal = nowLocal;
    return o;
}

qint64 count(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? v->toLongLong() : -1;
}

// Technicians whose stored shift holds `now` and who are not absent then.
QStringList onShiftAt(Database &db, const QDateTime &now)
{
    QStringList out;
    auto q = db.run(QStringLiteral("SELECT id, time_zone, shift_start, shift_end, work_days FROM technicians t "
                                   "WHERE NOT EXISTS (SELECT 1 FROM absences x WHERE x.technician_id = t.id "
                                   "AND x.start_at <= ? AND x.end_at > ?) ORDER BY id"),
                    {timefmt::toSql(now), timefmt::toSql(now)});
    const qint64 nowMs = now.toMSecsSinceEpoch();
    while (q && q->next()) {
        Technician t;
        t.timeZone = q->value(1).toString();
        t.shiftStart = *timefmt::parseClock(q->value(2).toString());
        t.shiftEnd = *timefmt::parseClock(q->value(3).toString());
        t.workDays = q->value(4).toString().split(QLatin1Char(';'), Qt::SkipEmptyParts);
        auto clock = std::make_shared<scheduling::ZoneClock>(QTimeZone(t.timeZone.toUtf8()), nowMs - 3 * scheduling::ZoneClock::kDayMs,
                                                             nowMs + scheduling::ZoneClock::kDayMs);
        const scheduling::ShiftCalendar calendar(scheduling::ShiftPattern::fromTechnician(t), clock);
        const qint64 today = clock->localDayNumber(nowMs);
        for (qint64 day : {today - 1, today}) {
            const auto shift = calendar.shiftOn(day);
            if (shift && shift->startMs <= nowMs && nowMs < shift->endMs && !out.contains(q->value(0).toString()))
                out << q->value(0).toString();
        }
    }
    return out;
}

} // namespace

class TestDemoAroundTheClock : public QObject {
    Q_OBJECT

private slots:
    void aWorkingDayAtAnyHour_data()
    {
        QTest::addColumn<QTime>("nowLocal");
        // The late visit is told when a visit due 20 minutes to 3 hours before now is under way
        // at now: at 21:30 with this seed both on-call technicians are between visits.
        QTest::addColumn<bool>("someoneLate");
        QTest::newRow("03:00") << QTime(3, 0) << true;
        QTest::newRow("15:00") << QTime(15, 0) << true;
        QTest::newRow("21:30") << QTime(21, 30) << false;
    }
    void aWorkingDayAtAnyHour()
    {
        QFETCH(QTime, nowLocal);
        QFETCH(bool, someoneLate);
        const DemoOptions o = optionsAt(nowLocal);
        auto db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        auto seeded = DemoSeeder(*db).seed(o);
        QVERIFY2(seeded, seeded ? "" : qPrintable(seeded.error().message + QLatin1Char(' ') + seeded.error().detail));
        const QDateTime now = QDateTime(o.today, nowLocal, QTimeZone("America/Sao_Paulo")).toUTC();
        const QVariant at = timefmt::toSql(now);

        // Visits under way at now, inside their technicians' shifts, and visits just finished.
        const QStringList onShift = onShiftAt(*db, now);
        QVERIFY2(!onShift.isEmpty(), "someone is on shift");
        QStringList busy;
        auto q = db->run(QStringLiteral("SELECT technician_id, status, start_at, arrived_at FROM appointments "
                                        "WHERE status IN ('en_route', 'on_site')"));
        QVERIFY(q.ok());
        while (q->next()) {
            busy << q->value(0).toString();
            QVERIFY2(onShift.contains(q->value(0).toString()), qPrintable(q->value(0).toString()));
            if (q->value(1).toString() == QLatin1String("on_site"))
                QVERIFY(timefmt::fromSql(q->value(3)) <= now);
        }
        QVERIFY2(!busy.isEmpty(), "a visit is under way at now");
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM appointments WHERE status = 'completed' AND completed_at > ? "
                                          "AND completed_at <= ?"),
                      {timefmt::toSql(now.addSecs(-3 * 3600)), at})
                > 0);

        // Every technician on shift reported in the last ten minutes, and none after now.
        for (const QString &tech : onShift) {
            auto last = db->scalar(QStringLiteral("SELECT max(at) FROM positions WHERE technician_id = ?"), {tech});
            QVERIFY(last);
            const QDateTime when = timefmt::fromSql(*last);
            QVERIFY2(when <= now && when >= now.addSecs(-10 * 60), qPrintable(tech + QLatin1Char(' ') + timefmt::toIsoUtc(when)));
        }
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM positions WHERE at > ?"), {at}), qint64(0));

        // The queue and everything else was logged before now.
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE created_at > ?"), {at}), qint64(0));
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM work_orders WHERE status = 'open'")) > 0);

        // The on-call crew: night shifts, and at night only call-outs under 24×7 contracts.
        QVERIFY(count(*db, QStringLiteral("SELECT count(*) FROM technicians WHERE shift_start = '19:00' AND shift_end = '07:00'")) >= 2);
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM appointments a JOIN technicians t ON t.id = a.technician_id "
                                           "JOIN work_orders w ON w.id = a.work_order_id "
                                           "LEFT JOIN contracts k ON k.id = w.contract_id "
                                           "WHERE t.shift_start = '19:00' AND (k.coverage IS NULL OR k.coverage <> '24x7')")),
                 qint64(0));

        // What the dispatcher is told at now: someone late, an SLA about to fall due, no silent phone.
        auto alerts = AlertRepository(*db).current(now);
        QVERIFY2(alerts, alerts ? "" : qPrintable(alerts.error().message));
        QVERIFY(!alerts->empty());
        int late = 0, dueSoon = 0, silent = 0;
        for (const Alert &a : *alerts) {
            late += a.kind == Alert::Kind::LateArrival ? 1 : 0;
            dueSoon += a.kind == Alert::Kind::SlaDueSoon ? 1 : 0;
            silent += a.kind == Alert::Kind::Silent ? 1 : 0;
        }
        if (someoneLate)
            QVERIFY2(late > 0, "a technician is late");
        QVERIFY2(dueSoon > 0, "an SLA falls due within hours");
        QCOMPARE(silent, 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoAroundTheClock)
#include "tst_demo_around_the_clock.moc"
