#include "contracts/ContractsView.h"

#include "common/FlowLayout.h"
#include "common/ScrollPage.h"
#include "common/ProblemText.h"
#include "contracts/ConsumptionPanel.h"
#include "contracts/ContractListModel.h"
#include "contracts/ContractRenewal.h"
#include "contracts/ContractRules.h"
#include "contracts/ContractTermsPanel.h"
#include "contracts/PlanEditor.h"
#include "contracts/RenewContractDialog.h"
#include "domain/Vocabulary.h"
#include "domain/VocabularyText.h"
#include "records/RecordFormModel.h"
#include "records/RecordSpec.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace fieldops::widgets {

using StateFilter = contracts::ContractFilterModel::StateFilter;

ContractsView::ContractsView(QWidget *parent)
    : QWidget(parent), m_model(new contracts::ContractListModel(this)), m_filter(new contracts::ContractFilterModel(this)),
      m_form(new records::RecordFormModel(records::contractSpec(), contracts::contractRules, this))
{
    m_filter->setSourceModel(m_model);
    auto *split = new QSplitter(this);
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(split);
    split->addWidget(buildList());

    auto *right = new QWidget(split);
    auto *rightLayout = new QVBoxLayout(right);
    m_title = new QLabel(right);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_problem = makeProblemLabel(QStringLiteral("contractProblem"), right);
    m_tabs = new QTabWidget(right);
    m_tabs->setObjectName(QStringLiteral("contractTabs"));
    m_terms = new ContractTermsPanel(m_form, right);
    const auto scrolled = [right](QWidget *page) { return scrollPage(page, right); };
    m_plans = new PlanEditor(right);
    m_consumption = new ConsumptionPanel(right);
    m_tabs->addTab(scrolled(m_terms), tr("&Terms"));
    m_plansPage = m_tabs->addTab(scrolled(m_plans), tr("&Preventive plans"));
    m_tabs->addTab(scrolled(m_consumption), tr("C&onsumption"));

    // A flow, not a row: on a narrow window the buttons wrap instead of widening it.
    auto *buttons = new FlowLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    m_save = new QPushButton(tr("&Save contract"), right);
    m_save->setObjectName(QStringLiteral("saveContractButton"));
    m_save->setToolTip(tr("Save the contract's terms (Ctrl+S)"));
    m_revert = new QPushButton(tr("Re&vert"), right);
    m_revert->setObjectName(QStringLiteral("revertContractButton"));
    m_renew = new QPushButton(tr("&Renew…"), right);
    m_renew->setObjectName(QStringLiteral("renewContractButton"));
    m_generate = new QPushButton(tr("&Generate preventive work…"), right);
    m_generate->setObjectName(QStringLiteral("generatePmButton"));
    m_generate->setToolTip(tr("Preview the load and create the preventive work orders due within a horizon, for every contract"));
    buttons->addWidget(m_save);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_renew);
    m_holidays = new QPushButton(tr("&Holidays…"), right);
    m_holidays->setObjectName(QStringLiteral("holidaysButton"));
    m_holidays->setToolTip(tr("The territories' holiday calendars, where SLA clocks stop and preventive visits move off"));
    buttons->addWidget(m_holidays);
    buttons->addWidget(m_generate);
    buttons->setAlignRight(m_holidays);
    buttons->setAlignRight(m_generate);

    rightLayout->addWidget(m_title);
    rightLayout->addWidget(m_problem);
    rightLayout->addWidget(m_tabs, 1);
    rightLayout->addLayout(buttons);
    split->setStretchFactor(1, 3);
    split->setSizes({340, 940});

    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(m_form); });
    auto *saveKey = new QShortcut(QKeySequence::Save, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(saveKey, &QShortcut::activated, this, [this] {
        if (m_tabs->currentIndex() == m_plansPage) {
            if (m_plans->saveButton()->isEnabled())
                emit saveRequested(m_plans->form());
        } else if (m_save->isEnabled()) {
            emit saveRequested(m_form);
        }
    });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        if (m_page)
            setPage(*m_page);
        else
            newContract();
    });
    connect(m_renew, &QPushButton::clicked, this, &ContractsView::askRenewal);
    connect(m_generate, &QPushButton::clicked, this, &ContractsView::generateRequested);
    connect(m_holidays, &QPushButton::clicked, this, &ContractsView::holidaysRequested);
    connect(m_plans, &PlanEditor::saveRequested, this, &ContractsView::saveRequested);
    connect(m_form, &records::RecordFormModel::changed, this, [this] {
        updateButtons();
        // A new contract's customer decides which sites and assets it may cover.
        const QString customer = m_form->value(QStringLiteral("customer_id")).toString().trimmed();
        if (m_form->isNew() && !customer.isEmpty() && customer != m_choicesFor) {
            m_choicesFor = customer;
            emit choicesWanted(customer);
        }
    });
    newContract();
}

