// The loader on both backends: it reads only what a horizon needs (the appointments
// intersecting it, their overlap partners, each technician's neighbour on either side,
// absences, work orders and sites in use, every technician), with times and lists intact,
// and a check over that snapshot equals a check over everything.
#include "ScheduleDbFixtures.h"
#include "ScheduleFixtures.h"
#include "TestDatabases.h"
#include "scheduling/ConflictChecker.h"
#include "scheduling/ScheduleLoader.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::scheduling;
using fieldops::test::at;

namespace {
template <typename T, typename F>
QStringList ids(const std::vector<T> &rows, F key)
{
    QStringList out;
    for (const T &r : rows)
        out << key(r);
    out.sort();
    return out;
}
} // namespace

class TestScheduleLoader : public QObject {
    Q_OBJECT

private slots:
    void readsOnlyTheHorizonAndItsNeighbours_data() { test::addBackendRows(); }
    void readsOnlyTheHorizonAndItsNeighbours()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const Status seeded = test::seedSchedule(*db);
        QVERIFY2(seeded.ok(), qPrintable(seeded.ok() ? QString() : seeded.error().message));

        auto snap = ScheduleLoader(*db).load(at("2026-03-02T00:00:00Z"), at("2026-03-03T00:00:00Z"));
        QVERIFY2(snap.ok(), qPrintable(snap.ok() ? QString() : snap.error().message));
        QCOMPARE(snap->from, at("2026-03-02T00:00:00Z"));
        // In range: a1 a2 a3 b1 b2; overlapping a3 from beyond the range: o1; neighbours
        // just before (p1) and just after (n2). Not: far past, far future, cancelled, nor
        // t2's b0 two and a half days before (too far to share a local date with anything).
        QCOMPARE(ids(snap->appointments, [](const Appointment &a) { return a.id; }),
                 (QStringList{"a1", "a2", "a3", "b1", "b2", "n2", "o1", "p1"}));
        QCOMPARE(ids(snap->technicians, [](const Technician &t) { return t.id; }), (QStringList{"t1", "t2", "t3"}));
        QCOMPARE(ids(snap->absences, [](const Absence &a) { return a.reason; }), (QStringList{"doctor"}));
        QCOMPARE(ids(snap->workOrders, [](const WorkOrder &w) { return w.id; }),
                 (QStringList{"wa1", "wa2", "wa3", "wb1", "wb2", "wn2", "wo1", "wp1"}));
        QCOMPARE(ids(snap->sites, [](const Site &s) { return s.id; }), (QStringList{"s1", "s2", "s3"}));

        // Values survive both drivers: UTC instants, lists, clock times, coordinates.
        auto find = [](const auto &rows, const char *id) {
            return *std::find_if(rows.begin(), rows.end(), [&](const auto &r) { return r.id == QLatin1String(id); });
        };
        const Appointment a3 = find(snap->appointments, "a3");
        QCOMPARE(a3.start, at("2026-03-02T23:00:00Z"));
        QCOMPARE(a3.end, at("2026-03-03T01:00:00Z"));
        QCOMPARE(a3.start.timeSpec(), Qt::UTC);
        QCOMPARE(find(snap->appointments, "a2").status, QStringLiteral("tentative"));
        const Technician t2 = find(snap->technicians, "t2");
        QCOMPARE(t2.timeZone, QStringLiteral("America/Sao_Paulo"));
        QCOMPARE(t2.shiftStart, QTime(7, 0));
        QCOMPARE(t2.shiftEnd, QTime(16, 0));
        QCOMPARE(t2.workDays.size(), 6);
        QCOMPARE(t2.skills, (QStringList{"gas", "hvac"}));
        QVERIFY(find(snap->technicians, "t3").skills.isEmpty());
        const WorkOrder wb1 = find(snap->workOrders, "wb1");
        QCOMPARE(wb1.requiredSkills, (QStringList{"gas", "hvac"}));
        QCOMPARE(find(snap->workOrders, "wa1").slaDue, at("2026-03-02T09:30:00Z"));
        QCOMPARE(find(snap->workOrders, "wa2").windowEnd, at("2026-03-02T12:00:00Z"));
        QVERIFY(!find(snap->workOrders, "wa3").slaDue.isValid());
        QCOMPARE(find(snap->sites, "s2").lat, -23.4605);
        QCOMPARE(snap->absences.front().start, at("2026-03-02T10:30:00Z"));

