#pragma once
// The unassigned queue over the work-order table: open work orders without an active
// appointment. A proxy rather than its own query, so the table and the queue never disagree.
//
// Sorted by SLA risk unless the dispatcher clicks another column: the latest start that
// still meets the SLA (SLA due minus the job's duration) first, "no SLA" last, then
// priority and id. Any other column sorts by its value with the risk order breaking ties.
#include <QSortFilterProxyModel>

namespace fieldops {

class UnassignedQueueProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit UnassignedQueueProxy(QObject *parent = nullptr);
    static int riskColumn(); // the column whose ascending sort is the SLA-risk order

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    bool riskLess(const QModelIndex &left, const QModelIndex &right) const;
};

} // namespace fieldops
