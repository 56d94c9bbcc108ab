#pragma once
// The dashboard's "Proactive" tab: the proactive share of the period's work and the
// failures prevented, with the figures they come from (corrective work orders with and
// without a proactive visit in the 30 days before, per asset and 30 days). The numbers
// are kpi::computeProactiveKpis's; the formula is in the README's KPI section.
#include "kpi/KpiProactive.h"

#include <QWidget>

class QLabel;

namespace fieldops::widgets {

class KpiProactivePanel : public QWidget {
    Q_OBJECT
public:
    explicit KpiProactivePanel(QWidget *parent = nullptr);
    void setKpis(const kpi::ProactiveKpis &k);
    QString shareText() const;
    QString preventedText() const;

private:
    QLabel *m_share, *m_shareDetail, *m_prevented, *m_with, *m_without;
};

} // namespace fieldops::widgets
