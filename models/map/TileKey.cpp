#include "map/TileKey.h"

#include <algorithm>
#include <cmath>

namespace fieldops::map {

TileKey tileAt(const QPointF &world, int z)
{
    const int n = 1 << z;
    const int x = std::clamp(int(std::floor(world.x() * n)), 0, n - 1);
    const int y = std::clamp(int(std::floor(world.y() * n)), 0, n - 1);
    return {z, x, y};
}

QList<TileKey> tilesCovering(const QRectF &worldRect, int z)
{
    QList<TileKey> out;
    if (worldRect.isEmpty())
        return out;
    const TileKey tl = tileAt(worldRect.topLeft(), z);
    // The bottom-right edge itself belongs to the next tile: step back a hair.
    const double eps = 1e-12;
    const TileKey br = tileAt(QPointF(worldRect.right() - eps, worldRect.bottom() - eps), z);
    out.reserve((br.x - tl.x + 1) * (br.y - tl.y + 1));
    for (int y = tl.y; y <= br.y; ++y)
        for (int x = tl.x; x <= br.x; ++x)
            out.append({z, x, y});
    return out;
}

QString expandTileUrl(const QString &urlTemplate, const TileKey &key)
{
    static const QString subdomains = QStringLiteral("abc");
    QString url = urlTemplate;
    url.replace(QLatin1String("{z}"), QString::number(key.z));
    url.replace(QLatin1String("{x}"), QString::number(key.x));
    url.replace(QLatin1String("{-y}"), QString::number(key.tmsRow()));
    url.replace(QLatin1String("{y}"), QString::number(key.y));
    url.replace(QLatin1String("{s}"), QString(subdomains.at((key.x + key.y) % subdomains.size())));
    return url;
}

} // namespace fieldops::map
