#pragma once
// Technicians ranked by their confidence-aware rating (KpiRatings.h): rank, name, number
// of ratings, plain and Bayesian averages. roles::SortValue holds raw numbers.
#include "kpi/KpiDirectory.h"
#include "kpi/KpiRatings.h"

#include <QAbstractTableModel>

namespace fieldops {

class KpiRankingModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RankColumn, TechnicianColumn, CountColumn, AverageColumn, BayesianColumn, ColumnCount };
    explicit KpiRankingModel(QObject *parent = nullptr);

    void setRanking(std::vector<kpi::RankedTechnician> ranking, const kpi::KpiDirectory &directory);
    const kpi::RankedTechnician *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<kpi::RankedTechnician> m_rows;
    std::vector<QString> m_names;
};

} // namespace fieldops
