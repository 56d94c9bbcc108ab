#pragma once
// The breakdown: a choice of grouping (technician, territory, employment, work-order
// type), a sortable table over KpiBreakdownModel (sorting on raw values) and a bar chart
// of the KPI column the table is sorted by.
#include "kpi/KpiBreakdown.h"

#include <QMap>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QSortFilterProxyModel;
class QTableView;

namespace fieldops {
class KpiBreakdownModel;
}

namespace fieldops::widgets {

class KpiBreakdownView : public QWidget {
    Q_OBJECT
public:
    explicit KpiBreakdownView(QWidget *parent = nullptr);

    void setBreakdowns(const QMap<kpi::BreakdownBy, std::vector<kpi::KpiBreakdownRow>> &breakdowns);
    void setGrouping(kpi::BreakdownBy by);
    KpiBreakdownModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QComboBox *groupCombo() const { return m_group; }
    QCustomPlot *barChart() const { return m_bars; }
    // The table as CSV, in the order the user sees it.
    QByteArray toCsv() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showGroup();
    void rebuildBars();
    QComboBox *m_group;
    KpiBreakdownModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QCustomPlot *m_bars;
    QMap<kpi::BreakdownBy, std::vector<kpi::KpiBreakdownRow>> m_breakdowns;
};

} // namespace fieldops::widgets
