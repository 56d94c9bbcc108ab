#include "field/MessageTechniciansDialog.h"

#include "common/ProblemText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

MessageTechniciansDialog::MessageTechniciansDialog(const QVector<QPair<QString, QString>> &technicians, const QStringList &preselected,
                                                   QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("MessageTechniciansDialog"));
    setWindowTitle(tr("Message technicians"));
    auto *layout = new QVBoxLayout(this);
    auto *to = new QLabel(tr("&To:"), this);
    layout->addWidget(to);
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("technicianFilter"));
    m_filter->setPlaceholderText(tr("Type to find a technician"));
    m_filter->setClearButtonEnabled(true);
    to->setBuddy(m_filter);
    layout->addWidget(m_filter);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("technicianList"));
    for (const auto &[id, name] : technicians) {
        auto *item = new QListWidgetItem(name, m_list);
        item->setData(Qt::UserRole, id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(preselected.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    m_list->setMinimumHeight(fontMetrics().lineSpacing() * 8);
    layout->addWidget(m_list, 1);
    auto *messageLabel = new QLabel(tr("&Message:"), this);
    layout->addWidget(messageLabel);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("messageText"));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    messageLabel->setBuddy(m_text);
    layout->addWidget(m_text);
    m_refusal = makeProblemLabel(QStringLiteral("refusal"), this);
    layout->addWidget(m_refusal);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    //: The button that sends the message to the technicians' phones.
    m_buttons->addButton(tr("&Send"), QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!chosen().isEmpty() && !text().isEmpty())
            emit sendRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemChanged, this, &MessageTechniciansDialog::changed);
    connect(m_text, &QPlainTextEdit::textChanged, this, &MessageTechniciansDialog::changed);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &needle) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(!m_list->item(i)->text().contains(needle, Qt::CaseInsensitive));
    });
    changed();
    (preselected.isEmpty() ? static_cast<QWidget *>(m_filter) : m_text)->setFocus();
}

QStringList MessageTechniciansDialog::chosen() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids << m_list->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString MessageTechniciansDialog::text() const { return m_text->toPlainText().trimmed(); }

void MessageTechniciansDialog::showRefusal(const QString &message)
{
    m_refusal->setText(message);
    m_refusal->setVisible(!message.isEmpty());
}

void MessageTechniciansDialog::changed()
{
    for (QAbstractButton *b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(!chosen().isEmpty() && !text().isEmpty());
}

} // namespace fieldops::widgets
