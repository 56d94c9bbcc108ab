#pragma once
// A planner's new condition rule: the fields of `fieldops-cli condition-rule create`, the
// parameters of the chosen kind only. Save hands the rule as the CLI's JSON object to the
// controller, which checks it with ConditionRuleStore::fromJson (the one set of rules, with
// the database's references) and either shows the first problem here — the field named,
// marked and focused, nothing written — or creates the rule as an undoable command.
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

    // The object `condition-rule create` reads: empty texts left out, the kind's parameters only.
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

    QFormLayout *m_form;
    QLineEdit *m_id, *m_name, *m_scopeValue, *m_task, *m_skills;
    QComboBox *m_scope, *m_kind, *m_readingKind, *m_comparison, *m_type;
    QDoubleSpinBox *m_threshold, *m_rate, *m_usage, *m_band;
    QSpinBox *m_sustain, *m_window, *m_weeks, *m_duration, *m_priority;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace fieldops::widgets