ContractsView::~ContractsView() = default;

QWidget *ContractsView::buildList()
{
    auto *left = new QWidget(this);
    auto *v = new QVBoxLayout(left);
    m_search = new QLineEdit(left);
    m_search->setObjectName(QStringLiteral("contractSearch"));
    m_search->setPlaceholderText(tr("Search contract, name or customer"));
    m_search->setClearButtonEnabled(true);
    auto *filters = new QHBoxLayout;
    m_state = new QComboBox(left);
    m_state->setObjectName(QStringLiteral("contractStateFilter"));
    const std::pair<StateFilter, QString> states[] = {
        {StateFilter::All, tr("All contracts")},         {StateFilter::Active, tr("Running")},
        {StateFilter::Expiring30, tr("Ending within 30 days")}, {StateFilter::Expiring60, tr("Ending within 60 days")},
        {StateFilter::Expiring90, tr("Ending within 90 days")}, {StateFilter::Expired, tr("Ended")},
        {StateFilter::Future, tr("Not started")},
    };
    for (const auto &[state, text] : states)
        m_state->addItem(text, int(state));
    m_coverage = new QComboBox(left);
    m_coverage->setObjectName(QStringLiteral("contractCoverageFilter"));
    m_coverage->addItem(tr("Any coverage"), QString());
    for (const QString &k : vocabulary::coverageKinds())
        m_coverage->addItem(vocabulary::coverageText(k), k);
    filters->addWidget(m_state, 1);
    filters->addWidget(m_coverage, 1);
    m_list = new QTableView(left);
    m_list->setObjectName(QStringLiteral("contractList"));
    m_list->setModel(m_filter);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(contracts::ContractListModel::EndsColumn, Qt::AscendingOrder);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setColumnHidden(contracts::ContractListModel::StartsColumn, true);
    m_list->setColumnHidden(contracts::ContractListModel::CoverageColumn, true);
    m_new = new QPushButton(tr("&New contract"), left);
    m_new->setObjectName(QStringLiteral("newContractButton"));
    v->addWidget(m_search);
    v->addLayout(filters);
    v->addWidget(m_list, 1);
    v->addWidget(m_new);

    connect(m_search, &QLineEdit::textChanged, m_filter, &contracts::ContractFilterModel::setSearch);
    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStateFilter(StateFilter(m_state->currentData().toInt())); });
    connect(m_coverage, &QComboBox::currentIndexChanged, this, [this] { m_filter->setCoverage(m_coverage->currentData().toString()); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &index) { chooseRow(index); });
    // A click on the row that is already current (the view makes one current on focus).
    connect(m_list, &QTableView::clicked, this, &ContractsView::chooseRow);
    connect(m_new, &QPushButton::clicked, this, &ContractsView::newContract);
    return left;
}

void ContractsView::setToday(const QDate &today) { m_model->setToday(today); }
QDate ContractsView::today() const { return m_model->today(); }

void ContractsView::setContracts(QVector<contracts::ContractListRow> rows)
{
    const QString current = currentContractId();
    m_model->setRows(std::move(rows));
    if (!current.isEmpty())
        selectContract(current);
}

void ContractsView::selectContract(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    if (index.isValid() && m_list->currentIndex().row() != index.row()) {
        QSignalBlocker block(m_list->selectionModel());
        m_list->setCurrentIndex(index);
    }
}

void ContractsView::chooseRow(const QModelIndex &index)
{
    const QString id = index.data(contracts::ContractListModel::IdRole).toString();
    if (!id.isEmpty() && id != currentContractId())
        emit contractChosen(id);
}

