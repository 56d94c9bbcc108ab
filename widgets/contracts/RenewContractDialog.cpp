#include "contracts/RenewContractDialog.h"

#include "common/ProblemText.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace fieldops::widgets {

RenewContractDialog::RenewContractDialog(const QString &contractId, const contracts::RenewalRequest &proposal, int plans, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Renew contract %1").arg(contractId));
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The renewal keeps the terms, coverage and covered sites and assets of %1 and copies its %n preventive plan(s), "
                                "moved to the new dates. It is one step on the undo stack.",
                                nullptr, plans)
                                 .arg(contractId),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    auto *form = new QFormLayout;
    m_id = new QLineEdit(proposal.newId, this);
    m_id->setObjectName(QStringLiteral("renewalId"));
    m_start = new QDateEdit(proposal.startsOn, this);
    m_start->setObjectName(QStringLiteral("renewalStart"));
    m_end = new QDateEdit(proposal.endsOn, this);
    m_end->setObjectName(QStringLiteral("renewalEnd"));
    for (QDateEdit *d : {m_start, m_end}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    form->addRow(tr("New contract &id:"), m_id);
    form->addRow(tr("&From:"), m_start);
    form->addRow(tr("&To:"), m_end);
    v->addLayout(form);
    m_problem = makeProblemLabel(QStringLiteral("renewalProblem"), this);
    v->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Renew"));
    v->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_id, &QLineEdit::textChanged, this, &RenewContractDialog::check);
    connect(m_start, &QDateEdit::dateChanged, this, &RenewContractDialog::check);
    connect(m_end, &QDateEdit::dateChanged, this, &RenewContractDialog::check);
    check();
}

contracts::RenewalRequest RenewContractDialog::request() const { return {m_id->text().trimmed(), m_start->date(), m_end->date()}; }

void RenewContractDialog::check()
{
    static const QRegularExpression spaces(QStringLiteral("\\s"));
    const QString id = m_id->text().trimmed();
    QString problem;
    if (id.isEmpty() || id.contains(spaces) || id.size() > 64)
        problem = tr("The new contract needs an id of 1 to 64 characters without spaces.");
    else if (m_end->date() < m_start->date())
        problem = tr("The renewal cannot end before it starts.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

} // namespace fieldops::widgets
