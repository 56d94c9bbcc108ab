// The day planner says why it left each work order out: one Monday (2026-03-02, every
// technician on UTC, shifts 08:00–17:00) with one work order per reason, planned in process
// on a real SQLite file. Ana (hvac) has time for the one job that should be placed; Bruno
// (gas) works Tuesday to Friday; Carla (roof) is on leave on Monday; Dora (crane) is booked
// from 08:00 to 17:00. Nobody holds the electrical skill.
#include "TestDatabases.h"
#include "dayplan/DayPlanLoader.h"
#include "dayplan/DayPlanner.h"

#include <QtTest>
#include <atomic>

using namespace fieldops;
using dayplan::UnplacedReason;

Q_DECLARE_METATYPE(fieldops::dayplan::UnplacedReason)

namespace {

Status seedMonday(Database &db)
{
    return test::runAll(db, {
        "INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('gas', 'Gas'), ('roof', 'Roofing'), "
        "('crane', 'Crane'), ('electrical', 'Electrical')",
        "INSERT INTO territories(id, name) VALUES ('north', 'North')",
        "INSERT INTO customers(id, name) VALUES ('c1', 'Acme')",
        "INSERT INTO sites(id, customer_id, lat, lon, territory_id) VALUES ('s1', 'c1', -23.5505, -46.6333, 'north'), "
        "('s2', 'c1', -23.5405, -46.6333, 'north')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, territory_id) VALUES "
        "('t1', 'Ana', -23.5505, -46.6333, 'UTC', 'north'), ('t3', 'Carla', -23.5505, -46.6333, 'UTC', 'north'), "
        "('t4', 'Dora', -23.5505, -46.6333, 'UTC', 'north')",
        "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, territory_id, work_days) VALUES "
        "('t2', 'Bruno', -23.5505, -46.6333, 'UTC', 'north', 'Tue;Wed;Thu;Fri')",
        "INSERT INTO technician_skills(technician_id, skill_code) VALUES ('t1', 'hvac'), ('t2', 'gas'), ('t3', 'roof'), "
        "('t4', 'crane')",
        "INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES ('t3', '2026-03-02T00:00:00Z', "
        "'2026-03-03T00:00:00Z', 'vacation')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES "
        "('booked', 's1', 540, '2026-03-01T00:00:00Z', 'scheduled')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at) VALUES ('w-ok', 's2', 60, '2026-03-01T00:00:00Z'), "
        "('w-elec', 's2', 60, '2026-03-01T00:00:00Z'), ('w-gas', 's2', 60, '2026-03-01T00:00:00Z'), "
        "('w-roof', 's2', 60, '2026-03-01T00:00:00Z'), ('w-crane', 's2', 60, '2026-03-01T00:00:00Z')",
        "INSERT INTO work_orders(id, site_id, duration_min, created_at, window_start, window_end) VALUES "
        "('w-short', 's2', 60, '2026-03-01T00:00:00Z', '2026-03-02T13:00:00Z', '2026-03-02T13:30:00Z'), "
        "('w-evening', 's2', 60, '2026-03-01T00:00:00Z', '2026-03-02T18:00:00Z', '2026-03-02T21:00:00Z')",
        "INSERT INTO work_order_skills(work_order_id, skill_code) VALUES ('booked', 'crane'), ('w-ok', 'hvac'), "
        "('w-elec', 'electrical'), ('w-gas', 'gas'), ('w-roof', 'roof'), ('w-crane', 'crane'), ('w-short', 'hvac'), "
        "('w-evening', 'hvac')",
        "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
        "('a1', 'booked', 't4', '2026-03-02T08:00:00Z', '2026-03-02T17:00:00Z', 'scheduled')",
    });
}

dayplan::DayPlanInput loadMonday(Database &db)
{
    auto input = dayplan::DayPlanLoader(db).load(QDate(2026, 3, 2), QString());
    return input ? *input : dayplan::DayPlanInput{};
}

} // namespace

class TestDayPlanReasons : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    dayplan::DayPlan m_plan;

private slots:
    void initTestCase()
    {
        m_db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY2(m_db, qPrintable(test::lastError()));
        QVERIFY(seedMonday(*m_db).ok());
        const dayplan::DayPlanInput input = loadMonday(*m_db);
        QCOMPARE(input.candidates.size(), 7);
        dayplan::DayPlanOptions options;
        options.timeLimitSeconds = 0.3;
        m_plan = dayplan::planDay(input, options);
    }

    void placesWhatFits()
    {
        QCOMPARE(int(m_plan.visits.size()), 1);
        QCOMPARE(m_plan.visits.front().workOrderId, QStringLiteral("w-ok"));
        QVERIFY(!m_plan.cancelled);
        // Ana had nothing booked: her day's driving is all new.
        QCOMPARE(m_plan.dayTravelBeforeMin, 0);
        QCOMPARE(m_plan.dayTravelAfterMin, m_plan.travelMin);
    }

    void everyUnplacedHasItsReason_data()
    {
        QTest::addColumn<QString>("workOrder");
        QTest::addColumn<UnplacedReason>("reason");
        QTest::newRow("no skill holder") << "w-elec" << UnplacedReason::NoQualifiedTechnician;
        QTest::newRow("window shorter than the work") << "w-short" << UnplacedReason::WindowTooShort;
        QTest::newRow("day off") << "w-gas" << UnplacedReason::NotWorking;
        QTest::newRow("absent") << "w-roof" << UnplacedReason::Absent;
        QTest::newRow("window after the shift") << "w-evening" << UnplacedReason::OutsideShifts;
        QTest::newRow("day full") << "w-crane" << UnplacedReason::NoRoom;
    }
    void everyUnplacedHasItsReason()
    {
        QFETCH(QString, workOrder);
        QFETCH(UnplacedReason, reason);
        QVERIFY(m_plan.unassigned.contains(workOrder));
        const auto it = std::find_if(m_plan.unplaced.begin(), m_plan.unplaced.end(),
                                     [&](const dayplan::Unplaced &u) { return u.workOrderId == workOrder; });
        QVERIFY(it != m_plan.unplaced.end());
        QCOMPARE(it->reason, reason);
        QVERIFY(!dayplan::unplacedReasonText(reason).isEmpty());
    }

    void unplacedFollowsUnassigned()
    {
        QCOMPARE(int(m_plan.unplaced.size()), int(m_plan.unassigned.size()));
        for (int i = 0; i < m_plan.unassigned.size(); ++i)
            QCOMPARE(m_plan.unplaced[size_t(i)].workOrderId, m_plan.unassigned[i]);
    }

    // The console's Cancel: a long search stops at once and says so; progress reaches 1.
    void cancelStopsTheSearch()
    {
        const dayplan::DayPlanInput input = loadMonday(*m_db);
        dayplan::DayPlanOptions options;
        options.timeLimitSeconds = 60;
        std::atomic<int> polls{0};
        double last = -1;
        options.cancelled = [&] { return ++polls > 3; };
        options.progress = [&](double p) {
            QVERIFY(p >= last);
            last = p;
        };
        QElapsedTimer timer;
        timer.start();
        const dayplan::DayPlan plan = dayplan::planDay(input, options);
        QVERIFY(timer.elapsed() < 10'000);
        QVERIFY(plan.cancelled);
        QCOMPARE(last, 1.0);
        QCOMPARE(int(plan.unplaced.size()), int(plan.unassigned.size()));
    }
};

QTEST_GUILESS_MAIN(TestDayPlanReasons)
#include "tst_day_plan_reasons.moc"
