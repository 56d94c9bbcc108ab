// Web Mercator maths, tile keys and the viewport: round trips lat/lon ↔ pixel at many
// zooms, the TMS flip, tile coverage and zooming around the pointer.
#include "map/MapProjection.h"
#include "map/MapViewport.h"
#include "map/TileKey.h"

#include <QtTest>

using namespace fieldops::map;

class TestMapProjection : public QObject {
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("lon");
        QTest::addColumn<int>("zoom");
        const QList<QPair<double, double>> places{{-23.5505, -46.6333}, {0, 0},         {51.4779, -0.0015},
                                                  {85.0, 179.999},      {-85.0, -180.0}, {35.6762, 139.6503},
                                                  {-33.8688, 151.2093}, {64.1466, -21.9426}};
        for (const auto &pl : places)
            for (int z : {0, 1, 3, 7, 10, 13, 16, 19})
                QTest::addRow("%.3f,%.3f@z%d", pl.first, pl.second, z) << pl.first << pl.second << z;
    }
    void roundTrip()
    {
        QFETCH(double, lat);
        QFETCH(double, lon);
        QFETCH(int, zoom);
        const QPointF px = toPixel(QGeoCoordinate(lat, lon), zoom);
        QVERIFY(px.x() >= 0 && px.x() <= worldSizePx(zoom));
        QVERIFY(px.y() >= 0 && px.y() <= worldSizePx(zoom));
        const QGeoCoordinate back = fromPixel(px, zoom);
        QVERIFY2(std::abs(back.latitude() - lat) < 1e-9, qPrintable(QString::number(back.latitude(), 'f', 12)));
        QVERIFY2(std::abs(back.longitude() - lon) < 1e-9, qPrintable(QString::number(back.longitude(), 'f', 12)));
        // Pixel → lat/lon → pixel lands on the same pixel (sub-millipixel).
        const QPointF again = toPixel(back, zoom);
        QVERIFY(std::abs(again.x() - px.x()) < 1e-3 && std::abs(again.y() - px.y()) < 1e-3);
    }

    void knownPixels()
    {
        // Null Island is the centre of the world square at every zoom.
        QCOMPARE(toPixel(QGeoCoordinate(0, 0), 0), QPointF(128, 128));
        QCOMPARE(toPixel(QGeoCoordinate(0, 0), 2), QPointF(512, 512));
        // The antimeridian and the Mercator limit are the square's edges.
        QVERIFY(std::abs(toPixel(QGeoCoordinate(kMaxLatitude, -180), 1).y()) < 1e-6);
        QVERIFY(std::abs(toPixel(QGeoCoordinate(-kMaxLatitude, 180), 1).y() - 512) < 1e-6);
        // Latitudes beyond the limit are clamped, not sent to infinity.
        QCOMPARE(toWorld(89.9, 0).y(), toWorld(kMaxLatitude, 0).y());
        // São Paulo's well-known tile at zoom 10 (OSM: 10/379/580).
        const TileKey k = tileAt(toWorld(-23.5505, -46.6333), 10);
        QCOMPARE(k, (TileKey{10, 379, 580}));
    }

    void metresPerPixelAtEquator()
    {
        QVERIFY(std::abs(metresPerPixel(0, 0) - 156543.03) < 0.01);
        QVERIFY(std::abs(metresPerPixel(60, 10) - 156543.03 / 1024 / 2) < 0.01);
    }

    void tmsFlip_data()
    {
        QTest::addColumn<int>("z");
        QTest::addColumn<int>("y");
        QTest::addColumn<int>("tms");
        QTest::newRow("z0") << 0 << 0 << 0;
        QTest::newRow("z1 top") << 1 << 0 << 1;
        QTest::newRow("z1 bottom") << 1 << 1 << 0;
        QTest::newRow("z10") << 10 << 580 << 443;
        QTest::newRow("z19 last") << 19 << (1 << 19) - 1 << 0;
    }
    void tmsFlip()
    {
        QFETCH(int, z);
        QFETCH(int, y);
        QFETCH(int, tms);
        const TileKey k{z, 0, y};
        QCOMPARE(k.tmsRow(), tms);
        QCOMPARE(TileKey::fromTms(z, 0, tms), k);
    }

    void tileMaths()
    {
        const TileKey k{5, 10, 20};
        QCOMPARE(k.parent(), (TileKey{4, 5, 10}));
        QCOMPARE((TileKey{0, 0, 0}).parent(), (TileKey{0, 0, 0}));
        QVERIFY(k.isValid());
        QVERIFY(!(TileKey{2, 4, 0}).isValid());
        QCOMPARE(k.worldRect(), QRectF(10 / 32.0, 20 / 32.0, 1 / 32.0, 1 / 32.0));
        // A rectangle exactly covering 3×2 tiles yields exactly those, north row first.
        const QRectF r(2 / 8.0, 1 / 8.0, 3 / 8.0, 2 / 8.0);
        const QList<TileKey> keys = tilesCovering(r, 3);
        QCOMPARE(keys.size(), 6);
        QCOMPARE(keys.first(), (TileKey{3, 2, 1}));
        QCOMPARE(keys.last(), (TileKey{3, 4, 2}));
        // Clamped at the world's edge.
        QCOMPARE(tilesCovering(QRectF(-1, -1, 3, 3), 1).size(), 4);
        QCOMPARE(qHash(TileKey{3, 2, 1}), qHash(TileKey{3, 2, 1}));
        QVERIFY(qHash(TileKey{3, 2, 1}) != qHash(TileKey{3, 1, 2}));
    }

    void urlTemplate()
    {
        const TileKey k{7, 40, 70};
        QCOMPARE(expandTileUrl(QStringLiteral("http://127.0.0.1:8080/{z}/{x}/{y}.png"), k),
                 QStringLiteral("http://127.0.0.1:8080/7/40/70.png"));
        QCOMPARE(expandTileUrl(QStringLiteral("http://{s}.t/{z}/{x}/{-y}.png"), k), QStringLiteral("http://c.t/7/40/57.png")); // (40 + 70) mod 3 → c
    }

    void viewportZoomKeepsAnchor_data()
    {
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::newRow("in") << 10.0 << 12.5;
        QTest::newRow("out") << 14.0 << 9.0;
        QTest::newRow("fraction") << 11.25 << 11.75;
    }
    void viewportZoomKeepsAnchor()
    {
        QFETCH(double, from);
        QFETCH(double, to);
        MapViewport vp(toWorld(-23.55, -46.63), from, QSize(1000, 700));
        const QPointF anchor(830, 120);
        const QGeoCoordinate under = vp.screenToCoord(anchor);
        vp.zoomAround(anchor, to);
        QCOMPARE(vp.zoom(), to);
        const QPointF after = vp.coordToScreen(under);
        QVERIFY2((after - anchor).manhattanLength() < 1e-6, qPrintable(QStringLiteral("%1,%2").arg(after.x()).arg(after.y())));
    }

    void viewportPanAndFit()
    {
        MapViewport vp(toWorld(0, 0), 5, QSize(800, 600));
        const QGeoCoordinate before = vp.screenToCoord(QPointF(400, 300));
        vp.panByPixels(QPointF(100, -50)); // content follows the pointer
        const QPointF moved = vp.coordToScreen(before);
        QVERIFY((moved - QPointF(500, 250)).manhattanLength() < 1e-6);
        // Fit: both corners inside the screen with the margin.
        const QGeoRectangle box(QGeoCoordinate(-23.3, -46.9), QGeoCoordinate(-23.8, -46.3));
        vp.fitGeoRect(box, 40);
        const QPointF tl = vp.coordToScreen(box.topLeft());
        const QPointF br = vp.coordToScreen(box.bottomRight());
        QVERIFY(tl.x() >= 39.9 && tl.y() >= 39.9 && br.x() <= 760.1 && br.y() <= 560.1);
        QVERIFY(std::abs(tl.x() - 40) < 0.5 || std::abs(tl.y() - 40) < 0.5); // tight on one axis
        // Zoom is clamped.
        vp.setZoom(40);
        QCOMPARE(vp.zoom(), kMaxZoom);
    }
};

QTEST_GUILESS_MAIN(TestMapProjection)
#include "tst_map_projection.moc"
