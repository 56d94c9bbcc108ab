#include "billing/BillingExportDialog.h"

#include "common/ProblemText.h"

#include <QDateEdit>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
QDateEdit *dateEdit(const QDate &value, const QString &name, QWidget *parent)
{
    auto *e = new QDateEdit(value, parent);
    e->setObjectName(name);
    e->setCalendarPopup(true);
    return e;
}
} // namespace

BillingExportDialog::BillingExportDialog(const QDate &from, const QDate &to, const QString &folder, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("BillingExportDialog"));
    setWindowTitle(tr("Export billing"));
    auto *layout = new QVBoxLayout(this);
    // Wrapped texts take their height from the width: give them a reasonable one.
    setMinimumWidth(fontMetrics().averageCharWidth() * 80);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    auto *intro = new QLabel(tr("Approved billable time and the parts used per customer and contract, with the contracts' terms "
                                "applied, written as billing_summary.csv, billing_lines.csv and billing.pdf. Days are in UTC."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    m_from = dateEdit(from, QStringLiteral("from"), this);
    form->addRow(tr("&From:"), m_from);
    m_to = dateEdit(to, QStringLiteral("to"), this);
    form->addRow(tr("&To:"), m_to);
    auto *folderRow = new QHBoxLayout;
    m_folder = new QLineEdit(folder, this);
    m_folder->setObjectName(QStringLiteral("folder"));
    m_folder->setMinimumWidth(fontMetrics().averageCharWidth() * 40);
    m_chooseButton = new QPushButton(tr("C&hoose…"), this);
    m_chooseButton->setObjectName(QStringLiteral("chooseFolder"));
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_chooseButton);
    form->addRow(tr("F&older:"), folderRow);
    m_problem = makeProblemLabel(QStringLiteral("problem"), this);
    layout->addWidget(m_problem);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busy"));
    m_busy->setRange(0, 0); // how long the export takes is not known: a busy bar
    m_busy->setTextVisible(false);
    m_busy->hide();
    layout->addWidget(m_busy);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();
    layout->addWidget(m_result);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = m_buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("export"));
    m_export->setDefault(true);
    layout->addWidget(m_buttons);

    m_choose = [this](const QString &current) {
        return QFileDialog::getExistingDirectory(this, tr("Folder for the billing files"), current);
    };
    connect(m_chooseButton, &QPushButton::clicked, this, [this] {
        const QString chosen = m_choose(m_folder->text());
        if (!chosen.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(chosen));
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_export->isEnabled())
            emit exportRequested(this->from(), this->to(), this->folder());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_from, &QDateEdit::dateChanged, this, &BillingExportDialog::revalidate);
    connect(m_to, &QDateEdit::dateChanged, this, &BillingExportDialog::revalidate);
    connect(m_folder, &QLineEdit::textChanged, this, &BillingExportDialog::revalidate);
    revalidate();
}

QDate BillingExportDialog::from() const { return m_from->date(); }
QDate BillingExportDialog::to() const { return m_to->date(); }
QString BillingExportDialog::folder() const { return QDir::fromNativeSeparators(m_folder->text().trimmed()); }

void BillingExportDialog::revalidate()
{
    QString problem;
    if (to() < from())
        problem = tr("The period ends before it begins.");
    else if (folder().isEmpty())
        problem = tr("Choose the folder to write the files into.");
    m_problem->setText(problem);
    // Saying what is missing only once something was typed: an empty folder is where everyone starts.
    m_problem->setVisible(!problem.isEmpty() && !(folder().isEmpty() && to() >= from()));
    m_export->setEnabled(problem.isEmpty() && !m_running);
}

void BillingExportDialog::setBusy(bool busy)
{
    m_running = busy;
    m_busy->setVisible(busy);
    if (busy) {
        m_result->setText(tr("Exporting…"));
        m_result->setStyleSheet(QString());
        m_result->show();
    }
    for (QWidget *w : std::initializer_list<QWidget *>{m_from, m_to, m_folder, m_chooseButton})
        w->setEnabled(!busy);
    revalidate();
}

void BillingExportDialog::showWritten(const QString &folder, const QStringList &files)
{
    setBusy(false);
    m_result->setStyleSheet(QString());
    m_result->setText(tr("Written into %1:\n%2").arg(QDir::toNativeSeparators(folder), files.join(QLatin1Char('\n'))));
    m_result->show();
    adjustSize();
}

void BillingExportDialog::showError(const QString &message)
{
    setBusy(false);
    m_result->setStyleSheet(problemTextStyle());
    m_result->setText(tr("Nothing was written: %1").arg(message));
    m_result->show();
    adjustSize();
}

} // namespace fieldops::widgets
