// Other people's changes on the map, offscreen: a technician, one of their visits or a
// job pin changed by another dispatcher is outlined with that person's name for a few
// seconds; our own changes are not; the outline goes when the entry expires.
#include "map/MapModel.h"
#include "Screenshots.h"
#include "map/MapPainter.h"
#include "map/MapView.h"
#include "map/TileStore.h"
#include "sync/RecentChanges.h"

#include <QtTest>

using namespace fieldops;
using namespace fieldops::map;

namespace {
const QDateTime kNow(QDate(2026, 3, 2), QTime(13, 0), Qt::UTC);

Change change(const char *entity, const char *id, const char *actor)
{
    Change c;
    c.entity = QString::fromLatin1(entity);
    c.entityId = QString::fromLatin1(id);
    c.op = QStringLiteral("update");
    c.actor = QString::fromLatin1(actor);
    return c;
}

// Pixels of the highlight colour inside a rectangle.
int highlightPixels(const QImage &img, const QRect &area)
{
    const QColor want = widgets::MapPainter::recentChangeColor();
    int n = 0;
    const QRect r = area.intersected(img.rect());
    for (int y = r.top(); y <= r.bottom(); ++y)
        for (int x = r.left(); x <= r.right(); ++x) {
            const QColor c = img.pixelColor(x, y);
            n += std::abs(c.red() - want.red()) <= 4 && std::abs(c.green() - want.green()) <= 8 && c.blue() <= 10 ? 1 : 0;
        }
    return n;
}
} // namespace

class TestMapRecent : public QObject {
    Q_OBJECT
private slots:
    void othersChangesAreOutlinedWithTheirName()
    {
        MapSnapshot s;
        s.technicians = {{QStringLiteral("t1"), QStringLiteral("Ana Souza")}, {QStringLiteral("t2"), QStringLiteral("Bruno Lima")}};
        Position p1;
        p1.rowId = 1;
        p1.technicianId = QStringLiteral("t1");
        p1.at = kNow.addSecs(-60);
        p1.lat = -23.55;
        p1.lon = -46.64;
        Position p2 = p1;
        p2.rowId = 2;
        p2.technicianId = QStringLiteral("t2");
        p2.lat = -23.58;
        p2.lon = -46.68;
        s.positions = {p1, p2};
        s.lastPositionId = 2;
        s.visits = {MapVisit{QStringLiteral("a2"), QStringLiteral("w9"), QStringLiteral("t2"), kNow.addSecs(7200), kNow.addSecs(9000),
                             QStringLiteral("scheduled"), -23.60, -46.60}};
        s.jobs = {MapJob{QStringLiteral("w1"), {}, {}, 4, QStringLiteral("open"), false, -23.565, -46.61}};
        MapModel model;
        model.reset(s, kNow);

        TileStore tiles;
        widgets::MapView view(&model, &tiles);
        view.resize(800, 600);
        view.setView(QGeoCoordinate(-23.565, -46.65), 13);
        RecentChanges recent;
        recent.setOwnActor(QStringLiteral("me"));
        // Long enough that a loaded machine still renders the outline before it fades.
        recent.setLifetimeMs(2500);
        view.setRecentChanges(&recent);

        const QPoint ana = view.screenPosOf(QGeoCoordinate(-23.55, -46.64)).toPoint();
        const QPoint bruno = view.screenPosOf(QGeoCoordinate(-23.58, -46.68)).toPoint();
        const QPoint pin = view.screenPosOf(QGeoCoordinate(-23.565, -46.61)).toPoint();
        auto around = [](QPoint c) { return QRect(c - QPoint(40, 40), QSize(80, 80)); };
        QImage img = view.renderToImage();
        QCOMPARE(highlightPixels(img, around(ana)), 0);
        QCOMPARE(highlightPixels(img, around(pin)), 0);

        // Our own edit is not news.
        recent.record({change("technicians", "t1", "me")});
        QCOMPARE(highlightPixels(view.renderToImage(), around(ana)), 0);

        // Maria renames Ana, moves Bruno's visit and edits the job: all three outlined,
        // each with a filled name tag above it.
        QSignalSpy changed(&recent, &RecentChanges::changed);
        recent.record({change("technicians", "t1", "maria"), change("appointments", "a2", "maria"), change("work_orders", "w1", "maria")});
        QCOMPARE(changed.count(), 1);
        img = view.renderToImage();
        img.save(fieldops::test::screenshotPath(QStringLiteral("fieldops-map-recent.png")));
        QVERIFY2(highlightPixels(img, around(ana)) > 60, qPrintable(QString::number(highlightPixels(img, around(ana)))));
        QVERIFY(highlightPixels(img, around(bruno)) > 60);
        QVERIFY(highlightPixels(img, around(pin)) > 60);
        // The name tag: a solid block above the marker, wider than the ring.
        QVERIFY(highlightPixels(img, QRect(ana.x() - 40, ana.y() - 40, 80, 22)) > 100);

        // A few seconds later (here 2.5 s) the outline is gone.
        QTRY_COMPARE_WITH_TIMEOUT(recent.isEmpty(), true, 15000);
        img = view.renderToImage();
        QCOMPARE(highlightPixels(img, around(ana)), 0);
        QCOMPARE(highlightPixels(img, around(pin)), 0);
    }
};

QTEST_MAIN(TestMapRecent)
#include "tst_map_recent.moc"
