#include "itemmodels/UnassignedQueueProxy.h"

#include "itemmodels/ItemRoles.h"

#include <QDateTime>

namespace fieldops {

UnassignedQueueProxy::UnassignedQueueProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
    sort(0, Qt::AscendingOrder);
}

bool UnassignedQueueProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    return sourceModel()->index(sourceRow, 0, sourceParent).data(roles::Unassigned).toBool();
}

bool UnassignedQueueProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QModelIndex l = left.sibling(left.row(), 0), r = right.sibling(right.row(), 0);
    const int lp = l.data(roles::Priority).toInt(), rp = r.data(roles::Priority).toInt();
    if (lp != rp)
        return lp < rp;
    const QDateTime ls = l.data(roles::SlaDue).toDateTime(), rs = r.data(roles::SlaDue).toDateTime();
    if (ls.isValid() != rs.isValid())
        return ls.isValid();
    if (ls != rs)
        return ls < rs;
    return l.data(roles::WorkOrderId).toString() < r.data(roles::WorkOrderId).toString();
}

} // namespace fieldops
