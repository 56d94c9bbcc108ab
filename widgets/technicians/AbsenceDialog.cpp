#include "technicians/AbsenceDialog.h"

#include "common/ProblemText.h"
#include "domain/VocabularyText.h"
#include "technicians/AbsenceRules.h"
#include "technicians/TechnicianFormModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <utility>

namespace fieldops::widgets {

using technicians::AbsenceFormModel;
using technicians::AbsenceRules;

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
} // namespace

AbsenceDialog::AbsenceDialog(AbsenceFormModel *model, const QString &technicianName, QWidget *parent)
    : QDialog(parent), m_model(model)
{
    setWindowTitle(model->isNew() ? tr("New absence of %1").arg(technicianName) : tr("Absence of %1").arg(technicianName));
    auto *outer = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    outer->addLayout(form);

    m_start = new QDateTimeEdit(this);
    m_start->setObjectName(QStringLiteral("absenceStartField"));
    m_end = new QDateTimeEdit(this);
    m_end->setObjectName(QStringLiteral("absenceEndField"));
    for (QDateTimeEdit *e : {m_start, m_end}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    m_startIssue = makeProblemLabel(QStringLiteral("startIssue"), this);
    m_endIssue = makeProblemLabel(QStringLiteral("endIssue"), this);
    auto *fromLabel = new QLabel(tr("&From:"), this);
    fromLabel->setBuddy(m_start);
    form->addRow(fromLabel, withIssue(this, m_start, m_startIssue));
    auto *toLabel = new QLabel(tr("&To:"), this);
    toLabel->setBuddy(m_end);
    form->addRow(toLabel, withIssue(this, m_end, m_endIssue));

    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("absenceReasonField"));
    m_reason->setEditable(true);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    for (const QString &r : AbsenceRules::reasons())
        m_reason->addItem(AbsenceRules::reasonText(r), r);
    m_reason->lineEdit()->setPlaceholderText(tr("Vacation, sick, training, other or your own words"));
    m_reasonIssue = makeProblemLabel(QStringLiteral("reasonIssue"), this);
    auto *reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, withIssue(this, m_reason, m_reasonIssue));

    m_visits = new QLabel(this);
    m_visits->setObjectName(QStringLiteral("coveredVisits"));
    m_visits->setWordWrap(true);
    outer->addWidget(m_visits);
    m_return = new QCheckBox(tr("Return these visits to the queue (cancel the appointments) with this absence"), this);
    m_return->setObjectName(QStringLiteral("returnVisitsField"));
    outer->addWidget(m_return);
    m_problem = makeProblemLabel(QStringLiteral("problem"), this);
    outer->addWidget(m_problem);
    outer->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_save = buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("absenceSaveButton"));
    outer->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_model->canSave() && !m_saving)
            emit saveRequested();
    });

    connect(m_start, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &t) {
        if (!m_refreshing)
            m_model->setStart(t);
    });
    connect(m_end, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &t) {
        if (!m_refreshing)
            m_model->setEnd(t);
    });
    connect(m_reason, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (m_refreshing)
            return;
        // A proposed reason is stored by its code, anything typed as typed.
        const int i = m_reason->findText(text);
        m_model->setReason(i >= 0 ? m_reason->itemData(i).toString() : text);
    });
    connect(m_return, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing)
            m_model->setReturnVisits(on);
    });
    connect(m_model, &AbsenceFormModel::changed, this, &AbsenceDialog::refresh);
    refresh();
    resize(sizeHint().expandedTo(QSize(480, 0)));
}

QLabel *AbsenceDialog::issueLabel(const QString &field) const
{
    if (field == QLatin1String("start"))
        return m_startIssue;
    if (field == QLatin1String("end"))
        return m_endIssue;
    if (field == QLatin1String("reason"))
        return m_reasonIssue;
    return nullptr;
}

void AbsenceDialog::setSaving(bool saving)
{
    m_saving = saving;
    refresh();
}

void AbsenceDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void AbsenceDialog::refresh()
{
    m_refreshing = true;
    const technicians::AbsenceDraft &d = m_model->draft();
    if (d.start.isValid() && m_start->dateTime() != d.start.toLocalTime())
        m_start->setDateTime(d.start.toLocalTime());
    if (d.end.isValid() && m_end->dateTime() != d.end.toLocalTime())
        m_end->setDateTime(d.end.toLocalTime());
    const int i = m_reason->findData(d.reason);
    const QString shown = i >= 0 ? m_reason->itemText(i) : d.reason;
    if (m_reason->currentText() != shown)
        m_reason->setEditText(shown);
    for (const auto &[field, label] : {std::pair{QStringLiteral("start"), m_startIssue}, std::pair{QStringLiteral("end"), m_endIssue},
                                       std::pair{QStringLiteral("reason"), m_reasonIssue}}) {
        const QString message = m_model->issue(field);
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
    const technicians::CoveredVisits &visits = m_model->coveredVisits();
    if (!m_model->coveredKnown()) {
        m_visits->setText(m_model->issues().isEmpty() ? tr("Looking for visits booked in this time…") : QString());
        m_return->hide();
    } else if (visits.isEmpty()) {
        m_visits->setText(tr("No visits are booked in this time."));
        m_return->hide();
    } else {
        QStringList lines;
        for (const technicians::CoveredVisit &v : visits)
            lines << tr("%1 — work order %2 (%3), %4")
                         .arg(v.start.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), v.workOrderId, v.summary,
                              vocabulary::appointmentStatusText(v.status));
        const QString heading = visits.size() == 1 ? tr("1 visit is booked in this time:")
                                                   : tr("%1 visits are booked in this time:").arg(visits.size());
        m_visits->setText(heading + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
        m_return->show();
    }
    m_return->setChecked(m_model->returnVisits());
    m_save->setEnabled(m_model->canSave() && !m_saving);
    m_refreshing = false;
}

} // namespace fieldops::widgets
