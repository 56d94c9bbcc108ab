#pragma once
// The "Work orders" tab: the filter bar above a sortable table of every work order, with
// its current row bound to the shared selection.
#include <QWidget>

class QTableView;

namespace fieldops {
class SelectionService;
class WorkOrderFilterProxy;
class WorkOrderTableModel;
}

namespace fieldops::widgets {
class WorkOrderFilterBar;

class WorkOrdersPage : public QWidget {
    Q_OBJECT
public:
    WorkOrdersPage(WorkOrderTableModel *model, SelectionService *selection, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    WorkOrderFilterBar *filterBar() const { return m_filterBar; }
    WorkOrderFilterProxy *proxy() const { return m_proxy; }

    // Column widths, order and sort, for the settings.
    QByteArray headerState() const;
    bool restoreHeaderState(const QByteArray &state);

private:
    WorkOrderFilterProxy *m_proxy;
    WorkOrderFilterBar *m_filterBar;
    QTableView *m_table;
};

} // namespace fieldops::widgets
