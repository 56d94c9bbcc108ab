#include "map/TileDiskCache.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>
#include <QStandardPaths>

namespace fieldops::map {

TileDiskCache::TileDiskCache(QString root) : m_root(std::move(root)) {}

QString TileDiskCache::defaultBase() { return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/tiles"); }

QString TileDiskCache::defaultRoot(const QString &sourceKey) { return defaultBase() + QLatin1Char('/') + sourceKey; }

qint64 TileDiskCache::sizeOnDisk(const QString &folder)
{
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

bool TileDiskCache::removeAll(const QString &folder)
{
    QDir dir(folder);
    return !dir.exists() || dir.removeRecursively();
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
