#include "contracts/PlanEditor.h"

#include "contracts/ContractRules.h"
#include "contracts/CoverageList.h"
#include "contracts/PlanPreview.h"
#include "common/ProblemText.h"
#include "records/RecordFormModel.h"
#include "records/RecordFormWidget.h"
#include "records/RecordSpec.h"

#include <QCalendarWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QTextCharFormat>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fieldops::widgets {

using K = FieldDescriptor::Kind;

namespace {
// How many coming occurrences the preview lists and marks.
constexpr int kPreviewCount = 12;
// Rows the skills list shows before it scrolls.
constexpr int kSkillRowsShown = 7;
constexpr int kPlanTableMinHeight = 120;

// A list no taller than `rows` rows of text: a longer one scrolls instead of stretching its column.
void capRows(QListWidget *list, int rows)
{
    list->setMaximumHeight(list->fontMetrics().lineSpacing() * rows + 2 * list->frameWidth() + 2 * list->spacing() + 6);
}
} // namespace

PlanEditor::PlanEditor(QWidget *parent)
    : QWidget(parent), m_form(new records::RecordFormModel(records::maintenancePlanSpec(), contracts::planRules, this))
{
    auto *v = new QVBoxLayout(this);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("plansTable"));
    m_table->setHorizontalHeaderLabels({tr("Plan"), tr("Task"), tr("Asset"), tr("Recurrence"), tr("Next due"), tr("Minutes")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The list of plans takes the height the form leaves: a contract may hold dozens.
    m_table->setMinimumHeight(kPlanTableMinHeight);
    v->addWidget(m_table, 1);

    auto *row = new QHBoxLayout;
    m_formWidget = new RecordFormWidget(
        m_form,
        {{QStringLiteral("id"), tr("Plan &id:"), K::Id, tr("e.g. PM-HVAC-Q")},
         {QStringLiteral("task"), tr("&Task:"), K::Text, tr("e.g. Quarterly filter change")},
         {QStringLiteral("asset_id"), tr("&Asset:"), K::Choice, {}},
         {QStringLiteral("duration_min"), tr("&Visit length (min):"), K::Number, QStringLiteral("60")},
         {QStringLiteral("recurrence"), tr("&Recurrence:"), K::Text, tr("every 3 months on day 15 · every 2 weeks on Mon · every 1 months on last Fri")},
         {QStringLiteral("interval_days"), tr("Every N &days (no recurrence):"), K::Number, QStringLiteral("90")},
         {QStringLiteral("next_due"), tr("&First occurrence:"), K::Date, QStringLiteral("YYYY-MM-DD")},
         {QStringLiteral("seasonal_months"), tr("Only in &months:"), K::Text, tr("e.g. 4;5;6 (empty: all year)")},
         {QStringLiteral("preferred_start"), tr("Preferred &start:"), K::Text, QStringLiteral("09:00")},
         {QStringLiteral("lead_days"), tr("&Lead time (days):"), K::Number, QStringLiteral("0")},
         {QStringLiteral("shift_on_miss"), tr("Missed visit:"), K::Check, tr("shifts the following ones")}},
        this);
    m_skills = new CoverageList(m_form, QStringLiteral("skills"), tr("Required s&kills"), this);
    capRows(m_skills->list(), kSkillRowsShown);
    auto *formColumn = new QVBoxLayout;
    formColumn->addWidget(m_formWidget);
    formColumn->addWidget(m_skills);
    formColumn->addStretch(1);
    row->addLayout(formColumn, 3);

    auto *previewColumn = new QVBoxLayout;
    auto *previewTitle = new QLabel(tr("Next occurrences"), this);
    m_calendar = new QCalendarWidget(this);
    m_calendar->setObjectName(QStringLiteral("planCalendar"));
    m_calendar->setGridVisible(true);
    m_calendar->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_occurrences = new QListWidget(this);
    m_occurrences->setObjectName(QStringLiteral("planOccurrences"));
    m_previewProblem = makeProblemLabel(QStringLiteral("planPreviewProblem"), this);
    previewColumn->addWidget(previewTitle);
    previewColumn->addWidget(m_calendar);
    previewColumn->addWidget(m_previewProblem);
    capRows(m_occurrences, kPreviewCount);
    previewColumn->addWidget(m_occurrences);
    previewColumn->addStretch(1);
    row->addLayout(previewColumn, 2);
    v->addLayout(row);

    auto *buttons = new QHBoxLayout;
    m_new = new QPushButton(tr("New &plan"), this);
    m_new->setObjectName(QStringLiteral("newPlanButton"));
    m_save = new QPushButton(tr("Save p&lan"), this);
    m_save->setObjectName(QStringLiteral("savePlanButton"));
    buttons->addWidget(m_new);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    v->addLayout(buttons);

    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int r) { showPlan(r); });
    connect(m_new, &QPushButton::clicked, this, &PlanEditor::newPlan);
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(m_form); });
    connect(m_form, &records::RecordFormModel::changed, this, [this] {
        preview();
        updateButtons();
    });
    clear();
}

void PlanEditor::clear()
{
    m_contractId.clear();
    m_plans.clear();
    m_table->setRowCount(0);
    m_form->startNew(QString(), {});
    m_skills->setItems({}, QDate::currentDate());
    updateButtons();
}

