#include "CliContext.h"
#include "Commands.h"

#include "storage/Migrator.h"

#include <QCoreApplication>

namespace fieldops::cli {

int runInit(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("init"),
                   QCoreApplication::translate("cli", "Create the FieldOps schema in an empty database, or migrate an older one in place."),
                   code))
        return code;
    if (!parser.positionalArguments().isEmpty())
        return ctx.invalid(QCoreApplication::translate("cli", "init takes no arguments"));
    auto db = ctx.openDatabase(code, /*allowEmpty=*/true);
    if (!db)
        return code;
    Migrator m(*db);
    auto before = m.currentVersion();
    if (!before)
        return ctx.fail(before.error());
    auto after = m.migrate();
    if (!after)
        return ctx.fail(after.error());
    if (*before == *after)
        ctx.out() << QCoreApplication::translate("cli", "schema already at version %1").arg(*after) << Qt::endl;
    else
        ctx.out() << QCoreApplication::translate("cli", "schema at version %1 (was %2)").arg(*after).arg(*before) << Qt::endl;
    return ExitOk;
}

} // namespace fieldops::cli