        QCOMPARE(test::summarize(ConflictChecker::check(*snap)), test::expectedMondayViolations());
    }

    // Whatever the horizon, checking the loaded snapshot equals checking the whole
    // database with the same range: the loader never leaves out what a rule needs.
    void checkOfHorizonEqualsCheckOfEverything_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        for (const char *backend : {"sqlite", "postgres"}) {
            const QString b = QString::fromLatin1(backend);
            QTest::addRow("%s monday", backend) << b << "2026-03-02T00:00:00Z" << "2026-03-03T00:00:00Z";
            QTest::addRow("%s one hour", backend) << b << "2026-03-02T09:30:00Z" << "2026-03-02T10:30:00Z";
            QTest::addRow("%s just the overlap partner", backend) << b << "2026-03-03T01:00:00Z" << "2026-03-03T01:10:00Z";
            QTest::addRow("%s the week", backend) << b << "2026-02-23T00:00:00Z" << "2026-03-09T00:00:00Z";
            QTest::addRow("%s empty stretch", backend) << b << "2026-03-05T00:00:00Z" << "2026-03-06T00:00:00Z";
            QTest::addRow("%s Sunday night", backend) << b << "2026-03-01T20:30:00Z" << "2026-03-01T21:00:00Z";
            QTest::addRow("%s from Wednesday's visit", backend) << b << "2026-03-04T09:59:00Z" << "2026-03-12T00:00:00Z";
        }
    }
    void checkOfHorizonEqualsCheckOfEverything()
    {
        QFETCH(QString, backend);
        QFETCH(QString, from);
        QFETCH(QString, to);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedSchedule(*db).ok());
        const QDateTime f = timefmt::parseIsoWithOffset(from), t = timefmt::parseIsoWithOffset(to);
        auto part = ScheduleLoader(*db).load(f, t);
        auto whole = ScheduleLoader(*db).load(at("2000-01-01T00:00:00Z"), at("2100-01-01T00:00:00Z"));
        QVERIFY(part.ok() && whole.ok());
        QCOMPARE(whole->appointments.size(), size_t(11)); // everything but the cancelled one
        const CompiledSchedule everything(*whole);
        const auto expected = ConflictChecker::check(everything, f, t);
        const auto got = ConflictChecker::check(*part);
        QCOMPARE(test::summarize(got), test::summarize(expected));
        for (size_t i = 0; i < got.size(); ++i)
            QCOMPARE(got[i].detail, expected[i].detail);
    }

    // The same on a random operation: technicians in three zones, visits of every length
    // (some overlapping, some cancelled, some across midnight), many random horizons.
    void randomHorizonsMatchTheWhole_data() { test::addBackendRows(); }
    void randomHorizonsMatchTheWhole()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        QVERIFY(test::seedSchedule(*db).ok()); // skills, sites, t1–t3
        QRandomGenerator rng(7);
        const QDateTime base = at("2026-03-20T00:00:00Z");
        {
            Transaction tx(*db);
            QVERIFY(tx.status().ok());
            const char *sites[] = {"s1", "s2", "s3"};
            const char *statuses[] = {"scheduled", "scheduled", "scheduled", "completed", "cancelled"};
            for (int i = 0; i < 240; ++i) {
                const QString id = QStringLiteral("r%1").arg(i), wo = QStringLiteral("wr%1").arg(i);
                const QDateTime start = base.addSecs(qint64(rng.bounded(12 * 96)) * 900);
                const QDateTime end = start.addSecs(qint64(1 + rng.bounded(16)) * 900);
                QVERIFY(db->run(QStringLiteral("INSERT INTO work_orders(id, site_id, duration_min, created_at, sla_due) VALUES (?, ?, 60, ?, ?)"),
                                {wo, QString::fromLatin1(sites[rng.bounded(3)]), timefmt::toSql(base),
                                 rng.bounded(4) ? QVariant(QMetaType::fromType<QString>()) : timefmt::toSql(start.addSecs(1800))})
                            .ok());
                QVERIFY(db->run(QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at, status) VALUES (?, ?, ?, ?, ?, ?)"),
                                {id, wo, QStringLiteral("t%1").arg(1 + rng.bounded(3)), timefmt::toSql(start), timefmt::toSql(end),
                                 QString::fromLatin1(statuses[rng.bounded(5)])})
                            .ok());
            }
            QVERIFY(db->run(QStringLiteral("INSERT INTO absences(technician_id, start_at, end_at) VALUES ('t3', ?, ?)"),
                            {timefmt::toSql(base.addDays(3)), timefmt::toSql(base.addDays(4))}).ok());
            QVERIFY(tx.commit().ok());
        }
        auto whole = ScheduleLoader(*db).load(at("2000-01-01T00:00:00Z"), at("2100-01-01T00:00:00Z"));
        QVERIFY(whole.ok());
        const CompiledSchedule everything(*whole);
        int nonEmpty = 0;
        for (int h = 0; h < 25; ++h) {
            const QDateTime from = base.addSecs(qint64(rng.bounded(13 * 24)) * 3600 - 86400);
            const QDateTime to = from.addSecs(qint64(1 + rng.bounded(72)) * 1800);
            auto part = ScheduleLoader(*db).load(from, to);
            QVERIFY(part.ok());
            QVERIFY(part->appointments.size() < whole->appointments.size());
            const auto got = ConflictChecker::check(*part);
            const auto expected = ConflictChecker::check(everything, from, to);
            QCOMPARE(test::summarize(got), test::summarize(expected));
            nonEmpty += !got.empty();
        }
        QVERIFY(nonEmpty > 15);
    }

    void refusesAnEmptyHorizon()
    {
        auto db = test::freshDatabase(QStringLiteral("sqlite"));
        QVERIFY(db);
        auto r = ScheduleLoader(*db).load(at("2026-03-02T00:00:00Z"), at("2026-03-02T00:00:00Z"));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().kind), int(Error::Kind::Invalid));
    }
};

QTEST_GUILESS_MAIN(TestScheduleLoader)
#include "tst_schedule_loader.moc"
