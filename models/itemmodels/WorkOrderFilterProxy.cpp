#include "itemmodels/WorkOrderFilterProxy.h"

#include "itemmodels/ItemRoles.h"
#include "itemmodels/WorkOrderTableModel.h"

namespace fieldops {

WorkOrderFilterProxy::WorkOrderFilterProxy(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(roles::SortValue);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
    // A refresh re-sorts and re-filters by itself.
    setDynamicSortFilter(true);
}

void WorkOrderFilterProxy::refilter()
{
    // invalidateFilter() is the documented way for a custom filterAcceptsRow in Qt 6.4.
    invalidateFilter();
}

void WorkOrderFilterProxy::setSearchText(const QString &text)
{
    if (text == m_search)
        return;
    m_search = text;
    m_words = text.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    refilter();
}

void WorkOrderFilterProxy::setStatuses(const QSet<QString> &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    refilter();
}

void WorkOrderFilterProxy::setTypes(const QSet<QString> &types)
{
    if (types == m_types)
        return;
    m_types = types;
    refilter();
}

void WorkOrderFilterProxy::setPriorities(const QSet<int> &priorities)
{
    if (priorities == m_priorities)
        return;
    m_priorities = priorities;
    refilter();
}

bool WorkOrderFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    // Fast path over the table model's rows: a keystroke re-filters every row, and four
    // QVariant round trips per row are most of that cost (bench_work_order_table).
    if (const auto *table = qobject_cast<const WorkOrderTableModel *>(sourceModel())) {
        const WorkOrderListRow *r = table->rowAt(sourceRow);
        if (!r)
            return false;
        if (!m_statuses.isEmpty() && !m_statuses.contains(r->order.status))
            return false;
        if (!m_types.isEmpty() && !m_types.contains(r->order.type))
            return false;
        if (!m_priorities.isEmpty() && !m_priorities.contains(r->order.priority))
            return false;
        const QString &haystack = table->searchTextAt(sourceRow);
        for (const QString &w : m_words)
            if (!haystack.contains(w))
                return false;
        return true;
    }
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_statuses.isEmpty() && !m_statuses.contains(idx.data(roles::Status).toString()))
        return false;
    if (!m_types.isEmpty() && !m_types.contains(idx.data(roles::Type).toString()))
        return false;
    if (!m_priorities.isEmpty() && !m_priorities.contains(idx.data(roles::Priority).toInt()))
        return false;
    if (!m_words.isEmpty()) {
        const QString haystack = idx.data(roles::SearchText).toString();
        for (const QString &w : m_words)
            if (!haystack.contains(w))
                return false;
    }
    return true;
}

bool WorkOrderFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant l = left.data(roles::SortValue), r = right.data(roles::SortValue);
    if (l.typeId() == QMetaType::QString || r.typeId() == QMetaType::QString) {
        const int c = l.toString().localeAwareCompare(r.toString());
        if (c != 0)
            return c < 0;
    } else {
        const QPartialOrdering o = QVariant::compare(l, r);
        if (o == QPartialOrdering::Less)
            return true;
        if (o == QPartialOrdering::Greater)
            return false;
    }
    // Ties fall back to the id so equal keys keep a stable, predictable order.
    const QModelIndex li = left.sibling(left.row(), 0), ri = right.sibling(right.row(), 0);
    return li.data(roles::WorkOrderId).toString() < ri.data(roles::WorkOrderId).toString();
}

} // namespace fieldops
