#include "customers/ContactsPanel.h"

#include "common/RecordTable.h"
#include "customers/CustomerRules.h"
#include "records/RecordFormModel.h"
#include "records/RecordFormWidget.h"
#include "records/RecordSpec.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QVBoxLayout>
#include <utility>

namespace fieldops::widgets {

using K = FieldDescriptor::Kind;

ContactsPanel::ContactsPanel(QWidget *parent)
    : QWidget(parent), m_form(new records::RecordFormModel(records::contactSpec(), customers::contactRules, this))
{
    auto *v = new QVBoxLayout(this);
    m_table = makeRecordTable({tr("Name"), tr("Role"), tr("Phone"), tr("Email")}, this);
    m_table->setObjectName(QStringLiteral("contactsTable"));
    for (int c = 0; c < 3; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    v->addWidget(m_table, 1);
    m_formWidget = new RecordFormWidget(m_form,
                                        {{QStringLiteral("name"), tr("&Name:"), K::Text, {}},
                                         {QStringLiteral("role"), tr("Ro&le:"), K::Text, tr("e.g. facilities manager, caretaker, accounts")},
                                         {QStringLiteral("phone"), tr("&Phone:"), K::Text, QStringLiteral("+55 11 5555-0100")},
                                         {QStringLiteral("email"), tr("E&mail:"), K::Text, QStringLiteral("name@example.com")}},
                                        this);
    v->addWidget(m_formWidget);
    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("New contact"), this);
    m_new->setObjectName(QStringLiteral("newContactButton"));
    m_remove = new QPushButton(tr("Remove contact"), this);
    m_remove->setObjectName(QStringLiteral("removeContactButton"));
    m_save = new QPushButton(tr("Save contact"), this);
    m_save->setObjectName(QStringLiteral("saveContactButton"));
    buttons->addWidget(m_new);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    v->addLayout(buttons);

    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int r) { show(r); });
    connect(m_new, &QPushButton::clicked, this, [this] {
        startNew();
        m_formWidget->editor(QStringLiteral("name"))->setFocus();
    });
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(m_form); });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (!m_form->isNew())
            emit removeRequested(m_form->id(), m_form->version(), m_form->value(QStringLiteral("name")).toString());
    });
    connect(m_form, &records::RecordFormModel::changed, this, &ContactsPanel::updateButtons);
    clear();
}

void ContactsPanel::setContacts(const QString &customerId, const QVector<records::RecordRow> &contacts)
{
    QString shown = customerId == m_customerId && !m_form->isNew() ? m_form->id() : QString();
    if (!m_wanted.isEmpty())
        shown = std::exchange(m_wanted, QString());
    m_customerId = customerId;
    m_contacts = contacts;
    m_table->setRowCount(int(contacts.size()));
    int shownRow = -1;
    for (int r = 0; r < contacts.size(); ++r) {
        const records::RecordRow &c = contacts[r];
        setRecordRow(m_table, r, {c.values.value(QStringLiteral("name")).toString(), c.values.value(QStringLiteral("role")).toString(),
                                  c.values.value(QStringLiteral("phone")).toString(), c.values.value(QStringLiteral("email")).toString()},
                     c.id);
        if (c.id == shown)
            shownRow = r;
    }
    if (shownRow < 0 && !contacts.isEmpty() && shown.isEmpty() && !m_form->isDirty())
        shownRow = 0;
    if (shownRow >= 0) {
        m_table->setCurrentCell(shownRow, 0);
        show(shownRow);
    } else {
        startNew();
    }
    updateButtons();
}

void ContactsPanel::clear()
{
    m_customerId.clear();
    m_contacts.clear();
    m_table->setRowCount(0);
    startNew();
}

void ContactsPanel::setEditable(bool editable, const QString &why)
{
    m_editable = editable;
    m_formWidget->setReadOnly(!editable, why);
    updateButtons();
}

void ContactsPanel::show(int row)
{
    if (row < 0 || row >= m_contacts.size())
        return;
    const records::RecordRow &c = m_contacts[row];
    m_form->load(c.id, c.values, c.version);
}

void ContactsPanel::startNew()
{
    const QString none = QStringLiteral(""); // text columns hold '' for nothing, never NULL
    m_form->startNew(QString(), {{QStringLiteral("customer_id"), m_customerId},
                                 {QStringLiteral("name"), none},
                                 {QStringLiteral("role"), none},
                                 {QStringLiteral("phone"), none},
                                 {QStringLiteral("email"), none}});
    m_table->clearSelection();
    updateButtons();
}

void ContactsPanel::updateButtons()
{
    const bool customer = !m_customerId.isEmpty();
    m_new->setEnabled(m_editable && customer);
    m_save->setEnabled(m_editable && customer && m_form->canSave());
    m_remove->setEnabled(m_editable && customer && !m_form->isNew());
    m_save->setToolTip(m_form->issues().isEmpty() ? QString() : tr("Not yet: %1").arg(m_form->issues().front().text()));
}

} // namespace fieldops::widgets
