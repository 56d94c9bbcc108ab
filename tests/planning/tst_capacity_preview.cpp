// The capacity preview against a small operation worked out by hand, on both backends:
// every figure of every (week, territory) cell, the overloaded marks, the levelling (a peak
// flattened, nothing moved out of its window, past its contract or onto a holiday, work
// nobody can do left where it is), the table model the planner's dialog shows, and
// `fieldops-cli capacity-preview` as an integrator runs it (JSON, exit codes, no writes).
#include "CliRunner.h"
#include "TestDatabases.h"
#include "itemmodels/CapacityTableModel.h"
#include "itemmodels/ItemRoles.h"
#include "planning/CapacityLeveller.h"
#include "planning/CapacityReader.h"
#include "planning/CapacityWindow.h"

#include <QJsonDocument>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::planning;

namespace {

using test::CliRun;
using test::runCli;

// Horizon: Mon 2026-03-02 + 13 days = Sun 2026-03-15, ISO weeks 10 and 11.
//
// North (tn), holiday Mon Mar 9, all UTC:
//   T1 hvac+elec 08–12 Mon–Fri; booked Thu Mar 5 11–13Z (1 h in shift); a cancelled
//      appointment Mon Mar 2 08–10Z that must not count.
//   T2 hvac 08–10 Mon–Fri; absent all of Tue Mar 3.
//   T5 elec 08–16 Mon–Fri.
// South (ts):
//   T3 elec 09–15 Mon, Wed, Fri in São Paulo (12–18Z); booked Wed Mar 4 12–14 local (2 h).
//   T4 hvac+elec, inactive.
// Plans (the old form, every interval_days from next_due):
//   pn1 hvac 10 h Tue Mar 3; pn2 hvac+elec 12 h Wed Mar 4 under k2, which ends Mar 10;
//   pn3 hvac 8 h weekly Thu Mar 5 and 12; pn4 elec 2 h Tue Mar 10;
//   ps1 elec 4 h Fri Mar 6; ps2 hvac 1 h Wed Mar 11 (nobody active in South holds hvac).
//
// W10 North: demand 10+12+8 = 30; qualified T1, T2 (T5 holds no occurrence's skills);
//   T1 20 − 1 booked = 19, T2 10 − 2 absent = 8 → available 27, booked 1: overloaded.
// W11 North: demand 8+2 = 10; qualified T1, T2 (hvac) and T5 (elec); Mar 9 is a holiday:
//   T1 16 + T2 8 + T5 32 = 56.
// W10 South: demand 4; T3 18 − 2 = 16, booked 2.
// W11 South: demand 1; nobody qualified: available 0, overloaded.
// Levelling: pn2 (the longest in the peak) may go to Mon 2 … Wed 11 except the weekend,
// Mar 9 (holiday) and Mar 11 (after k2's end): W11 on Tue Mar 10 has room (22 ≤ 56); W10
// North then holds 18 ≤ 27. ps2 stays: nobody in South can do it.
const QStringList kFixture{
    QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('elec', 'Electrical')"),
    QStringLiteral("INSERT INTO territories(id, name) VALUES ('tn', 'North'), ('ts', 'South')"),
    QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('tn', '2026-03-09', 'Local feast')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone, territory_id) VALUES "
                   "('sn', 'c1', 'North plant', -23.5, -46.6, 'UTC', 'tn'), ('ss', 'c1', 'South plant', -23.6, -46.7, 'UTC', 'ts')"),
    QStringLiteral("INSERT INTO assets(id, site_id) VALUES ('an1', 'sn'), ('an2', 'sn'), ('an3', 'sn'), ('an4', 'sn'), ('as1', 'ss'), ('as2', 'ss')"),
    QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                   "('k1', 'c1', 'Acme Gold', '2026-01-01', '2026-12-31', 8, 'business_hours'), "
                   "('k2', 'c1', 'Acme Short', '2026-01-01', '2026-03-10', 8, 'business_hours')"),
    QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due) VALUES "
                   "('pn1', 'k1', 'an1', 'Chiller service', 28, 600, '2026-03-03'), "
                   "('pn2', 'k2', 'an2', 'Panel and coil', 28, 720, '2026-03-04'), "
                   "('pn3', 'k1', 'an3', 'Filter round', 7, 480, '2026-03-05'), "
                   "('pn4', 'k1', 'an4', 'Breaker test', 28, 120, '2026-03-10'), "
                   "('ps1', 'k1', 'as1', 'Panel check', 28, 240, '2026-03-06'), "
                   "('ps2', 'k1', 'as2', 'Fan belt', 28, 60, '2026-03-11')"),
    QStringLiteral("INSERT INTO maintenance_plan_skills(plan_id, skill_code) VALUES ('pn1', 'hvac'), ('pn2', 'hvac'), ('pn2', 'elec'), "
                   "('pn3', 'hvac'), ('pn4', 'elec'), ('ps1', 'elec'), ('ps2', 'hvac')"),
    QStringLiteral("INSERT INTO technicians(id, name, territory_id, home_lat, home_lon, time_zone, shift_start, shift_end, work_days) VALUES "
                   "('T1', 'Ana', 'tn', -23.5, -46.6, 'UTC', '08:00', '12:00', 'Mon;Tue;Wed;Thu;Fri'), "
                   "('T2', 'Bruno', 'tn', -23.5, -46.6, 'UTC', '08:00', '10:00', 'Mon;Tue;Wed;Thu;Fri'), "
                   "('T5', 'Eva', 'tn', -23.5, -46.6, 'UTC', '08:00', '16:00', 'Mon;Tue;Wed;Thu;Fri'), "
                   "('T3', 'Caio', 'ts', -23.6, -46.7, 'America/Sao_Paulo', '09:00', '15:00', 'Mon;Wed;Fri')"),
    QStringLiteral("INSERT INTO technicians(id, name, territory_id, home_lat, home_lon, active) VALUES ('T4', 'Davi', 'ts', -23.6, -46.7, FALSE)"),
    QStringLiteral("INSERT INTO technician_skills(technician_id, skill_code) VALUES ('T1', 'hvac'), ('T1', 'elec'), ('T2', 'hvac'), "
                   "('T5', 'elec'), ('T3', 'elec'), ('T4', 'hvac'), ('T4', 'elec')"),
    QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at, reason) VALUES ('T2', '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z', 'sick')"),
    QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, status) VALUES "
                   "('WO-000001', 'sn', 120, '2026-02-20T10:00:00Z', 'scheduled'), ('WO-000002', 'ss', 120, '2026-02-20T10:00:00Z', 'scheduled'), "
                   "('WO-000003', 'sn', 120, '2026-02-20T10:00:00Z', 'open')"),
    QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES "
                   "('AP-1', 'WO-000001', 'T1', '2026-03-05T11:00:00Z', '2026-03-05T13:00:00Z', 'scheduled'), "
                   "('AP-2', 'WO-000002', 'T3', '2026-03-04T15:00:00Z', '2026-03-04T17:00:00Z', 'scheduled'), "
                   "('AP-3', 'WO-000003', 'T1', '2026-03-02T08:00:00Z', '2026-03-02T10:00:00Z', 'cancelled')"),
};

