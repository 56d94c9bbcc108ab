// KPI formulas (INTERCHANGE §3) on hand-built data (KpiFixture.h) whose every value is known, on both
// backends, in process and through `fieldops-cli kpi --json`.
#include "KpiFixture.h"
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
        QVERIFY(test::loadKpiFixture(*db));
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
        QVERIFY(test::loadKpiFixture(*db));
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
        QVERIFY(test::loadKpiFixture(*db));
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
        QVERIFY(test::loadKpiFixture(*db));
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
