#pragma once
// The admins' Users view: every FieldOps login in a table (login, role, territories,
// status) with Add…, Change role…, Territories…, Disable/Enable and Refresh. It never
// issues SQL: it asks a UserService (queries off the GUI thread) and shows its answers;
// what the server refuses (a non-admin, one's own demotion …) appears in the message line
// above the table.
#include "users/UserAccount.h"
#include "users/UserEditDialog.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace fieldops {
struct Error;
class UserListModel;
class UserService;
}

namespace fieldops::widgets {

class UsersView : public QWidget {
    Q_OBJECT
public:
    // The service must outlive the view (make it the view's child, or own both together).
    explicit UsersView(UserService *service, QWidget *parent = nullptr);

    // Reads the list again (the Refresh button).
    void reload();

    UserListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLabel *messageLabel() const { return m_message; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *roleButton() const { return m_role; }
    QPushButton *territoriesButton() const { return m_territories; }
    QPushButton *loginButton() const { return m_login; }
    QPushButton *refreshButton() const { return m_refresh; }
    // The form now open (Add…, Change role…, Territories…), if any.
    UserEditDialog *openDialog() const { return m_dialog; }
    // The login of the selected row ("" when none).
    QString selectedLogin() const;

private:
    void onUsersChanged();
    void onSelection();
    void updateButtons();
    void showMessage(const QString &text, bool isError);
    void onFailed(const Error &error);
    void openEditor(UserEditDialog::Mode mode);
    void applyDialog();
    void toggleLogin();

    UserService *m_service;
    UserListModel *m_model;
    QTableView *m_table;
    QLabel *m_message;
    QPushButton *m_add;
    QPushButton *m_role;
    QPushButton *m_territories;
    QPushButton *m_login;
    QPushButton *m_refresh;
    QPointer<UserEditDialog> m_dialog;
    QString m_keepSelected; // login to select again after the list is read
};

} // namespace fieldops::widgets
