#include "users/UsersView.h"

#include "common/ProblemText.h"

#include "itemmodels/UserListModel.h"
#include "users/UserEditDialog.h"
#include "users/UserService.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

UsersView::UsersView(UserService *service, QWidget *parent)
    : QWidget(parent), m_service(service), m_model(new UserListModel(this))
{
    m_add = new QPushButton(tr("&Add…"), this);
    m_role = new QPushButton(tr("Change &role…"), this);
    m_territories = new QPushButton(tr("&Territories…"), this);
    m_login = new QPushButton(tr("&Disable"), this);
    m_refresh = new QPushButton(QIcon(QStringLiteral(":/fieldops/icons/refresh.svg")), tr("Re&fresh"), this);
    m_add->setToolTip(tr("Add a login in a FieldOps role"));
    m_role->setToolTip(tr("Move the selected login to another role"));
    m_territories->setToolTip(tr("Limit the selected login to territories (none: all)"));
    m_login->setToolTip(tr("Let the selected login log in, or not"));
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_role, m_territories, m_login})
        buttons->addWidget(b);
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    m_table = new QTableView(this);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Login, role and status as wide as their text; the territories take the rest.
    QHeaderView *header = m_table->horizontalHeader();
    header->setMinimumSectionSize(90);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(UserListModel::Territories, QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, [this] { openEditor(UserEditDialog::Mode::Add); });
    connect(m_role, &QPushButton::clicked, this, [this] { openEditor(UserEditDialog::Mode::Role); });
    connect(m_territories, &QPushButton::clicked, this, [this] { openEditor(UserEditDialog::Mode::Territories); });
    connect(m_login, &QPushButton::clicked, this, &UsersView::toggleLogin);
    connect(m_refresh, &QPushButton::clicked, this, &UsersView::reload);
    connect(m_table, &QTableView::doubleClicked, this, [this] { openEditor(UserEditDialog::Mode::Role); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &UsersView::onSelection);
    connect(m_service, &UserService::usersChanged, this, &UsersView::onUsersChanged);
    connect(m_service, &UserService::changed, this, [this](const QString &message) { showMessage(message, false); });
    connect(m_service, &UserService::failed, this, &UsersView::onFailed);
    connect(m_service, &UserService::busyChanged, this, &UsersView::updateButtons);
    onUsersChanged();
}

void UsersView::reload()
{
    m_keepSelected = selectedLogin();
    showMessage({}, false);
    m_service->refresh();
    updateButtons();
}

QString UsersView::selectedLogin() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const UserAccount *user = rows.isEmpty() ? nullptr : m_model->userAt(rows.first().row());
    return user ? user->name : QString();
}

void UsersView::onUsersChanged()
{
    const QString keep = m_keepSelected.isEmpty() ? selectedLogin() : m_keepSelected;
    m_keepSelected.clear();
    m_model->setUsers(m_service->users(), m_service->currentLogin());
    if (const int row = m_model->rowOf(keep); row >= 0)
        m_table->selectRow(row);
    updateButtons();
}

void UsersView::onSelection() { updateButtons(); }

void UsersView::updateButtons()
{
    const bool idle = !m_service->isBusy() && m_service->hasDatabase();
    const UserAccount *user = m_model->userAt(m_model->rowOf(selectedLogin()));
    m_add->setEnabled(idle);
    m_role->setEnabled(idle && user);
    m_territories->setEnabled(idle && user);
    m_login->setEnabled(idle && user);
    m_refresh->setEnabled(idle);
    m_login->setText(user && user->disabled ? tr("&Enable") : tr("&Disable"));
}

void UsersView::showMessage(const QString &text, bool isError)
{
    m_message->setText(text);
    m_message->setProperty("error", isError);
    // Red for what was refused; the palette's own colour for what was done.
    m_message->setStyleSheet(isError ? problemTextStyle() + QStringLiteral(" font-weight: bold;") : QString());
    m_message->setVisible(!text.isEmpty());
}

// The errors are sentences that may start with a login name, whose case matters: they
// follow a lead-in rather than being capitalised.
void UsersView::onFailed(const Error &error) { showMessage(tr("Not done: %1").arg(error.message), true); }

void UsersView::openEditor(UserEditDialog::Mode m)
{
    const UserAccount *selected = m_model->userAt(m_model->rowOf(selectedLogin()));
    if (m != UserEditDialog::Mode::Add && !selected)
        return;
    if (m_dialog)
        m_dialog->close();
    auto *dialog = new UserEditDialog(m, selected && m != UserEditDialog::Mode::Add ? *selected : UserAccount{},
                                      m_service->territories(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &UsersView::applyDialog);
    m_dialog = dialog;
    dialog->open(); // window-modal, returns at once: the answer comes through accepted()
}

void UsersView::applyDialog()
{
    auto *dialog = qobject_cast<UserEditDialog *>(sender());
    if (!dialog)
        return;
    showMessage({}, false);
    const QString login = dialog->mode() == UserEditDialog::Mode::Add ? dialog->newUser().name : selectedLogin();
    m_keepSelected = login;
    switch (dialog->mode()) {
    case UserEditDialog::Mode::Add:
        m_service->add(dialog->newUser());
        break;
    case UserEditDialog::Mode::Role:
        m_service->setRole(login, dialog->role());
        break;
    case UserEditDialog::Mode::Territories:
        m_service->setTerritories(login, dialog->territories());
        break;
    }
    updateButtons();
}

void UsersView::toggleLogin()
{
    const UserAccount *user = m_model->userAt(m_model->rowOf(selectedLogin()));
    if (!user)
        return;
    showMessage({}, false);
    m_keepSelected = user->name;
    m_service->setLoginEnabled(user->name, user->disabled);
    updateButtons();
}

} // namespace fieldops::widgets
