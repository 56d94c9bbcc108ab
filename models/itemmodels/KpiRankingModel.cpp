#include "itemmodels/KpiRankingModel.h"

#include "itemmodels/ItemRoles.h"

#include <QLocale>

namespace fieldops {

KpiRankingModel::KpiRankingModel(QObject *parent) : QAbstractTableModel(parent) {}

void KpiRankingModel::setRanking(std::vector<kpi::RankedTechnician> ranking, const kpi::KpiDirectory &directory)
{
    beginResetModel();
    m_rows = std::move(ranking);
    m_names.clear();
    for (const auto &r : m_rows)
        m_names.push_back(directory.technicianName(r.technicianId));
    endResetModel();
}

const kpi::RankedTechnician *KpiRankingModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int KpiRankingModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int KpiRankingModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant KpiRankingModel::data(const QModelIndex &index, int role) const
{
    const kpi::RankedTechnician *r = rowAt(index.row());
    if (!r)
        return {};
    const QLocale locale;
    if (role == roles::TechnicianId) // the drill-down's key, whatever the column
        return r->technicianId;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case RankColumn:
            return index.row() + 1;
        case TechnicianColumn:
            return m_names[size_t(index.row())];
        case CountColumn:
            return r->count;
        case AverageColumn:
            return locale.toString(r->average, 'f', 2);
        case BayesianColumn:
            return locale.toString(r->bayesian, 'f', 2);
        default:
            return {};
        }
    }
    if (role == roles::SortValue) {
        switch (index.column()) {
        case RankColumn:
            return index.row() + 1;
        case TechnicianColumn:
            return m_names[size_t(index.row())].toLower();
        case CountColumn:
            return r->count;
        case AverageColumn:
            return r->average;
        case BayesianColumn:
            return r->bayesian;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != TechnicianColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::UserRole)
        return r->technicianId;
    return {};
}

QVariant KpiRankingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::ToolTipRole)
        return section == BayesianColumn ? tr("The average pulled toward everyone's mean by five imaginary ratings: "
                                              "a few ratings cannot top the list")
                                         : QVariant();
    switch (section) {
    case RankColumn:
        return tr("#");
    case TechnicianColumn:
        return tr("Technician");
    case CountColumn:
        return tr("Ratings");
    case AverageColumn:
        return tr("Average");
    case BayesianColumn:
        return tr("Ranking score");
    default:
        return {};
    }
}

} // namespace fieldops
