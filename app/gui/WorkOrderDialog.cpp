#include "WorkOrderDialog.h"

#include "common/ProblemText.h"
#include "workorders/WorkOrderForm.h"
#include "workorders/WorkOrderFormModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace fieldops::gui {

WorkOrderDialog::WorkOrderDialog(workorders::WorkOrderFormModel *model, QWidget *parent)
    : QDialog(parent), m_model(model), m_form(new widgets::WorkOrderForm(model, this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("workOrderDialog"));
    setWindowTitle(model->isNew() ? tr("New work order") : tr("Edit work order %1").arg(model->draft().id));
    auto *layout = new QVBoxLayout(this);
    m_conflict = new QWidget(this);
    m_conflict->setObjectName(QStringLiteral("conflictBar"));
    auto *conflictLayout = new QHBoxLayout(m_conflict);
    conflictLayout->setContentsMargins(6, 4, 6, 4);
    m_conflictText = new QLabel(m_conflict);
    m_conflictText->setWordWrap(true);
    auto *reload = new QPushButton(tr("&Reload"), m_conflict);
    reload->setObjectName(QStringLiteral("reloadButton"));
    reload->setToolTip(tr("Show their version; your edits here are dropped"));
    auto *overwrite = new QPushButton(tr("&Overwrite"), m_conflict);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    overwrite->setToolTip(tr("Keep your edits; saving writes them on top of theirs"));
    conflictLayout->addWidget(m_conflictText, 1);
    conflictLayout->addWidget(reload);
    conflictLayout->addWidget(overwrite);
    m_conflict->setAutoFillBackground(true);
    QPalette amber = m_conflict->palette();
    amber.setColor(QPalette::Window, QColor(0xff, 0xf0, 0xc2));
    m_conflict->setPalette(amber);
    m_conflict->hide();
    connect(reload, &QPushButton::clicked, this, &WorkOrderDialog::reloadRequested);
    connect(overwrite, &QPushButton::clicked, this, &WorkOrderDialog::overwriteRequested);
    layout->addWidget(m_conflict);
    layout->addWidget(m_form, 1);
    m_problem->setObjectName(QStringLiteral("saveProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(widgets::problemTextStyle());
    m_problem->hide();
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    m_save = m_buttons->button(QDialogButtonBox::Save);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setToolTip(tr("Save (Ctrl+Return)"));
    // Enter in a line edit must not save a half-typed form: only the button or Ctrl+Return.
    m_save->setAutoDefault(false);
    m_save->setDefault(false);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_model->canSave() && !m_saving)
            emit saveRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    connect(shortcut, &QShortcut::activated, m_save, &QPushButton::click);
    connect(model, &workorders::WorkOrderFormModel::changed, this, &WorkOrderDialog::updateSave);
    updateSave();
    resize(640, 620);
}

void WorkOrderDialog::updateSave()
{
    // While a newer version waits for Reload or Overwrite, saving would only lose the race.
    m_save->setEnabled(m_model->canSave() && !m_saving && !m_conflict->isVisibleTo(this));
    const auto &issues = m_model->issues();
    m_save->setToolTip(issues.isEmpty() ? tr("Save (Ctrl+Return)")
                                        : tr("Not yet: %1").arg(issues.front().text()));
}

void WorkOrderDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void WorkOrderDialog::showConflict(const QString &message)
{
    m_conflictText->setText(message);
    m_conflict->show();
    updateSave();
}

void WorkOrderDialog::hideConflict()
{
    m_conflict->hide();
    updateSave();
}

void WorkOrderDialog::setSaving(bool saving)
{
    m_saving = saving;
    updateSave();
}

} // namespace fieldops::gui
