#include "itemmodels/UserListModel.h"

#include <QColor>
#include <QFont>

namespace fieldops {

UserListModel::UserListModel(QObject *parent) : QAbstractTableModel(parent) {}

void UserListModel::setUsers(std::vector<UserAccount> users, const QString &currentLogin)
{
    beginResetModel();
    m_users = std::move(users);
    m_currentLogin = currentLogin;
    endResetModel();
}

const UserAccount *UserListModel::userAt(int row) const
{
    return row >= 0 && row < int(m_users.size()) ? &m_users[size_t(row)] : nullptr;
}

int UserListModel::rowOf(const QString &name) const
{
    for (size_t i = 0; i < m_users.size(); ++i)
        if (m_users[i].name == name)
            return int(i);
    return -1;
}

int UserListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_users.size()); }

int UserListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString UserListModel::displayText(const UserAccount &user, int column) const
{
    switch (column) {
    case Login:
        return user.name;
    case Role:
        return userRoleLabel(user.role);
    case Territories:
        return user.territories.isEmpty() ? tr("All") : user.territories.join(QStringLiteral(", "));
    case Status:
        return user.disabled ? tr("Disabled") : tr("Active");
    default:
        return {};
    }
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    const UserAccount *user = userAt(index.row());
    if (!user || index.column() < 0 || index.column() >= ColumnCount)
        return {};
    const bool isMe = !m_currentLogin.isEmpty() && user->name == m_currentLogin;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(*user, index.column());
    case Qt::ToolTipRole:
        if (isMe)
            return tr("You are connected as %1").arg(user->name);
        if (index.column() == Territories && user->territories.isEmpty())
            return tr("Not limited to any territory");
        return {};
    case Qt::FontRole:
        if (isMe) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (user->disabled)
            return QColor(Qt::gray);
        return {};
    default:
        return {};
    }
}

QVariant UserListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Login:
        return tr("Login");
    case Role:
        return tr("Role");
    case Territories:
        return tr("Territories");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace fieldops
