#include "users/UserDirectory.h"

#include "storage/Database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

namespace fieldops {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(UserDirectory)
};

// A text[] value bound as a PostgreSQL array literal: every element double-quoted with
// its backslashes and quotes escaped, so no element can end the literal early.
QString textArray(const QStringList &items)
{
    QStringList quoted;
    for (const QString &t : items) {
        QString esc = t;
        esc.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
        quoted << QLatin1Char('"') + esc + QLatin1Char('"');
    }
    return QLatin1Char('{') + quoted.join(QLatin1Char(',')) + QLatin1Char('}');
}

// The server's own sentence ("unknown user eve"), without the driver's decoration
// ("ERROR:  …", the SQLSTATE, the PL/pgSQL context lines).
QString serverSentence(const Error &e)
{
    QString line = (e.detail.isEmpty() ? e.message : e.detail).section(QLatin1Char('\n'), 0, 0).trimmed();
    if (line.startsWith(QLatin1String("ERROR:")))
        line = line.mid(6).trimmed();
    return line.isEmpty() ? e.message.section(QLatin1Char('\n'), 0, 0) : line;
}

Error oneLine(const Error &e)
{
    switch (e.kind) {
    case Error::Kind::Invalid:
        return {Error::Kind::Invalid, serverSentence(e), e.detail};
    case Error::Kind::PermissionDenied:
        return {Error::Kind::PermissionDenied, Text::tr("the server refused: %1").arg(serverSentence(e)), e.detail};
    case Error::Kind::Other:
        return {Error::Kind::Other, serverSentence(e), e.detail};
    default:
        return e; // connection lost and the like: already one line for people
    }
}

} // namespace

QString UserDirectory::checkName(const QString &name)
{
    const qsizetype bytes = name.toUtf8().size();
    if (bytes == 0 || bytes > 63)
        return Text::tr("a user name has 1 to 63 bytes (UTF-8)");
    return {};
}

QString UserDirectory::checkRole(const QString &role)
{
    if (!userRoles().contains(role))
        return Text::tr("unknown role \"%1\", expected one of %2").arg(role, userRoles().join(QStringLiteral(", ")));
    return {};
}

Status UserDirectory::requirePostgres() const
{
    if (!m_db.isPostgres())
        return Error::invalid(Text::tr("users and roles exist only on a PostgreSQL server; a SQLite file has none"));
    return {};
}

Status UserDirectory::requireAdmin(const QString &function)
{
    auto q = m_db.run(QStringLiteral("SELECT CASE WHEN to_regprocedure(CAST(? AS text)) IS NULL THEN NULL"
                                     "            ELSE has_function_privilege(CAST(? AS text), 'EXECUTE') END,"
                                     "       current_user::text"),
                      {function, function});
    if (!q)
        return oneLine(q.error());
    if (!q->next())
        return Error::other(Text::tr("the server did not say what this user may do"));
    if (q->value(0).isNull())
        return Error::invalid(Text::tr("this database predates user management; run `fieldops-cli init` to migrate it"));
    if (!q->value(0).toBool())
        return Error{Error::Kind::PermissionDenied,
                     Text::tr("only a FieldOps admin may manage users, and %1 is not one").arg(q->value(1).toString()),
                     {}};
    return {};
}

Status UserDirectory::checkTerritories(const QStringList &territories)
{
    for (const QString &t : territories) {
        auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM territories WHERE id = ?"), {t});
        if (!n)
            return oneLine(n.error());
        if (n->toInt() == 0)
            return Error::invalid(Text::tr("unknown territory %1").arg(t));
    }
    return {};
}

Status UserDirectory::checkTarget(const QString &name)
{
    auto problem = m_db.scalar(QStringLiteral("SELECT fieldops_user_problem(?)"), {name});
    if (!problem)
        return oneLine(problem.error());
    if (!problem->isNull())
        return Error::invalid(problem->toString());
    return {};
}

Status UserDirectory::checkNotSelf(const QString &name, const char *refusal)
{
    auto me = currentLogin();
    if (!me)
        return me.error();
    if (*me == name)
        return Error::invalid(Text::tr(refusal).arg(name));
    return {};
}

Status UserDirectory::call(const QString &sql, const QVariantList &binds)
{
    // One statement, so atomic without a transaction of its own; a refusal rolls it back
    // whole, and nothing is left half done.
    auto q = m_db.run(sql, binds);
    if (!q)
        return oneLine(q.error());
    q->finish();
    return {};
}

