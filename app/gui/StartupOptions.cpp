#include "StartupOptions.h"

#include "ScreenshotCommand.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace fieldops::gui {

Result<StartupOptions> parseStartupOptions(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "FieldOps Console: a dispatcher console for field-service operations."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"),
                                QCoreApplication::translate("main", "Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db (default: FIELDOPS_DB, else the choice made at the first start)."),
                                QStringLiteral("URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "Open the demo database (demo.db in the data folder, or the --db database), filling it with the demo operation when it is empty."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Draw VIEW (%1) of the console into the PNG FILE and exit.")
            .arg(screenshotViews().join(QStringLiteral(", "))),
        QStringLiteral("VIEW"));
    parser.addOption(db);
    parser.addOption(demo);
    parser.addOption(screenshot);
    parser.addPositionalArgument(QStringLiteral("FILE"), QCoreApplication::translate("main", "With --screenshot: the PNG file to write."),
                                 QStringLiteral("[FILE]"));
    if (!parser.parse(arguments))
        return Error::invalid(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    StartupOptions options;
    options.db = parser.value(db);
    options.demo = parser.isSet(demo);
    const QStringList rest = parser.positionalArguments();
    options.screenshot = parser.isSet(screenshot);
    if (options.screenshot) {
        if (rest.size() != 1)
            return Error::invalid(QCoreApplication::translate("main", "--screenshot needs a view and a file: --screenshot VIEW FILE"));
        options.screenshotView = parser.value(screenshot);
        options.screenshotFile = rest.constFirst();
    } else if (!rest.isEmpty()) {
        return Error::invalid(QCoreApplication::translate("main", "unexpected argument: %1").arg(rest.constFirst()));
    }
    return options;
}

} // namespace fieldops::gui
