#pragma once
// Tiles from a local MBTiles file. Reads are quick but still never happen inside a paint:
// setWanted() only queues, and the reads run a few at a time from the event loop.
#include "map/MbTilesReader.h"
#include "map/TileLoader.h"

#include <QSet>
#include <QTimer>
#include <memory>

namespace fieldops::map {

class MbTilesLoader : public TileLoader {
    Q_OBJECT
public:
    explicit MbTilesLoader(std::unique_ptr<MbTilesReader> reader, QObject *parent = nullptr);
    void setWanted(const QList<TileKey> &keys) override;
    const MbTilesReader &reader() const { return *m_reader; }

private:
    void readSome();
    std::unique_ptr<MbTilesReader> m_reader;
    QList<TileKey> m_queue;
    QSet<TileKey> m_missing;
    QTimer m_timer;
};

} // namespace fieldops::map
