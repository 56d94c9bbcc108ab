#include "users/UserAccount.h"

#include <QCoreApplication>

namespace fieldops {

const QStringList &userRoles()
{
    static const QStringList roles{QStringLiteral("dispatcher"), QStringLiteral("planner"), QStringLiteral("manager"),
                                   QStringLiteral("admin")};
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
    return role;
}

} // namespace fieldops
