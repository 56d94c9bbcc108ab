#pragma once
// The unassigned queue over the work-order table: open work orders without an active
// appointment, most urgent first (priority, then SLA due with "no SLA" last, then id).
// A proxy rather than its own query, so the table and the queue never disagree.
#include <QSortFilterProxyModel>

namespace fieldops {

class UnassignedQueueProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit UnassignedQueueProxy(QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace fieldops
