// The map's data side: grid clustering counts, R-tree hit tests against brute force, the
// model's technician states and late flags, incremental position updates, the next
// feasible slot, and the live sync reading only what the change feed names, on both
// backends.
#include "MapFixtures.h"
#include "TestDatabases.h"
#include "map/GridClusterer.h"
#include "map/LatePredictor.h"
#include "map/MapLiveSync.h"
#include "map/MapModel.h"
#include "map/MapQueries.h"
#include "map/NextFeasibleSlot.h"
#include "map/SpatialIndex.h"
#include "storage/DatabaseUrl.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace fieldops;
using namespace fieldops::map;

namespace {
Change change(const char *entity, const QString &id, const char *op = "update")
{
    Change c;
    c.entity = QString::fromLatin1(entity);
    c.entityId = id;
    c.op = QString::fromLatin1(op);
    return c;
}
} // namespace

class TestMapModel : public QObject {
    Q_OBJECT
private slots:
    void clusteringCounts()
    {
        // Three tight groups far apart (10, 20 and 1 points) plus a lone point.
        SpatialIndex index;
        std::vector<std::pair<QPointF, int>> pts;
        int id = 0;
        auto group = [&](QPointF c, int n) {
            for (int i = 0; i < n; ++i)
                pts.emplace_back(c + QPointF(i * 1e-7, (i % 3) * 1e-7), id++);
        };
        group(QPointF(0.30, 0.30), 10);
        group(QPointF(0.60, 0.30), 20);
        group(QPointF(0.30, 0.70), 1);
        index.rebuild(pts);
        GridClusterer clusterer(60);
        // The first group is priority 2, the rest 3; ids 10..14 are flagged (unassigned).
        auto rank = [](int i) { return (i < 10 ? 2 : 3) * (i >= 10 && i < 15 ? -1 : 1); };
        const auto zoomedOut = clusterer.cluster(index, QRectF(0, 0, 1, 1), 4, rank);
        QCOMPARE(zoomedOut.size(), size_t(3));
        std::vector<int> counts;
        for (const Cluster &c : zoomedOut)
            counts.push_back(c.count);
        std::sort(counts.begin(), counts.end());
        QCOMPARE(counts, (std::vector<int>{1, 10, 20}));
        for (const Cluster &c : zoomedOut)
            if (c.count == 10) {
                QCOMPARE(c.worstRank, 2);
                QCOMPARE(c.flagged, 0);
            } else if (c.count == 20) {
                QCOMPARE(c.worstRank, 3);
                QCOMPARE(c.flagged, 5);
            }
        // Zoomed far in the groups' members are metres apart: at z19 each is its own pin.
        const auto zoomedIn = clusterer.cluster(index, QRectF(0.2999, 0.2999, 0.0002, 0.0002), 19, rank);
        int total = 0;
        for (const Cluster &c : zoomedIn)
            total += c.count;
        QCOMPARE(total, 10);
        QVERIFY(zoomedIn.size() > 3);
        // Only what is visible is counted.
        const auto half = clusterer.cluster(index, QRectF(0, 0, 0.5, 1), 4, rank);
        QCOMPARE(half.size(), size_t(2));
    }

    void rtreeHitTestsMatchBruteForce()
    {
        QRandomGenerator rng(42);
        std::vector<std::pair<QPointF, int>> pts;
        for (int i = 0; i < 20000; ++i)
            pts.emplace_back(QPointF(0.37 + rng.generateDouble() * 0.01, 0.56 + rng.generateDouble() * 0.01), i);
        SpatialIndex index;
        index.rebuild(pts);
        QCOMPARE(index.size(), size_t(20000));
        const double radius = 2e-5;
        for (int q = 0; q < 300; ++q) {
            const QPointF p(0.37 + rng.generateDouble() * 0.01, 0.56 + rng.generateDouble() * 0.01);
            double best = radius * radius;
            int expect = -1;
            for (const auto &[pt, i] : pts) {
                const double d2 = (pt.x() - p.x()) * (pt.x() - p.x()) + (pt.y() - p.y()) * (pt.y() - p.y());
                if (d2 <= best) {
                    best = d2;
                    expect = i;
                }
            }
            const auto got = index.nearest(p, radius);
            QCOMPARE(got.value_or(-1), expect);
        }
        const QRectF box(0.372, 0.562, 0.003, 0.002);
        std::vector<int> brute;
        for (const auto &[pt, i] : pts)
            if (box.contains(pt))
                brute.push_back(i);
        std::vector<int> got = index.inRect(box);
        std::sort(got.begin(), got.end());
        QCOMPARE(got, brute);
        // A triangle lasso.
        const QPolygonF tri{QPointF(0.371, 0.561), QPointF(0.379, 0.561), QPointF(0.371, 0.569)};
        int inside = 0;
        for (const auto &[pt, i] : pts)
            inside += tri.containsPoint(pt, Qt::OddEvenFill) ? 1 : 0;
        QCOMPARE(int(index.inPolygon(tri).size()), inside);
        // Moving a point moves its hit.
        const QPointF from = pts[7].first;
        index.move(from, QPointF(0.9, 0.9), 7);
        QCOMPARE(index.nearest(QPointF(0.9, 0.9), 1e-6).value_or(-1), 7);
        QVERIFY(index.nearest(from, 1e-12).value_or(-1) != 7);
    }

