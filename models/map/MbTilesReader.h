#pragma once
// An MBTiles file (SQLite: table `tiles(zoom_level, tile_column, tile_row, tile_data)`,
// rows in the TMS scheme, and a `metadata(name, value)` table), read-only. The reader
// takes XYZ keys and flips the row itself, so callers never see TMS.
#include "map/TileKey.h"
#include "util/Result.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <memory>
#include <optional>

namespace fieldops::map {

class MbTilesReader {
public:
    static Result<std::unique_ptr<MbTilesReader>> open(const QString &path);
    ~MbTilesReader();
    MbTilesReader(const MbTilesReader &) = delete;
    MbTilesReader &operator=(const MbTilesReader &) = delete;

    // The tile's bytes; nullopt when the file has none for that key.
    Result<std::optional<QByteArray>> tile(const TileKey &key);
    // metadata rows (name → value): attribution, minzoom, maxzoom, bounds, format …
    const QHash<QString, QString> &metadata() const { return m_metadata; }

private:
    MbTilesReader(QString connectionName);
    QString m_connection;
    QHash<QString, QString> m_metadata;
};

} // namespace fieldops::map
