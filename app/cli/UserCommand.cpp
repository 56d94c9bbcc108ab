#include "CliContext.h"
#include "Commands.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace fieldops::cli {

// `user add NAME --role R [--territory T]… [--password-stdin]`: a PostgreSQL login in
// one of the FieldOps roles. The server quotes the identifiers (fieldops_add_user), so
// nothing the operator types is spliced into SQL here.
int runUser(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption role(QStringLiteral("role"),
                                  QCoreApplication::translate("cli", "dispatcher, planner, manager or admin"),
                                  QStringLiteral("R"));
    const QCommandLineOption territory(QStringLiteral("territory"),
                                       QCoreApplication::translate("cli", "limit a dispatcher to this territory (repeatable)"),
                                       QStringLiteral("T"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QCoreApplication::translate("cli", "read the new user's password from the first line of standard input"));
    parser.addOptions({role, territory, passwordStdin});
    parser.addPositionalArgument(QStringLiteral("add"), QCoreApplication::translate("cli", "the action (only `add`)"));
    parser.addPositionalArgument(QStringLiteral("NAME"), QCoreApplication::translate("cli", "the login name"));
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("user"),
                   QCoreApplication::translate("cli", "Add a PostgreSQL login in a FieldOps role (admin only)."), code))
        return code;
    const QStringList pos = parser.positionalArguments();
    if (pos.size() != 2 || pos.first() != QLatin1String("add"))
        return ctx.invalid(QCoreApplication::translate("cli", "usage: fieldops-cli user add NAME --role R [--territory T]"));
    const QString name = pos.at(1);
    if (name.isEmpty() || name.size() > 63)
        return ctx.invalid(QCoreApplication::translate("cli", "a user name has 1 to 63 characters"));
    const QStringList roles{QStringLiteral("dispatcher"), QStringLiteral("planner"), QStringLiteral("manager"), QStringLiteral("admin")};
    if (!roles.contains(parser.value(role)))
        return ctx.invalid(QCoreApplication::translate("cli", "--role must be one of %1").arg(roles.join(QStringLiteral(", "))));
    QString password;
    if (parser.isSet(passwordStdin)) {
        QTextStream in(stdin);
        password = in.readLine();
    }
    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    if (!db->isPostgres())
        return ctx.invalid(QCoreApplication::translate("cli", "users and roles exist only on a PostgreSQL server; a SQLite file has none"));
    // text[] bound as a PostgreSQL array literal built from validated ids.
    QStringList quoted;
    for (const QString &t : parser.values(territory)) {
        QString esc = t;
        esc.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + esc + QLatin1Char('"');
    }
    const QString array = QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
    Transaction tx(*db);
    if (!tx.status())
        return ctx.fail(tx.status().error());
    auto q = db->run(QStringLiteral("SELECT fieldops_add_user(?, ?, ?, CAST(? AS text[]))"),
                     {name, parser.value(role), password, array});
    if (!q)
        return ctx.fail(q.error());
    q->finish();
    if (Status s = tx.commit(); !s)
        return ctx.fail(s.error());
    ctx.out() << QCoreApplication::translate("cli", "user %1 is a %2").arg(name, parser.value(role)) << Qt::endl;
    return ExitOk;
}

} // namespace fieldops::cli
