#pragma once
// The Users view's small form, in one of three shapes: Add (name, role, territories,
// password), Role (the role only) and Territories (the territory checklist only; nothing
// checked means every territory). It only collects values: the view hands them to the
// UserService when the dialog is accepted.
#include "users/UserAccount.h"

#include <QDialog>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace fieldops::widgets {

class UserEditDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Add, Role, Territories };

    UserEditDialog(Mode mode, const UserAccount &user, const std::vector<TerritoryOption> &territories,
                   QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    NewUser newUser() const;
    QString role() const;
    QStringList territories() const; // checked ids, in list order

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *roleCombo() const { return m_role; }
    QListWidget *territoryList() const { return m_territories; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateOk();
    Mode m_mode;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QListWidget *m_territories = nullptr;
    QLineEdit *m_password = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace fieldops::widgets
