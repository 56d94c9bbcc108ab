// fieldops: the dispatcher console. `fieldops [--db URL] [--demo]`.
#include "DemoSeedRunner.h"
#include "MainWindow.h"
#include "StartupOptions.h"
#include "util/Translations.h"

#include <QApplication>
#include <QMessageBox>

using namespace fieldops;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("fieldops"));
    QApplication::setOrganizationName(QStringLiteral("FieldOps"));
    QApplication::setApplicationDisplayName(QStringLiteral("FieldOps Console"));
    QApplication::setApplicationVersion(QStringLiteral(FIELDOPS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("fieldops"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/fieldops/icons/fieldops.svg")));
    installTranslations(app);

    auto options = gui::parseStartupOptions(QApplication::arguments());
    if (!options) {
        QMessageBox::critical(nullptr, QCoreApplication::translate("main", "FieldOps"), options.error().message);
        return 2;
    }

    if (options->demo) {
        auto seeded = gui::seedDemoIfEmpty(options->url, DemoOptions{});
        // Cancelled or failed: still open the console, on whatever the database holds.
        if (!seeded && seeded.error().kind != Error::Kind::Cancelled)
            QMessageBox::warning(nullptr, QCoreApplication::translate("main", "FieldOps demo"), seeded.error().message);
    }

    gui::MainWindow window;
    window.show();
    window.connectTo(options->url);
    return app.exec();
}