    void latePrediction()
    {
        const QDateTime now(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        // ~11.1 km north: × 1.3 at 40 km/h ≈ 21.7 → 22 minutes.
        const LatePrediction onTime = predictArrival(-23.60, -46.63, now, -23.50, -46.63, now.addSecs(30 * 60), 0);
        QVERIFY(!onTime.late);
        QCOMPARE(onTime.eta, now.addSecs(22 * 60));
        const LatePrediction late = predictArrival(-23.60, -46.63, now, -23.50, -46.63, now.addSecs(10 * 60), 5);
        QVERIFY(late.late);
        QCOMPARE(late.minutesLate, 12);
        const LatePrediction graced = predictArrival(-23.60, -46.63, now, -23.50, -46.63, now.addSecs(10 * 60), 15);
        QVERIFY(!graced.late);
    }

    void technicianStatesAndIncrementalUpdates()
    {
        const QDateTime now(QDate(2026, 3, 2), QTime(13, 0), Qt::UTC);
        MapSnapshot s;
        s.technicians = {{QStringLiteral("off"), QStringLiteral("Offline Olga")},
                         {QStringLiteral("site"), QStringLiteral("Site Sara")},
                         {QStringLiteral("late"), QStringLiteral("Late Leo")},
                         {QStringLiteral("idle"), QStringLiteral("Idle Ivo")},
                         {QStringLiteral("none"), QStringLiteral("No Fix")}};
        auto pos = [&](const char *t, int minutesAgo, double lat, double lon, qint64 id) {
            Position p;
            p.rowId = id;
            p.technicianId = QString::fromLatin1(t);
            p.at = now.addSecs(-60LL * minutesAgo);
            p.lat = lat;
            p.lon = lon;
            p.headingDeg = 45;
            return p;
        };
        s.positions = {pos("off", 40, -23.55, -46.63, 1), pos("site", 1, -23.56, -46.65, 2), pos("late", 2, -23.70, -46.63, 3),
                       pos("idle", 3, -23.50, -46.60, 4)};
        s.lastPositionId = 4;
        auto visit = [&](const char *a, const char *t, int startMin, const char *status, double lat, double lon) {
            return MapVisit{QString::fromLatin1(a), QStringLiteral("w-") + QString::fromLatin1(a), QString::fromLatin1(t),
                            now.addSecs(60LL * startMin), now.addSecs(60LL * (startMin + 60)), QString::fromLatin1(status), lat, lon};
        };
        s.visits = {visit("a1", "site", -20, "on_site", -23.56, -46.65), visit("a2", "site", 90, "scheduled", -23.50, -46.60),
                    // Late Leo is ~22 km south of a visit starting in 10 minutes.
                    visit("a3", "late", 10, "scheduled", -23.50, -46.63), visit("a0", "late", -120, "completed", -23.71, -46.63)};
        s.jobs = {{QStringLiteral("w-a1"), {}, {}, 2, QStringLiteral("in_progress"), false, -23.56, -46.65},
                  {QStringLiteral("w-open"), {}, {}, 1, QStringLiteral("open"), true, -23.52, -46.61}};
        MapModel model;
        model.setOfflineAfterMinutes(15);
        QSignalSpy late(&model, &MapModel::lateAlertsChanged);
        model.reset(s, now);
        QCOMPARE(model.technician(QStringLiteral("off"))->state, TechnicianState::Offline);
        QCOMPARE(model.technician(QStringLiteral("none"))->state, TechnicianState::Offline);
        QCOMPARE(model.technician(QStringLiteral("site"))->state, TechnicianState::OnSite);
        QCOMPARE(model.technician(QStringLiteral("late"))->state, TechnicianState::Late);
        QCOMPARE(model.technician(QStringLiteral("idle"))->state, TechnicianState::Idle);
        // The route is the day's visits in order, completed ones included.
        QCOMPARE(model.technician(QStringLiteral("late"))->route, (QStringList{QStringLiteral("a0"), QStringLiteral("a3")}));
        const auto alerts = model.lateAlerts();
        QCOMPARE(alerts.size(), size_t(1));
        QCOMPARE(alerts[0].technicianId, QStringLiteral("late"));
        QCOMPARE(alerts[0].appointmentId, QStringLiteral("a3"));
        QVERIFY(alerts[0].minutesLate > 30);
        QCOMPARE(model.technicianIndex().size(), size_t(4));
        QCOMPARE(model.jobIndex().size(), size_t(2));

        // Late Leo drives close to the site: no longer late, the alert goes away.
        late.clear();
        QSignalSpy applied(&model, &MapModel::positionsApplied);
        model.applyPositions({pos("late", 0, -23.505, -46.63, 5), pos("none", 0, -23.58, -46.66, 6)});
        QCOMPARE(applied.count(), 1);
        QCOMPARE(model.technician(QStringLiteral("late"))->state, TechnicianState::Idle);
        QVERIFY(model.lateAlerts().empty());
        QCOMPARE(late.count(), 1);
        QCOMPARE(model.technician(QStringLiteral("none"))->state, TechnicianState::Idle);
        QCOMPARE(model.lastPositionId(), qint64(6));
        QCOMPARE(model.technician(QStringLiteral("late"))->trail.size(), size_t(2));
        // The spatial index follows: the hit is at the new place.
        const int lateIdx = model.technicianIndex(QStringLiteral("late"));
        QCOMPARE(model.technicianIndex().nearest(toWorld(-23.505, -46.63), 1e-7).value_or(-1), lateIdx);
        QCOMPARE(model.technicianIndex().size(), size_t(5));
        // An older row arriving late changes nothing.
        model.applyPositions({pos("late", 30, -23.9, -46.9, 7)});
        QCOMPARE(model.technician(QStringLiteral("late"))->lat, -23.505);

        // Time passes: Idle Ivo's last fix is now too old.
        model.setNow(now.addSecs(20 * 60));
        QCOMPARE(model.technician(QStringLiteral("idle"))->state, TechnicianState::Offline);

        // Visits: en route, then cancelled (the route shrinks).
        model.upsertVisits({visit("a3", "late", 10, "en_route", -23.50, -46.63)});
        model.setNow(now);
        QCOMPARE(model.technician(QStringLiteral("late"))->state, TechnicianState::EnRoute);
        model.upsertVisits({visit("a3", "late", 10, "cancelled", -23.50, -46.63)});
        QCOMPARE(model.technician(QStringLiteral("late"))->route, QStringList{QStringLiteral("a0")});
        QVERIFY(!model.visit(QStringLiteral("a3")));

        // Jobs: assigned, removed.
        MapJob assigned = model.job(QStringLiteral("w-open"))->job;
        assigned.unassigned = false;
        assigned.status = QStringLiteral("scheduled");
        model.upsertJobs({assigned});
        QVERIFY(!model.job(QStringLiteral("w-open"))->job.unassigned);
        model.removeJobs({QStringLiteral("w-a1")});
        QVERIFY(!model.job(QStringLiteral("w-a1")));
        QCOMPARE(model.jobIndex().size(), size_t(1));
        QVERIFY(!model.worldBounds().isNull());
    }

    void liveSyncReadsOnlyWhatChanged_data() { test::addBackendRows(); }
    void liveSyncReadsOnlyWhatChanged()
    {
        QFETCH(QString, backend);
        QString urlText;
        auto db = test::freshDatabase(backend, true, &urlText);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime now = test::mapTestNow();
        const Status seeded = test::seedMapWorld(*db, now);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().message + seeded.error().detail));

