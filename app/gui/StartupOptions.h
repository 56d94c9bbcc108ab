#pragma once
// The console's command line: `fieldops [--db URL] [--demo] [--screenshot VIEW FILE]`. Which database that means
// (with FIELDOPS_DB and the remembered first-run choice) is decided by
// resolveStartupDatabase (models/startup/StartupDatabase.h).
#include "util/Result.h"

#include <QStringList>

namespace fieldops::gui {

struct StartupOptions {
    QString db; // --db as given, empty when absent
    bool demo = false;
    // --screenshot VIEW FILE: draw VIEW into the PNG FILE and exit (ScreenshotCommand.h).
    bool screenshot = false;
    QString screenshotView;
    QString screenshotFile;
};

// Exits the process for --help and --version like every Qt program.
Result<StartupOptions> parseStartupOptions(const QStringList &arguments);

} // namespace fieldops::gui