const QDate kToday(2026, 3, 2);
constexpr int kHorizon = 13;

struct Expected {
    double demand, available, booked;
    int occurrences, technicians;
    bool overloaded;
};

void compareCell(const CapacityCell &c, const Expected &e, const char *where)
{
    const QByteArray w(where);
    QVERIFY2(qFuzzyCompare(c.demandHours + 1, e.demand + 1), qPrintable(w + " demand " + QByteArray::number(c.demandHours)));
    QVERIFY2(qFuzzyCompare(c.availableHours + 1, e.available + 1), qPrintable(w + " available " + QByteArray::number(c.availableHours)));
    QVERIFY2(qFuzzyCompare(c.bookedHours + 1, e.booked + 1), qPrintable(w + " booked " + QByteArray::number(c.bookedHours)));
    QVERIFY2(c.occurrences == e.occurrences, qPrintable(w + " occurrences " + QByteArray::number(c.occurrences)));
    QVERIFY2(c.technicians == e.technicians, qPrintable(w + " technicians " + QByteArray::number(c.technicians)));
    QVERIFY2(c.overloaded == e.overloaded, qPrintable(w + " overloaded"));
}

const QString kExpectedJson = QStringLiteral(
    "{\"weeks\":["
    "{\"week\":\"2026-W10\",\"territory_id\":\"tn\",\"demand_hours\":30,\"available_hours\":27,\"booked_hours\":1,\"overloaded\":true},"
    "{\"week\":\"2026-W10\",\"territory_id\":\"ts\",\"demand_hours\":4,\"available_hours\":16,\"booked_hours\":2,\"overloaded\":false},"
    "{\"week\":\"2026-W11\",\"territory_id\":\"tn\",\"demand_hours\":10,\"available_hours\":56,\"booked_hours\":0,\"overloaded\":false},"
    "{\"week\":\"2026-W11\",\"territory_id\":\"ts\",\"demand_hours\":1,\"available_hours\":0,\"booked_hours\":0,\"overloaded\":true}"
    "]}");

