#include "parts/StockFilterProxy.h"

#include "itemmodels/ItemRoles.h"

namespace fieldops::parts {

StockFilterProxy::StockFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(roles::SortValue);
    setDynamicSortFilter(true);
}

void StockFilterProxy::setLocation(const QString &location)
{
    if (m_location == location)
        return;
    m_location = location;
    invalidateRowsFilter();
}

void StockFilterProxy::setBelowReorderPointOnly(bool only)
{
    if (m_belowOnly == only)
        return;
    m_belowOnly = only;
    invalidateRowsFilter();
}

bool StockFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex i = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_location.isEmpty() && i.data(roles::StockLocation).toString() != m_location)
        return false;
    if (m_belowOnly && !i.data(roles::StockBelowReorderPoint).toBool())
        return false;
    return true;
}

} // namespace fieldops::parts
