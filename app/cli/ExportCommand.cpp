#include "CliContext.h"
#include "Commands.h"

#include "interchange/Exporter.h"

#include <QCoreApplication>

namespace fieldops::cli {

int runExport(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("DIR"), QCoreApplication::translate("cli", "Directory to write the CSV files into (created if missing)."));
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("export"),
                   QCoreApplication::translate("cli", "Export every entity as the CSV files `import` reads."), code))
        return code;
    if (parser.positionalArguments().size() != 1)
        return ctx.invalid(QCoreApplication::translate("cli", "export needs exactly one directory"));
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    interchange::Exporter exporter(*db);
    auto counts = exporter.exportDirectory(parser.positionalArguments().first());
    if (!counts)
        return ctx.fail(counts.error());
    int total = 0;
    for (auto it = counts->cbegin(); it != counts->cend(); ++it)
        total += it.value();
    ctx.out() << QCoreApplication::translate("cli", "exported %1 rows into %2 files").arg(total).arg(counts->size()) << Qt::endl;
    return ExitOk;
}

} // namespace fieldops::cli
