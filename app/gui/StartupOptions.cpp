#include "StartupOptions.h"

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
                                QCoreApplication::translate("main", "Database URL: sqlite:///abs/path.db or postgresql://user@host:port/db (default: FIELDOPS_DB, else the default SQLite file)."),
                                QStringLiteral("URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QCoreApplication::translate("main", "Create and fill the database with the demo operation when it is empty."));
    parser.addOption(db);
    parser.addOption(demo);
    if (!parser.parse(arguments))
        return Error::invalid(parser.errorText());
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    QString text = parser.value(db);
    if (text.isEmpty())
        text = qEnvironmentVariable("FIELDOPS_DB");
    if (text.isEmpty())
        text = QStringLiteral("sqlite://") + DatabaseUrl::defaultSqlitePath();
    auto url = DatabaseUrl::parse(text);
    if (!url)
        return url.error();
    StartupOptions options;
    options.url = *url;
    options.demo = parser.isSet(demo);
    return options;
}

} // namespace fieldops::gui
