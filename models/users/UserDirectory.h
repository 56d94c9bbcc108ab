#pragma once
// The FieldOps logins of a PostgreSQL server, for admins: list them, add one, move one to
// another role, limit it to territories, let it log in or not. The CLI's `user` command
// and the console's Users view both work through this class. Every statement calls a
// server function (migrations 2, 7 and 26) with bound values: the server quotes identifiers,
// nothing typed by a person is spliced into SQL here.
//
// Errors are values, one line each: Invalid for input the server rejects (unknown user,
// role or territory, not a FieldOps login, a change to one's own login that would lock
// one out, a SQLite database), PermissionDenied for a login that is no admin, anything
// else as the server said it. A refused change leaves the database as it was.
#include "users/UserAccount.h"
#include "util/Result.h"

#include <vector>

namespace fieldops {
class Database;

class UserDirectory {
public:
    explicit UserDirectory(Database &db) : m_db(db) {}

    // Every FieldOps login sorted by name.
    Result<std::vector<UserAccount>> list();
    // The territories a login may be limited to, sorted by id.
    Result<std::vector<TerritoryOption>> territories();
    // The login this connection runs as (session_user).
    Result<QString> currentLogin();

    Status add(const NewUser &user);
    Status setRole(const QString &name, const QString &role);
    // Replaces the login's territories; an empty list means all territories.
    Status setTerritories(const QString &name, const QStringList &territories);
    Status setLoginEnabled(const QString &name, bool enabled);

    // The checks the server would make anyway, said before connecting (empty: fine).
    static QString checkName(const QString &name);
    static QString checkRole(const QString &role);

private:
    Status requirePostgres() const;
    // Whether this login may execute the given server function (admins only).
    Status requireAdmin(const QString &function);
    // What the server functions would refuse, asked first with reads that cannot fail,
    // so a refusal is said in one line and no statement is left half done.
    Status checkTarget(const QString &name);
    Status checkNotSelf(const QString &name, const char *refusal);
    Status checkTerritories(const QStringList &territories);
    Status call(const QString &sql, const QVariantList &binds);
    Database &m_db;
};

} // namespace fieldops