const QString kExpectedLevelledJson = QStringLiteral(
    "{\"weeks\":["
    "{\"week\":\"2026-W10\",\"territory_id\":\"tn\",\"demand_hours\":18,\"available_hours\":27,\"booked_hours\":1,\"overloaded\":false},"
    "{\"week\":\"2026-W10\",\"territory_id\":\"ts\",\"demand_hours\":4,\"available_hours\":16,\"booked_hours\":2,\"overloaded\":false},"
    "{\"week\":\"2026-W11\",\"territory_id\":\"tn\",\"demand_hours\":22,\"available_hours\":56,\"booked_hours\":0,\"overloaded\":false},"
    "{\"week\":\"2026-W11\",\"territory_id\":\"ts\",\"demand_hours\":1,\"available_hours\":0,\"booked_hours\":0,\"overloaded\":true}"
    "],\"moved\":[{\"plan_id\":\"pn2\",\"from\":\"2026-03-04\",\"to\":\"2026-03-10\"}]}");

QStringList previewArgs(const QStringList &extra = {})
{
    return QStringList{QStringLiteral("capacity-preview"), QStringLiteral("--horizon-days"), QString::number(kHorizon),
                       QStringLiteral("--today"), kToday.toString(Qt::ISODate), QStringLiteral("--json")}
        + extra;
}

// In memory, one technician (Mon–Fri 08:00–10:30, 12.5 h a week) and three occurrences:
// week 10 holds two of 8 h (16 > 12.5), week 11 one of 1 h.
CapacityInput twoWeeks()
{
    CapacityInput in;
    in.firstDay = kToday;
    in.lastDay = kToday.addDays(kHorizon);
    CapacityTechnician t;
    t.id = QStringLiteral("T");
    t.territoryId = QStringLiteral("t");
    t.skills = {QStringLiteral("hvac")};
    t.timeZone = QStringLiteral("UTC");
    t.shift.start = QTime(8, 0);
    t.shift.end = QTime(10, 30);
    in.technicians = {t};
    const auto occurrence = [](const QString &plan, const QDate &due, int minutes) {
        CapacityOccurrence o;
        o.planId = plan;
        o.occurrence = o.due = due;
        o.territoryId = QStringLiteral("t");
        o.skills = {QStringLiteral("hvac")};
        o.durationMin = minutes;
        o.intervalDays = 28;
        return o;
    };
    in.occurrences = {occurrence(QStringLiteral("a"), QDate(2026, 3, 6), 480), occurrence(QStringLiteral("b"), QDate(2026, 3, 5), 480),
                      occurrence(QStringLiteral("c"), QDate(2026, 3, 10), 60)};
    return in;
}

} // namespace

class TestCapacityPreview : public QObject {
    Q_OBJECT

    std::unique_ptr<Database> m_db;
    QString m_url;

