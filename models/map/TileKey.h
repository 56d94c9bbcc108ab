#pragma once
// One map tile: zoom level and column/row in the XYZ ("Google") scheme, row 0 at the
// north. MBTiles stores rows in the TMS scheme (row 0 at the south): tmsRow() flips.
#include <QHashFunctions>
#include <QList>
#include <QRectF>
#include <QString>

namespace fieldops::map {

struct TileKey {
    int z = 0;
    int x = 0;
    int y = 0;

    friend bool operator==(const TileKey &a, const TileKey &b) = default;
    int tilesPerSide() const { return 1 << z; }
    bool isValid() const { return z >= 0 && z <= 30 && x >= 0 && y >= 0 && x < tilesPerSide() && y < tilesPerSide(); }
    int tmsRow() const { return tilesPerSide() - 1 - y; }
    static TileKey fromTms(int z, int x, int tmsRow) { return {z, x, (1 << z) - 1 - tmsRow}; }
    // The tile one level up that covers this one (itself at zoom 0).
    TileKey parent() const { return z == 0 ? *this : TileKey{z - 1, x / 2, y / 2}; }
    // This tile's square in world coordinates ([0, 1]²).
    QRectF worldRect() const
    {
        const double s = 1.0 / tilesPerSide();
        return {x * s, y * s, s, s};
    }
    QString toString() const { return QStringLiteral("%1/%2/%3").arg(z).arg(x).arg(y); }
};

inline size_t qHash(const TileKey &k, size_t seed = 0) { return qHashMulti(seed, k.z, k.x, k.y); }

// The tile containing a world point at zoom z (clamped to the world).
TileKey tileAt(const QPointF &world, int z);
// Every tile at zoom z intersecting a world rectangle (clamped), row by row, north first.
QList<TileKey> tilesCovering(const QRectF &worldRect, int z);
// "{z}/{x}/{y}" template → URL text ({s} picks a, b or c by tile, {-y} is the TMS row).
QString expandTileUrl(const QString &urlTemplate, const TileKey &key);

} // namespace fieldops::map