Result<std::vector<UserAccount>> UserDirectory::list()
{
    if (Status s = requirePostgres(); !s)
        return s.error();
    if (Status s = requireAdmin(QStringLiteral("fieldops_list_users()")); !s)
        return s.error();
    auto q = m_db.run(QStringLiteral("SELECT login, app_role, array_to_json(territory_ids)::text, disabled "
                                     "FROM fieldops_list_users() ORDER BY login"));
    if (!q)
        return oneLine(q.error());
    std::vector<UserAccount> users;
    while (q->next()) {
        UserAccount u;
        u.name = q->value(0).toString();
        u.role = q->value(1).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q->value(2).toString().toUtf8()).array())
            u.territories << v.toString();
        u.disabled = q->value(3).toBool();
        users.push_back(std::move(u));
    }
    // By name in code-point order, whatever the server's collation.
    std::sort(users.begin(), users.end(), [](const UserAccount &a, const UserAccount &b) { return a.name < b.name; });
    return users;
}

Result<std::vector<TerritoryOption>> UserDirectory::territories()
{
    auto q = m_db.run(QStringLiteral("SELECT id, name FROM territories ORDER BY id"));
    if (!q)
        return oneLine(q.error());
    std::vector<TerritoryOption> out;
    while (q->next())
        out.push_back({q->value(0).toString(), q->value(1).toString()});
    return out;
}

Result<QString> UserDirectory::currentLogin()
{
    if (!m_db.isPostgres())
        return QString();
    auto v = m_db.scalar(QStringLiteral("SELECT session_user::text"));
    if (!v)
        return oneLine(v.error());
    return v->toString();
}

Status UserDirectory::add(const NewUser &user)
{
    if (const QString why = checkName(user.name); !why.isEmpty())
        return Error::invalid(why);
    if (const QString why = checkRole(user.role); !why.isEmpty())
        return Error::invalid(why);
    if (Status s = requirePostgres(); !s)
        return s;
    const QString function = QStringLiteral("fieldops_add_user(text,text,text,text[])");
    if (Status s = requireAdmin(function); !s)
        return s;
    if (Status s = checkTerritories(user.territories); !s)
        return s;
    return call(QStringLiteral("SELECT fieldops_add_user(?, ?, ?, CAST(? AS text[]))"),
                {user.name, user.role, user.password, textArray(user.territories)});
}

Status UserDirectory::setRole(const QString &name, const QString &role)
{
    if (const QString why = checkRole(role); !why.isEmpty())
        return Error::invalid(why);
    if (Status s = requirePostgres(); !s)
        return s;
    if (Status s = requireAdmin(QStringLiteral("fieldops_set_user_role(text,text)")); !s)
        return s;
    if (Status s = checkTarget(name); !s)
        return s;
    if (role != QLatin1String("admin")) {
        if (Status s = checkNotSelf(name, QT_TRANSLATE_NOOP("UserDirectory", "you cannot change your own role (%1); ask another admin")); !s)
            return s;
    }
    return call(QStringLiteral("SELECT fieldops_set_user_role(?, ?)"), {name, role});
}

Status UserDirectory::setTerritories(const QString &name, const QStringList &territories)
{
    if (Status s = requirePostgres(); !s)
        return s;
    if (Status s = requireAdmin(QStringLiteral("fieldops_set_user_territories(text,text[])")); !s)
        return s;
    if (Status s = checkTarget(name); !s)
        return s;
    if (Status s = checkTerritories(territories); !s)
        return s;
    return call(QStringLiteral("SELECT fieldops_set_user_territories(?, CAST(? AS text[]))"), {name, textArray(territories)});
}

Status UserDirectory::setLoginEnabled(const QString &name, bool enabled)
{
    if (Status s = requirePostgres(); !s)
        return s;
    if (Status s = requireAdmin(QStringLiteral("fieldops_set_user_login(text,boolean)")); !s)
        return s;
    if (Status s = checkTarget(name); !s)
        return s;
    if (!enabled) {
        if (Status s = checkNotSelf(name, QT_TRANSLATE_NOOP("UserDirectory", "you cannot disable your own login (%1); ask another admin")); !s)
            return s;
    }
    return call(QStringLiteral("SELECT fieldops_set_user_login(?, ?)"), {name, enabled});
}

} // namespace fieldops
