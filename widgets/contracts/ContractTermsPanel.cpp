#include "contracts/ContractTermsPanel.h"

#include "contracts/CoverageList.h"
#include "domain/Vocabulary.h"
#include "domain/VocabularyText.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "records/RecordFormModel.h"
#include "records/RecordFormWidget.h"

#include <QGroupBox>
#include <QLabel>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace fieldops::widgets {

using K = FieldDescriptor::Kind;

namespace {

QGroupBox *group(const QString &title, QWidget *content, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *v = new QVBoxLayout(box);
    v->addWidget(content);
    return box;
}

// The holiday calendars to choose from: the site's own territory, or a named one.
QVector<std::pair<QString, QString>> calendarOptions(const QVector<contracts::PickItem> &territories)
{
    QVector<std::pair<QString, QString>> out{{QString(), ContractTermsPanel::tr("The site's territory")}};
    for (const contracts::PickItem &t : territories)
        out.push_back({t.id, t.label.isEmpty() ? t.id : t.label});
    return out;
}

} // namespace

ContractTermsPanel::ContractTermsPanel(records::RecordFormModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *columns = new QHBoxLayout(this);
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto *general = new RecordFormWidget(model,
                                         {{QStringLiteral("id"), tr("Contract &id:"), K::Id, tr("e.g. K-2027-014")},
                                          {QStringLiteral("customer_id"), tr("Customer id:"), K::Text, tr("the customer's id")},
                                          {QStringLiteral("name"), tr("&Name:"), K::Text, tr("e.g. Gold 24×7")},
                                          {QStringLiteral("starts_on"), tr("&From:"), K::Date, QStringLiteral("YYYY-MM-DD")},
                                          {QStringLiteral("ends_on"), tr("&To:"), K::Date, QStringLiteral("YYYY-MM-DD")},
                                          {QStringLiteral("notes"), tr("N&otes:"), K::MultiLine, {}}},
                                         this);
    m_sections.insert(QStringLiteral("general"), general);
    // A new contract's customer: found as in the intake form, then its id fills the field.
    auto *contractBox = new QWidget(this);
    auto *contractColumn = new QVBoxLayout(contractBox);
    contractColumn->setContentsMargins(0, 0, 0, 0);
    auto *pickRow = new QHBoxLayout;
    m_picker = new TypeAheadField(contractBox);
    m_picker->setObjectName(QStringLiteral("contractCustomerPicker"));
    m_picker->setPlaceholderText(tr("Type the customer's name, phone, email or id"));
    m_pickerLabel = new QLabel(tr("Find c&ustomer:"), contractBox);
    m_pickerLabel->setBuddy(m_picker);
    pickRow->addWidget(m_pickerLabel);
    pickRow->addWidget(m_picker, 1);
    contractColumn->addLayout(pickRow);
    contractColumn->addWidget(general);
    left->addWidget(group(tr("Contract"), contractBox, this));
    connect(m_picker, &TypeAheadField::queryChanged, this, [this](const QString &text) {
        if (m_search)
            m_picker->setSuggestions(m_search(text));
    });
    connect(m_picker, &TypeAheadField::chosen, this, [this](const QString &id) { m_model->setValue(QStringLiteral("customer_id"), id); });

    QVector<std::pair<QString, QString>> kinds;
    for (const QString &k : vocabulary::coverageKinds())
        kinds.push_back({k, vocabulary::coverageText(k)});
    auto *coverage = new RecordFormWidget(model,
                                          {{QStringLiteral("coverage"), tr("Co&verage:"), K::Choice, {}, kinds},
                                           {QStringLiteral("coverage_days"), tr("&Days:"), K::Days, {}},
                                           //: Business-hours coverage: the time of day the covered hours start.
                                           {QStringLiteral("coverage_open"), tr("Op&ens:"), K::Text, QStringLiteral("08:00")},
                                           //: Business-hours coverage: the time of day the covered hours end.
                                           {QStringLiteral("coverage_close"), tr("&Closes:"), K::Text, QStringLiteral("18:00")},
                                           {QStringLiteral("holiday_territory_id"), tr("&Holidays of:"), K::Choice, {}, calendarOptions({})}},
                                          this);
    m_sections.insert(QStringLiteral("coverage"), coverage);
    left->addWidget(group(tr("Coverage"), coverage, this));

    auto *sla = new QWidget(this);
    auto *slaRow = new QHBoxLayout(sla);
    slaRow->setContentsMargins(0, 0, 0, 0);
    QVector<FieldDescriptor> response{{QStringLiteral("response_hours"), tr("Any priority (h):"), K::Number, tr("default")}};
    QVector<FieldDescriptor> resolution;
    for (int p = 1; p <= 4; ++p) {
        const QString priority = WorkOrderTableModel::priorityText(p);
        response.push_back({QStringLiteral("response_hours_p%1").arg(p), tr("%1 (h):").arg(priority), K::Number, {}});
        resolution.push_back({QStringLiteral("resolution_hours_p%1").arg(p), tr("%1 (h):").arg(priority), K::Number, {}});
    }
    auto *responseForm = new RecordFormWidget(model, response, sla);
    auto *resolutionForm = new RecordFormWidget(model, resolution, sla);
    m_sections.insert(QStringLiteral("response"), responseForm);
    m_sections.insert(QStringLiteral("resolution"), resolutionForm);
    slaRow->addWidget(group(tr("Respond within"), responseForm, sla));
    slaRow->addWidget(group(tr("Resolve within"), resolutionForm, sla));
    left->addWidget(sla);
    left->addStretch(1);

    QVector<std::pair<QString, QString>> periods;
    for (const QString &p : vocabulary::feePeriods())
        periods.push_back({p, vocabulary::feePeriodText(p)});
    auto *billing = new RecordFormWidget(model,
                                         {{QStringLiteral("fixed_fee"), tr("Fi&xed fee:"), K::Number, tr("none")},
                                          {QStringLiteral("fee_period"), tr("Fee &period:"), K::Choice, {}, periods},
                                          {QStringLiteral("included_hours"), tr("&Included hours per period:"), K::Number, tr("none")},
                                          {QStringLiteral("hourly_rate"), tr("Hourly &rate beyond them:"), K::Number, {}},
                                          {QStringLiteral("parts_included"), tr("Parts:"), K::Check, tr("included in the fee (else billed)")}},
                                         this);
    m_sections.insert(QStringLiteral("billing"), billing);
    right->addWidget(group(tr("Billing"), billing, this));
    m_sites = new CoverageList(model, QStringLiteral("covered_sites"), tr("Covered &sites (none ticked: every site of the customer)"), this);
    m_assets = new CoverageList(model, QStringLiteral("covered_assets"), tr("Covered &assets"), this);
    right->addWidget(m_sites, 1);
    right->addWidget(m_assets, 1);
    connect(model, &records::RecordFormModel::changed, this, &ContractTermsPanel::showCoverageHours);
}

