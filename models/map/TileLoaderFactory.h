#pragma once
// The tile loader a tile source asks for (XYZ over the network with its disk cache, an
// MBTiles file, or none), made in one place for every map of the console (the map tab,
// the site map of the Customers view).
#include "map/TileLoader.h"
#include "map/TileSource.h"

#include <memory>

namespace fieldops::map {

// May adopt an MBTiles file's own attribution and deepest zoom into `source`. A file that
// cannot be opened gives no loader and its reason in `problem`.
std::unique_ptr<TileLoader> makeTileLoader(TileSource &source, QString *problem = nullptr);

} // namespace fieldops::map
