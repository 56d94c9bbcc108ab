#pragma once
// The operation's alert thresholds, one spin box each with its unit and range
// (alertRuleFields), shared by every console and the KPIs' on-time rate. Save stays
// disabled until something changed; roles that may not change them see the values
// read-only with the reason. Saving is the owner's job (saveRequested).
#include "repositories/AlertRules.h"

#include <QDialog>
#include <QHash>

class QDialogButtonBox;
class QLabel;
class QSpinBox;

namespace fieldops::widgets {

class AlertThresholdsDialog : public QDialog {
    Q_OBJECT
public:
    AlertThresholdsDialog(const AlertRules &rules, bool editable, const QString &whyReadOnly, QWidget *parent = nullptr);

    const AlertRules &before() const { return m_before; }
    AlertRules rules() const;
    QSpinBox *spinBox(const char *column) const { return m_boxes.value(QString::fromLatin1(column)); }
    QDialogButtonBox *buttons() const { return m_buttons; }
    void showRefusal(const QString &message);

signals:
    void saveRequested();

private:
    void changed();
    AlertRules m_before;
    QHash<QString, QSpinBox *> m_boxes;
    QDialogButtonBox *m_buttons;
    QLabel *m_refusal;
};

} // namespace fieldops::widgets
