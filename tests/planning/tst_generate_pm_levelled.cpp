// Generating preventive work orders on days the planner moved them to, on both backends
// with real databases: a due override moves the work order's due day, window and SLA but
// not its occurrence (a second run creates nothing); an override onto a day the contract
// does not allow is refused as invalid input (what the CLI exits 2 for) and writes nothing;
// `fieldops-cli generate-pm --level` on a hand-made overloaded week generates the moved
// occurrences on exactly the days `capacity-preview --level` reports.
#include "CliRunner.h"
#include "TestDatabases.h"
#include "planning/CapacityLeveller.h"
#include "planning/CapacityReader.h"
#include "planning/LevelledDueDays.h"
#include "planning/PmGenerator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QtTest>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

// North (t1), one site in São Paulo, a business-hours contract for 2026 (8 h response).
// p1: monthly on the 15th at 08:00 local; p2: every 14 days from Mon Mar 2 (Mar 2, 16, 30).
const QStringList kPlans{
    QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC')"),
    QStringLiteral("INSERT INTO territories(id, name) VALUES ('t1', 'North')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone, territory_id) VALUES "
                   "('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo', 't1')"),
    QStringLiteral("INSERT INTO assets(id, site_id) VALUES ('a1', 's1'), ('a2', 's1')"),
    QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                   "('k1', 'c1', 'Acme Gold', '2026-01-01', '2026-12-31', 8, 'business_hours')"),
    QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence, preferred_start) VALUES "
                   "('p1', 'k1', 'a1', 'Filter change', 30, 45, '2026-01-15', 'every 1 months on day 15', '08:00')"),
    QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due) VALUES "
                   "('p2', 'k1', 'a2', 'Belt check', 14, 30, '2026-03-02')"),
};

// One technician in North, 08:00–17:00 Monday to Friday (45 h a week), and six monthly
// 8-hour services all due on Wednesday Mar 4: 48 h against 45 h, so week 10 is overloaded.
// Levelling moves one of them (the first by plan id: equal lengths) into week 11.
QStringList overloadedWeek()
{
    QStringList sql{
        QStringLiteral("INSERT INTO technicians(id, name, territory_id, home_lat, home_lon, time_zone, shift_start, shift_end, work_days) VALUES "
                       "('T1', 'Ana', 't1', -23.5, -46.6, 'America/Sao_Paulo', '08:00', '17:00', 'Mon;Tue;Wed;Thu;Fri')"),
        QStringLiteral("INSERT INTO technician_skills(technician_id, skill_code) VALUES ('T1', 'hvac')"),
        QStringLiteral("DELETE FROM maintenance_plans"),
    };
    for (int i = 1; i <= 6; ++i) {
        sql << QStringLiteral("INSERT INTO assets(id, site_id) VALUES ('b%1', 's1')").arg(i)
            << QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence) VALUES "
                              "('m%1', 'k1', 'b%1', 'Chiller overhaul', 30, 480, '2026-03-04', 'every 1 months on day 4')")
                   .arg(i)
            << QStringLiteral("INSERT INTO maintenance_plan_skills(plan_id, skill_code) VALUES ('m%1', 'hvac')").arg(i);
    }
    return sql;
}

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

QString dateText(Database &db, const QString &sql)
{
    auto v = db.scalar(sql);
    if (!v || v->isNull())
        return {};
    return v->metaType().id() == QMetaType::QDate ? v->toDate().toString(Qt::ISODate) : v->toString().left(10);
}

planning::PmGenerateOptions optionsFrom(const QDate &today, int horizonDays)
{
    planning::PmGenerateOptions o;
    o.now = QDateTime(today, QTime(6, 0), QTimeZone::utc());
    o.today = today;
    o.horizonDays = horizonDays;
    return o;
}

