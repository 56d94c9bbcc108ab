#include "map/TileDiskCache.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace fieldops::map {

TileDiskCache::TileDiskCache(QString root) : m_root(std::move(root)) {}

QString TileDiskCache::defaultRoot(const QString &sourceKey)
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/tiles/") + sourceKey;
}

QString TileDiskCache::pathOf(const TileKey &key) const
{
    return QStringLiteral("%1/%2/%3/%4.tile").arg(m_root).arg(key.z).arg(key.x).arg(key.y);
}

std::optional<QByteArray> TileDiskCache::read(const TileKey &key) const
{
    if (!isEnabled())
        return std::nullopt;
    QFile f(pathOf(key));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QByteArray bytes = f.readAll();
    if (bytes.isEmpty())
        return std::nullopt;
    return bytes;
}

void TileDiskCache::write(const TileKey &key, const QByteArray &bytes) const
{
    if (!isEnabled() || bytes.isEmpty())
        return;
    const QString path = pathOf(key);
    QDir().mkpath(path.section(QLatin1Char('/'), 0, -2));
    // QSaveFile: a crash mid-write never leaves half a tile that later reads as cached.
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return;
    f.write(bytes);
    (void)f.commit();
}

} // namespace fieldops::map
