#include "itemmodels/UnassignedQueueProxy.h"

#include "itemmodels/ItemRoles.h"
#include "itemmodels/WorkOrderTableModel.h"

#include <QDateTime>

namespace fieldops {

namespace {
// The latest start that still meets the SLA; invalid without an SLA.
QDateTime startBy(const QModelIndex &first)
{
    const QDateTime due = first.data(roles::SlaDue).toDateTime();
    if (!due.isValid())
        return {};
    const auto *model = qobject_cast<const WorkOrderTableModel *>(first.model());
    const WorkOrderListRow *row = model ? model->rowAt(first.row()) : nullptr;
    return due.addSecs(-qint64(row ? row->order.durationMin : 0) * 60);
}
} // namespace

UnassignedQueueProxy::UnassignedQueueProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    setSortRole(roles::SortValue);
    sort(riskColumn(), Qt::AscendingOrder);
}

int UnassignedQueueProxy::riskColumn() { return WorkOrderTableModel::SlaDueColumn; }

bool UnassignedQueueProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return sourceModel()->index(sourceRow, 0, sourceParent).data(roles::Unassigned).toBool();
}

bool UnassignedQueueProxy::riskLess(const QModelIndex &left, const QModelIndex &right) const
{
    const QModelIndex l = left.sibling(left.row(), 0), r = right.sibling(right.row(), 0);
    const QDateTime ls = startBy(l), rs = startBy(r);
    if (ls.isValid() != rs.isValid())
        return ls.isValid();
    if (ls != rs)
        return ls < rs;
    const int lp = l.data(roles::Priority).toInt(), rp = r.data(roles::Priority).toInt();
    if (lp != rp)
        return lp < rp;
    return l.data(roles::WorkOrderId).toString() < r.data(roles::WorkOrderId).toString();
}

bool UnassignedQueueProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (left.column() == riskColumn())
        return riskLess(left, right);
    const QVariant l = left.data(sortRole()), r = right.data(sortRole());
    const QPartialOrdering order = QVariant::compare(l, r);
    if (order == QPartialOrdering::Less || order == QPartialOrdering::Greater)
        return order == QPartialOrdering::Less;
    // Equal values keep the risk order whichever way the column is sorted.
    return sortOrder() == Qt::AscendingOrder ? riskLess(left, right) : riskLess(right, left);
}

} // namespace fieldops
