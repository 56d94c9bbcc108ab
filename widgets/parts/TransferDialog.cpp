#include "parts/TransferDialog.h"

#include "common/ProblemText.h"
#include "parts/TransferFormModel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace fieldops::widgets {

using parts::TransferFormModel;

namespace {
QWidget *withIssue(QWidget *parent, QWidget *field, QLabel *issueLabel)
{
    auto *box = new QWidget(parent);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    v->addWidget(issueLabel);
    return box;
}

void choose(QComboBox *combo, const QString &data)
{
    const QSignalBlocker block(combo);
    combo->setCurrentIndex(data.isEmpty() ? -1 : combo->findData(data));
}
} // namespace

TransferDialog::TransferDialog(TransferFormModel *model, QWidget *parent) : QDialog(parent), m_model(model)
{
    setWindowTitle(tr("Transfer stock"));
    auto *outer = new QVBoxLayout(this);
    // Wide enough for the problems under the fields, and as tall as they need.
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
    outer->setSizeConstraint(QLayout::SetMinimumSize);
    auto *form = new QFormLayout;
    outer->addLayout(form);

    m_part = new QComboBox(this);
    m_part->setObjectName(QStringLiteral("transferPartField"));
    m_part->setPlaceholderText(tr("Choose a part"));
    m_from = new QComboBox(this);
    m_from->setObjectName(QStringLiteral("transferFromField"));
    m_from->setPlaceholderText(tr("Choose a warehouse or van"));
    m_to = new QComboBox(this);
    m_to->setObjectName(QStringLiteral("transferToField"));
    m_to->setPlaceholderText(tr("Choose a warehouse or van"));
    m_quantity = new QLineEdit(this);
    m_quantity->setObjectName(QStringLiteral("transferQuantityField"));
    m_quantity->setPlaceholderText(tr("How many, e.g. 2"));
    m_partIssue = makeProblemLabel(QStringLiteral("skuIssue"), this);
    m_fromIssue = makeProblemLabel(QStringLiteral("fromIssue"), this);
    m_toIssue = makeProblemLabel(QStringLiteral("toIssue"), this);
    m_quantityIssue = makeProblemLabel(QStringLiteral("quantityIssue"), this);
    m_sourceNote = new QLabel(this);
    m_sourceNote->setObjectName(QStringLiteral("transferSourceNote"));
    m_sourceNote->setWordWrap(true);

    const auto row = [&](const QString &text, QWidget *field, QLabel *issue) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, withIssue(this, field, issue));
    };
    row(tr("&Part:"), m_part, m_partIssue);
    row(tr("&From:"), m_from, m_fromIssue);
    form->addRow(QString(), m_sourceNote);
    row(tr("&To:"), m_to, m_toIssue);
    row(tr("&Quantity:"), m_quantity, m_quantityIssue);

    m_problem = makeProblemLabel(QStringLiteral("transferProblem"), this);
    outer->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("transferSaveButton"));
    // Enter saves, and only Save: a disabled Save leaves Enter doing nothing.
    m_save->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    outer->addWidget(buttons);

    fill();
    if (!m_model->sku().isEmpty())
        m_touched << QStringLiteral("sku");
    if (!m_model->from().isEmpty())
        m_touched << QStringLiteral("from");

    connect(m_part, &QComboBox::currentIndexChanged, this, [this] {
        m_touched << QStringLiteral("sku");
        showProblem(QString()); // a refusal was about the fields as they were
        m_model->setSku(m_part->currentData().toString());
    });
    connect(m_from, &QComboBox::currentIndexChanged, this, [this] {
        m_touched << QStringLiteral("from");
        showProblem(QString()); // a refusal was about the fields as they were
        m_model->setFrom(m_from->currentData().toString());
    });
    connect(m_to, &QComboBox::currentIndexChanged, this, [this] {
        m_touched << QStringLiteral("to");
        showProblem(QString()); // a refusal was about the fields as they were
        m_model->setTo(m_to->currentData().toString());
    });
    connect(m_quantity, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_touched << QStringLiteral("quantity");
        showProblem(QString()); // a refusal was about the fields as they were
        m_model->setQuantityText(text);
    });
    connect(m_model, &TransferFormModel::changed, this, &TransferDialog::refresh);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        // Everything typed so far counts; a problem left shows now.
        m_touched << QStringLiteral("sku") << QStringLiteral("from") << QStringLiteral("to") << QStringLiteral("quantity");
        refresh();
        if (m_model->canSave() && !m_saving)
            emit saveRequested();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
    // The first field still to choose has the focus.
    if (m_model->sku().isEmpty())
        m_part->setFocus();
    else if (m_model->from().isEmpty())
        m_from->setFocus();
    else
        m_to->setFocus();
}

QLabel *TransferDialog::issueLabel(const QString &field) const
{
    if (field == QLatin1String("sku"))
        return m_partIssue;
    if (field == QLatin1String("from"))
        return m_fromIssue;
    if (field == QLatin1String("to"))
        return m_toIssue;
    if (field == QLatin1String("quantity"))
        return m_quantityIssue;
    return nullptr;
}

void TransferDialog::fill()
{
    const parts::StockSnapshot &s = m_model->snapshot();
    {
        const QSignalBlocker block(m_part);
        m_part->clear();
        for (const parts::PartEntry &p : s.parts)
            m_part->addItem(QStringLiteral("%1 — %2").arg(p.sku, p.name), p.sku);
    }
    for (QComboBox *c : {m_from, m_to}) {
        const QSignalBlocker block(c);
        c->clear();
        for (const parts::StockPlace &p : s.places)
            c->addItem(p.label, p.location);
    }
    choose(m_part, m_model->sku());
    choose(m_from, m_model->from());
    choose(m_to, m_model->to());
    m_quantity->setText(m_model->quantityText());
}

void TransferDialog::refresh()
{
    for (const QString &field : {QStringLiteral("sku"), QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("quantity")}) {
        QLabel *label = issueLabel(field);
        const QString text = m_touched.contains(field) ? m_model->issue(field) : QString();
        label->setText(text);
        label->setVisible(!text.isEmpty());
    }
    const QString note = m_model->sourceNote();
    m_sourceNote->setText(note);
    m_sourceNote->setVisible(!note.isEmpty());
    m_save->setEnabled(m_model->canSave() && !m_saving);
}

void TransferDialog::setSaving(bool saving)
{
    m_saving = saving;
    m_save->setEnabled(m_model->canSave() && !m_saving);
}

void TransferDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

} // namespace fieldops::widgets
