#include "util/Translations.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

namespace fieldops {

void installTranslations(QCoreApplication &app)
{
    // Installed last is asked first: the user's language before the English plurals.
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/fieldops_en.qm")))
        QCoreApplication::installTranslator(english);
    const QLocale locale;
    if (locale.language() == QLocale::English)
        return;
    auto *local = new QTranslator(&app);
    if (local->load(locale, QStringLiteral("fieldops"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(local);
    else
        delete local;
}

} // namespace fieldops
