#pragma once
// The Users view's data and changes, run off the GUI thread: every call goes to a
// QueryWorker (one connection of its own) and comes back as a signal. After each change
// the list is read again, so usersChanged() always follows a successful change. Calls
// are queued and run in order; the view never issues SQL itself.
#include "storage/DatabaseUrl.h"
#include "users/UserAccount.h"
#include "util/Result.h"

#include <QObject>
#include <functional>
#include <memory>
#include <vector>

namespace fieldops {
class QueryWorker;
class UserDirectory;

class UserService : public QObject {
    Q_OBJECT
public:
    explicit UserService(QObject *parent = nullptr);
    ~UserService() override;

    // Points the service at a database; results of the previous one are dropped.
    void setDatabaseUrl(const DatabaseUrl &url);
    bool hasDatabase() const { return m_worker != nullptr; }

    void refresh();
    void add(const NewUser &user);
    void setRole(const QString &name, const QString &role);
    void setTerritories(const QString &name, const QStringList &territories);
    void setLoginEnabled(const QString &name, bool enabled);

    bool isBusy() const { return m_running > 0; }
    const std::vector<UserAccount> &users() const { return m_users; }
    const std::vector<TerritoryOption> &territories() const { return m_territories; }
    // The login the service connects as ("" before the first read and on SQLite).
    QString currentLogin() const { return m_login; }

signals:
    void busyChanged(bool busy);
    void usersChanged();
    // A change was applied; `message` says what, for people.
    void changed(const QString &message);
    void failed(const fieldops::Error &error);

private:
    using Change = std::function<Status(UserDirectory &)>;
    // Runs `change` (if any) and then reads the list, territories and login again.
    void run(Change change, const QString &success);
    void setRunning(int running);

    std::unique_ptr<QueryWorker> m_worker; // delivers to this object: destroyed first
    int m_running = 0;
    std::vector<UserAccount> m_users;
    std::vector<TerritoryOption> m_territories;
    QString m_login;
};

} // namespace fieldops
