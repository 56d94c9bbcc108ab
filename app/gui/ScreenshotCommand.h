#pragma once
// `fieldops --screenshot VIEW FILE`: opens the console on the database it would open (the
// demo with --demo), shows VIEW at a fixed window size, draws the window into a PNG and
// exits: for the README's pictures and for smoke tests. It reads the user's settings only
// to find the database; the window itself runs on scratch settings (the default layout,
// no network map tiles) and changes nothing the user keeps.
#include <QSize>
#include <QStringList>

namespace fieldops::gui {
struct StartupOptions;

// The VIEW names, in the order the README shows them.
QStringList screenshotViews();
// The object name of the main window's tab for a view ("board" → "scheduleTab"); empty
// for an unknown view.
QString screenshotTabName(const QString &view);
inline constexpr QSize screenshotWindowSize{1650, 1000};

// The process's exit status: 0 drawn, 2 an unknown view or no database to open (one line
// on stderr), 1 the file could not be written or the database not read.
int runScreenshotCommand(const StartupOptions &options);

} // namespace fieldops::gui
