#pragma once
// The load the preventive work of a horizon adds, per ISO week and territory, against
// the free hours of the technicians able to do it, overloaded weeks in the alarm colour;
// beside it the same table after levelling (occurrences moved within their allowed
// window to flatten the peaks) and the list of moves, so the planner compares before
// accepting.
#include "planning/CapacityLeveller.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QTableView;

namespace fieldops {
class CapacityTableModel;
}

namespace fieldops::widgets {

class CapacityPreviewPanel : public QWidget {
    Q_OBJECT
public:
    explicit CapacityPreviewPanel(QWidget *parent = nullptr);
    void setLevelling(const planning::CapacityLevelling &levelling);
    void clear();
    // The planner wants the levelled days used when generating.
    bool useLevelled() const;
    // The moves to generate with: levelling's when the planner accepted them, else none.
    QVector<planning::CapacityMove> acceptedMoves() const;

    QTableView *beforeTable() const { return m_before; }
    QTableView *afterTable() const { return m_after; }
    QListWidget *moves() const { return m_moves; }
    QLabel *summary() const { return m_summary; }
    QCheckBox *useLevelledBox() const { return m_use; }

signals:
    void useLevelledChanged(bool use);

private:
    CapacityTableModel *m_beforeModel;
    CapacityTableModel *m_afterModel;
    QTableView *m_before;
    QTableView *m_after;
    QListWidget *m_moves;
    QLabel *m_summary;
    QCheckBox *m_use;
    QVector<planning::CapacityMove> m_moved;
};

} // namespace fieldops::widgets