void PlanEditor::setContract(const contracts::ContractPage &page, const QDate &today, bool keepEdits)
{
    const bool sameContract = page.contract.id == m_contractId;
    const QString shown = sameContract ? m_form->id() : QString();
    const bool keepForm = keepEdits && sameContract && m_form->isDirty();
    m_contractId = page.contract.id;
    m_contractEnds = QDate::fromString(page.contract.values.value(QStringLiteral("ends_on")).toString(), Qt::ISODate);
    m_zone = page.choices.siteTimeZone;
    m_today = today;
    m_plans = page.plans;
    QVector<std::pair<QString, QString>> assets{{QString(), tr("(no asset)")}};
    for (const contracts::PickItem &a : page.choices.assets)
        assets.push_back({a.id, a.label.isEmpty() ? a.id : QStringLiteral("%1 — %2").arg(a.id, a.label)});
    m_formWidget->setOptions(QStringLiteral("asset_id"), assets);
    m_skills->setItems(page.choices.skills, today);
    m_table->setRowCount(int(m_plans.size()));
    int keep = 0;
    for (int r = 0; r < m_plans.size(); ++r) {
        const records::RecordRow &p = m_plans[r];
        const QString rule = p.values.value(QStringLiteral("recurrence")).toString();
        const QStringList cells{p.id, p.values.value(QStringLiteral("task")).toString(), p.values.value(QStringLiteral("asset_id")).toString(),
                                rule.isEmpty() ? tr("every %n day(s)", nullptr, p.values.value(QStringLiteral("interval_days")).toInt()) : rule,
                                p.values.value(QStringLiteral("next_due")).toString(),
                                QString::number(p.values.value(QStringLiteral("duration_min")).toInt())};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(r, c, new QTableWidgetItem(cells[c]));
        if (p.id == shown)
            keep = r;
    }
    if (keepForm) {
        const QSignalBlocker quiet(m_table);
        if (!shown.isEmpty())
            m_table->setCurrentCell(keep, 0);
    } else if (m_plans.isEmpty()) {
        newPlan();
    } else {
        m_table->setCurrentCell(keep, 0);
        showPlan(keep);
    }
}

void PlanEditor::showPlan(int row)
{
    if (row < 0 || row >= m_plans.size())
        return;
    const records::RecordRow &p = m_plans[row];
    m_form->load(p.id, p.values, p.version);
}

void PlanEditor::newPlan()
{
    const QString none = QStringLiteral("");
    m_form->startNew(QString(), {{QStringLiteral("contract_id"), m_contractId},
                                 {QStringLiteral("task"), none},
                                 {QStringLiteral("asset_id"), QVariant(QMetaType::fromType<QString>())},
                                 {QStringLiteral("duration_min"), 60.0},
                                 {QStringLiteral("interval_days"), 90.0},
                                 {QStringLiteral("recurrence"), QStringLiteral("every 3 months")},
                                 {QStringLiteral("next_due"), (m_today.isValid() ? m_today : QDate::currentDate()).addDays(7).toString(Qt::ISODate)},
                                 {QStringLiteral("seasonal_months"), none},
                                 {QStringLiteral("preferred_start"), QVariant(QMetaType::fromType<QString>())},
                                 {QStringLiteral("lead_days"), 0.0},
                                 {QStringLiteral("shift_on_miss"), false},
                                 {QStringLiteral("skills"), QStringList()}});
    m_table->clearSelection();
    m_formWidget->setFocus();
}

void PlanEditor::preview()
{
    m_calendar->setDateTextFormat(QDate(), QTextCharFormat()); // clears every mark
    m_occurrences->clear();
    const QDate from = m_today.isValid() ? m_today : QDate::currentDate();
    const contracts::PlanPreview p = contracts::previewPlan(m_form->values(), m_contractEnds, m_zone, from, kPreviewCount);
    m_previewProblem->setText(p.problem);
    m_previewProblem->setVisible(!p.problem.isEmpty());
    QTextCharFormat mark;
    mark.setBackground(palette().highlight());
    mark.setForeground(palette().highlightedText());
    mark.setFontWeight(QFont::Bold);
    for (const planning::PmOccurrence &o : p.occurrences) {
        m_calendar->setDateTextFormat(o.due, mark);
        QString text = QLocale().toString(o.due, QLocale::LongFormat);
        if (o.start.isValid())
            text += QStringLiteral(" · ") + o.start.toTimeZone(QTimeZone(m_zone.toUtf8())).time().toString(QStringLiteral("HH:mm"));
        if (o.scheduled != o.due)
            text += QStringLiteral(" · ") + tr("made up for %1").arg(QLocale().toString(o.scheduled, QLocale::ShortFormat));
        m_occurrences->addItem(text);
    }
    if (p.occurrences.isEmpty() && p.problem.isEmpty())
        m_occurrences->addItem(tr("No occurrence before the contract ends."));
    if (!p.occurrences.isEmpty())
        m_calendar->setSelectedDate(p.occurrences.front().due);
}

void PlanEditor::setEditable(bool editable, const QString &why)
{
    m_editable = editable;
    m_formWidget->setReadOnly(!editable, why);
    m_skills->setReadOnly(!editable);
    m_new->setEnabled(editable && !m_contractId.isEmpty());
    updateButtons();
}

void PlanEditor::updateButtons()
{
    m_save->setEnabled(m_editable && !m_contractId.isEmpty() && m_form->canSave());
    m_new->setEnabled(m_editable && !m_contractId.isEmpty());
}

} // namespace fieldops::widgets
