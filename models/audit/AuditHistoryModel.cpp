#include "audit/AuditHistoryModel.h"

#include "audit/AuditFields.h"
#include "audit/AuditLogReader.h"
#include "itemmodels/ItemRoles.h"

namespace fieldops {

AuditHistoryModel::AuditHistoryModel(QObject *parent) : QAbstractTableModel(parent) {}

Result<AuditHistory> AuditHistoryModel::load(Database &db, const QString &workOrderId)
{
    AuditLogReader reader(db);
    auto entries = reader.workOrderHistory(workOrderId);
    if (!entries)
        return entries.error();
    auto names = reader.technicianNames(*entries);
    if (!names)
        return names.error();
    return AuditHistory{workOrderId, std::move(entries).value(), std::move(names).value()};
}

void AuditHistoryModel::setHistory(AuditHistory history)
{
    beginResetModel();
    m_workOrderId = std::move(history.workOrderId);
    m_entries = std::move(history.entries);
    m_names = std::move(history.technicianNames);
    rebuildLines();
    endResetModel();
}

void AuditHistoryModel::clear() { setHistory({}); }

void AuditHistoryModel::setTimeZone(const QTimeZone &zone)
{
    m_zone = zone;
    if (!m_lines.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void AuditHistoryModel::rebuildLines()
{
    m_lines.clear();
    for (const AuditEntry &e : m_entries) {
        if (e.op != QLatin1String("update")) {
            m_lines.push_back({&e, {}});
            continue;
        }
        for (const QString &column : e.changedColumns()) {
            if (!AuditFields::isHidden(column))
                m_lines.push_back({&e, column});
        }
    }
}

int AuditHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int AuditHistoryModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString AuditHistoryModel::itemText(const AuditEntry &e) const
{
    if (e.entity == QLatin1String("work_orders"))
        return tr("work order");
    if (e.entity == QLatin1String("appointments"))
        return tr("visit %1").arg(e.entityId);
    if (e.entity == QLatin1String("work_order_skills")) {
        const QJsonObject &row = e.newValues.isEmpty() ? e.oldValues : e.newValues;
        return tr("required skill %1").arg(row.value(QLatin1String("skill_code")).toString());
    }
    return AuditFields::entityNoun(e.entity);
}

QString AuditHistoryModel::valueText(const AuditEntry &e, const QString &column, const QJsonObject &values) const
{
    return AuditFields::valueText(e.entity, column, values.value(column), m_zone, m_names);
}

QVariant AuditHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Line &line = m_lines[size_t(index.row())];
    const AuditEntry &e = *line.entry;
    if (role == roles::AuditEntity)
        return e.entity;
    if (role == roles::AuditEntityId)
        return e.entityId;
    if (role == roles::SortValue && index.column() == When)
        return e.at;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case When: return AuditFields::instantText(e.at, m_zone);
    case Who: return e.actor;
    case Item: return itemText(e);
    case Field:
        return line.column.isEmpty() ? AuditFields::operationText(e.op) : AuditFields::fieldLabel(line.column);
    case Before: return line.column.isEmpty() ? QString() : valueText(e, line.column, e.oldValues);
    case After: return line.column.isEmpty() ? QString() : valueText(e, line.column, e.newValues);
    default: return {};
    }
}

QVariant AuditHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When: return tr("When");
    case Who: return tr("Who");
    case Item: return tr("Item");
    case Field: return tr("Change");
    case Before: return tr("Before");
    case After: return tr("After");
    default: return {};
    }
}

} // namespace fieldops
