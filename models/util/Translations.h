#pragma once
// Loads the console's translations into the application: English first, which only
// carries the plural forms ("1 day", "2 days") of the texts written as "%n day(s)", then
// the user's language when the console has it. The console, the CLI and the GUI tests
// call it, so they all print the same words.
class QCoreApplication;

namespace fieldops {

void installTranslations(QCoreApplication &app);

} // namespace fieldops
