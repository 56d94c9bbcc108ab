#pragma once
// Loads the console's translations into the application: English first, which only
// carries the plural forms ("1 day", "2 days") of the texts written as "%n day(s)", then
// the chosen language when the console ships it, with Qt's own texts (standard buttons,
// dialogs) in that language. The console, the CLI and the GUI tests call it, so they all
// print the same words.
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace fieldops {

// The languages the console ships, as locale names: "en", "pt_BR", "es", "zh_CN".
QStringList shippedLanguages();

// The locale a language choice means: a shipped language's name, or empty for this
// computer's locale.
QLocale localeForLanguage(const QString &choice);

// Installs the translations of `choice` (empty: this computer's locale) and, when a
// language is chosen, makes its locale the default so dates and numbers follow it too.
// Returns the language whose texts were installed ("en" when none matched).
QString installTranslations(QCoreApplication &app, const QString &choice = {});

} // namespace fieldops
