#include "CliContext.h"
#include "CliText.h"
#include "Commands.h"

#include "users/UserDirectory.h"
#include "users/UserReport.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <cstdio>

namespace fieldops::cli {

namespace {

struct Action {
    const char *name;
    bool takesName;
    QStringList options; // the options this action accepts besides --help
};

const std::vector<Action> &actions()
{
    static const std::vector<Action> list{
        {"add", true, {QStringLiteral("role"), QStringLiteral("territory"), QStringLiteral("password-stdin")}},
        {"list", false, {QStringLiteral("json")}},
        {"set-role", true, {QStringLiteral("role")}},
        {"set-territories", true, {QStringLiteral("territory")}},
        {"disable", true, {}},
        {"enable", true, {}},
    };
    return list;
}

const Action *findAction(const QString &name)
{
    for (const Action &a : actions())
        if (name == QLatin1String(a.name))
            return &a;
    return nullptr;
}

QString usageLines()
{
    return CliText::tr("  add NAME --role R [--territory T]… [--password-stdin]\n"
              "                                  a new login in a FieldOps role\n"
              "  list [--json]                   every FieldOps login: role, territories, disabled\n"
              "  set-role NAME --role R          move the login to another FieldOps role\n"
              "  set-territories NAME [--territory T]…\n"
              "                                  replace its territories (none: all territories)\n"
              "  disable NAME                    the login may no longer log in (NOLOGIN)\n"
              "  enable NAME                     the login may log in again (LOGIN)");
}

} // namespace

// `user ACTION …`: the PostgreSQL logins in FieldOps roles, for admins. The work is
// UserDirectory's (shared with the console's Users view); the server quotes identifiers,
// so nothing typed here is spliced into SQL.
int runUser(CliContext &ctx, const QStringList &args)
{
    QCommandLineParser parser;
    const QCommandLineOption role(QStringLiteral("role"), CliText::tr("dispatcher, planner, manager, admin or field (the field gateway's login)"), QStringLiteral("R"));
    const QCommandLineOption territory(QStringLiteral("territory"),
                                       CliText::tr("limit a dispatcher to this territory (repeatable; none: all territories)"),
                                       QStringLiteral("T"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           CliText::tr("read the new user's password from the first line of standard input"));
    const QCommandLineOption json(QStringLiteral("json"), CliText::tr("list: print JSON instead of a table"));
    parser.addOptions({role, territory, passwordStdin, json});
    parser.addPositionalArgument(QStringLiteral("ACTION"), CliText::tr("add, list, set-role, set-territories, disable or enable"));
    parser.addPositionalArgument(QStringLiteral("NAME"), CliText::tr("the login name (every action but list)"));
    int code = ExitOk;
    if (!ctx.parse(parser, args, QStringLiteral("user"),
                   CliText::tr("Manage the PostgreSQL logins in FieldOps roles (admins only):\n") + usageLines(), code))
        return code;

    const QStringList pos = parser.positionalArguments();
    const Action *action = pos.isEmpty() ? nullptr : findAction(pos.first());
    if (!action)
        return ctx.invalid(CliText::tr("usage: fieldops-cli user add|list|set-role|set-territories|disable|enable … (see user --help)"));
    const QString actionName = QString::fromLatin1(action->name);
    if (pos.size() != (action->takesName ? 2 : 1))
        return ctx.invalid(action->takesName ? CliText::tr("user %1 takes one login name").arg(actionName)
                                             : CliText::tr("user %1 takes no login name").arg(actionName));
    for (const QString &opt : parser.optionNames()) {
        if (opt != QLatin1String("help") && !action->options.contains(opt))
            return ctx.invalid(CliText::tr("--%1 does not go with user %2").arg(opt, actionName));
    }
    const QString name = action->takesName ? pos.at(1) : QString();
    if (action->takesName) {
        if (const QString why = UserDirectory::checkName(name); !why.isEmpty())
            return ctx.invalid(why);
    }
    if (action->options.contains(QStringLiteral("role"))) {
        if (!parser.isSet(role))
            return ctx.invalid(CliText::tr("user %1 needs --role R").arg(actionName));
        if (const QString why = UserDirectory::checkRole(parser.value(role)); !why.isEmpty())
            return ctx.invalid(why);
    }
    QString password;
    if (parser.isSet(passwordStdin)) {
        QTextStream in(stdin);
        password = in.readLine();
    }

    auto db = ctx.openDatabase(code);
    if (!db)
        return code;
    UserDirectory users(*db);
    if (actionName == QLatin1String("list")) {
        auto list = users.list();
        if (!list)
            return ctx.fail(list.error());
        if (parser.isSet(json))
            ctx.out() << QString::fromUtf8(QJsonDocument(usersToJson(*list)).toJson(QJsonDocument::Indented));
        else
            ctx.out() << usersToTable(*list);
        ctx.out().flush();
        return ExitOk;
    }

    Status done;
    QString said;
    const QStringList territories = parser.values(territory);
    if (actionName == QLatin1String("add")) {
        done = users.add({name, parser.value(role), territories, password});
        said = CliText::tr("user %1 is a %2").arg(name, parser.value(role));
    } else if (actionName == QLatin1String("set-role")) {
        done = users.setRole(name, parser.value(role));
        said = CliText::tr("user %1 is now a %2").arg(name, parser.value(role));
    } else if (actionName == QLatin1String("set-territories")) {
        done = users.setTerritories(name, territories);
        said = territories.isEmpty() ? CliText::tr("user %1 now works in every territory").arg(name)
                                     : CliText::tr("user %1 is now limited to %2").arg(name, territories.join(QStringLiteral(", ")));
    } else {
        const bool enable = actionName == QLatin1String("enable");
        done = users.setLoginEnabled(name, enable);
        said = enable ? CliText::tr("user %1 may log in").arg(name) : CliText::tr("user %1 may no longer log in").arg(name);
    }
    if (!done)
        return ctx.fail(done.error());
    ctx.out() << said << Qt::endl;
    return ExitOk;
}

} // namespace fieldops::cli
