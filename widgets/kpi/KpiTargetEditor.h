#pragma once
// A manager's editor of KPI targets: pick a KPI and a scope (every territory or one),
// see the stored target if there is one, set the target and an optional amber threshold
// in the KPI's screen unit (rates in %), save. The editor only asks: the dashboard hands
// the target to the service, which writes it off the GUI thread, and reports back here
// (saved, or the server's refusal as a clear message).
#include "kpi/KpiDirectory.h"
#include "kpi/KpiTargets.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;

namespace fieldops::widgets {

class KpiTargetEditor : public QDialog {
    Q_OBJECT
public:
    explicit KpiTargetEditor(QWidget *parent = nullptr);

    void setTargets(const std::vector<kpi::KpiTarget> &targets, const kpi::KpiDirectory &directory);
    // Selects a KPI and scope (territoryId empty: every territory) and shows its target.
    void select(const QString &key, const QString &territoryId);
    // Values in the KPI's screen unit (percent for rates).
    void setValues(double target, std::optional<double> amber);
    // What Save would send.
    kpi::KpiTarget draft() const;

    void showSaved(const kpi::KpiTarget &target);
    void showError(const QString &message);
    QString statusText() const;
    QPushButton *saveButton() const { return m_save; }

signals:
    void saveRequested(const fieldops::kpi::KpiTarget &target);

private:
    void showStored();
    double toScreen(double v) const;
    double fromScreen(double v) const;
    QString key() const;
    QString territoryId() const;
    std::vector<kpi::KpiTarget> m_targets;
    QComboBox *m_key;
    QComboBox *m_scope;
    QDoubleSpinBox *m_target;
    QCheckBox *m_hasAmber;
    QDoubleSpinBox *m_amber;
    QLabel *m_status;
    QPushButton *m_save;
};

} // namespace fieldops::widgets
