#pragma once
// The Conflicts dock: every rule violation in the board's horizon (kind, technician, time,
// detail), from the same engine as the drag verdict and `fieldops-cli conflicts`.
// Activating a row asks the board to scroll to the appointment.
#include <QWidget>

class QLabel;
class QTreeView;

namespace fieldops::board {
class BoardModel;
class ConflictListModel;
}

namespace fieldops::widgets {

class ConflictsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConflictsPanel(board::BoardModel *board, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }
    board::ConflictListModel *model() const { return m_model; }

signals:
    void appointmentActivated(const QString &appointmentId);

private:
    void updateCount();
    board::ConflictListModel *m_model;
    QTreeView *m_view;
    QLabel *m_count;
};

} // namespace fieldops::widgets
