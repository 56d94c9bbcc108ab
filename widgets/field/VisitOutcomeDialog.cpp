#include "field/VisitOutcomeDialog.h"

#include "common/ProblemText.h"
#include "field/FollowUpOrders.h"
#include "parts/PartsText.h"
#include "domain/Vocabulary.h"
#include "domain/VocabularyText.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
QDateTimeEdit *timeEdit(const QDateTime &value, QWidget *parent)
{
    auto *e = new QDateTimeEdit(parent);
    e->setCalendarPopup(true);
    e->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    e->setDateTime(value.toLocalTime());
    return e;
}
} // namespace

VisitOutcomeDialog::VisitOutcomeDialog(const field::VisitToRecord &visit, const QDateTime &now, QWidget *parent)
    : QDialog(parent), m_visit(visit), m_now(now)
{
    setObjectName(QStringLiteral("VisitOutcomeDialog"));
    setWindowTitle(visit.hasOutcome ? tr("Correct the outcome of visit %1").arg(visit.appointmentId)
                                    : tr("Record the outcome of visit %1").arg(visit.appointmentId));
    auto *layout = new QVBoxLayout(this);
    const QLocale locale;
    auto *heading = new QLabel(tr("<b>%1</b> · %2<br>%3 at %4, booked %5 – %6")
                                   .arg(visit.workOrderId.toHtmlEscaped(), visit.workOrderSummary.toHtmlEscaped(),
                                        visit.technicianName.toHtmlEscaped(), visit.siteName.toHtmlEscaped(),
                                        locale.toString(visit.plannedStart.toLocalTime(), QLocale::ShortFormat),
                                        locale.toString(visit.plannedEnd.toLocalTime().time(), QLocale::ShortFormat)),
                               this);
    heading->setWordWrap(true);
    layout->addWidget(heading);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    const field::VisitOutcome &o = visit.outcome;
    m_arrived = timeEdit(o.arrivedAt, this);
    m_arrived->setObjectName(QStringLiteral("arrivedAt"));
    form->addRow(tr("&Arrived:"), m_arrived);
    form->addRow(QString(), issueUnder(QStringLiteral("arrived_at")));
    m_completed = timeEdit(o.completedAt, this);
    m_completed->setObjectName(QStringLiteral("completedAt"));
    form->addRow(tr("&Work ended:"), m_completed);
    form->addRow(QString(), issueUnder(QStringLiteral("completed_at")));

    auto *departedRow = new QHBoxLayout;
    m_departedKnown = new QCheckBox(tr("&Left at"), this);
    m_departedKnown->setObjectName(QStringLiteral("departedKnown"));
    m_departedKnown->setChecked(o.departedAt.isValid());
    m_departed = timeEdit(o.departedAt.isValid() ? o.departedAt : o.completedAt, this);
    m_departed->setObjectName(QStringLiteral("departedAt"));
    m_departed->setEnabled(o.departedAt.isValid());
    departedRow->addWidget(m_departedKnown);
    departedRow->addWidget(m_departed, 1);
    form->addRow(tr("Departure:"), departedRow);
    form->addRow(QString(), issueUnder(QStringLiteral("departed_at")));

    m_resolved = new QRadioButton(tr("&Resolved: the job is done"), this);
    m_resolved->setObjectName(QStringLiteral("resolved"));
    m_unresolved = new QRadioButton(tr("&Not resolved"), this);
    m_unresolved->setObjectName(QStringLiteral("unresolved"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_resolved);
    group->addButton(m_unresolved);
    (o.resolved ? m_resolved : m_unresolved)->setChecked(true);
    auto *outcomeBox = new QVBoxLayout;
    outcomeBox->addWidget(m_resolved);
    auto *unresolvedRow = new QHBoxLayout;
    unresolvedRow->addWidget(m_unresolved);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    //: The reason list's first entry when the visit did not fix the job and no reason is chosen yet.
    m_reason->addItem(tr("Choose why…"), QString());
    for (const QString &r : vocabulary::outcomeReasons())
        m_reason->addItem(vocabulary::outcomeReasonText(r), r);
    m_reason->setCurrentIndex(std::max(0, m_reason->findData(o.reason)));
    unresolvedRow->addWidget(m_reason, 1);
    outcomeBox->addLayout(unresolvedRow);
    form->addRow(tr("Outcome:"), outcomeBox);
    form->addRow(QString(), issueUnder(QStringLiteral("outcome_reason")));
    // Missing parts: the return visit's work order lists them and reserves them.
    m_parts = new QLineEdit(parts::partsText(o.parts), this);
    m_parts->setObjectName(QStringLiteral("parts"));
    m_parts->setPlaceholderText(tr("e.g. 2 × FLT-100, BELT-3"));
    m_parts->setToolTip(tr("The parts the return visit must bring: they are listed on its work order and reserved "
                           "in the technician's van or a warehouse that has them"));
    form->addRow(tr("&Parts needed:"), m_parts);
    form->addRow(QString(), issueUnder(QStringLiteral("parts")));

    m_notes = new QPlainTextEdit(o.notes, this);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setPlaceholderText(tr("What was done, what remains for a return visit"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    form->addRow(tr("N&otes:"), m_notes);
    form->addRow(QString(), issueUnder(QStringLiteral("outcome_notes")));
    m_signedBy = new QLineEdit(o.signedBy, this);
    m_signedBy->setObjectName(QStringLiteral("signedBy"));
    m_signedBy->setPlaceholderText(tr("Name of the customer's person who signed"));
    form->addRow(tr("&Signed by:"), m_signedBy);
    form->addRow(QString(), issueUnder(QStringLiteral("signed_by")));

    m_refusal = makeProblemLabel(QStringLiteral("refusal"), this);
    layout->addWidget(m_refusal);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canSave())
            emit saveRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (QDateTimeEdit *e : {m_arrived, m_completed, m_departed})
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &VisitOutcomeDialog::revalidate);
    connect(m_departedKnown, &QCheckBox::toggled, this, [this](bool on) {
        m_departed->setEnabled(on);
        revalidate();
    });
    connect(m_resolved, &QRadioButton::toggled, this, &VisitOutcomeDialog::revalidate);
    connect(m_reason, &QComboBox::currentIndexChanged, this, [this](int index) {
        // Choosing a reason says the job is not resolved.
        if (index > 0)
            m_unresolved->setChecked(true);
        revalidate();
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, &VisitOutcomeDialog::revalidate);
    connect(m_signedBy, &QLineEdit::textChanged, this, &VisitOutcomeDialog::revalidate);
    connect(m_parts, &QLineEdit::textChanged, this, &VisitOutcomeDialog::revalidate);
    revalidate();
    m_arrived->setFocus();
}

QLabel *VisitOutcomeDialog::issueUnder(const QString &field)
{
    QLabel *label = makeProblemLabel(QStringLiteral("issue_") + field, this);
    m_issues.insert(field, label);
    return label;
}

field::VisitOutcome VisitOutcomeDialog::outcome() const
{
    field::VisitOutcome o;
    o.arrivedAt = m_arrived->dateTime().toUTC();
    o.completedAt = m_completed->dateTime().toUTC();
    if (m_departedKnown->isChecked())
        o.departedAt = m_departed->dateTime().toUTC();
    o.resolved = m_resolved->isChecked();
    o.reason = o.resolved ? QString() : m_reason->currentData().toString();
    o.notes = m_notes->toPlainText();
    o.signedBy = m_signedBy->text();
    if (!o.resolved && o.reason == QLatin1String("needs_parts"))
        o.parts = parts::parsePartsText(m_parts->text(), nullptr);
    return o;
}

workorders::FieldIssues VisitOutcomeDialog::issues() const
{
    workorders::FieldIssues issues = field::checkOutcome(outcome(), m_visit.plannedStart, m_now);
    if (m_parts->isEnabled()) {
        QString problem;
        parts::parsePartsText(m_parts->text(), &problem);
        if (!problem.isEmpty())
            issues.push_back({QStringLiteral("parts"), problem});
    }
    return issues;
}

bool VisitOutcomeDialog::canSave() const { return issues().isEmpty(); }

void VisitOutcomeDialog::showRefusal(const QString &message)
{
    m_refusal->setText(message);
    m_refusal->setVisible(!message.isEmpty());
}

void VisitOutcomeDialog::revalidate()
{
    m_reason->setEnabled(m_unresolved->isChecked());
    m_parts->setEnabled(m_unresolved->isChecked() && m_reason->currentData().toString() == QLatin1String("needs_parts"));
    const workorders::FieldIssues found = issues();
    showFieldIssues(m_issues, found);
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(found.isEmpty());
}

} // namespace fieldops::widgets
