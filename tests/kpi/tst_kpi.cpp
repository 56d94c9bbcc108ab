// KPI formulas (INTERCHANGE §3) on hand-built data whose every value is known, on both
// backends, in process and through `fieldops-cli kpi --json`.
#include "TestDatabases.h"
#include "kpi/KpiCalculator.h"
#include "kpi/KpiLoader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace fieldops;

namespace {

const char *const kFixture[] = {
    "INSERT INTO customers(id, name) VALUES ('c1', 'Padaria Estrela')",
    "INSERT INTO sites(id, customer_id, lat, lon) VALUES ('s1', 'c1', -23.55, -46.63)",
    "INSERT INTO technicians(id, name, home_lat, home_lon, time_zone, shift_start, shift_end) VALUES "
    "('t1', 'Ana', -23.5, -46.6, 'UTC', '08:00', '17:00'), ('t2', 'Bruno', -23.5, -46.6, 'America/Sao_Paulo', '08:00', '12:00')",
    "INSERT INTO absences(technician_id, start_at, end_at) VALUES ('t1', '2026-03-03T08:00:00Z', '2026-03-03T10:00:00Z'), "
    "('t1', '2026-03-03T09:00:00Z', '2026-03-03T11:00:00Z')",
    "INSERT INTO work_orders(id, site_id, duration_min, created_at, sla_due) VALUES "
    "('w1', 's1', 60, '2026-03-01T10:00:00Z', '2026-03-02T18:00:00Z'), "
    "('w2', 's1', 60, '2026-03-02T08:00:00Z', '2026-03-03T12:00:00Z'), "
    "('w3', 's1', 60, '2026-03-02T09:00:00Z', '2026-03-03T20:00:00Z'), "
    "('w4', 's1', 60, '2026-02-20T09:00:00Z', '2026-03-10T20:00:00Z')",
    "INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status, arrived_at, completed_at, resolved) VALUES "
    "('a1', 'w1', 't1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 'completed', '2026-03-02T09:10:00Z', '2026-03-02T10:00:00Z', 1), "
    "('a2', 'w2', 't2', '2026-03-02T11:00:00Z', '2026-03-02T12:00:00Z', 'completed', '2026-03-02T11:30:00Z', '2026-03-02T12:00:00Z', 0), "
    "('a3', 'w2', 't1', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', 'completed', '2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', 1), "
    "('a4', 'w3', 't2', '2026-03-03T12:00:00Z', '2026-03-03T13:00:00Z', 'scheduled', NULL, NULL, 0), "
    "('a5', 'w3', 't1', '2026-03-03T16:00:00Z', '2026-03-03T17:00:00Z', 'cancelled', NULL, NULL, 0), "
    "('a6', 'w4', 't2', '2026-02-25T11:00:00Z', '2026-02-25T12:00:00Z', 'completed', '2026-02-25T11:00:00Z', '2026-02-25T12:00:00Z', 1)",
    "INSERT INTO ratings(work_order_id, score, rated_at) VALUES ('w1', 5, '2026-03-02T20:00:00Z'), "
    "('w2', 4, '2026-03-04T00:30:00Z'), ('w4', 2, '2026-03-02T12:00:00Z')",
    "INSERT INTO time_entries(technician_id, work_order_id, start_at, end_at, billable) VALUES "
    "('t1', 'w1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', 1), "
    "('t1', 'w1', '2026-03-02T08:30:00Z', '2026-03-02T09:00:00Z', 0), "
    "('t2', 'w2', '2026-03-02T11:30:00Z', '2026-03-02T12:00:00Z', 1), "
    "('t2', 'w2', '2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z', 1)",
};

bool load(Database &db)
{
    Transaction tx(db);
    if (!tx.status())
        return false;
    for (const char *sql : kFixture) {
        QString s = QString::fromLatin1(sql);
        if (db.isPostgres()) // booleans: 1/0 literals are integers on PostgreSQL
            s.replace(QStringLiteral(", 1)"), QStringLiteral(", true)")).replace(QStringLiteral(", 0)"), QStringLiteral(", false)"))
             .replace(QStringLiteral(", 1), "), QStringLiteral(", true), ")).replace(QStringLiteral(", 0), "), QStringLiteral(", false), "));
        if (!db.run(s).ok()) {
            qWarning() << "fixture failed:" << s;
            return false;
        }
    }
    return tx.commit().ok();
}

kpi::KpiReport compute(Database &db, const char *zone = "UTC")
{
    kpi::KpiPeriod p{QDate(2026, 3, 2), QDate(2026, 3, 3), QTimeZone(zone)};
    auto in = kpi::loadKpiInputs(db, p);
    if (!in)
        qWarning() << in.error().message;
    return in ? kpi::computeKpis(*in) : kpi::KpiReport{};
}

void expect(const kpi::KpiValues &v, const QString &key, std::optional<double> want)
{
    const auto got = v.value(key);
    QVERIFY2(bool(got) == bool(want), qPrintable(key + (got ? QStringLiteral(" is set") : QStringLiteral(" is null"))));
    if (want)
        QVERIFY2(qFuzzyCompare(1.0 + *got, 1.0 + *want), qPrintable(QStringLiteral("%1: got %2, want %3").arg(key).arg(*got, 0, 'g', 17).arg(*want, 0, 'g', 17)));
}

} // namespace

