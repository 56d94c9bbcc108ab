#include "technicians/TechnicianListModel.h"

#include <QBrush>
#include <QPalette>

namespace fieldops::technicians {

TechnicianListModel::TechnicianListModel(QObject *parent) : QAbstractTableModel(parent) {}

void TechnicianListModel::setRows(const QVector<TechnicianRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int TechnicianListModel::rowOf(const QString &technicianId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].id == technicianId)
            return i;
    return -1;
}

int TechnicianListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int TechnicianListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString TechnicianListModel::employmentText(const QString &employment)
{
    if (employment == QLatin1String("employee"))
        return tr("Employee");
    if (employment == QLatin1String("part_time"))
        return tr("Part-time");
    if (employment == QLatin1String("contractor"))
        return tr("Contractor");
    return employment;
}

QVariant TechnicianListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TechnicianRow &r = m_rows[index.row()];
    if (role == IdRole)
        return r.id;
    if (role == Qt::ForegroundRole && !r.active)
        return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Name: return r.name;
    case Id: return r.id;
    case Employment: return employmentText(r.employment);
    case Territory: return r.territoryName.isEmpty() ? r.territoryId : r.territoryName;
    case Skills: return r.skills.join(QStringLiteral(", "));
    case Active: return r.active ? tr("Active") : tr("Inactive");
    default: return {};
    }
}

QVariant TechnicianListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Id: return tr("Id");
    case Employment: return tr("Employment");
    case Territory: return tr("Territory");
    case Skills: return tr("Skills");
    case Active: return tr("Status");
    default: return {};
    }
}

} // namespace fieldops::technicians
