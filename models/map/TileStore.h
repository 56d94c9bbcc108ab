#pragma once
// The tiles in memory, between the loader and the paint engine. The painter asks for the
// tiles on screen: a held tile is drawn at once; otherwise the nearest held ancestor is
// drawn scaled up (blurry but in place) while the loader fetches the right one.
#include "map/TileKey.h"
#include "map/TileLoader.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QRect>
#include <memory>

namespace fieldops::map {

class TileStore : public QObject {
    Q_OBJECT
public:
    explicit TileStore(QObject *parent = nullptr);
    ~TileStore() override;

    // nullptr = no tile source (plain background with graticule).
    void setLoader(std::unique_ptr<TileLoader> loader);
    TileLoader *loader() const { return m_loader.get(); }
    bool hasSource() const { return m_loader != nullptr; }
    // Set after the source failed and cleared by the next tile it delivers.
    bool isUnreachable() const { return m_unreachable; }

    // The tiles the view shows now (in priority order); those not held are requested,
    // every earlier request for other tiles is dropped.
    void request(const QList<TileKey> &visible);
    const QImage *tile(const TileKey &key) const { return m_tiles.object(key); }
    // A held tile covering `key`: the tile itself or an ancestor up to `maxLevelsUp`
    // levels up, with the part of that image that covers `key` in `sourceRect`.
    const QImage *bestAvailable(const TileKey &key, QRectF &sourceRect, int maxLevelsUp = 6) const;
    void insert(const TileKey &key, const QImage &image);

signals:
    void tilesChanged();
    void reachabilityChanged(bool reachable);

private:
    void onUnreachable();
    std::unique_ptr<TileLoader> m_loader;
    QCache<TileKey, QImage> m_tiles;
    bool m_unreachable = false;
};

} // namespace fieldops::map
