#include "CliContext.h"
#include "Commands.h"

#include "interchange/Importer.h"

#include <QCoreApplication>

namespace fieldops::cli {

int runImport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"), QCoreApplication::translate("cli", "Directory of CSV files (the CSV interchange in the README)."));
    const QCommandLineOption tz(QStringLiteral("default-time-zone"),
                                QCoreApplication::translate("cli", "IANA time zone for technicians and sites without one (default UTC)."),
                                QStringLiteral("TZ"), QStringLiteral("UTC"));
    parser.addOption(tz);
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("import"),
                   QCoreApplication::translate("cli", "Import a directory of CSV files: all rows or none. "
                                                      "Problems are reported as file:line: column: reason."),
                   code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.invalid(QCoreApplication::translate("cli", "import needs exactly one directory"));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;

    interchange::ImportOptions options;
    options.defaultTimeZone = parser.value(tz);
    interchange::Importer importer(*db, options);
    const interchange::ImportReport report = importer.importDirectory(parser.positionalArguments().first());
    for (const QString &w : report.warnings)
        ctx.err() << QCoreApplication::translate("cli", "warning: %1").arg(w) << Qt::endl;
    if (!report.ok()) {
        Error e = *report.failure;
        // The import is one transaction, so a dropped connection leaves nothing behind.
        e.message = e.kind == Error::Kind::ConnectionLost
            ? QCoreApplication::translate("cli", "lost the connection to the server during import; nothing was imported")
            : report.summary();
        return ctx.fail(e);
    }
    int total = 0;
    for (auto it = report.rowsByFile.cbegin(); it != report.rowsByFile.cend(); ++it) {
        ctx.out() << QCoreApplication::translate("cli", "%1: %2 rows").arg(it.key()).arg(it.value()) << '\n';
        total += it.value();
    }
    ctx.out() << QCoreApplication::translate("cli", "imported %1 rows from %2 files").arg(total).arg(report.rowsByFile.size()) << Qt::endl;
    return ExitOk;
}

} // namespace fieldops::cli
