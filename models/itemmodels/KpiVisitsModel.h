#pragma once
// The drill-down's tables: one technician's visits in the period (start, work order,
// type, site, status, arrival and whether it was on time, completion, resolved, the
// work order's rating) and the ratings that count for them. Times show in the console's
// zone; roles::SortValue holds raw values (instants as UTC QDateTime).
#include "kpi/KpiResult.h"
#include "kpi/KpiVisits.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace fieldops {

class KpiVisitsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { StartColumn, WorkOrderColumn, TypeColumn, SiteColumn, StatusColumn, ArrivedColumn, OnTimeColumn,
                  CompletedColumn, ResolvedColumn, RatingColumn, ColumnCount };
    explicit KpiVisitsModel(QObject *parent = nullptr);

    void setVisits(std::vector<kpi::TechnicianVisit> visits, const std::vector<kpi::AttributedRating> &ratings, const QTimeZone &zone);
    const kpi::TechnicianVisit *rowAt(int row) const;
    static QStringList csvColumns();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<kpi::TechnicianVisit> m_rows;
    QHash<QString, int> m_scores; // work order → score of its rating in the period
    QTimeZone m_zone;
};

class KpiRatingListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RatedColumn, WorkOrderColumn, ScoreColumn, CommentColumn, ColumnCount };
    explicit KpiRatingListModel(QObject *parent = nullptr);

    void setRatings(std::vector<kpi::AttributedRating> ratings, const QTimeZone &zone);
    static QStringList csvColumns();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<kpi::AttributedRating> m_rows;
    QTimeZone m_zone;
};

} // namespace fieldops
