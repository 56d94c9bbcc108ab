#pragma once
// A FieldOps login as an admin sees it: its FieldOps role, the territories it is limited
// to (none: all) and whether it may log in. The role is the group role's short name
// ("dispatcher", "planner", "manager", "admin", or "field" for the field gateway's login),
// never translated.
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops {

struct UserAccount {
    QString name;
    QString role;
    QStringList territories; // sorted; empty = all territories
    bool disabled = false;   // NOLOGIN: the login cannot connect
    friend bool operator==(const UserAccount &, const UserAccount &) = default;
};

// What `user add` and the Add… dialog ask for.
struct NewUser {
    QString name;
    QString role;
    QStringList territories;
    QString password; // empty: none set (the server's authentication decides)
};

// A territory a login may be limited to.
struct TerritoryOption {
    QString id;
    QString name;
};

// The FieldOps roles: the consoles' lowest first, then the field gateway's ("field").
const QStringList &userRoles();
// "Dispatcher", "Planner" … translated, for people; the short name for anything unknown.
QString userRoleLabel(const QString &role);

} // namespace fieldops

Q_DECLARE_METATYPE(fieldops::UserAccount)
