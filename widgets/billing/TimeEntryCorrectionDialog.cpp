#include "billing/TimeEntryCorrectionDialog.h"

#include "common/ProblemText.h"
#include "domain/VocabularyText.h"
#include "itemmodels/DisplayFormat.h"

#include <QCheckBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
QDateTimeEdit *timeEdit(const QDateTime &value, const QString &name, QWidget *parent)
{
    auto *e = new QDateTimeEdit(parent);
    e->setObjectName(name);
    e->setCalendarPopup(true);
    e->setDisplayFormat(QLocale().dateTimeFormat(QLocale::ShortFormat));
    e->setDateTime(value.toLocalTime());
    return e;
}
} // namespace

TimeEntryCorrectionDialog::TimeEntryCorrectionDialog(const billing::TimeEntry &entry, const QString &technicianName, QWidget *parent)
    : QDialog(parent), m_entry(entry)
{
    setObjectName(QStringLiteral("TimeEntryCorrectionDialog"));
    setWindowTitle(tr("Correct time entry %1").arg(entry.id));
    auto *layout = new QVBoxLayout(this);
    auto *header = new QLabel(tr("%1 on work order %2: %3, %4 to %5")
                                  .arg(technicianName, entry.workOrderId, vocabulary::timeActivityText(entry.activity),
                                       display::instant(entry.start), display::instant(entry.end)),
                              this);
    header->setWordWrap(true);
    layout->addWidget(header);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_start = timeEdit(entry.start, QStringLiteral("start"), this);
    form->addRow(tr("&Start:"), m_start);
    form->addRow(QString(), issueUnder(QStringLiteral("start_at")));
    m_end = timeEdit(entry.end, QStringLiteral("end"), this);
    form->addRow(tr("&End:"), m_end);
    form->addRow(QString(), issueUnder(QStringLiteral("end_at")));
    m_billable = new QCheckBox(tr("&Billable to the customer"), this);
    m_billable->setObjectName(QStringLiteral("billable"));
    m_billable->setChecked(entry.billable);
    form->addRow(QString(), m_billable);
    m_comment = new QLineEdit(entry.comment, this);
    m_comment->setObjectName(QStringLiteral("comment"));
    m_comment->setPlaceholderText(tr("What was done"));
    m_comment->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    form->addRow(tr("&Comment:"), m_comment);

    m_refusal = makeProblemLabel(QStringLiteral("refusal"), this);
    layout->addWidget(m_refusal);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canSave())
            emit saveRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QDateTimeEdit *e : {m_start, m_end})
        connect(e, &QDateTimeEdit::dateTimeChanged, this, &TimeEntryCorrectionDialog::revalidate);
    revalidate();
    m_start->setFocus();
}

QLabel *TimeEntryCorrectionDialog::issueUnder(const QString &field)
{
    QLabel *label = makeProblemLabel(QStringLiteral("issue_") + field, this);
    m_issues.insert(field, label);
    return label;
}

QPushButton *TimeEntryCorrectionDialog::saveButton() const { return m_buttons->button(QDialogButtonBox::Save); }

billing::Correction TimeEntryCorrectionDialog::correction() const
{
    billing::Correction c;
    c.id = m_entry.id;
    c.start = m_start->dateTime().toUTC();
    c.end = m_end->dateTime().toUTC();
    c.billable = m_billable->isChecked();
    c.comment = m_comment->text();
    c.expectedVersion = m_entry.version;
    return c;
}

bool TimeEntryCorrectionDialog::canSave() const
{
    const billing::Correction c = correction();
    return billing::correctionIssues(*c.start, *c.end).isEmpty();
}

void TimeEntryCorrectionDialog::showRefusal(const QString &message)
{
    m_refusal->setText(message);
    m_refusal->setVisible(!message.isEmpty());
}

void TimeEntryCorrectionDialog::revalidate()
{
    const billing::Correction c = correction();
    const workorders::FieldIssues issues = billing::correctionIssues(*c.start, *c.end);
    showFieldIssues(m_issues, issues);
    saveButton()->setEnabled(issues.isEmpty());
}

} // namespace fieldops::widgets
