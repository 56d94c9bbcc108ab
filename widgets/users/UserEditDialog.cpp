#include "users/UserEditDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

UserEditDialog::UserEditDialog(Mode mode, const UserAccount &user, const std::vector<TerritoryOption> &territories,
                               QWidget *parent)
    : QDialog(parent), m_mode(mode)
{
    auto *form = new QFormLayout;
    if (mode == Mode::Add) {
        setWindowTitle(tr("Add user"));
        m_name = new QLineEdit(this);
        m_name->setMaxLength(63);
        m_name->setPlaceholderText(tr("login name"));
        form->addRow(tr("&Login:"), m_name);
        connect(m_name, &QLineEdit::textChanged, this, &UserEditDialog::updateOk);
    } else {
        setWindowTitle(mode == Mode::Role ? tr("Change role of %1").arg(user.name) : tr("Territories of %1").arg(user.name));
    }
    if (mode != Mode::Territories) {
        m_role = new QComboBox(this);
        for (const QString &r : userRoles())
            m_role->addItem(userRoleLabel(r), r);
        const int at = m_role->findData(user.role.isEmpty() ? QStringLiteral("dispatcher") : user.role);
        m_role->setCurrentIndex(at < 0 ? 0 : at);
        form->addRow(tr("&Role:"), m_role);
    }
    if (mode != Mode::Role) {
        m_territories = new QListWidget(this);
        for (const TerritoryOption &t : territories) {
            auto *item = new QListWidgetItem(t.name.isEmpty() || t.name == t.id ? t.id : tr("%1 (%2)").arg(t.name, t.id),
                                             m_territories);
            item->setData(Qt::UserRole, t.id);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(user.territories.contains(t.id) ? Qt::Checked : Qt::Unchecked);
        }
        m_territories->setMaximumHeight(160);
        form->addRow(tr("&Territories:"), m_territories);
        auto *hint = new QLabel(tr("Nothing checked: every territory. Territories limit what a dispatcher may schedule."), this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
    }
    if (mode == Mode::Add) {
        m_password = new QLineEdit(this);
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setPlaceholderText(tr("optional"));
        form->addRow(tr("&Password:"), m_password);
    }
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    updateOk();
}

void UserEditDialog::updateOk()
{
    const bool ok = !m_name || !m_name->text().trimmed().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

QString UserEditDialog::role() const { return m_role ? m_role->currentData().toString() : QString(); }

QStringList UserEditDialog::territories() const
{
    QStringList ids;
    if (!m_territories)
        return ids;
    for (int i = 0; i < m_territories->count(); ++i) {
        const QListWidgetItem *item = m_territories->item(i);
        if (item->checkState() == Qt::Checked)
            ids << item->data(Qt::UserRole).toString();
    }
    return ids;
}

NewUser UserEditDialog::newUser() const
{
    return {m_name ? m_name->text().trimmed() : QString(), role(), territories(),
            m_password ? m_password->text() : QString()};
}

} // namespace fieldops::widgets
