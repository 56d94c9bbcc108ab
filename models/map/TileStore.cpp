#include "map/TileStore.h"

#include <algorithm>

namespace fieldops::map {

namespace {
// Cost in kilobytes: ~120 MB of decoded tiles (a 256² ARGB tile is 256 kB).
constexpr int kCacheKb = 120 * 1024;
}

TileStore::TileStore(QObject *parent) : QObject(parent), m_tiles(kCacheKb) {}

TileStore::~TileStore() = default;

void TileStore::setLoader(std::unique_ptr<TileLoader> loader)
{
    m_loader = std::move(loader);
    m_tiles.clear();
    m_unreachable = false;
    if (!m_loader)
        return;
    connect(m_loader.get(), &TileLoader::tileLoaded, this, &TileStore::insert);
    connect(m_loader.get(), &TileLoader::sourceUnreachable, this, &TileStore::onUnreachable);
}

void TileStore::request(const QList<TileKey> &visible)
{
    if (!m_loader)
        return;
    QList<TileKey> missing;
    missing.reserve(visible.size());
    for (const TileKey &k : visible)
        if (!m_tiles.contains(k))
            missing.append(k);
    m_loader->setWanted(missing);
}

const QImage *TileStore::bestAvailable(const TileKey &key, QRectF &sourceRect, int maxLevelsUp) const
{
    TileKey k = key;
    for (int up = 0; up <= maxLevelsUp && k.z >= 0; ++up) {
        if (const QImage *img = m_tiles.object(k)) {
            // key's square inside ancestor k, in the ancestor image's pixels.
            const int n = 1 << up;
            const double side = double(img->width()) / n;
            sourceRect = QRectF((key.x - k.x * n) * side, (key.y - k.y * n) * side, side, side);
            return img;
        }
        if (k.z == 0)
            break;
        k = k.parent();
    }
    return nullptr;
}

void TileStore::insert(const TileKey &key, const QImage &image)
{
    const int costKb = std::max(1, int(image.sizeInBytes() / 1024));
    // Convert once so every paint blits without a format conversion.
    m_tiles.insert(key, new QImage(image.convertToFormat(QImage::Format_ARGB32_Premultiplied)), costKb);
    if (m_unreachable) {
        m_unreachable = false;
        emit reachabilityChanged(true);
    }
    emit tilesChanged();
}

void TileStore::onUnreachable()
{
    if (m_unreachable)
        return;
    m_unreachable = true;
    emit reachabilityChanged(false);
}

} // namespace fieldops::map
