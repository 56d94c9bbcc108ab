#pragma once
// Tiles kept on disk between runs (the OpenStreetMap usage policy asks for it): one file
// per tile under <root>/<z>/<x>/<y>.tile. The root defaults to the application's cache
// location plus a folder per tile source, so two sources never mix.
#include "map/TileKey.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace fieldops::map {

class TileDiskCache {
public:
    explicit TileDiskCache(QString root = {});
    static QString defaultRoot(const QString &sourceKey);
    // The folder under which every source keeps its tiles (shown and cleared in the settings).
    static QString defaultBase();
    // Bytes of the files under a folder (0 when it does not exist). Walks the disk: call
    // it off the GUI thread for a big cache.
    static qint64 sizeOnDisk(const QString &folder);
    // Deletes the folder and all in it; true when nothing is left.
    static bool removeAll(const QString &folder);

    const QString &root() const { return m_root; }
    bool isEnabled() const { return !m_root.isEmpty(); }
    std::optional<QByteArray> read(const TileKey &key) const;
    // Best effort: a cache that cannot be written is only slower, never an error.
    void write(const TileKey &key, const QByteArray &bytes) const;

private:
    QString pathOf(const TileKey &key) const;
    QString m_root;
};

} // namespace fieldops::map
