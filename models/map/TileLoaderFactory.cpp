#include "map/TileLoaderFactory.h"

#include "map/MbTilesLoader.h"
#include "map/MbTilesReader.h"
#include "map/TileDiskCache.h"
#include "map/XyzTileLoader.h"

namespace fieldops::map {

std::unique_ptr<TileLoader> makeTileLoader(TileSource &source, QString *problem)
{
    if (source.kind == TileSource::Kind::Xyz && !source.urlTemplate.isEmpty())
        return std::make_unique<XyzTileLoader>(source.urlTemplate, TileDiskCache(TileDiskCache::defaultRoot(source.cacheKey())));
    if (source.kind == TileSource::Kind::MbTiles) {
        auto reader = MbTilesReader::open(source.mbtilesPath);
        if (!reader) {
            if (problem)
                *problem = reader.error().message;
            return nullptr;
        }
        source.adoptMbTilesMetadata((*reader)->metadata());
        return std::make_unique<MbTilesLoader>(std::move(*reader));
    }
    return nullptr;
}

} // namespace fieldops::map
