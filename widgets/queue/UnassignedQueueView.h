#pragma once
// The unassigned queue dock's content: open work orders without an active appointment,
// riskiest SLA first, with what a dispatcher needs to pick the next job (summary,
// customer, SLA due, duration, skills). Columns resize, move and sort; the window keeps
// their layout (headerState) between runs.
#include <QByteArray>
#include <QWidget>

class QLabel;
class QTreeView;

namespace fieldops {
class SelectionService;
class UnassignedQueueProxy;
class WorkOrderTableModel;
}

namespace fieldops::widgets {

class UnassignedQueueView : public QWidget {
    Q_OBJECT
public:
    UnassignedQueueView(WorkOrderTableModel *model, SelectionService *selection, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }
    QSize sizeHint() const override;
    UnassignedQueueProxy *proxy() const { return m_proxy; }
    QByteArray headerState() const;
    bool restoreHeaderState(const QByteArray &state);

private:
    void updateCount();
    UnassignedQueueProxy *m_proxy;
    QTreeView *m_view;
    QLabel *m_count;
};

} // namespace fieldops::widgets
