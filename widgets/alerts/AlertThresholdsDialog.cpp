#include "alerts/AlertThresholdsDialog.h"

#include "common/ProblemText.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fieldops::widgets {

AlertThresholdsDialog::AlertThresholdsDialog(const AlertRules &rules, bool editable, const QString &whyReadOnly, QWidget *parent)
    : QDialog(parent), m_before(rules)
{
    setObjectName(QStringLiteral("AlertThresholdsDialog"));
    setWindowTitle(tr("Alert thresholds"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The same for every console of the operation; the on-time grace is also the KPIs' on-time arrival rule."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!editable) {
        auto *why = new QLabel(whyReadOnly, this);
        why->setObjectName(QStringLiteral("readOnlyReason"));
        why->setWordWrap(true);
        layout->addWidget(why);
    }
    auto *form = new QFormLayout;
    layout->addLayout(form);
    for (const AlertRuleField &f : alertRuleFields()) {
        auto *box = new QSpinBox(this);
        box->setObjectName(QString::fromLatin1(f.column));
        box->setRange(f.min, f.max);
        box->setValue(rules.*f.member);
        box->setSuffix(QLatin1Char(' ') + alertRuleUnit(f));
        box->setEnabled(editable);
        connect(box, &QSpinBox::valueChanged, this, &AlertThresholdsDialog::changed);
        m_boxes.insert(QString::fromLatin1(f.column), box);
        form->addRow(alertRuleLabel(f) + QLatin1Char(':'), box);
    }
    m_refusal = makeProblemLabel(QStringLiteral("refusal"), this);
    layout->addWidget(m_refusal);
    m_buttons = new QDialogButtonBox(editable ? QDialogButtonBox::Save | QDialogButtonBox::Cancel : QDialogButtonBox::Close, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!(this->rules() == m_before))
            emit saveRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    changed();
}

AlertRules AlertThresholdsDialog::rules() const
{
    AlertRules r = m_before;
    for (const AlertRuleField &f : alertRuleFields())
        r.*f.member = m_boxes.value(QString::fromLatin1(f.column))->value();
    return r;
}

void AlertThresholdsDialog::showRefusal(const QString &message)
{
    m_refusal->setText(message);
    m_refusal->setVisible(!message.isEmpty());
}

void AlertThresholdsDialog::changed()
{
    if (QPushButton *save = m_buttons->button(QDialogButtonBox::Save))
        save->setEnabled(!(rules() == m_before) && checkAlertRules(rules()).isEmpty());
}

} // namespace fieldops::widgets