        MapModel model;
        MapLiveSync sync(&model);
        sync.setClockOverride(now);
        QSignalSpy loaded(&sync, &MapLiveSync::loaded);
        QSignalSpy synced(&sync, &MapLiveSync::synced);
        QSignalSpy failed(&sync, &MapLiveSync::failed);
        sync.start(DatabaseUrl::parse(urlText).value());
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(model.technicians().size(), size_t(2));
        QCOMPARE(model.technician(QStringLiteral("t1"))->route, QStringList{QStringLiteral("a1")});
        QVERIFY(model.job(QStringLiteral("w2"))->job.unassigned);
        QVERIFY(!model.job(QStringLiteral("w1"))->job.unassigned);
        QCOMPARE(model.technician(QStringLiteral("t1"))->state, TechnicianState::Idle);

        // A phone writes a position and the visit goes en route: the feed names them.
        QVERIFY(test::execAll(*db, {{QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon, heading_deg) VALUES ('t1', ?, -23.556, -46.650, 180)"),
                                     {timefmt::toSql(now)}},
                                    {QStringLiteral("UPDATE appointments SET status = 'en_route', version = version + 1 WHERE id = 'a1'"), {}}})
                    .ok());
        sync.applyChanges({change("positions", QStringLiteral("t1"), "insert"), change("appointments", QStringLiteral("a1"))});
        QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, 20000);
        QCOMPARE(model.technician(QStringLiteral("t1"))->lat, -23.556);
        QCOMPARE(model.technician(QStringLiteral("t1"))->state, TechnicianState::EnRoute);
        QCOMPARE(model.technician(QStringLiteral("t1"))->trail.size(), size_t(2));

        // A new open work order and w2 assigned: pins follow, nothing else is reloaded.
        QVERIFY(test::execAll(*db, {{QStringLiteral("INSERT INTO work_orders(id, site_id, priority, duration_min, created_at, status) VALUES ('w3', 's3', 4, 30, ?, 'open')"),
                                     {timefmt::toSql(now)}},
                                    {QStringLiteral("INSERT INTO appointments(id, work_order_id, technician_id, start_at, end_at) VALUES ('a2', 'w2', 't2', ?, ?)"),
                                     {timefmt::toSql(now.addSecs(1800)), timefmt::toSql(now.addSecs(5400))}},
                                    {QStringLiteral("UPDATE work_orders SET status = 'scheduled', version = version + 1 WHERE id = 'w2'"), {}}})
                    .ok());
        sync.applyChanges({change("work_orders", QStringLiteral("w3"), "insert"), change("appointments", QStringLiteral("a2"), "insert"),
                           change("work_orders", QStringLiteral("w2"))});
        QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 2, 20000);
        QVERIFY(model.job(QStringLiteral("w3")));
        QVERIFY(model.job(QStringLiteral("w3"))->job.unassigned);
        QVERIFY(!model.job(QStringLiteral("w2"))->job.unassigned);
        QCOMPARE(model.technician(QStringLiteral("t2"))->route, QStringList{QStringLiteral("a2")});

        // The periodic safety net: positions written without any feed row are still read.
        QVERIFY(test::execAll(*db, {{QStringLiteral("INSERT INTO positions(technician_id, at, lat, lon) VALUES ('t2', ?, -23.59, -46.69)"),
                                     {timefmt::toSql(now)}}})
                    .ok());
        sync.pollPositions();
        QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 3, 20000);
        QCOMPARE(model.technician(QStringLiteral("t2"))->lat, -23.59);
        QCOMPARE(failed.count(), 0);
    }

    void nextFeasibleSlot_data() { test::addBackendRows(); }
    void nextFeasibleSlot()
    {
        QFETCH(QString, backend);
        auto db = test::freshDatabase(backend);
        QVERIFY2(db, qPrintable(test::lastError()));
        const QDateTime now = test::mapTestNow();
        QVERIFY(test::seedMapWorld(*db, now).ok());
        // t1 is busy from now+1h to now+2h: w2 (60 min, ~4 km from a1's site) must not
        // overlap it, and the slot must leave travel time after a1.
        auto slot = findNextFeasibleSlot(*db, QStringLiteral("w2"), QStringLiteral("t1"), now);
        QVERIFY2(slot.ok(), slot.ok() ? "" : qPrintable(slot.error().message));
        QVERIFY(slot->verdict.allowed());
        QVERIFY(slot->start >= now);
        QCOMPARE(slot->start.secsTo(slot->end), qint64(3600));
        const QDateTime busyFrom = now.addSecs(3600), busyTo = now.addSecs(7200);
        QVERIFY(slot->end <= busyFrom || slot->start >= busyTo);
        // t2 is free: the first quarter hour from now.
        auto free = findNextFeasibleSlot(*db, QStringLiteral("w2"), QStringLiteral("t2"), now);
        QVERIFY(free.ok());
        QVERIFY(free->verdict.clean());
        QCOMPARE(free->start, now);
        QVERIFY(!findNextFeasibleSlot(*db, QStringLiteral("nope"), QStringLiteral("t2"), now).ok());
    }
};

QTEST_GUILESS_MAIN(TestMapModel)
#include "tst_map_model.moc"
