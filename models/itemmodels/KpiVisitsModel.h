#pragma once
// The drill-down's tables: one technician's visits in the period (start, work order,
// type, site, status, arrival and whether it was on time, completion, resolved, the
// work order's rating) and the ratings that count for them. Times show in the console's
// zone; roles::SortValue holds raw values (instants as UTC QDateTime).
#include "itemmodels/ItemRoles.h"
#include "kpi/KpiResult.h"
#include "kpi/KpiVisits.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace fieldops {

// What the two tables share: a flat list of one kind of row (each naming its work order),
// times shown in one zone, and the roles every drill-down table answers. The Derived
// class names its columns (ColumnCount, columnTitle()) and fills them (displayValue(),
// sortValue()). Q_OBJECT cannot go in a template, so each Derived declares its own, and
// with it the tr() context its texts are translated in.
template <typename Derived, typename Row>
class KpiRowsModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

    const Row *rowAt(int row) const { return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : Derived::ColumnCount; }
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= Derived::ColumnCount)
            return {};
        return Derived::columnTitle(section);
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        const Row *r = rowAt(index.row());
        if (!r)
            return {};
        const Derived &self = static_cast<const Derived &>(*this);
        if (role == Qt::DisplayRole)
            return self.displayValue(*r, index.column());
        if (role == roles::SortValue)
            return self.sortValue(*r, index.column());
        if (role == roles::WorkOrderId)
            return r->workOrderId;
        return {};
    }

protected:
    std::vector<Row> m_rows;
    QTimeZone m_zone;
};

class KpiVisitsModel : public KpiRowsModel<KpiVisitsModel, kpi::TechnicianVisit> {
    Q_OBJECT
public:
    enum Column { StartColumn, WorkOrderColumn, TypeColumn, SiteColumn, StatusColumn, ArrivedColumn, OnTimeColumn,
                  CompletedColumn, ResolvedColumn, RatingColumn, ColumnCount };
    explicit KpiVisitsModel(QObject *parent = nullptr);

    void setVisits(std::vector<kpi::TechnicianVisit> visits, const std::vector<kpi::AttributedRating> &ratings, const QTimeZone &zone);
    static QStringList csvColumns();
    static QString columnTitle(int column);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    friend KpiRowsModel;
    QVariant displayValue(const kpi::TechnicianVisit &v, int column) const;
    QVariant sortValue(const kpi::TechnicianVisit &v, int column) const;
    // Null when the work order has no rating in the period, so unrated rows sort apart.
    QVariant score(const kpi::TechnicianVisit &v) const;

    QHash<QString, int> m_scores; // work order → score of its rating in the period
};

class KpiRatingListModel : public KpiRowsModel<KpiRatingListModel, kpi::AttributedRating> {
    Q_OBJECT
public:
    enum Column { RatedColumn, WorkOrderColumn, ScoreColumn, CommentColumn, ColumnCount };
    explicit KpiRatingListModel(QObject *parent = nullptr);

    void setRatings(std::vector<kpi::AttributedRating> ratings, const QTimeZone &zone);
    static QStringList csvColumns();
    static QString columnTitle(int column);

private:
    friend KpiRowsModel;
    QVariant displayValue(const kpi::AttributedRating &r, int column) const;
    QVariant sortValue(const kpi::AttributedRating &r, int column) const;
};

} // namespace fieldops
