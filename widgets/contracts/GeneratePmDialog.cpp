#include "contracts/GeneratePmDialog.h"

#include "common/ProblemText.h"
#include "contracts/CapacityPreviewPanel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {

QTableWidget *table(const QStringList &headers, const QString &name, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(name);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

} // namespace

GeneratePmDialog::GeneratePmDialog(int horizonDays, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Generate preventive work"));
    resize(860, 560);
    auto *v = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(tr("&Horizon:"), this);
    m_horizon = new QSpinBox(this);
    m_horizon->setObjectName(QStringLiteral("pmHorizon"));
    m_horizon->setRange(1, 366);
    m_horizon->setValue(horizonDays);
    m_horizon->setSuffix(tr(" days"));
    label->setBuddy(m_horizon);
    m_preview = new QPushButton(tr("&Preview"), this);
    m_preview->setObjectName(QStringLiteral("pmPreviewButton"));
    row->addWidget(label);
    row->addWidget(m_horizon);
    row->addWidget(m_preview);
    row->addStretch(1);
    v->addLayout(row);
    m_summary = new QLabel(tr("Preview shows what generating would create, before anything is written."), this);
    m_summary->setObjectName(QStringLiteral("pmSummary"));
    m_summary->setWordWrap(true);
    v->addWidget(m_summary);
    m_tabs = new QTabWidget(this);
    m_created = table({tr("Work order"), tr("Plan"), tr("Asset"), tr("Due"), tr("Minutes"), tr("Task")}, QStringLiteral("pmCreated"), this);
    m_skipped = table({tr("Plan"), tr("Due"), tr("Why")}, QStringLiteral("pmSkipped"), this);
    m_tabs->addTab(m_created, tr("New work orders"));
    m_tabs->addTab(m_skipped, tr("Skipped"));
    m_capacity = new CapacityPreviewPanel(this);
    m_tabs->addTab(m_capacity, tr("&Capacity"));
    v->addWidget(m_tabs, 1);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_generate = m_buttons->addButton(tr("&Generate"), QDialogButtonBox::ActionRole);
    m_generate->setObjectName(QStringLiteral("pmGenerateButton"));
    m_generate->setEnabled(false);
    v->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_preview, &QPushButton::clicked, this, [this] { emit previewRequested(m_horizon->value()); });
    connect(m_generate, &QPushButton::clicked, this, [this] { emit generateRequested(m_horizon->value()); });
    // A changed horizon needs a new preview before generating.
    connect(m_horizon, &QSpinBox::valueChanged, this, [this] {
        m_previewed = false;
        m_generate->setEnabled(false);
        m_capacity->clear();
    });
}

int GeneratePmDialog::horizonDays() const { return m_horizon->value(); }

void GeneratePmDialog::showCapacity(const planning::CapacityLevelling &levelling) { m_capacity->setLevelling(levelling); }

void GeneratePmDialog::fill(const planning::PmGenerateReport &report)
{
    m_created->setRowCount(int(report.created.size()));
    for (int r = 0; r < report.created.size(); ++r) {
        const planning::PmNewWorkOrder &w = report.created[r];
        const QStringList cells{w.id, w.planId, w.assetId, QLocale().toString(w.due, QLocale::ShortFormat), QString::number(w.durationMin), w.summary};
        for (int c = 0; c < cells.size(); ++c)
            m_created->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
    m_skipped->setRowCount(int(report.skipped.size()));
    for (int r = 0; r < report.skipped.size(); ++r) {
        const planning::PmSkipped &s = report.skipped[r];
        const QStringList cells{s.planId, QLocale().toString(s.due, QLocale::ShortFormat), s.detail.isEmpty() ? s.why : s.detail};
        for (int c = 0; c < cells.size(); ++c)
            m_skipped->setItem(r, c, new QTableWidgetItem(cells[c]));
    }
}

void GeneratePmDialog::showPreview(const planning::PmGenerateReport &report)
{
    fill(report);
    m_previewed = true;
    int minutes = 0;
    for (const planning::PmNewWorkOrder &w : report.created)
        minutes += w.durationMin;
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("Generating would create %n work order(s) (%1 hours of work) and skip %2 occurrence(s). Nothing is written yet.",
                          nullptr, int(report.created.size()))
                           .arg(QLocale().toString(minutes / 60.0, 'f', 1))
                           .arg(report.skipped.size()));
    m_generate->setEnabled(!report.created.isEmpty());
}

void GeneratePmDialog::showGenerated(const planning::PmGenerateReport &report)
{
    fill(report);
    m_previewed = false;
    m_generate->setEnabled(false);
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("Created %n preventive work order(s); they wait in the unassigned queue.", nullptr, int(report.created.size())));
}

void GeneratePmDialog::showProblem(const QString &message)
{
    m_summary->setStyleSheet(problemTextStyle());
    m_summary->setText(message);
}

void GeneratePmDialog::setBusy(bool busy)
{
    m_preview->setEnabled(!busy);
    m_horizon->setEnabled(!busy);
    m_generate->setEnabled(!busy && m_previewed);
    if (busy)
        m_summary->setText(tr("Working…"));
}

} // namespace fieldops::widgets
