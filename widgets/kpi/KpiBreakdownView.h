#pragma once
// The breakdown: a choice of grouping (technician, territory, employment, work-order
// type), a sortable table over KpiBreakdownModel (sorting on raw values) and a ranked bar
// chart of the KPI column the table is sorted by: highest first, ties by name, every bar
// named. When not all bars fit, the chart shows the top and the bottom of the ranking;
// "Show all" makes it as tall as everyone and lets it scroll.
#include "kpi/KpiBreakdown.h"

#include <QMap>
#include <QWidget>

class QComboBox;
class QCPTextElement;
class QCustomPlot;
class QScrollArea;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

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
    QToolButton *showAllButton() const { return m_showAll; }
    QScrollArea *barScroll() const { return m_barScroll; }
    // The chart's title ("Top 8 and bottom 7 of 60 by First-time fix", on two lines when the
    // chart is narrow) and the KPI it ranks.
    QString chartTitle() const;
    QString chartKey() const { return m_chartKey; }
    // The widest a bar's name may be drawn; longer names end in "…".
    int nameWidth() const;
    // The table as CSV, in the order the user sees it.
    QByteArray toCsv() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showGroup();
    void rebuildBars();
    QComboBox *m_group;
    QToolButton *m_showAll;
    KpiBreakdownModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QScrollArea *m_barScroll;
    QCustomPlot *m_bars;
    QCPTextElement *m_title;
    QString m_chartKey;
    QMap<kpi::BreakdownBy, std::vector<kpi::KpiBreakdownRow>> m_breakdowns;
};

} // namespace fieldops::widgets