    bool open(const QString &backend)
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        for (const QString &sql : kFixture) {
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << sql << s.error().message;
                return false;
            }
        }
        return true;
    }

    std::optional<CapacityInput> read()
    {
        auto input = readCapacityInput(*m_db, {kToday, kHorizon});
        if (!input) {
            qWarning() << input.error().message;
            return std::nullopt;
        }
        return *input;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary");
        QLocale::setDefault(QLocale::c());
    }

    void figuresWorkedOutByHand_data() { test::addBackendRows(); }
    void figuresWorkedOutByHand()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const auto input = read();
        QVERIFY(input);
        QCOMPARE(input->occurrences.size(), 7); // pn3 twice
        QCOMPARE(input->technicians.size(), 4); // T4 is inactive
        QCOMPARE(input->booked.size(), 2);      // the cancelled appointment is not read
        const CapacityPreview p = computeCapacity(*input);
        QCOMPARE(p.weeks, (QStringList{QStringLiteral("2026-W10"), QStringLiteral("2026-W11")}));
        QCOMPARE(p.territoryIds, (QStringList{QStringLiteral("tn"), QStringLiteral("ts")}));
        QCOMPARE(p.territoryNames, (QStringList{QStringLiteral("North"), QStringLiteral("South")}));
        QCOMPARE(p.weekFirstDays, (QVector<QDate>{QDate(2026, 3, 2), QDate(2026, 3, 9)}));
        QCOMPARE(p.weekLastDays, (QVector<QDate>{QDate(2026, 3, 8), QDate(2026, 3, 15)}));
        compareCell(p.cell(0, 0), {30, 27, 1, 3, 2, true}, "W10 North");
        compareCell(p.cell(0, 1), {10, 56, 0, 2, 3, false}, "W11 North");
        compareCell(p.cell(1, 0), {4, 16, 2, 1, 1, false}, "W10 South");
        compareCell(p.cell(1, 1), {1, 0, 0, 1, 0, true}, "W11 South");
        compareCell(p.totals[0], {34, 43, 3, 4, 3, true}, "W10 total");
        compareCell(p.totals[1], {11, 56, 0, 3, 3, true}, "W11 total");
    }

    void levellingFlattensThePeakInsideTheWindow_data() { test::addBackendRows(); }
    void levellingFlattensThePeakInsideTheWindow()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const auto input = read();
        QVERIFY(input);
        const CapacityLevelling l = levelCapacity(*input);
        QCOMPARE(l.moved.size(), 1);
        QCOMPARE(l.moved[0].planId, QStringLiteral("pn2"));
        QCOMPARE(l.moved[0].occurrence, QDate(2026, 3, 4));
        QCOMPARE(l.moved[0].from, QDate(2026, 3, 4));
        QCOMPARE(l.moved[0].to, QDate(2026, 3, 10)); // not the nearer Mar 9: a holiday
        compareCell(l.before.cell(0, 0), {30, 27, 1, 3, 2, true}, "before W10 North");
        compareCell(l.after.cell(0, 0), {18, 27, 1, 2, 2, false}, "after W10 North");
        compareCell(l.after.cell(0, 1), {22, 56, 0, 3, 3, false}, "after W11 North");
        compareCell(l.after.cell(1, 1), {1, 0, 0, 1, 0, true}, "after W11 South: nobody can do it");
        for (const CapacityMove &m : l.moved) {
            const auto it = std::find_if(input->occurrences.begin(), input->occurrences.end(),
                                         [&](const CapacityOccurrence &o) { return o.planId == m.planId && o.occurrence == m.occurrence; });
            QVERIFY(it != input->occurrences.end());
            QVERIFY(isAllowedDay(*it, *input, m.to));
        }
        // Deterministic: the same input, levelled again, gives the same moves.
        const CapacityLevelling again = levelCapacity(*input);
        QCOMPARE(again.moved.size(), l.moved.size());
        QCOMPARE(again.moved[0].to, l.moved[0].to);
    }

    void allowedWindow()
    {
        CapacityInput in;
        in.firstDay = kToday;
        in.lastDay = kToday.addDays(kHorizon);
        in.holidays[QStringLiteral("tn")] = {QDate(2026, 3, 9)};
        CapacityOccurrence pn2;
        pn2.planId = QStringLiteral("pn2");
        pn2.occurrence = pn2.due = QDate(2026, 3, 4);
        pn2.territoryId = QStringLiteral("tn");
        pn2.intervalDays = 28;
        pn2.contractEnds = QDate(2026, 3, 10);
        // ±7 days: Feb 25 … Mar 1 are before the horizon, Mar 7–8 a weekend, Mar 9 a
        // holiday, Mar 11 after the contract; nearest first, the earlier first on a tie.
        QCOMPARE(allowedDays(pn2, in), (QVector<QDate>{QDate(2026, 3, 4), QDate(2026, 3, 3), QDate(2026, 3, 5), QDate(2026, 3, 2),
                                                       QDate(2026, 3, 6), QDate(2026, 3, 10)}));
        pn2.contractStarts = QDate(2026, 3, 3);
        QVERIFY(!isAllowedDay(pn2, in, QDate(2026, 3, 2)));
        QCOMPARE(levellingReachDays(7), 1);
        QCOMPARE(levellingReachDays(28), 7);
        QCOMPARE(levellingReachDays(365), 7);
        QCOMPARE(levellingReachDays(3), 0);
        QCOMPARE(levellingReachDays(-5), 0);
    }

    void levellingNeverLeavesTheWindow_data()
    {
        QTest::addColumn<QDate>("contractEnds");
        QTest::addColumn<QDate>("holiday");
        QTest::addColumn<int>("intervalDays");
        QTest::addColumn<QStringList>("expected"); // "plan from→to"
        // Week 10: a (Fri 6, 8 h) and b (Thu 5, 8 h) against 12.5 free hours; week 11: c (1 h).
        QTest::newRow("free to move") << QDate() << QDate() << 28 << QStringList{QStringLiteral("a 2026-03-06→2026-03-09")};
        QTest::newRow("contract ends in the week")
            << QDate(2026, 3, 6) << QDate() << 28 << QStringList{};
        QTest::newRow("next Monday a holiday") << QDate() << QDate(2026, 3, 9) << 28 << QStringList{QStringLiteral("a 2026-03-06→2026-03-10")};
        QTest::newRow("weekly plans stay in their week") << QDate() << QDate() << 7 << QStringList{};
    }
    void levellingNeverLeavesTheWindow()
    {
        QFETCH(QDate, contractEnds);
        QFETCH(QDate, holiday);
        QFETCH(int, intervalDays);
        QFETCH(QStringList, expected);
        CapacityInput in = twoWeeks();
        for (CapacityOccurrence &o : in.occurrences) {
            o.contractEnds = contractEnds;
            o.intervalDays = intervalDays;
        }
        if (holiday.isValid())
            in.holidays[QStringLiteral("t")] = {holiday};
        const CapacityLevelling l = levelCapacity(in);
        QVERIFY(l.before.cell(0, 0).overloaded);
        QStringList moved;
        for (const CapacityMove &m : l.moved) {
            moved << QStringLiteral("%1 %2→%3").arg(m.planId, m.from.toString(Qt::ISODate), m.to.toString(Qt::ISODate));
            const auto it = std::find_if(in.occurrences.begin(), in.occurrences.end(), [&](const CapacityOccurrence &o) { return o.planId == m.planId; });
            QVERIFY(isAllowedDay(*it, in, m.to));
        }
        QCOMPARE(moved, expected);
        // Once moved, both weeks fit: 8 ≤ 12.5 and 9 ≤ 12.5 (10 with the holiday Monday).
        QCOMPARE(l.after.cell(0, 0).overloaded, expected.isEmpty());
        QVERIFY(!l.after.cell(0, 1).overloaded);
        QCOMPARE(l.after.totals[0].demandHours + l.after.totals[1].demandHours, 17.0);
    }

    void tableModelShowsBeforeAndAfter()
    {
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        const auto input = read();
        QVERIFY(input);
        const CapacityLevelling l = levelCapacity(*input);
        CapacityTableModel model;
        QCOMPARE(model.rowCount(), 0);
        model.setPreview(l.before, l.after);
        QCOMPARE(model.rowCount(), 3); // North, South, total
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("2026-W10"));
        QCOMPARE(model.headerData(0, Qt::Vertical).toString(), QStringLiteral("North"));
        QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QStringLiteral("Total"));
        const QModelIndex northW10 = model.index(0, 0);
        QCOMPARE(northW10.data().toString(), QStringLiteral("30.0 / 27.0 h"));
        QCOMPARE(northW10.data(roles::CapacityOverloaded).toBool(), true);
        QCOMPARE(northW10.data(roles::CapacityDemandHours).toDouble(), 30.0);
        QCOMPARE(northW10.data(roles::CapacityLevelledText).toString(), QStringLiteral("18.0 / 27.0 h"));
        QCOMPARE(northW10.data(roles::CapacityLevelledOverloaded).toBool(), false);
        QVERIFY(northW10.data(Qt::BackgroundRole).isValid());
        const QString tip = northW10.data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("Overloaded")) && tip.contains(QStringLiteral("18.0 / 27.0 h")), qPrintable(tip));
        QCOMPARE(model.index(2, 1).data().toString(), QStringLiteral("11.0 / 56.0 h"));
        QCOMPARE(model.index(2, 1).data(roles::CapacityOverloaded).toBool(), true); // South is

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.showLevelled(true);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(northW10.data().toString(), QStringLiteral("18.0 / 27.0 h"));
        QCOMPARE(northW10.data(roles::CapacityOverloaded).toBool(), false);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("22.0 / 56.0 h"));

        // A preview without levelling: the levelled roles are empty and showing them changes nothing.
        model.setPreview(l.before);
        QVERIFY(!model.hasLevelled());
        QVERIFY(!northW10.data(roles::CapacityLevelledText).isValid());
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("30.0 / 27.0 h"));
    }

    void cliJson_data() { test::addBackendRows(); }
    void cliJson()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun plain = runCli(m_url, previewArgs());
        QCOMPARE(plain.err, QString());
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.out.trimmed(), kExpectedJson);
        const CliRun levelled = runCli(m_url, previewArgs({QStringLiteral("--level")}));
        QCOMPARE(levelled.exitCode, 0);
        QCOMPARE(levelled.out.trimmed(), kExpectedLevelledJson);
        QVERIFY(!QJsonDocument::fromJson(levelled.out.toUtf8()).isNull());
        const CliRun text = runCli(m_url, {QStringLiteral("capacity-preview"), QStringLiteral("--horizon-days"), QString::number(kHorizon),
                                           QStringLiteral("--today"), kToday.toString(Qt::ISODate), QStringLiteral("--level")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QStringLiteral("North")) && text.out.contains(QStringLiteral("OVERLOADED"))
                     && text.out.contains(QStringLiteral("pn2")) && text.out.contains(QStringLiteral("2026-03-10")),
                 qPrintable(text.out));
        // It reads only.
        QCOMPARE(test::dumpDatabase(*m_db), before);
    }

    void cliInvalidArgumentsExit2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("names");
        QTest::newRow("missing horizon") << QStringList{} << QStringLiteral("--horizon-days");
        QTest::newRow("negative") << QStringList{QStringLiteral("--horizon-days"), QStringLiteral("-1")} << QStringLiteral("--horizon-days");
        QTest::newRow("words") << QStringList{QStringLiteral("--horizon-days"), QStringLiteral("ten")} << QStringLiteral("--horizon-days");
        QTest::newRow("too long") << QStringList{QStringLiteral("--horizon-days"), QStringLiteral("5000")} << QStringLiteral("--horizon-days");
        QTest::newRow("bad today") << QStringList{QStringLiteral("--horizon-days"), QStringLiteral("7"), QStringLiteral("--today"), QStringLiteral("2026-02-30")}
                                   << QStringLiteral("--today");
        QTest::newRow("stray argument") << QStringList{QStringLiteral("--horizon-days"), QStringLiteral("7"), QStringLiteral("soon")} << QStringLiteral("soon");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--horizon-days"), QStringLiteral("7"), QStringLiteral("--levels")} << QStringLiteral("levels");
    }
    void cliInvalidArgumentsExit2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, names);
        QVERIFY2(open(QStringLiteral("sqlite")), qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, QStringList{QStringLiteral("capacity-preview"), QStringLiteral("--json")} + args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        QVERIFY2(lines.front().contains(names), qPrintable(r.err));
    }

    void cliFailureExits1()
    {
        // A server that is not there: not the user's arguments, a failure.
        const CliRun r = runCli(QStringLiteral("postgresql://nobody@127.0.0.1:1/none"), previewArgs());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCapacityPreview)
#include "tst_capacity_preview.moc"