// plan → due days, as "plan due" strings in the JSON's order.
QStringList dueDays(const QJsonObject &json)
{
    QStringList out;
    for (const QJsonValue &v : json.value(QLatin1String("work_orders")).toArray())
        out << QStringLiteral("%1 %2").arg(v[QLatin1String("plan_id")].toString(), v[QLatin1String("due")].toString());
    return out;
}

} // namespace

class TestGeneratePmLevelled : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend, const QStringList &more = {})
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        for (const QString &sql : kPlans + more) {
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << sql << s.error().message;
                return false;
            }
        }
        return true;
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void overrideMovesDueDayWindowAndSla_data() { test::addBackendRows(); }
    void overrideMovesDueDayWindowAndSla()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        planning::PmGenerateOptions options = optionsFrom(QDate(2026, 3, 1), 30);
        // p1's Sunday Mar 15 occurrence moves to Tuesday Mar 17; an override of an occurrence
        // outside the horizon is simply unused.
        options.dueOverrides = {{QStringLiteral("p1"), QDate(2026, 3, 15), QDate(2026, 3, 17)},
                                {QStringLiteral("p2"), QDate(2026, 6, 1), QDate(2026, 6, 2)}};
        auto first = planning::PmGenerator(*m_db).run(options);
        QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->created.size(), 4);
        QCOMPARE(first->created.front().planId, QStringLiteral("p1"));
        QCOMPARE(first->created.front().due, QDate(2026, 3, 17));
        QCOMPARE(first->created.front().occurrence, QDate(2026, 3, 15));

        const QString p1 = QStringLiteral("FROM work_orders WHERE pm_plan_id = 'p1'");
        // The occurrence stays the rule's day; the window is the moved day's, 08:00 local
        // (11:00Z) to midnight; the SLA runs from Tuesday 08:00 local for 8 business hours.
        QCOMPARE(dateText(*m_db, QStringLiteral("SELECT pm_due ") + p1), QStringLiteral("2026-03-15"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT window_start ") + p1), QStringLiteral("2026-03-17T11:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT window_end ") + p1), QStringLiteral("2026-03-18T03:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due ") + p1), QStringLiteral("2026-03-17T19:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT response_due ") + p1), QStringLiteral("2026-03-17T19:00:00Z"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND op = 'insert'")).toInt(), 4);

        // Idempotent: the same run again (overrides included) creates nothing and changes nothing.
        const QString before = test::dumpDatabase(*m_db);
        auto second = planning::PmGenerator(*m_db).run(options);
        QVERIFY2(second, qPrintable(second ? QString() : second.error().message));
        QCOMPARE(second->created.size(), 0);
        QCOMPARE(test::dumpDatabase(*m_db), before);
        // Nor does a run without the override: the occurrence is the key, not the day.
        options.dueOverrides.clear();
        auto third = planning::PmGenerator(*m_db).run(options);
        QVERIFY(third);
        QCOMPARE(third->created.size(), 0);
    }

    void overrideOntoHolidayMovesPastTheHolidayRule_data() { test::addBackendRows(); }
    void overrideOntoHolidayMovesPastTheHolidayRule()
    {
        QFETCH(QString, backend);
        // Mon Mar 16 is a holiday: without an override p2 would move to Tue Mar 17; the
        // planner's Thursday Mar 19 wins.
        QVERIFY2(open(backend, {QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('t1', '2026-03-16', 'Local feast')")}),
                 qPrintable(test::lastError()));
        planning::PmGenerateOptions options = optionsFrom(QDate(2026, 3, 1), 30);
        options.dueOverrides = {{QStringLiteral("p2"), QDate(2026, 3, 16), QDate(2026, 3, 19)}};
        options.dryRun = true;
        auto report = planning::PmGenerator(*m_db).run(options);
        QVERIFY(report);
        QStringList days;
        for (const planning::PmNewWorkOrder &w : report->created)
            days << QStringLiteral("%1 %2 %3").arg(w.planId, w.occurrence.toString(Qt::ISODate), w.due.toString(Qt::ISODate));
        QCOMPARE(days, (QStringList{QStringLiteral("p1 2026-03-15 2026-03-15"), QStringLiteral("p2 2026-03-02 2026-03-02"),
                                    QStringLiteral("p2 2026-03-16 2026-03-19"), QStringLiteral("p2 2026-03-30 2026-03-30")}));
    }

    void refusedOverrideWritesNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<bool>("dryRun");
        QTest::addColumn<QDate>("occurrence");
        QTest::addColumn<QDate>("due");
        QTest::addColumn<QString>("why");
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")}) {
            // Wednesday Mar 18 is a holiday of North, the contract's calendar.
            QTest::addRow("%s holiday", qPrintable(backend)) << backend << false << QDate(2026, 3, 16) << QDate(2026, 3, 18) << QStringLiteral("holiday");
            QTest::addRow("%s holiday dry run", qPrintable(backend)) << backend << true << QDate(2026, 3, 16) << QDate(2026, 3, 18) << QStringLiteral("holiday");
            QTest::addRow("%s after the contract", qPrintable(backend)) << backend << false << QDate(2026, 3, 30) << QDate(2027, 1, 4) << QStringLiteral("after_contract");
            QTest::addRow("%s before the contract", qPrintable(backend)) << backend << false << QDate(2026, 3, 2) << QDate(2025, 12, 30) << QStringLiteral("before_contract");
        }
    }
    void refusedOverrideWritesNothing()
    {
        QFETCH(QString, backend);
        QFETCH(bool, dryRun);
        QFETCH(QDate, occurrence);
        QFETCH(QDate, due);
        QFETCH(QString, why);
        QVERIFY2(open(backend, {QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('t1', '2026-03-18', 'Founders day')")}),
                 qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        planning::PmGenerateOptions options = optionsFrom(QDate(2026, 3, 1), 30);
        options.dryRun = dryRun;
        options.dueOverrides = {{QStringLiteral("p2"), occurrence, due}};
        auto report = planning::PmGenerator(*m_db).run(options);
        QVERIFY(!report);
        // Invalid input: the CLI and the console's service report it, the CLI with exit 2.
        QCOMPARE(int(report.error().kind), int(Error::Kind::Invalid));
        QVERIFY2(report.error().message.contains(QStringLiteral("p2")), qPrintable(report.error().message));
        QVERIFY2(report.error().message.contains(due.toString(Qt::ISODate)), qPrintable(report.error().message));
        QCOMPARE(test::dumpDatabase(*m_db), before);

        // plan() says which override and why, for the console to show at the move.
        auto data = planning::readPlanningData(*m_db, QDate(2026, 2, 27));
        QVERIFY(data);
        const planning::PmGenerateReport planned = planning::PmGenerator::plan(*data, options);
        QCOMPARE(planned.refusedOverrides.size(), 1);
        QCOMPARE(planned.refusedOverrides.front().planId, QStringLiteral("p2"));
        QCOMPARE(planned.refusedOverrides.front().due, due);
        QCOMPARE(planned.refusedOverrides.front().why, why);
    }

    void levelGeneratesOnTheLevelledDays_data() { test::addBackendRows(); }
    void levelGeneratesOnTheLevelledDays()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend, overloadedWeek()), qPrintable(test::lastError()));
        const QStringList horizon{QStringLiteral("--horizon-days"), QStringLiteral("20"), QStringLiteral("--today"), QStringLiteral("2026-03-02")};

        // What the preview's levelling says: week 10 holds 48 h against 45 h; m1 (first of
        // the equally long ones) goes to the nearest allowed day of week 11, Monday Mar 9.
        const CliRun preview = runCli(m_url, QStringList{QStringLiteral("capacity-preview"), QStringLiteral("--level"), QStringLiteral("--json")} + horizon);
        QCOMPARE(preview.exitCode, 0);
        const QJsonArray moved = QJsonDocument::fromJson(preview.out.toUtf8()).object().value(QLatin1String("moved")).toArray();
        QCOMPARE(moved.size(), 1);
        QCOMPARE(moved.at(0)[QLatin1String("plan_id")].toString(), QStringLiteral("m1"));
        QCOMPARE(moved.at(0)[QLatin1String("from")].toString(), QStringLiteral("2026-03-04"));
        QCOMPARE(moved.at(0)[QLatin1String("to")].toString(), QStringLiteral("2026-03-09"));
        // The library's own levelling agrees with the CLI's.
        auto input = planning::readCapacityInput(*m_db, {QDate(2026, 3, 2), 20});
        QVERIFY(input);
        const auto overrides = planning::dueOverridesOf(planning::levelCapacity(*input).moved);
        QCOMPARE(overrides.size(), 1);
        QCOMPARE(overrides.front().planId, QStringLiteral("m1"));
        QCOMPARE(overrides.front().occurrence, QDate(2026, 3, 4));
        QCOMPARE(overrides.front().due, QDate(2026, 3, 9));

        // A dry run with --level shows the moved day and writes nothing.
        const QString before = test::dumpDatabase(*m_db);
        const CliRun dry = runCli(m_url, QStringList{QStringLiteral("generate-pm"), QStringLiteral("--level"), QStringLiteral("--dry-run"), QStringLiteral("--json")} + horizon);
        QCOMPARE(dry.err, QString());
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(test::dumpDatabase(*m_db), before);

        const CliRun run = runCli(m_url, QStringList{QStringLiteral("generate-pm"), QStringLiteral("--level"), QStringLiteral("--json")} + horizon);
        QCOMPARE(run.err, QString());
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, dry.out);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("created")).toInt(), 6);
        QCOMPARE(dueDays(json), (QStringList{QStringLiteral("m1 2026-03-09"), QStringLiteral("m2 2026-03-04"), QStringLiteral("m3 2026-03-04"),
                                             QStringLiteral("m4 2026-03-04"), QStringLiteral("m5 2026-03-04"), QStringLiteral("m6 2026-03-04")}));
        // m1's work order stands for the Mar 4 occurrence; its SLA counts from Monday Mar 9
        // 00:00 local on the business clock: 08:00 + 8 h → 16:00 local, 19:00Z.
        QCOMPARE(dateText(*m_db, QStringLiteral("SELECT pm_due FROM work_orders WHERE pm_plan_id = 'm1'")), QStringLiteral("2026-03-04"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE pm_plan_id = 'm1'")), QStringLiteral("2026-03-09T19:00:00Z"));

        // Generated work is no longer in the preview, so levelling again moves nothing and
        // generating again creates nothing.
        const CliRun again = runCli(m_url, QStringList{QStringLiteral("generate-pm"), QStringLiteral("--level"), QStringLiteral("--json")} + horizon);
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(again.out.trimmed(), QStringLiteral("{\"created\":0,\"work_orders\":[],\"skipped\":[]}"));
    }

    void levelWithoutOverloadChangesNothing_data() { test::addBackendRows(); }
    void levelWithoutOverloadChangesNothing()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QStringList args{QStringLiteral("generate-pm"), QStringLiteral("--horizon-days"), QStringLiteral("30"), QStringLiteral("--today"),
                               QStringLiteral("2026-03-01"), QStringLiteral("--json"), QStringLiteral("--dry-run")};
        const CliRun plain = runCli(m_url, args);
        const CliRun levelled = runCli(m_url, args + QStringList{QStringLiteral("--level")});
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(levelled.exitCode, 0);
        QCOMPARE(levelled.out, plain.out);
    }

    void helpNamesLevel()
    {
        const CliRun help = runCli(QStringLiteral("sqlite:///nonexistent"), {QStringLiteral("generate-pm"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("--level")), qPrintable(help.out));
    }
};

QTEST_GUILESS_MAIN(TestGeneratePmLevelled)
#include "tst_generate_pm_levelled.moc"