void ContractTermsPanel::showCoverageHours()
{
    // Only a new contract picks its customer; an existing one keeps it.
    m_picker->setVisible(m_model->isNew());
    m_pickerLabel->setVisible(m_model->isNew());

    // Days, hours and holidays only mean something when the clock stops outside them.
    const bool businessHours = m_model->value(QStringLiteral("coverage")).toString() != QLatin1String("24x7");
    RecordFormWidget *coverage = m_sections.value(QStringLiteral("coverage"));
    for (const char *field : {"coverage_days", "coverage_open", "coverage_close"})
        if (QWidget *w = coverage->editor(QString::fromLatin1(field)))
            w->setEnabled(businessHours && !coverage->property("readOnly").toBool());
}

void ContractTermsPanel::setChoices(const contracts::ContractChoices &choices, const QDate &today)
{
    m_sections.value(QStringLiteral("coverage"))->setOptions(QStringLiteral("holiday_territory_id"), calendarOptions(choices.territories));
    m_sites->setItems(choices.sites, today);
    m_assets->setItems(choices.assets, today);
}

void ContractTermsPanel::setReadOnly(bool readOnly, const QString &why)
{
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it) {
        it.value()->setReadOnly(readOnly, it.key() == QLatin1String("general") ? why : QString());
        it.value()->setProperty("readOnly", readOnly);
    }
    m_sites->setReadOnly(readOnly);
    m_assets->setReadOnly(readOnly);
    showCoverageHours();
}

RecordFormWidget *ContractTermsPanel::section(const QString &name) const { return m_sections.value(name); }

QWidget *ContractTermsPanel::editor(const QString &field) const
{
    for (RecordFormWidget *w : std::as_const(m_sections))
        if (QWidget *e = w->editor(field))
            return e;
    return nullptr;
}

} // namespace fieldops::widgets
