#pragma once
// Where map tiles come from, chosen in the settings: an XYZ URL template (default the
// OpenStreetMap tile server, whose usage policy wants a real User-Agent, a disk cache, no
// bulk prefetch and the attribution shown), an MBTiles file for offline use, or none (the
// plain background with a graticule).
#include "settings/SettingValue.h"

#include <QHash>
#include <QString>

namespace fieldops::map {

struct TileSource {
    enum class Kind { Xyz, MbTiles, None };
    Kind kind = Kind::Xyz;
    QString urlTemplate;  // Xyz: https://…/{z}/{x}/{y}.png
    QString mbtilesPath;  // MbTiles: a local file
    QString attribution;  // shown on the map; empty = the source's default
    int maxZoom = 19;

    static QString defaultUrlTemplate() { return QStringLiteral("https://tile.openstreetmap.org/{z}/{x}/{y}.png"); }
    static TileSource openStreetMap();
    static TileSource xyz(const QString &urlTemplate, const QString &attribution = {});
    static TileSource mbtiles(const QString &path);
    static TileSource none();

    // A short stable text naming the source (its cache folder is derived from it).
    QString cacheKey() const;
    // The line shown at the map's corner.
    QString attributionText() const;
    // An MBTiles file says whose tiles it holds and how deep they go (its metadata table):
    // used unless the user typed an attribution. HTML links in it become plain text.
    void adoptMbTilesMetadata(const QHash<QString, QString> &metadata);

    // The persisted choice: kind "xyz" | "mbtiles" | "none", the template and the file.
    static TileSource fromSettings();
    void toSettings() const;
};

namespace settings {
const SettingValue<QString> &tileSourceKind();
const SettingValue<QString> &tileUrlTemplate();
const SettingValue<QString> &tileMbtilesPath();
const SettingValue<QString> &tileAttribution();
// A technician without a position for longer than this is "offline" on the map.
const SettingValue<int> &offlineAfterMinutes();
} // namespace settings

} // namespace fieldops::map
