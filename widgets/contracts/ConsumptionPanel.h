#pragma once
// What a contract has used, in figures: work orders and visits, hours against the hours
// the fee includes, SLA compliance, and its preventive occurrences done, due and missed.
#include "contracts/ContractConsumption.h"

#include <QWidget>

class QLabel;

namespace fieldops::widgets {

class ConsumptionPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConsumptionPanel(QWidget *parent = nullptr);
    void setConsumption(const contracts::ContractConsumption &c, bool partsIncluded);
    void clear();
    // The figure shown for `key` (tests): "visits", "hours", "period", "sla", "pm", "parts".
    QString figure(const QString &key) const;

private:
    QHash<QString, QLabel *> m_figures;
};

} // namespace fieldops::widgets
