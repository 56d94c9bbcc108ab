#pragma once
// A planner's new condition rule: the fields of `fieldops-cli condition-rule create`, the
// parameters of the chosen kind only. Save hands the rule as the CLI's JSON object to the
// controller, which checks it with ConditionRuleStore::fromJson (the one set of rules, with
// the database's references) and either shows the first problem here — the field named,
// marked and focused, nothing written — or creates the rule as an undoable command.
// editRule() opens an existing rule instead: its fields filled, the id fixed, Save enabled
// only once something changed and the asset or model, reading and task are filled in; the
// controller checks it with ConditionRuleStore::changedFromJson and saves it as an
// undoable edit.
#include "conditions/ConditionRule.h"

#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fieldops::widgets {

class ConditionRuleDialog : public QDialog {
    Q_OBJECT
public:
    explicit ConditionRuleDialog(QWidget *parent = nullptr);

    // Fills the fields from `rule` and edits it from now on.
    void editRule(const conditions::ConditionRule &rule);
    bool isEditing() const { return m_editing; }
    // The rule editRule() opened, as it was read (its version is the one the edit expects).
    const conditions::ConditionRule &original() const { return m_original; }

    // The object `condition-rule create` reads: empty texts left out, the kind's parameters
    // only. While editing, an emptied name or skill list is given as "" (it clears them).
    QJsonObject toJson() const;
    // The widget that edits a JSON key (asset_id and asset_model share the scope's).
    QWidget *fieldFor(const QString &key) const;
    void showIssue(const QString &field, const QString &message);
    void showProblem(const QString &message);
    QString message() const;

    QLineEdit *scopeEdit() const { return m_scopeValue; }
    QComboBox *scopeCombo() const { return m_scope; }
    QComboBox *kindCombo() const { return m_kind; }

signals:
    void saveRequested(const QJsonObject &rule);

private:
    void followKind();
    void clearMarks();
    void updateSave();

    QFormLayout *m_form;
    QLineEdit *m_id, *m_name, *m_scopeValue, *m_task, *m_skills;
    QComboBox *m_scope, *m_kind, *m_readingKind, *m_comparison, *m_type;
    QDoubleSpinBox *m_threshold, *m_rate, *m_usage, *m_band;
    QSpinBox *m_sustain, *m_window, *m_weeks, *m_duration, *m_priority;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    bool m_editing = false;
    conditions::ConditionRule m_original;
    QJsonObject m_originalJson;
};

} // namespace fieldops::widgets
