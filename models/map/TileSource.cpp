#include "map/TileSource.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QRegularExpression>

namespace fieldops::map {

TileSource TileSource::openStreetMap() { return xyz(defaultUrlTemplate()); }

TileSource TileSource::xyz(const QString &urlTemplate, const QString &attribution)
{
    TileSource s;
    s.kind = Kind::Xyz;
    s.urlTemplate = urlTemplate;
    s.attribution = attribution;
    return s;
}

TileSource TileSource::mbtiles(const QString &path)
{
    TileSource s;
    s.kind = Kind::MbTiles;
    s.mbtilesPath = path;
    return s;
}

TileSource TileSource::none()
{
    TileSource s;
    s.kind = Kind::None;
    return s;
}

QString TileSource::cacheKey() const
{
    const QString text = kind == Kind::Xyz ? urlTemplate : kind == Kind::MbTiles ? mbtilesPath : QString();
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(16));
}

QString TileSource::attributionText() const
{
    if (!attribution.isEmpty())
        return attribution;
    switch (kind) {
    case Kind::Xyz:
        if (urlTemplate.contains(QLatin1String("openstreetmap.org")))
            return QCoreApplication::translate("MapView", "© OpenStreetMap contributors");
        return QCoreApplication::translate("MapView", "Map tiles: %1").arg(urlTemplate.section(QLatin1Char('/'), 2, 2));
    case Kind::MbTiles:
        return QCoreApplication::translate("MapView", "Offline map tiles");
    case Kind::None:
        break;
    }
    return QCoreApplication::translate("MapView", "No map tiles: positions on a plain grid");
}

void TileSource::adoptMbTilesMetadata(const QHash<QString, QString> &metadata)
{
    if (attribution.isEmpty()) {
        QString text = metadata.value(QStringLiteral("attribution"));
        text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        text.replace(QStringLiteral("&copy;"), QStringLiteral("©")).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
        attribution = text.simplified();
    }
    bool ok = false;
    const int deepest = metadata.value(QStringLiteral("maxzoom")).toInt(&ok);
    if (ok && deepest >= 0 && deepest < maxZoom)
        maxZoom = deepest;
}

TileSource TileSource::fromSettings()
{
    const QString k = settings::tileSourceKind().get();
    TileSource s;
    if (k == QLatin1String("mbtiles"))
        s = mbtiles(settings::tileMbtilesPath().get());
    else if (k == QLatin1String("none"))
        s = none();
    else
        s = xyz(settings::tileUrlTemplate().get());
    s.attribution = settings::tileAttribution().get();
    return s;
}

void TileSource::toSettings() const
{
    settings::tileSourceKind().set(kind == Kind::Xyz ? QStringLiteral("xyz")
                                   : kind == Kind::MbTiles ? QStringLiteral("mbtiles")
                                                           : QStringLiteral("none"));
    settings::tileUrlTemplate().set(urlTemplate.isEmpty() ? defaultUrlTemplate() : urlTemplate);
    settings::tileMbtilesPath().set(mbtilesPath);
    settings::tileAttribution().set(attribution);
}

namespace settings {
const SettingValue<QString> &tileSourceKind()
{
    static const SettingValue<QString> v(QStringLiteral("Map/tileSource"), QStringLiteral("xyz"));
    return v;
}
const SettingValue<QString> &tileUrlTemplate()
{
    static const SettingValue<QString> v(QStringLiteral("Map/tileUrlTemplate"), TileSource::defaultUrlTemplate());
    return v;
}
const SettingValue<QString> &tileMbtilesPath()
{
    static const SettingValue<QString> v(QStringLiteral("Map/mbtilesPath"), {});
    return v;
}
const SettingValue<QString> &tileAttribution()
{
    static const SettingValue<QString> v(QStringLiteral("Map/tileAttribution"), {});
    return v;
}
const SettingValue<int> &offlineAfterMinutes()
{
    static const SettingValue<int> v(QStringLiteral("Map/offlineAfterMinutes"), 15);
    return v;
}
} // namespace settings

} // namespace fieldops::map
