#pragma once
// The console's command line: `fieldops [--db URL] [--demo]`. The database is --db, else
// the FIELDOPS_DB environment variable, else the default SQLite file.
#include "storage/DatabaseUrl.h"
#include "util/Result.h"

#include <QStringList>

namespace fieldops::gui {

struct StartupOptions {
    DatabaseUrl url;
    bool demo = false;
};

// Exits the process for --help and --version like every Qt program; a bad URL is an error.
Result<StartupOptions> parseStartupOptions(const QStringList &arguments);

} // namespace fieldops::gui
