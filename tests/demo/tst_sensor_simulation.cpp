// The simulator's sensors (demo/SensorSimulation) on a seeded demo, both backends: it finds
// the connected units, goes on from each one's last reading at its cadence without gaps
// in time order or a counter running backwards, writes through the ingest's writer with
// the hourly sums kept, starts faults at about the rate it promises, fills the silence since
// the last reading once, and stays with a healthy unit's usual readings when nothing fails.
#include "TestDatabases.h"
#include "demo/DemoGeography.h"
#include "demo/DemoSeeder.h"
#include "demo/DemoSensors.h"
#include "demo/SensorSimulation.h"
#include "field/FieldEventWriter.h"
#include "storage/Database.h"
#include "util/TimeFormat.h"

#include <QTimeZone>
#include <QtTest>

#include <map>

using namespace fieldops;

namespace {

DemoOptions options()
{
    DemoOptions o;
    o.technicians = 8;
    o.days = 10;
    o.futureDays = 2;
    o.customers = 150;
    o.seed = 3;
    o.today = QDate(2026, 5, 13);
    o.nowLocal = QTime(11, 20);
    return o;
}

QDateTime demoNow(const DemoOptions &o) { return QDateTime(o.today, o.nowLocal, QTimeZone(demo::kTimeZone)).toUTC(); }

qint64 count(Database &db, const QString &sql, const QVariantList &binds = {})
{
    auto v = db.scalar(sql, binds);
    return v ? v->toLongLong() : -1;
}

std::unique_ptr<Database> seeded(const QString &backend)
{
    auto db = test::freshDatabase(backend);
    if (!db)
        return nullptr;
    if (!DemoSeeder(*db).seed(options()))
        return nullptr;
    return db;
}

} // namespace

