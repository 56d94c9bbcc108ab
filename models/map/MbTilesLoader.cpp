#include "map/MbTilesLoader.h"

namespace fieldops::map {

namespace {
constexpr int kTilesPerTurn = 8; // keeps each event-loop turn well under a frame
}

MbTilesLoader::MbTilesLoader(std::unique_ptr<MbTilesReader> reader, QObject *parent)
    : TileLoader(parent), m_reader(std::move(reader))
{
    m_timer.setInterval(0);
    connect(&m_timer, &QTimer::timeout, this, &MbTilesLoader::readSome);
}

void MbTilesLoader::setWanted(const QList<TileKey> &keys)
{
    m_queue.clear();
    for (const TileKey &k : keys)
        if (k.isValid() && !m_missing.contains(k))
            m_queue.append(k);
    if (!m_queue.isEmpty())
        m_timer.start();
}

void MbTilesLoader::readSome()
{
    for (int i = 0; i < kTilesPerTurn && !m_queue.isEmpty(); ++i) {
        const TileKey k = m_queue.takeFirst();
        auto bytes = m_reader->tile(k);
        if (!bytes) {
            emit sourceUnreachable(bytes.error().message);
            m_queue.clear();
            break;
        }
        QImage img = bytes->has_value() ? QImage::fromData(**bytes) : QImage();
        if (img.isNull()) {
            m_missing.insert(k);
            emit tileMissing(k);
        } else {
            emit tileLoaded(k, img);
        }
    }
    if (m_queue.isEmpty())
        m_timer.stop();
}

} // namespace fieldops::map
