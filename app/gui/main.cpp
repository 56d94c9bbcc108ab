// fieldops: the dispatcher console. `fieldops [--db URL] [--demo] [--screenshot VIEW FILE]`.
#include "FirstRunController.h"
#include "MainWindow.h"
#include "PasswordStore.h"
#include "ScreenshotCommand.h"
#include "StartupOptions.h"
#include "controllers/ConnectionController.h"
#include "startup/StartupDatabase.h"
#include "settings/ConsoleSettings.h"
#include "util/Translations.h"

#include <QApplication>
#include <QMessageBox>
#include <cstdio>

using namespace fieldops;

int main(int argc, char **argv)
{
    // A screenshot needs no display: unless told otherwise, draw off screen.
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--screenshot") == 0 && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fieldops"));
    QApplication::setOrganizationName(QStringLiteral("FieldOps"));
    QApplication::setApplicationDisplayName(QStringLiteral("FieldOps Console"));
    QApplication::setApplicationVersion(QStringLiteral(FIELDOPS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("fieldops"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/fieldops/icons/fieldops.svg")));
    installTranslations(app, settings::language().get());

    auto options = gui::parseStartupOptions(QApplication::arguments());
    if (!options) {
        // A scripted --screenshot has nobody to read a message box.
        if (QApplication::arguments().contains(QStringLiteral("--screenshot"))) {
            std::fprintf(stderr, "fieldops: %s\n", qPrintable(options.error().message));
            return 2;
        }
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "FieldOps"), options.error().message);
        return 2;
    }
    if (options->screenshot)
        return gui::runScreenshotCommand(*options);
    auto target = resolveStartupDatabase({options->db, qEnvironmentVariable("FIELDOPS_DB"), options->demo},
                                         StartupChoice::remembered());
    if (!target) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "FieldOps"), target.error().message);
        return 2;
    }
    if (target->source == StartupTarget::Source::Ask) {
        gui::PasswordStore passwords;
        gui::FirstRunController firstRun(&passwords);
        const auto chosen = firstRun.run();
        if (!chosen)
            return 0; // the user quit before choosing: nothing opened, nothing remembered
        *target = *chosen;
    }

    gui::MainWindow window;
    window.show();
    window.connection()->open(*target);
    return app.exec();
}
