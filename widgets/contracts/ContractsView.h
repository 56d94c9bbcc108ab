#pragma once
// The planner's Contracts view: the list of contracts with a search and filters (where
// each stands: running, ending within 30/60/90 days, ended, not started; coverage) beside
// the chosen contract's page: its terms, its preventive plans with their occurrence
// preview, and what it has used. Each form shows its problems at the field and saves only
// when it has none. The view holds no database: it asks its owner (signals) and is given
// what was read (setters).
#include "contracts/ContractList.h"
#include "contracts/ContractPage.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace fieldops::contracts {
class ContractFilterModel;
class ContractListModel;
struct RenewalRequest;
}
namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {
class ConsumptionPanel;
class ContractTermsPanel;
class PlanEditor;

class ContractsView : public QWidget {
    Q_OBJECT
public:
    explicit ContractsView(QWidget *parent = nullptr);
    ~ContractsView() override;

    void setToday(const QDate &today);
    QDate today() const;
    void setContracts(QVector<contracts::ContractListRow> rows);
    // Replace shows the page as read; KeepEdits (a re-read after someone's change) leaves
    // unsaved edits of the same contract or plan in place, against the version they began on.
    enum class PageLoad { Replace, KeepEdits };
    void setPage(const contracts::ContractPage &page, PageLoad how = PageLoad::Replace);
    // What a new contract for the typed customer may cover.
    void setChoices(const contracts::ContractChoices &choices);
    void showProblem(const QString &message);
    void setEditable(bool editable, const QString &why = {});
    // Starts a new contract (for the current contract's customer, if any).
    void newContract();
    // Shows the contract with this id in the list (after a save or a renewal).
    void selectContract(const QString &id);

    QLineEdit *searchField() const { return m_search; }
    QComboBox *stateFilter() const { return m_state; }
    QComboBox *coverageFilter() const { return m_coverage; }
    QTableView *list() const { return m_list; }
    contracts::ContractListModel *listModel() const { return m_model; }
    contracts::ContractFilterModel *filterModel() const { return m_filter; }
    records::RecordFormModel *contractForm() const { return m_form; }
    ContractTermsPanel *terms() const { return m_terms; }
    PlanEditor *plans() const { return m_plans; }
    ConsumptionPanel *consumption() const { return m_consumption; }
    QTabWidget *pageTabs() const { return m_tabs; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *renewButton() const { return m_renew; }
    QPushButton *generateButton() const { return m_generate; }
    QPushButton *holidaysButton() const { return m_holidays; }
    QString currentContractId() const { return m_page ? m_page->contract.id : QString(); }
    const contracts::ContractPage *page() const { return m_page.get(); }

signals:
    void contractChosen(const QString &contractId);
    void choicesWanted(const QString &customerId);
    void saveRequested(records::RecordFormModel *form);
    void renewRequested(const contracts::RenewalRequest &request);
    void generateRequested();
    void holidaysRequested();

private:
    void chooseRow(const QModelIndex &index);
    void askRenewal();
    void updateButtons();
    QWidget *buildList();

    contracts::ContractListModel *m_model;
    contracts::ContractFilterModel *m_filter;
    records::RecordFormModel *m_form;
    std::unique_ptr<contracts::ContractPage> m_page;
    QString m_choicesFor;
    bool m_editable = true;
    QLineEdit *m_search;
    QComboBox *m_state;
    QComboBox *m_coverage;
    QTableView *m_list;
    QLabel *m_title;
    QLabel *m_problem;
    QTabWidget *m_tabs;
    ContractTermsPanel *m_terms;
    PlanEditor *m_plans;
    int m_plansPage = -1; // the plans' tab (its page is a scroll area around m_plans)
    ConsumptionPanel *m_consumption;
    QPushButton *m_new;
    QPushButton *m_save;
    QPushButton *m_revert;
    QPushButton *m_renew;
    QPushButton *m_generate;
    QPushButton *m_holidays;
};

} // namespace fieldops::widgets
