#include "users/UserAccount.h"

#include <QCoreApplication>

namespace fieldops {

const QStringList &userRoles()
{
    // The gateway's role last: it is no console role (a login in it may only call the field
    // gateway's server functions, and the console refuses to open a session for it).
    static const QStringList roles{QStringLiteral("dispatcher"), QStringLiteral("planner"), QStringLiteral("manager"),
                                   QStringLiteral("admin"), QStringLiteral("field")};
    return roles;
}

QString userRoleLabel(const QString &role)
{
    if (role == QLatin1String("dispatcher"))
        return QCoreApplication::translate("UserAccount", "Dispatcher");
    if (role == QLatin1String("planner"))
        return QCoreApplication::translate("UserAccount", "Planner");
    if (role == QLatin1String("manager"))
        return QCoreApplication::translate("UserAccount", "Manager");
    if (role == QLatin1String("admin"))
        return QCoreApplication::translate("UserAccount", "Admin");
    if (role == QLatin1String("field"))
        //: The role of the field gateway's login (the technicians' phone backend), not a person's
        return QCoreApplication::translate("UserAccount", "Field gateway");
    return role;
}

} // namespace fieldops
