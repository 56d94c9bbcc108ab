// What the map says about its tiles: the attribution line and zoom depth of each source,
// an MBTiles file's own metadata included.
#include "map/TileSource.h"

#include <QtTest>

using namespace fieldops::map;

class TestTileSource : public QObject {
    Q_OBJECT
private slots:
    void osmIsCredited()
    {
        QCOMPARE(TileSource::openStreetMap().attributionText(), QStringLiteral("© OpenStreetMap contributors"));
    }

    void mbtilesMetadataGivesAttributionAndDepth()
    {
        TileSource s = TileSource::mbtiles(QStringLiteral("/data/sp.mbtiles"));
        QCOMPARE(s.attributionText(), QStringLiteral("Offline map tiles"));
        s.adoptMbTilesMetadata({{QStringLiteral("attribution"),
                                 QStringLiteral("<a href=\"https://openmaptiles.org/\">&copy; OpenMapTiles</a> "
                                                "<a href=\"https://www.openstreetmap.org/copyright\">&copy; OpenStreetMap contributors</a>")},
                                {QStringLiteral("maxzoom"), QStringLiteral("14")}});
        QCOMPARE(s.attributionText(), QStringLiteral("© OpenMapTiles © OpenStreetMap contributors"));
        QCOMPARE(s.maxZoom, 14);
    }

    void typedAttributionWinsAndBadDepthIsIgnored()
    {
        TileSource s = TileSource::mbtiles(QStringLiteral("/data/sp.mbtiles"));
        s.attribution = QStringLiteral("Prefeitura de São Paulo");
        s.adoptMbTilesMetadata({{QStringLiteral("attribution"), QStringLiteral("someone else")},
                                {QStringLiteral("maxzoom"), QStringLiteral("deep")}});
        QCOMPARE(s.attributionText(), QStringLiteral("Prefeitura de São Paulo"));
        QCOMPARE(s.maxZoom, 19);
    }
};

QTEST_GUILESS_MAIN(TestTileSource)
#include "tst_tile_source.moc"
