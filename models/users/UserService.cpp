#include "users/UserService.h"

#include "session/QueryWorker.h"
#include "users/UserDirectory.h"

namespace fieldops {

namespace {
struct UsersRead {
    std::vector<UserAccount> users;
    std::vector<TerritoryOption> territories;
    QString login;
};
} // namespace

UserService::UserService(QObject *parent) : QObject(parent) {}

UserService::~UserService() = default;

void UserService::setDatabaseUrl(const DatabaseUrl &url)
{
    // The old worker drops what it has not delivered; a fresh one serves the new database.
    m_worker = std::make_unique<QueryWorker>(url);
    m_users.clear();
    m_territories.clear();
    m_login.clear();
    setRunning(0);
    emit usersChanged();
}

void UserService::setRunning(int running)
{
    const bool was = isBusy();
    m_running = running;
    if (was != isBusy())
        emit busyChanged(isBusy());
}

void UserService::run(Change change, const QString &success)
{
    if (!m_worker) {
        emit failed(Error::invalid(tr("not connected to a database")));
        return;
    }
    setRunning(m_running + 1);
    const bool isChange = bool(change);
    m_worker->submit<UsersRead>(
        this,
        [change = std::move(change)](Database &db) -> Result<UsersRead> {
            UserDirectory dir(db);
            if (change) {
                if (Status s = change(dir); !s)
                    return s.error(); // refused: the list on screen still holds
            }
            auto users = dir.list();
            if (!users) {
                Error e = users.error();
                if (change)
                    e.message = tr("the change was saved, but the list could not be read again: %1").arg(e.message);
                return e;
            }
            auto territories = dir.territories();
            if (!territories)
                return territories.error();
            auto login = dir.currentLogin();
            if (!login)
                return login.error();
            return UsersRead{std::move(users).value(), std::move(territories).value(), *login};
        },
        [this, success, isChange](Result<UsersRead> result) {
            setRunning(m_running - 1);
            if (!result) {
                emit failed(result.error());
                return;
            }
            m_users = std::move(result->users);
            m_territories = std::move(result->territories);
            m_login = result->login;
            emit usersChanged();
            if (isChange)
                emit changed(success);
        });
}

void UserService::refresh() { run({}, {}); }

void UserService::add(const NewUser &user)
{
    run([user](UserDirectory &d) { return d.add(user); }, tr("%1 was added as %2").arg(user.name, userRoleLabel(user.role)));
}

void UserService::setRole(const QString &name, const QString &role)
{
    run([name, role](UserDirectory &d) { return d.setRole(name, role); },
        tr("%1's role is now %2").arg(name, userRoleLabel(role)));
}

void UserService::setTerritories(const QString &name, const QStringList &territories)
{
    run([name, territories](UserDirectory &d) { return d.setTerritories(name, territories); },
        territories.isEmpty() ? tr("%1 now works in every territory").arg(name)
                              : tr("%1 is now limited to %2").arg(name, territories.join(QStringLiteral(", "))));
}

void UserService::setLoginEnabled(const QString &name, bool enabled)
{
    run([name, enabled](UserDirectory &d) { return d.setLoginEnabled(name, enabled); },
        enabled ? tr("%1 may log in again").arg(name) : tr("%1 may no longer log in").arg(name));
}

} // namespace fieldops
