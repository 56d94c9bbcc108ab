#pragma once
// The planner's list of contracts as a table, and the filter over it: a search over id,
// name and customer, where the contract stands (running, running out within 30, 60 or 90
// days, ended, not yet started) and its coverage. "Today" is given, so the list reads
// the same in a test as on the planner's desk.
#include "contracts/ContractList.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace fieldops::contracts {

class ContractListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, CustomerColumn, NameColumn, StartsColumn, EndsColumn, CoverageColumn, PlansColumn, StateColumn, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, RowRole };

    explicit ContractListModel(QObject *parent = nullptr);
    void setRows(QVector<ContractListRow> rows);
    void setToday(const QDate &today);
    const QDate &today() const { return m_today; }
    const ContractListRow *row(int r) const;
    int rowOf(const QString &id) const;
    // Where a contract stands in words: "Runs until 2027-03-31", "Ends in 12 days", "Ended".
    QString stateText(const ContractListRow &row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVector<ContractListRow> m_rows;
    QDate m_today;
};

class ContractFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class StateFilter { All, Active, Expiring30, Expiring60, Expiring90, Expired, Future };

    explicit ContractFilterModel(QObject *parent = nullptr);
    void setSearch(const QString &text);
    void setStateFilter(StateFilter filter);
    void setCoverage(const QString &coverage); // '' any
    StateFilter stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    StateFilter m_state = StateFilter::All;
    QString m_coverage;
};

} // namespace fieldops::contracts