class TestSensorSimulation : public QObject {
    Q_OBJECT
private slots:
    void carriesTheReadingsOn_data() { test::addBackendRows(); }
    void carriesTheReadingsOn()
    {
        QFETCH(QString, backend);
        auto db = seeded(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime now = demoNow(options());
        demo::SensorSimulation sim(11);
        QVERIFY(sim.load(*db, now).ok());
        // Every unit a rule watches reported in the last day (the offline gateway too, until 4 h ago).
        QCOMPARE(qint64(sim.unitCount()), count(*db, QStringLiteral("SELECT count(DISTINCT asset_id) FROM condition_rules")));
        QVERIFY(sim.unitCount() >= 8);

        std::map<QString, QPair<QDateTime, double>> last; // asset → its latest stored reading
        auto q = db->run(QStringLiteral("SELECT asset_id, at, value FROM asset_readings ORDER BY at"));
        QVERIFY(q);
        while (q->next())
            last[q->value(0).toString()] = {timefmt::fromSql(q->value(1)), q->value(2).toDouble()};
        q->finish();

        const QDateTime until = now.addSecs(6 * 3600);
        const auto events = sim.advance(until);
        QVERIFY(!events.empty());
        const auto stored = last; // the latest stored reading, before the simulation's
        std::map<QString, int> perUnit, cadence;
        for (const field::ReadingEvent &e : events) {
            QVERIFY2(e.at > last[e.assetId].first, qPrintable(e.assetId));
            QVERIFY(e.at <= until);
            const demo::SensorProfile *p = nullptr;
            auto model = db->scalar(QStringLiteral("SELECT model FROM assets WHERE id = ?"), {e.assetId});
            QVERIFY(model);
            p = demo::sensorProfileFor(model->toString());
            QVERIFY(p);
            QCOMPARE(e.kind, QString::fromLatin1(p->readingKind));
            QCOMPARE(e.at.time().second(), 0);
            QCOMPARE(e.at.time().minute() % p->cadenceMinutes, 0);
            if (p->counter)
                QVERIFY2(e.value >= last[e.assetId].second, qPrintable(e.assetId));
            last[e.assetId] = {e.at, e.value};
            ++perUnit[e.assetId];
            cadence[e.assetId] = p->cadenceMinutes;
        }
        // One reading a cadence from the unit's last stored one to six hours on (a gateway
        // silent for hours fills its silence), less any outage.
        for (const auto &[asset, n] : perUnit) {
            const auto before = stored.find(asset);
            QVERIFY2(before != stored.end(), qPrintable(asset + QStringLiteral(": no stored reading before")));
            const qint64 span = before->second.first.secsTo(until) / 60;
            QVERIFY2(n >= 1 && n <= span / cadence[asset], qPrintable(QStringLiteral("%1: %2 of at most %3").arg(asset).arg(n).arg(span / cadence[asset])));
        }

        // Through the ingest's writer: all taken, the hourly sums kept with them.
        field::FieldEventWriter writer(*db, until);
        QVERIFY(writer.begin().ok());
        for (const field::ReadingEvent &e : events) {
            auto r = writer.write(e);
            QVERIFY2(r, r ? "" : qPrintable(r.error().message));
            QVERIFY2(!r->has_value(), qPrintable(r->has_value() ? (*r)->text() : QString()));
        }
        const Status committed = writer.commit();
        QVERIFY2(committed.ok(), committed.ok() ? "" : qPrintable(committed.error().message));
        QCOMPARE(count(*db, QStringLiteral("SELECT count(*) FROM asset_readings WHERE source = 'simulator'")), qint64(events.size()));
        QCOMPARE(count(*db, QStringLiteral("SELECT sum(count) FROM asset_reading_hours")),
                 count(*db, QStringLiteral("SELECT count(*) FROM asset_readings")));
    }

    void faultsComeAtTheirRate()
    {
        auto db = seeded(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime now = demoNow(options());
        demo::SensorSimulation sim(5);
        QVERIFY(sim.load(*db, now).ok());
        int sensors = 0;
        auto q = db->run(QStringLiteral("SELECT DISTINCT r.asset_id, a.model FROM condition_rules r JOIN assets a ON a.id = r.asset_id"));
        QVERIFY(q);
        while (q->next())
            sensors += demo::sensorProfileFor(q->value(1).toString())->counter ? 0 : 1;
        q->finish();
        QVERIFY(sensors > 0);
        // 30 simulated days in half-hour steps; each healthy sensor starts a fault about once
        // in kHoursBetweenFaults hours (less while one is under way).
        const int hours = 30 * 24;
        for (int step = 1; step <= hours * 2; ++step)
            (void)sim.advance(now.addSecs(step * 1800));
        const double most = sensors * hours / demo::SensorSimulation::kHoursBetweenFaults;
        QVERIFY2(sim.faultsStarted() > most / 4 && sim.faultsStarted() <= most * 1.3,
                 qPrintable(QStringLiteral("%1 faults, at most about %2").arg(sim.faultsStarted()).arg(most)));
    }

    void fillsTheSilenceSinceTheLastReading()
    {
        auto db = seeded(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        // Started 20 hours after the demo's last readings: each unit goes on from its own
        // last reading, so the hours between are filled, once.
        const QDateTime later = demoNow(options()).addSecs(20 * 3600);
        demo::SensorSimulation sim(2);
        QVERIFY(sim.load(*db, later).ok());
        QVERIFY(sim.unitCount() > 0);
        std::map<QString, QDateTime> first;
        for (const field::ReadingEvent &e : sim.advance(later)) {
            if (!first.count(e.assetId))
                first[e.assetId] = e.at;
        }
        QVERIFY(!first.empty());
        for (const auto &[asset, at] : first) {
            auto lastAt = db->scalar(QStringLiteral("SELECT max(at) FROM asset_readings WHERE asset_id = ?"), {asset});
            QVERIFY(lastAt);
            // The next reading at the cadence, unless the sensor dropped out right then.
            QVERIFY2(at > timefmt::fromSql(*lastAt) && at <= timefmt::fromSql(*lastAt).addSecs(4 * 3600), qPrintable(asset));
        }
        QVERIFY(sim.advance(later).empty()); // nothing twice

        // A week later nothing reported in the last day: nothing to carry on.
        demo::SensorSimulation idle(2);
        QVERIFY(idle.load(*db, demoNow(options()).addDays(7)).ok());
        QCOMPARE(idle.unitCount(), 0);
    }

    void healthyUnitsStayNearTheirUsual()
    {
        auto db = seeded(QStringLiteral("sqlite"));
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime now = demoNow(options());
        demo::SensorSimulation sim(9);
        QVERIFY(sim.load(*db, now).ok());
        // One hour ahead: too soon for a new fault to go far (a profile's worst is ~8 units
        // from usual in its first hour), but a unit already failing in the demo may be far off.
        const demo::LocalClock clock(demo::kTimeZone);
        int near = 0, all = 0;
        for (const field::ReadingEvent &e : sim.advance(now.addSecs(3600))) {
            auto model = db->scalar(QStringLiteral("SELECT model FROM assets WHERE id = ?"), {e.assetId});
            const demo::SensorProfile *p = demo::sensorProfileFor(model->toString());
            if (p->counter)
                continue;
            ++all;
            const double usual = demo::usualReading(*p, e.at.toSecsSinceEpoch(), clock);
            near += std::abs(e.value - usual) < 8 * p->noise + 1 ? 1 : 0;
        }
        QVERIFY(all > 0);
        QVERIFY2(near * 3 >= all * 2, qPrintable(QStringLiteral("%1 of %2 near their usual").arg(near).arg(all)));
    }
};

QTEST_GUILESS_MAIN(TestSensorSimulation)
#include "tst_sensor_simulation.moc"
