#pragma once
// Customer ratings of the period: the distribution of scores 1–5, the technicians ranked
// by a confidence-aware average (few ratings do not top the list) and the latest
// comments.
#include "kpi/KpiDirectory.h"
#include "kpi/KpiResult.h"

#include <QWidget>

class QCustomPlot;
class QListWidget;
class QTableView;
class QSortFilterProxyModel;

namespace fieldops {
class KpiRankingModel;
}

namespace fieldops::widgets {

class KpiRatingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit KpiRatingsPanel(QWidget *parent = nullptr);

    void setReport(const kpi::KpiReport &report, const kpi::KpiDirectory &directory);
    KpiRankingModel *rankingModel() const { return m_ranking; }
    QCustomPlot *distributionPlot() const { return m_distribution; }
    QListWidget *commentList() const { return m_comments; }
    QTableView *rankingTable() const { return m_table; }
    QSortFilterProxyModel *rankingProxy() const { return m_proxy; }
    // The ranking as CSV, in the order shown.
    QByteArray rankingCsv() const;

private:
    QCustomPlot *m_distribution;
    KpiRankingModel *m_ranking;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QListWidget *m_comments;
};

} // namespace fieldops::widgets
