#include "util/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace fieldops {

QStringList shippedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("pt_BR"), QStringLiteral("es"), QStringLiteral("zh_CN")};
}

QLocale localeForLanguage(const QString &choice)
{
    return choice.isEmpty() ? QLocale::system() : QLocale(choice);
}

QString installTranslations(QCoreApplication &app, const QString &choice)
{
    const QLocale locale = localeForLanguage(choice);
    if (!choice.isEmpty())
        QLocale::setDefault(locale);
    // Installed last is asked first: the user's language before the English plurals.
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral(":/i18n/fieldops_en.qm")))
        QCoreApplication::installTranslator(english);
    else
        delete english;
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("en");
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *local = new QTranslator(&app);
    if (!local->load(locale, QStringLiteral("fieldops"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete local;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(local);
    return local->language();
}

} // namespace fieldops
