#include "itemmodels/WorkOrderTableModel.h"

#include "domain/SignalColours.h"
#include "domain/Vocabulary.h"
#include "itemmodels/DisplayFormat.h"
#include "itemmodels/ItemRoles.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <limits>

namespace fieldops {

namespace {
QString shortTime(const QDateTime &t) { return display::instant(t); }

// Invalid instants sort after every real one in ascending order: "no SLA" is the least
// urgent, not the most.
QVariant instantSortKey(const QDateTime &t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
}

bool sameIds(const std::vector<WorkOrderListRow> &a, const std::vector<WorkOrderListRow> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].order.id != b[i].order.id)
            return false;
    return true;
}
} // namespace

WorkOrderTableModel::WorkOrderTableModel(QObject *parent) : QAbstractTableModel(parent) {}

namespace {
std::vector<QString> searchTexts(const std::vector<WorkOrderListRow> &rows)
{
    std::vector<QString> out;
    out.reserve(rows.size());
    for (const WorkOrderListRow &r : rows)
        out.push_back(QStringList{r.order.id, r.order.summary, r.customerName, r.siteName, r.technicianName}
                          .join(QLatin1Char('\n'))
                          .toLower());
    return out;
}
} // namespace

void WorkOrderTableModel::setRows(std::vector<WorkOrderListRow> rows)
{
    if (!m_rows.empty() && sameIds(m_rows, rows)) {
        m_rows = std::move(rows);
        m_searchText = searchTexts(m_rows);
        // One batched signal for the whole refresh (the README's developers' section).
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    m_searchText = searchTexts(m_rows);
    m_rowById.clear();
    m_rowById.reserve(int(m_rows.size()));
    for (int i = 0; i < int(m_rows.size()); ++i)
        m_rowById.insert(m_rows[size_t(i)].order.id, i);
    endResetModel();
}

const WorkOrderListRow *WorkOrderTableModel::rowAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int WorkOrderTableModel::rowOf(const QString &workOrderId) const { return m_rowById.value(workOrderId, -1); }

int WorkOrderTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WorkOrderTableModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString WorkOrderTableModel::statusText(const QString &status)
{
    //: Work-order status: not finished yet (adjective), not the verb "open a file".
    if (status == QLatin1String("open")) return tr("Open");
    if (status == QLatin1String("scheduled")) return tr("Scheduled");
    if (status == QLatin1String("in_progress")) return tr("In progress");
    if (status == QLatin1String("done")) return tr("Done");
    if (status == QLatin1String("cancelled")) return tr("Cancelled");
    return status;
}

QString WorkOrderTableModel::typeText(const QString &type)
{
    if (type == QLatin1String("install")) return tr("Install");
    if (type == QLatin1String("corrective")) return tr("Corrective");
    if (type == QLatin1String("preventive")) return tr("Preventive");
    if (type == QLatin1String("inspection")) return tr("Inspection");
    return type;
}

QString WorkOrderTableModel::priorityText(int priority)
{
    switch (priority) {
    case 1: return tr("1 Urgent");
    case 2: return tr("2 High");
    case 3: return tr("3 Normal");
    case 4: return tr("4 Low");
    default: return QString::number(priority);
    }
}

QVariant WorkOrderTableModel::displayValue(const WorkOrderListRow &r, int column) const
{
    const WorkOrder &w = r.order;
    switch (column) {
    case IdColumn: return w.id;
    case PriorityColumn: return priorityText(w.priority);
    case StatusColumn: return statusText(w.status);
    case TypeColumn: return typeText(w.type);
    case SummaryColumn: return w.summary;
    case CustomerColumn: return r.customerName;
    case SiteColumn: return r.siteName;
    case TechnicianColumn: return r.technicianName;
    case WindowStartColumn: return shortTime(w.windowStart);
    case SlaDueColumn: return shortTime(w.slaDue);
    case CreatedColumn: return shortTime(w.createdAt);
    case DurationColumn: return tr("%1 min").arg(w.durationMin);
    case SkillsColumn: return w.requiredSkills.join(QStringLiteral(", "));
    default: return {};
    }
}

QVariant WorkOrderTableModel::sortValue(const WorkOrderListRow &r, int column) const
{
    const WorkOrder &w = r.order;
    switch (column) {
    case PriorityColumn: return w.priority;
    case StatusColumn: return int(vocabulary::workOrderStatuses().indexOf(w.status)); // lifecycle order
    case WindowStartColumn: return instantSortKey(w.windowStart);
    case SlaDueColumn: return instantSortKey(w.slaDue);
    case CreatedColumn: return instantSortKey(w.createdAt);
    case DurationColumn: return w.durationMin;
    default: return displayValue(r, column);
    }
}

QVariant WorkOrderTableModel::data(const QModelIndex &index, int role) const
{
    const WorkOrderListRow *r = index.isValid() ? rowAt(index.row()) : nullptr;
    if (!r)
        return {};
    const WorkOrder &w = r->order;
    switch (role) {
    case Qt::DisplayRole: return displayValue(*r, index.column());
    case Qt::ToolTipRole:
        if (index.column() == SummaryColumn || index.column() == SiteColumn || index.column() == CustomerColumn
            || index.column() == SkillsColumn)
            return displayValue(*r, index.column());
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == DurationColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == SlaDueColumn && w.slaDue.isValid() && w.status != QLatin1String("done")
            && w.status != QLatin1String("cancelled") && w.slaDue <= QDateTime::currentDateTimeUtc())
            return QBrush(colours::alarm());
        if (index.column() == PriorityColumn && w.priority == 1)
            return QBrush(colours::alarm());
        return {};
    case roles::SortValue: return sortValue(*r, index.column());
    case roles::WorkOrderId: return w.id;
    case roles::Priority: return w.priority;
    case roles::Status: return w.status;
    case roles::Type: return w.type;
    case roles::SlaDue: return w.slaDue;
    case roles::Unassigned: return r->isUnassigned();
    case roles::SearchText: return m_searchText[size_t(index.row())];
    default: return {};
    }
}

QVariant WorkOrderTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn: return tr("Work order");
    case PriorityColumn: return tr("Priority");
    case StatusColumn: return tr("Status");
    case TypeColumn: return tr("Type");
    case SummaryColumn: return tr("Summary");
    case CustomerColumn: return tr("Customer");
    case SiteColumn: return tr("Site");
    case TechnicianColumn: return tr("Technician");
    case WindowStartColumn: return tr("Window start");
    case SlaDueColumn: return tr("SLA due");
    case CreatedColumn: return tr("Created");
    case DurationColumn: return tr("Duration");
    case SkillsColumn: return tr("Skills");
    default: return {};
    }
}

QHash<int, QByteArray> WorkOrderTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(roles::SortValue, "sortValue");
    names.insert(roles::WorkOrderId, "workOrderId");
    names.insert(roles::Priority, "priority");
    names.insert(roles::Status, "status");
    names.insert(roles::Type, "type");
    names.insert(roles::SlaDue, "slaDue");
    names.insert(roles::Unassigned, "unassigned");
    return names;
}

} // namespace fieldops
