// `fieldops-cli generate-pm` as a scheduler or an integrator runs it: the real binary
// against real databases on both backends. The expected work orders were worked out by
// hand from the fixture's plans (comments give the reasoning); a second run creates
// nothing, a dry run writes nothing, contract dates and holidays are honoured, and bad
// arguments exit 2 with one line and leave the database as it was.
#include "CliRunner.h"
#include "PgTestServer.h"
#include "TestDatabases.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace fieldops;

namespace {

using test::CliRun;
using test::runCli;

const QStringList kFixture{
    QStringLiteral("INSERT INTO skills(code, name) VALUES ('hvac', 'HVAC'), ('elec', 'Electrical')"),
    QStringLiteral("INSERT INTO territories(id, name) VALUES ('t1', 'North')"),
    QStringLiteral("INSERT INTO customers(id, name) VALUES ('c1', 'Acme Foods')"),
    QStringLiteral("INSERT INTO sites(id, customer_id, name, lat, lon, time_zone, territory_id) VALUES "
                   "('s1', 'c1', 'Acme Plant', -23.55, -46.63, 'America/Sao_Paulo', 't1')"),
    QStringLiteral("INSERT INTO assets(id, site_id) VALUES ('a1', 's1'), ('a2', 's1')"),
    QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                   "('k1', 'c1', 'Acme Gold', '2026-01-01', '2026-12-31', 8, 'business_hours')"),
    // p1: monthly on the 15th at 08:00 local; p2: the old form, every 14 days from next_due.
    QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence, preferred_start) VALUES "
                   "('p1', 'k1', 'a1', 'Filter change', 30, 45, '2026-01-15', 'every 1 months on day 15', '08:00')"),
    QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due) VALUES "
                   "('p2', 'k1', 'a2', 'Belt check', 14, 30, '2026-03-02')"),
    QStringLiteral("INSERT INTO maintenance_plan_skills(plan_id, skill_code) VALUES ('p1', 'hvac'), ('p1', 'elec')"),
};

// From Sunday 2026-03-01, 30 days: p1 on Sun Mar 15; p2 on Mar 2, 16 and 30.
const QString kExpectedJson = QStringLiteral(
    "{\"created\":4,\"work_orders\":["
    "{\"id\":\"WO-000001\",\"plan_id\":\"p1\",\"asset_id\":\"a1\",\"due\":\"2026-03-15\"},"
    "{\"id\":\"WO-000002\",\"plan_id\":\"p2\",\"asset_id\":\"a2\",\"due\":\"2026-03-02\"},"
    "{\"id\":\"WO-000003\",\"plan_id\":\"p2\",\"asset_id\":\"a2\",\"due\":\"2026-03-16\"},"
    "{\"id\":\"WO-000004\",\"plan_id\":\"p2\",\"asset_id\":\"a2\",\"due\":\"2026-03-30\"}"
    "],\"skipped\":[]}");

QStringList generateArgs(const QStringList &extra = {})
{
    return QStringList{QStringLiteral("generate-pm"), QStringLiteral("--horizon-days"), QStringLiteral("30"),
                       QStringLiteral("--today"), QStringLiteral("2026-03-01"), QStringLiteral("--json")}
        + extra;
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

// plan → the due days of its created work orders, from the JSON.
QMap<QString, QStringList> createdByPlan(const QJsonObject &json)
{
    QMap<QString, QStringList> out;
    for (const QJsonValue &v : json.value(QLatin1String("work_orders")).toArray())
        out[v[QLatin1String("plan_id")].toString()] << v[QLatin1String("due")].toString();
    return out;
}

QStringList skippedOf(const QJsonObject &json)
{
    QStringList out;
    for (const QJsonValue &v : json.value(QLatin1String("skipped")).toArray())
        out << QStringLiteral("%1 %2 %3").arg(v[QLatin1String("plan_id")].toString(), v[QLatin1String("due")].toString(),
                                              v[QLatin1String("why")].toString());
    return out;
}

} // namespace

class TestGeneratePmCli : public QObject {
    Q_OBJECT

    QString m_url;
    std::unique_ptr<Database> m_db;

