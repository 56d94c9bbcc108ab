#pragma once
// The work-order table: one row per work order, columns for what a dispatcher scans.
// Display text is formatted here; sorting and filtering use the raw values behind
// roles::SortValue and friends (ItemRoles.h), so dates sort as dates.
#include "repositories/WorkOrderRepository.h"

#include <QAbstractTableModel>
#include <QHash>
#include <vector>

namespace fieldops {

class WorkOrderTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        PriorityColumn,
        StatusColumn,
        TypeColumn,
        SummaryColumn,
        CustomerColumn,
        SiteColumn,
        TechnicianColumn,
        WindowStartColumn,
        SlaDueColumn,
        CreatedColumn,
        DurationColumn,
        SkillsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit WorkOrderTableModel(QObject *parent = nullptr);

    // Replaces the rows. Rows whose id stays keep their position when the set of ids is
    // unchanged (a refresh): only changed cells are signalled, so views keep selection
    // and scroll position.
    void setRows(std::vector<WorkOrderListRow> rows);
    const WorkOrderListRow *rowAt(int row) const;
    int rowOf(const QString &workOrderId) const; // -1 when absent
    // Lower-case text the search matches (what roles::SearchText returns), without a QVariant.
    const QString &searchTextAt(int row) const { return m_searchText[size_t(row)]; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Translated words for the closed vocabularies, shared with the filter bar.
    static QString statusText(const QString &status);
    static QString typeText(const QString &type);
    static QString priorityText(int priority);

private:
    QVariant displayValue(const WorkOrderListRow &r, int column) const;
    QVariant sortValue(const WorkOrderListRow &r, int column) const;
    std::vector<WorkOrderListRow> m_rows;
    std::vector<QString> m_searchText; // per row, lower-case: built once per load, read per keystroke
    QHash<QString, int> m_rowById;
};

} // namespace fieldops
