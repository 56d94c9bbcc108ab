#pragma once
// The asset health view: on the left the watched assets sorted by risk (how near their
// condition rules are to firing, ConditionWatch's rules as of now; AssetHealth.h), on the
// right the chosen asset's readings of one kind as a chart with its usual band (mean ±
// k sd of its hour of the week), the limits of its threshold rules and its past visits.
// Each asset links to its customer page, its site on the map and its open work; the view
// only asks (signals), the window's controllers go there. Under the list, the Rules
// section lists the chosen asset's condition rules (by asset or by its model; "All rules"
// lists every rule, so a deactivated rule whose assets left the list can be found again)
// with Edit rule… and Deactivate/Activate, also on the section's context menu; planners
// only, like New rule….
#include "conditions/AssetHealth.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace fieldops::widgets {

class AssetHealthView : public QWidget {
    Q_OBJECT
public:
    enum Column { RiskColumn, AssetColumn, ModelColumn, SiteColumn, CustomerColumn, RuleColumn, ReasonColumn, OpenWorkColumn, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole + 1;

    explicit AssetHealthView(QWidget *parent = nullptr);

    enum RuleColumnIndex { RuleIdColumn, RuleKindColumn, RuleReadingColumn, RuleScopeColumn, RuleStateColumn, RuleColumnCount };

    void setAtRisk(const QVector<conditions::AtRiskAsset> &rows);
    // Every condition rule, active or not; the section shows those of the chosen asset.
    void setRules(const QVector<conditions::ConditionRule> &rules);
    // The rule chosen in the Rules section, or null.
    const conditions::ConditionRule *currentRule() const;
    // Chooses the rule's row in the Rules section; false when it is not shown.
    bool selectRule(const QString &ruleId);
    void setChart(const conditions::AssetChart &chart);
    void showError(const QString &message);

    QString currentAssetId() const;
    // The span the chart covers, in ms (24 hours … a year).
    qint64 spanMs() const;
    QString chosenKind() const;
    // Selects the asset's row (and so asks for its chart); false when it is not listed.
    bool selectAsset(const QString &assetId);

    QTableView *table() const { return m_table; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QCustomPlot *plot() const { return m_plot; }
    QComboBox *kindCombo() const { return m_kind; }
    QComboBox *spanCombo() const { return m_span; }
    QPushButton *assetButton() const { return m_openAsset; }
    QPushButton *mapButton() const { return m_onMap; }
    QPushButton *workButton() const { return m_openWork; }
    QPushButton *newRuleButton() const { return m_newRule; }
    QTableView *rulesTable() const { return m_rulesTable; }
    QPushButton *editRuleButton() const { return m_editRule; }
    QPushButton *activeRuleButton() const { return m_activeRule; }
    QCheckBox *allRulesCheck() const { return m_allRules; }
    // Planners (and admins) may add condition rules; the others do not see the button.
    void setRulesEditable(bool editable);
    const conditions::AssetChart &chart() const { return m_chart; }

signals:
    void chartRequested(const QString &assetId, const QString &kind, qint64 spanMs);
    void customerRequested(const QString &customerId);
    void siteOnMapRequested(double lat, double lon);
    void workOrderRequested(const QString &workOrderId);
    void newRuleRequested();
    void editRuleRequested(const QString &ruleId);
    // Deactivate (active false) or Activate (true) the rule.
    void ruleActiveRequested(const QString &ruleId, bool active);

private:
    const conditions::AtRiskAsset *current() const;
    void onCurrentChanged();
    void requestChart();
    void updateButtons();
    void fillRules();
    void updateHint();
    void updateRuleButtons();
    void showRuleMenu(const QPoint &pos);

    QVector<conditions::AtRiskAsset> m_rows;
    conditions::AssetChart m_chart;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLabel *m_title;
    QLabel *m_message;
    QComboBox *m_kind;
    QComboBox *m_span;
    QCustomPlot *m_plot;
    QPushButton *m_openAsset, *m_onMap, *m_openWork, *m_newRule;
    QVector<conditions::ConditionRule> m_rules;
    QLabel *m_hint = nullptr;
    QStandardItemModel *m_rulesModel;
    QTableView *m_rulesTable;
    QPushButton *m_editRule, *m_activeRule;
    QCheckBox *m_allRules;
    bool m_rulesEditable = true;
    bool m_fillingKinds = false;
};

} // namespace fieldops::widgets