    bool open(const QString &backend, const QStringList &more = {})
    {
        m_db = test::freshDatabase(backend, true, &m_url);
        if (!m_db)
            return false;
        for (const QString &sql : kFixture + more) {
            if (Status s = m_db->execDirect(sql); !s) {
                qWarning() << sql << s.error().message;
                return false;
            }
        }
        return true;
    }

    QJsonObject generate(const QStringList &extra = {})
    {
        const CliRun r = runCli(m_url, generateArgs(extra));
        if (r.exitCode != 0)
            qWarning() << "generate-pm exited" << r.exitCode << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariable("FIELDOPS_CLI").isEmpty(), "FIELDOPS_CLI names the fieldops-cli binary"); }

    void createsOnceAndSecondRunCreatesNothing_data() { test::addBackendRows(); }
    void createsOnceAndSecondRunCreatesNothing()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const CliRun first = runCli(m_url, generateArgs());
        QCOMPARE(first.err, QString());
        QCOMPARE(first.exitCode, 0);
        QCOMPARE(first.out.trimmed(), kExpectedJson);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_orders")).toInt(), 4);

        const QString one = QStringLiteral("FROM work_orders WHERE id = 'WO-000001'");
        QCOMPARE(value(*m_db, QStringLiteral("SELECT type ") + one).toString(), QStringLiteral("preventive"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT status ") + one).toString(), QStringLiteral("open"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT summary ") + one).toString(), QStringLiteral("Filter change"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT site_id ") + one).toString(), QStringLiteral("s1"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT contract_id ") + one).toString(), QStringLiteral("k1"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT duration_min ") + one).toInt(), 45);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT pm_plan_id ") + one).toString(), QStringLiteral("p1"));
        QCOMPARE(dateText(*m_db, QStringLiteral("SELECT pm_due ") + one), QStringLiteral("2026-03-15"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_order_skills WHERE work_order_id = 'WO-000001'")).toInt(), 2);
        // Sunday 08:00 in São Paulo is 11:00Z; the business-hours clock waits for Monday
        // 08:00 and runs 8 h → Monday 16:00 local, 19:00Z.
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT window_start ") + one), QStringLiteral("2026-03-15T11:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT window_end ") + one), QStringLiteral("2026-03-16T03:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due ") + one), QStringLiteral("2026-03-16T19:00:00Z"));
        // p2 has no preferred start: no window, the SLA counts from the day's start (Mon
        // Mar 2, open 08:00 + 8 h → 16:00 local).
        QVERIFY(value(*m_db, QStringLiteral("SELECT window_start FROM work_orders WHERE id = 'WO-000002'")).isNull());
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE id = 'WO-000002'")), QStringLiteral("2026-03-02T19:00:00Z"));
        // Audited like every other insert.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'work_orders' AND op = 'insert'")).toInt(), 4);

        const QString before = test::dumpDatabase(*m_db);
        const CliRun second = runCli(m_url, generateArgs());
        QCOMPARE(second.exitCode, 0);
        QCOMPARE(second.out.trimmed(), QStringLiteral("{\"created\":0,\"work_orders\":[],\"skipped\":[]}"));
        QCOMPARE(test::dumpDatabase(*m_db), before);

        // A longer horizon (to Apr 15) adds only the new occurrences, with the next ids:
        // p1 on Apr 15, p2 on Apr 13 (Mar 30 + 14).
        const QJsonObject longer = generate({QStringLiteral("--horizon-days"), QStringLiteral("45")});
        QCOMPARE(longer.value(QLatin1String("created")).toInt(), 2);
        QCOMPARE(createdByPlan(longer), (QMap<QString, QStringList>{{QStringLiteral("p1"), {QStringLiteral("2026-04-15")}},
                                                                    {QStringLiteral("p2"), {QStringLiteral("2026-04-13")}}}));
        QCOMPARE(longer.value(QLatin1String("work_orders")).toArray().at(0)[QLatin1String("id")].toString(), QStringLiteral("WO-000005"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_orders")).toInt(), 6);
    }

    void dryRunWritesNothing_data() { test::addBackendRows(); }
    void dryRunWritesNothing()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun dry = runCli(m_url, generateArgs({QStringLiteral("--dry-run")}));
        QCOMPARE(dry.exitCode, 0);
        QCOMPARE(dry.out.trimmed(), kExpectedJson);
        QCOMPARE(test::dumpDatabase(*m_db), before);
        // The real run then creates exactly what the dry run announced.
        const CliRun real = runCli(m_url, generateArgs());
        QCOMPARE(real.out, dry.out);
        QVERIFY(test::dumpDatabase(*m_db) != before);
    }

    void humanSummaryWithoutJson_data() { test::addBackendRows(); }
    void humanSummaryWithoutJson()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, {QStringLiteral("generate-pm"), QStringLiteral("--horizon-days"), QStringLiteral("30"),
                                        QStringLiteral("--today"), QStringLiteral("2026-03-01")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("4")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("WO-000004")), qPrintable(r.out));
        QVERIFY(QJsonDocument::fromJson(r.out.toUtf8()).isNull());
    }

    void contractBoundaries_data() { test::addBackendRows(); }
    void contractBoundaries()
    {
        QFETCH(QString, backend);
        // k2 runs Mar 10–20 around the clock; p3 is weekly on Tuesday from Mar 3: Mar 3 is
        // before the contract, Mar 10 and 17 inside, Mar 24 after its end (the series stops).
        QVERIFY2(open(backend, {QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                                               "('k2', 'c1', 'Short', '2026-03-10', '2026-03-20', 4, '24x7')"),
                                QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence) VALUES "
                                               "('p3', 'k2', 'a1', 'Weekly check', 7, 20, '2026-03-03', 'every 1 weeks on Tue')")}),
                 qPrintable(test::lastError()));
        const QJsonObject json = generate();
        QCOMPARE(createdByPlan(json).value(QStringLiteral("p3")), (QStringList{QStringLiteral("2026-03-10"), QStringLiteral("2026-03-17")}));
        QCOMPARE(skippedOf(json), QStringList{QStringLiteral("p3 2026-03-03 before_contract")});
        QCOMPARE(json.value(QLatin1String("created")).toInt(), 6);
        // 24x7, 4 h from the start of Mar 10 in São Paulo (03:00Z).
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE pm_plan_id = 'p3' AND pm_due = '2026-03-10'")),
                 QStringLiteral("2026-03-10T07:00:00Z"));
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_orders WHERE pm_plan_id = 'p3'")).toInt(), 2);
    }

    void holidays_data() { test::addBackendRows(); }
    void holidays()
    {
        QFETCH(QString, backend);
        // Mon Mar 16 is a holiday in the site's territory: p2's visit moves to Tue Mar 17.
        // Fri Mar 20 too: p4 (weekly on Friday under k2, which ends that day) would move to
        // Saturday, after the contract: skipped.
        QVERIFY2(open(backend, {QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('t1', '2026-03-16', 'Local feast'), ('t1', '2026-03-20', 'Founders day')"),
                                QStringLiteral("INSERT INTO contracts(id, customer_id, name, starts_on, ends_on, response_hours, coverage) VALUES "
                                               "('k2', 'c1', 'Short', '2026-03-10', '2026-03-20', 4, '24x7')"),
                                QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence) VALUES "
                                               "('p4', 'k2', 'a2', 'Friday round', 7, 20, '2026-03-13', 'every 1 weeks on Fri')")}),
                 qPrintable(test::lastError()));
        const QJsonObject json = generate();
        QCOMPARE(createdByPlan(json).value(QStringLiteral("p2")),
                 (QStringList{QStringLiteral("2026-03-02"), QStringLiteral("2026-03-17"), QStringLiteral("2026-03-30")}));
        QCOMPARE(createdByPlan(json).value(QStringLiteral("p4")), QStringList{QStringLiteral("2026-03-13")});
        QCOMPARE(skippedOf(json), QStringList{QStringLiteral("p4 2026-03-20 holiday")});
        // The work order keeps the occurrence it stands for, so it is not generated again.
        QCOMPARE(dateText(*m_db, QStringLiteral("SELECT pm_due FROM work_orders WHERE id = 'WO-000003'")), QStringLiteral("2026-03-16"));
        // The business-hours SLA skips the holiday too: from Tue Mar 17 08:00 local, 8 h.
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE id = 'WO-000003'")), QStringLiteral("2026-03-17T19:00:00Z"));
        const QJsonObject again = generate();
        QCOMPARE(again.value(QLatin1String("created")).toInt(), 0);
        // The calendar's own rows are in the audit log on both backends.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'holidays' AND entity_id = 't1' AND op = 'insert'")).toInt(), 2);
    }

    void contractTermsDriveTheClock_data() { test::addBackendRows(); }
    void contractTermsDriveTheClock()
    {
        QFETCH(QString, backend);
        // k1 now covers Mon–Sat 07:00–12:00 on South's calendar (t2), priority 3 answering in
        // 3 h and resolved in 10. North's (the site's) Mon Mar 16 no longer stops anything;
        // South's Tue Mar 17 and Mon Mar 30 do.
        QVERIFY2(open(backend, {QStringLiteral("INSERT INTO territories(id, name) VALUES ('t2', 'South')"),
                                QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('t1', '2026-03-16', 'Local feast'), "
                                               "('t2', '2026-03-17', 'South day'), ('t2', '2026-03-30', 'Harvest')"),
                                QStringLiteral("UPDATE contracts SET holiday_territory_id = 't2', coverage_days = 'Mon;Tue;Wed;Thu;Fri;Sat', "
                                               "coverage_open = '07:00', coverage_close = '12:00', response_hours_p3 = 3, resolution_hours_p3 = 10 "
                                               "WHERE id = 'k1'")}),
                 qPrintable(test::lastError()));
        const QJsonObject json = generate();
        // Mar 30 is South's holiday: the visit moves to Tuesday Mar 31.
        QCOMPARE(createdByPlan(json).value(QStringLiteral("p2")),
                 (QStringList{QStringLiteral("2026-03-02"), QStringLiteral("2026-03-16"), QStringLiteral("2026-03-31")}));
        // p2 on Mon Mar 16 from 00:00 local: respond by 10:00 local; resolve: Mon 07–12 (5 h),
        // Tuesday off, Wed 07–12 (5 h) → Wed 12:00 local.
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT response_due FROM work_orders WHERE id = 'WO-000003'")), QStringLiteral("2026-03-16T13:00:00Z"));
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT sla_due FROM work_orders WHERE id = 'WO-000003'")), QStringLiteral("2026-03-18T15:00:00Z"));
        // p1 on Sunday Mar 15 at 08:00 local: Sunday is not covered, the clock starts Monday 07:00.
        QCOMPARE(instant(*m_db, QStringLiteral("SELECT response_due FROM work_orders WHERE id = 'WO-000001'")), QStringLiteral("2026-03-16T13:00:00Z"));
        QCOMPARE(dateText(*m_db, QStringLiteral("SELECT pm_due FROM work_orders WHERE id = 'WO-000004'")), QStringLiteral("2026-03-30"));
    }

    void planColumnsDriveTheSeries_data() { test::addBackendRows(); }
    void planColumnsDriveTheSeries()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend, {
                     // Every other Monday from Feb 2, 20 days of lead, March only: Mar 2, 16
                     // and 30; Apr 13 is within the lead but out of season.
                     QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence, lead_days, seasonal_months) VALUES "
                                    "('p7', 'k1', 'a1', 'Season wash', 14, 30, '2026-02-02', 'every 2 weeks on Mon', 20, '3')"),
                     // Monthly on the 10th from Apr 10: only a 15-day lead brings it in.
                     QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence, lead_days) VALUES "
                                    "('p8', 'k1', 'a1', 'Parts first', 30, 30, '2026-04-10', 'every 1 months on day 10', 15)"),
                     // Every 10 days from Feb 20, never generated: Feb 20 is made up on Mar 1 and
                     // the series follows from it (Mar 11, 21, 31), not Mar 2, 12, 22.
                     QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, shift_on_miss) VALUES "
                                    "('p9', 'k1', 'a2', 'Late but kept', 10, 30, '2026-02-20', '1')")}),
                 qPrintable(test::lastError()));
        const QJsonObject json = generate();
        const auto byPlan = createdByPlan(json);
        QCOMPARE(byPlan.value(QStringLiteral("p7")), (QStringList{QStringLiteral("2026-03-02"), QStringLiteral("2026-03-16"), QStringLiteral("2026-03-30")}));
        QCOMPARE(byPlan.value(QStringLiteral("p8")), QStringList{QStringLiteral("2026-04-10")});
        QCOMPARE(byPlan.value(QStringLiteral("p9")),
                 (QStringList{QStringLiteral("2026-03-01"), QStringLiteral("2026-03-11"), QStringLiteral("2026-03-21"), QStringLiteral("2026-03-31")}));
        // The next day's run continues the shifted series: nothing new before Apr 10.
        const QJsonObject nextDay = generate({QStringLiteral("--today"), QStringLiteral("2026-03-02")});
        QCOMPARE(createdByPlan(nextDay).value(QStringLiteral("p9")), QStringList());
    }

    void cancelledOccurrenceIsNotRecreated_data() { test::addBackendRows(); }
    void cancelledOccurrenceIsNotRecreated()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        QCOMPARE(generate().value(QLatin1String("created")).toInt(), 4);
        const CliRun cancel = runCli(m_url, {QStringLiteral("work-order"), QStringLiteral("cancel"), QStringLiteral("WO-000001"),
                                             QStringLiteral("--reason"), QStringLiteral("asset removed for the season")});
        QCOMPARE(cancel.exitCode, 0);
        const QJsonObject json = generate();
        QCOMPARE(json.value(QLatin1String("created")).toInt(), 0);
        QCOMPARE(skippedOf(json), QStringList{QStringLiteral("p1 2026-03-15 cancelled")});
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM work_orders WHERE pm_plan_id = 'p1'")).toInt(), 1);
    }

    void unreadablePlanIsSkippedOthersCreated_data() { test::addBackendRows(); }
    void unreadablePlanIsSkippedOthersCreated()
    {
        QFETCH(QString, backend);
        QVERIFY2(open(backend, {QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due, recurrence) VALUES "
                                               "('p5', 'k1', 'a1', 'Odd', 7, 20, '2026-03-03', 'every 2 fortnights')")}),
                 qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, generateArgs());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("created")).toInt(), 4);
        QCOMPARE(skippedOf(json), QStringList{QStringLiteral("p5 2026-03-03 invalid_plan")});
    }

    void textIsWrittenAsGiven_data() { test::addBackendRows(); }
    void textIsWrittenAsGiven()
    {
        QFETCH(QString, backend);
        // Quotes, a backslash, commas, braces, NULL as a word and accents: written as typed,
        // in the database and in the JSON.
        const QString task = QStringLiteral("Filtro \"A\", {B} \\ C; NULL, manutenção");
        QVERIFY2(open(backend, {QStringLiteral("INSERT INTO assets(id, site_id) VALUES ('a,\"3}', 's1')"),
                                QStringLiteral("INSERT INTO maintenance_plans(id, contract_id, asset_id, task, interval_days, duration_min, next_due) VALUES "
                                               "('p''6', 'k1', 'a,\"3}', '%1', 60, 30, '2026-03-05')").arg(task)}),
                 qPrintable(test::lastError()));
        const CliRun r = runCli(m_url, generateArgs());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(QLatin1String("created")).toInt(), 5);
        QCOMPARE(createdByPlan(json).value(QStringLiteral("p'6")), QStringList{QStringLiteral("2026-03-05")});
        QCOMPARE(value(*m_db, QStringLiteral("SELECT summary FROM work_orders WHERE pm_plan_id = 'p''6'")).toString(), task);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT asset_id FROM work_orders WHERE pm_plan_id = 'p''6'")).toString(), QStringLiteral("a,\"3}"));
        QVERIFY(value(*m_db, QStringLiteral("SELECT window_start FROM work_orders WHERE pm_plan_id = 'p''6'")).isNull());
    }

    // On PostgreSQL the server decides: a planner generates preventive work orders and
    // keeps the holiday calendars; a dispatcher may read them but not change them.
    void plannerGeneratesAndKeepsHolidays()
    {
        QVERIFY2(open(QStringLiteral("postgres")), qPrintable(test::lastError()));
        const QString dbName = m_url.section(QLatin1Char('/'), -1);
        for (const auto &[user, role] : {std::pair{"pm_planner", "planner"}, std::pair{"pm_dispatcher", "dispatcher"}}) {
            const CliRun add = runCli(m_url, {QStringLiteral("user"), QStringLiteral("add"), QString::fromLatin1(user), QStringLiteral("--role"),
                                              QString::fromLatin1(role)});
            QVERIFY2(add.exitCode == 0, qPrintable(add.err));
        }
        const QString plannerUrl = test::PgTestServer::shared()->urlFor(dbName, QStringLiteral("pm_planner"));
        const CliRun r = runCli(plannerUrl, generateArgs());
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), kExpectedJson);
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM change_log WHERE entity = 'work_orders' AND db_role = 'pm_planner'")).toInt(), 4);

        auto planner = test::openUrl(plannerUrl);
        QVERIFY2(planner, qPrintable(test::lastError()));
        QVERIFY(planner->execDirect(QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('t1', '2026-12-25', 'Christmas')")).ok());
        auto dispatcher = test::openUrl(test::PgTestServer::shared()->urlFor(dbName, QStringLiteral("pm_dispatcher")));
        QVERIFY2(dispatcher, qPrintable(test::lastError()));
        QCOMPARE(dispatcher->scalar(QStringLiteral("SELECT count(*) FROM holidays")).value().toInt(), 1);
        const Status refused = dispatcher->execDirect(QStringLiteral("INSERT INTO holidays(territory_id, day, name) VALUES ('t1', '2026-12-26', 'Boxing day')"));
        QVERIFY(!refused.ok());
        QCOMPARE(int(refused.error().kind), int(Error::Kind::PermissionDenied));
        // The calendar is audited like the other editable tables.
        QCOMPARE(value(*m_db, QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'holidays' AND entity_id = 't1' AND op = 'insert'")).toInt(), 1);
    }

    void invalidArgumentsExit2AndWriteNothing_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("names"); // what the one line must name
        const QList<QPair<const char *, QPair<QStringList, QString>>> cases{
            {"missing horizon", {{}, QStringLiteral("--horizon-days")}},
            {"negative", {{QStringLiteral("--horizon-days"), QStringLiteral("-3")}, QStringLiteral("--horizon-days")}},
            {"non-numeric", {{QStringLiteral("--horizon-days"), QStringLiteral("ten")}, QStringLiteral("--horizon-days")}},
            {"fraction", {{QStringLiteral("--horizon-days"), QStringLiteral("1.5")}, QStringLiteral("--horizon-days")}},
            {"too long", {{QStringLiteral("--horizon-days"), QStringLiteral("99999")}, QStringLiteral("--horizon-days")}},
            {"bad today", {{QStringLiteral("--horizon-days"), QStringLiteral("5"), QStringLiteral("--today"), QStringLiteral("2026-02-30")}, QStringLiteral("--today")}},
            {"stray argument", {{QStringLiteral("--horizon-days"), QStringLiteral("5"), QStringLiteral("now")}, QStringLiteral("now")}},
        };
        for (const QString &backend : {QStringLiteral("sqlite"), QStringLiteral("postgres")})
            for (const auto &c : cases)
                QTest::addRow("%s %s", qPrintable(backend), c.first) << backend << c.second.first << c.second.second;
    }
    void invalidArgumentsExit2AndWriteNothing()
    {
        QFETCH(QString, backend);
        QFETCH(QStringList, args);
        QFETCH(QString, names);
        QVERIFY2(open(backend), qPrintable(test::lastError()));
        const QString before = test::dumpDatabase(*m_db);
        const CliRun r = runCli(m_url, QStringList{QStringLiteral("generate-pm"), QStringLiteral("--json")} + args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        const QStringList lines = r.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.front().startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        QVERIFY2(lines.front().contains(names), qPrintable(r.err));
        QCOMPARE(test::dumpDatabase(*m_db), before);
    }
};

QTEST_GUILESS_MAIN(TestGeneratePmCli)
#include "tst_generate_pm_cli.moc"