class TestKpi : public QObject {
    Q_OBJECT
private slots:
    void overall_data() { test::addBackendRows(); }
    void overall()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(load(*db));
        const kpi::KpiValues v = compute(*db).overall;
        expect(v, QStringLiteral("work_orders_closed"), 2);
        expect(v, QStringLiteral("first_time_fix_rate"), 0.5);
        expect(v, QStringLiteral("on_time_arrival_rate"), 2.0 / 3);
        expect(v, QStringLiteral("sla_compliance_rate"), 1.0 / 3);
        expect(v, QStringLiteral("mean_time_to_resolve_h"), 27.5);
        expect(v, QStringLiteral("utilization"), (140.0 / 60) / 23.0); // 140 worked minutes over 15 h + 8 h of shifts
        expect(v, QStringLiteral("billable_ratio"), 0.75);
        expect(v, QStringLiteral("avg_rating"), 3.5);
        expect(v, QStringLiteral("ratings_count"), 2);
        expect(v, QStringLiteral("jobs_per_technician_day"), 0.75);
    }

    void byTechnician_data() { test::addBackendRows(); }
    void byTechnician()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(load(*db));
        const kpi::KpiReport r = compute(*db);
        QCOMPARE(r.byTechnician.size(), size_t(2));
        QCOMPARE(r.byTechnician[0].technicianId, QStringLiteral("t1"));
        const kpi::KpiValues &t1 = r.byTechnician[0].kpis;
        expect(t1, QStringLiteral("work_orders_closed"), 2);
        expect(t1, QStringLiteral("first_time_fix_rate"), 0.5);
        expect(t1, QStringLiteral("mean_time_to_resolve_h"), 27.5);
        expect(t1, QStringLiteral("on_time_arrival_rate"), 1.0);
        expect(t1, QStringLiteral("sla_compliance_rate"), 0.5);
        expect(t1, QStringLiteral("utilization"), (110.0 / 60) / 15.0);
        expect(t1, QStringLiteral("billable_ratio"), 1.0 / 1.5);
        expect(t1, QStringLiteral("avg_rating"), 5);
        expect(t1, QStringLiteral("ratings_count"), 1);
        expect(t1, QStringLiteral("jobs_per_technician_day"), 1.0);
        const kpi::KpiValues &t2 = r.byTechnician[1].kpis;
        expect(t2, QStringLiteral("work_orders_closed"), 0);
        expect(t2, QStringLiteral("first_time_fix_rate"), std::nullopt); // nothing closed: null, not 0
        expect(t2, QStringLiteral("mean_time_to_resolve_h"), std::nullopt);
        expect(t2, QStringLiteral("on_time_arrival_rate"), 0.0);
        expect(t2, QStringLiteral("sla_compliance_rate"), 0.0); // w3 unclosed: its latest appointment's technician
        expect(t2, QStringLiteral("utilization"), 0.5 / 8.0);
        expect(t2, QStringLiteral("billable_ratio"), 1.0);
        expect(t2, QStringLiteral("avg_rating"), 2); // w4 was closed by t2 before the period
        expect(t2, QStringLiteral("ratings_count"), 1);
        expect(t2, QStringLiteral("jobs_per_technician_day"), 0.5);
    }

    void periodFollowsTheConsoleTimeZone_data() { test::addBackendRows(); }
    void periodFollowsTheConsoleTimeZone()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(load(*db));
        // In São Paulo the period is [03-02 03:00Z, 03-04 03:00Z): the rating given at
        // 00:30Z on the 4th (21:30 local on the 3rd) now falls inside it.
        const kpi::KpiValues v = compute(*db, "America/Sao_Paulo").overall;
        expect(v, QStringLiteral("ratings_count"), 3);
        expect(v, QStringLiteral("avg_rating"), 11.0 / 3);
    }

    void emptyDenominatorsAreNull_data() { test::addBackendRows(); }
    void emptyDenominatorsAreNull()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const kpi::KpiValues v = compute(*db).overall;
        for (const QString &k : kpi::keys())
            expect(v, k, kpi::isCount(k) ? std::optional<double>(0) : std::nullopt);
    }

    void cliJsonMatchesEngine_data() { test::addBackendRows(); }
    void cliJsonMatchesEngine()
    {
        QFETCH(QString, backend);
        QString url;
        auto db = test::freshDatabase(backend, true, &url);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(load(*db));
        const kpi::KpiReport r = compute(*db);
        auto run = [&](const QStringList &extra, int *exit = nullptr) {
            QProcess p;
            p.start(qEnvironmentVariable("FIELDOPS_CLI"),
                    QStringList{QStringLiteral("--db"), url, QStringLiteral("kpi"), QStringLiteral("--from"), QStringLiteral("2026-03-02"),
                                QStringLiteral("--to"), QStringLiteral("2026-03-03"), QStringLiteral("--json")} + extra);
            p.waitForFinished(60000);
            if (exit)
                *exit = p.exitCode();
            return QJsonDocument::fromJson(p.readAllStandardOutput()).object();
        };
        const QJsonObject overall = run({});
        QCOMPARE(overall.value(QStringLiteral("from")).toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(overall.value(QStringLiteral("kpis")).toObject(), r.overall.toJson());
        QVERIFY(overall.value(QStringLiteral("kpis")).toObject().value(QStringLiteral("utilization")).isDouble());
        const QJsonObject by = run({QStringLiteral("--by"), QStringLiteral("technician")});
        QCOMPARE(by.value(QStringLiteral("by")).toString(), QStringLiteral("technician"));
        const QJsonArray rows = by.value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[1].toObject().value(QStringLiteral("technician_id")).toString(), QStringLiteral("t2"));
        QCOMPARE(rows[1].toObject().value(QStringLiteral("kpis")).toObject(), r.byTechnician[1].kpis.toJson());
        QVERIFY(rows[1].toObject().value(QStringLiteral("kpis")).toObject().value(QStringLiteral("first_time_fix_rate")).isNull());
        int exit = 0;
        run({QStringLiteral("--tz"), QStringLiteral("Mars/Olympus")}, &exit);
        QCOMPARE(exit, 2);
    }
};

QTEST_GUILESS_MAIN(TestKpi)
#include "tst_kpi.moc"
