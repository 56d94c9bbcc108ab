#pragma once
// The tile store asks a loader for the tiles on screen; the loader answers later with
// tileLoaded() (never blocking the paint). setWanted() replaces the previous wish: tiles
// no longer wanted are dropped from the queue and their requests cancelled, which is what
// keeps a fast zoom from turning into a request storm.
#include "map/TileKey.h"

#include <QImage>
#include <QList>
#include <QObject>

namespace fieldops::map {

class TileLoader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    // In priority order (the first is fetched first).
    virtual void setWanted(const QList<TileKey> &keys) = 0;

signals:
    void tileLoaded(const fieldops::map::TileKey &key, const QImage &image);
    // The source has no such tile (404, a hole in an MBTiles file): don't ask again.
    void tileMissing(const fieldops::map::TileKey &key);
    // The source cannot be reached at the moment (retries continue in the background).
    void sourceUnreachable(const QString &reason);
};

} // namespace fieldops::map

Q_DECLARE_METATYPE(fieldops::map::TileKey)