void ContractsView::setPage(const contracts::ContractPage &read, PageLoad how)
{
    const bool sameContract = m_page && m_page->contract.id == read.contract.id;
    const bool keepEdits = how == PageLoad::KeepEdits && sameContract;
    // Copied before the old page goes: Revert passes the page shown.
    m_page = std::make_unique<contracts::ContractPage>(read);
    const contracts::ContractPage &page = *m_page;
    m_choicesFor = page.contract.values.value(QStringLiteral("customer_id")).toString();
    m_title->setText(QStringLiteral("%1  ·  %2  ·  %3")
                         .arg(page.contract.values.value(QStringLiteral("name")).toString(), page.contract.id, page.customerName));
    if (!keepEdits || !m_form->isDirty())
        m_form->load(page.contract.id, page.contract.values, page.contract.version);
    m_terms->setChoices(page.choices, today());
    m_plans->setContract(page, today(), keepEdits);
    m_consumption->setConsumption(page.consumption, page.contract.values.value(QStringLiteral("parts_included")).toBool());
    if (!keepEdits)
        showProblem(QString());
    selectContract(page.contract.id);
    updateButtons();
}

void ContractsView::setChoices(const contracts::ContractChoices &choices)
{
    if (m_form->isNew())
        m_terms->setChoices(choices, today());
}

void ContractsView::newContract()
{
    const QString customer = m_page ? m_page->contract.values.value(QStringLiteral("customer_id")).toString() : QString();
    const QDate start = today().addDays(1);
    const QString none = QStringLiteral("");
    const QVariant noNumber(QMetaType::fromType<double>());
    records::RecordValues defaults{
        {QStringLiteral("customer_id"), customer.isNull() ? none : customer},
        {QStringLiteral("name"), none},
        {QStringLiteral("starts_on"), start.toString(Qt::ISODate)},
        {QStringLiteral("ends_on"), start.addYears(1).addDays(-1).toString(Qt::ISODate)},
        {QStringLiteral("coverage"), QStringLiteral("business_hours")},
        {QStringLiteral("coverage_days"), QStringLiteral("Mon;Tue;Wed;Thu;Fri")},
        {QStringLiteral("coverage_open"), QStringLiteral("08:00")},
        {QStringLiteral("coverage_close"), QStringLiteral("18:00")},
        {QStringLiteral("holiday_territory_id"), QVariant(QMetaType::fromType<QString>())},
        {QStringLiteral("fee_period"), QStringLiteral("month")},
        {QStringLiteral("parts_included"), false},
        {QStringLiteral("notes"), none},
        {QStringLiteral("covered_sites"), QStringList()},
        {QStringLiteral("covered_assets"), QStringList()},
    };
    for (const char *n : {"response_hours", "fixed_fee", "included_hours", "hourly_rate"})
        defaults.insert(QString::fromLatin1(n), noNumber);
    for (int p = 1; p <= 4; ++p) {
        defaults.insert(contracts::responseColumn(p), noNumber);
        defaults.insert(contracts::resolutionColumn(p), noNumber);
    }
    m_page.reset();
    m_choicesFor.clear();
    m_title->setText(tr("New contract"));
    m_form->startNew(QString(), defaults);
    m_terms->customerPicker()->setChosen(QString(), QString());
    m_terms->setChoices({}, today());
    m_plans->clear();
    m_consumption->clear();
    m_list->clearSelection();
    m_tabs->setCurrentIndex(0);
    showProblem(QString());
    updateButtons();
    // No contract is shown now: a page still being read must not replace the new one.
    emit contractChosen(QString());
}

void ContractsView::askRenewal()
{
    if (!m_page)
        return;
    RenewContractDialog dialog(m_page->contract.id, contracts::proposedRenewal(m_page->contract), int(m_page->plans.size()), this);
    if (dialog.exec() == QDialog::Accepted)
        emit renewRequested(dialog.request());
}

void ContractsView::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void ContractsView::setEditable(bool editable, const QString &why)
{
    m_editable = editable;
    m_terms->setReadOnly(!editable, why);
    m_plans->setEditable(editable, why);
    m_new->setEnabled(editable);
    updateButtons();
}

void ContractsView::updateButtons()
{
    m_save->setEnabled(m_editable && m_form->canSave());
    m_revert->setEnabled(m_form->isDirty());
    m_renew->setEnabled(m_editable && m_page && !m_form->isDirty());
    m_generate->setEnabled(m_editable);
    const QString tab = m_form->isDirty() ? tr("&Terms *") : tr("&Terms");
    m_tabs->setTabText(0, tab);
}

} // namespace fieldops::widgets
