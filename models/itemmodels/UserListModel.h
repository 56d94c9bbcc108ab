#pragma once
// The Users view's table: one row per FieldOps login with its login name, role,
// territories ("All" when none) and status. The current login's row is bold. Rows are
// replaced as a whole when the service reads the list again; the view keeps its
// selection by login name (rowOf()).
#include "users/UserAccount.h"

#include <QAbstractTableModel>
#include <vector>

namespace fieldops {

class UserListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Login, Role, Territories, Status, ColumnCount };

    explicit UserListModel(QObject *parent = nullptr);
    void setUsers(std::vector<UserAccount> users, const QString &currentLogin);
    const UserAccount *userAt(int row) const;
    int rowOf(const QString &name) const; // -1 when absent
    QString currentLogin() const { return m_currentLogin; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const UserAccount &user, int column) const;
    std::vector<UserAccount> m_users;
    QString m_currentLogin;
};

} // namespace fieldops
