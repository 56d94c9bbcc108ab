#pragma once
// The board's pointer and keyboard logic, apart from painting (the README's developers' section, §9): a small
// state machine (press → move / resize-left / resize-right / rubber band; drop from the
// queue; in "mark absent" mode, press → draw an absence) that keeps a ghost of the target slots with the engine's live verdict and, on
// release, hands one edit to BoardEditor. A hard verdict (double booking) refuses the
// drop before anything is written and says with whom it would collide.
#include "BoardGhost.h"
#include "board/BoardLoader.h"
#include "scheduling/ConflictIndex.h"

#include <QPoint>
#include <QRect>
#include <optional>
#include <vector>

class QDragEnterEvent;
class QDragMoveEvent;
class QDropEvent;
class QKeyEvent;
class QMouseEvent;

namespace fieldops::widgets {
class ScheduleBoard;

class BoardInputHandler {
public:
    enum class State { Idle, Pressed, Moving, ResizeLeft, ResizeRight, RubberBand, QueueDrop, MarkAbsent };

    explicit BoardInputHandler(ScheduleBoard *board) : m_board(board) {}

    void press(QMouseEvent *e);
    void move(QMouseEvent *e);
    void release(QMouseEvent *e);
    bool key(QKeyEvent *e);
    void dragEnter(QDragEnterEvent *e);
    void dragMove(QDragMoveEvent *e);
    void dragLeave();
    void drop(QDropEvent *e);
    void cancel();
    // The keyboard's ways to the same edits (BoardKeyboard): `item` grabbed and dropped
    // `shift` ms further along the time axis on technician `targetTech`'s row, as a drag
    // would be (the same local hour there when each row reads its technician's zone); the queue's work
    // order dropped on a technician's slot, as a drag from the queue would be. Refusals
    // and warnings land on the board's message line just the same.
    void moveByKeys(int item, int targetTech, qint64 shift);
    bool assignByKeys(const QString &workOrderId, int technician, qint64 startMs);

    State state() const { return m_state; }
    const BoardGhost *ghost() const { return m_ghost ? &*m_ghost : nullptr; }
    QRect rubberBand() const { return m_state == State::RubberBand ? QRect(m_pressPos, m_currentPos) : QRect(); }

private:
    struct Origin {
        int item = -1;
        int technician = -1;
        qint64 startMs = 0, endMs = 0;
    };
    void beginItemDrag(const QPoint &pos);
    void updateItemDrag(const QPoint &pos);
    void finishItemDrag();
    void leaveBoard();
    std::vector<scheduling::ProposedMove> planMove(int targetTech, qint64 shift, BoardGhost &ghost) const;
    bool beginQueueDrop(const QString &workOrderId);
    void updateQueueGhost(const QPoint &pos);
    void updateQueueGhostAt(int tech, qint64 start);
    bool finishQueueDrop();
    void updateAbsenceGhost(const QPoint &pos);
    void finishAbsence();
    // Judges m_moves by the rules (and whether their technicians take new work) and
    // gives the ghost its colour and message.
    void judge(BoardGhost &ghost);
    void setGhost(std::optional<BoardGhost> ghost);
    QString collisionMessage(const scheduling::Verdict &v, const std::vector<scheduling::ProposedMove> &moves) const;
    int technicianAt(const QPoint &pos) const;
    // The UTC instant of the snap step under `pos` on a technician's row.
    qint64 snappedAt(int technician, const QPoint &pos) const;
    // `utcMs` on `technician`'s row moved `axisShift` along the axis onto `targetTechnician`'s.
    qint64 axisShifted(int technician, qint64 utcMs, int targetTechnician, qint64 axisShift) const;

    ScheduleBoard *m_board;
    State m_state = State::Idle;
    QPoint m_pressPos, m_currentPos;
    int m_pressItem = -1;
    Qt::KeyboardModifiers m_pressModifiers;
    std::vector<Origin> m_origins; // the dragged items where they were
    std::optional<BoardGhost> m_ghost;
    std::vector<scheduling::ProposedMove> m_moves; // what the ghost shows
    scheduling::Verdict m_verdict;
    QString m_inactiveRefusal; // a move onto an inactive technician: why it cannot land
    std::optional<board::LoadedWorkOrder> m_queueWorkOrder;
    // The absence being drawn: its row and the span so far.
    int m_absenceTechnician = -1;
    qint64 m_absenceAnchorMs = 0, m_absenceStartMs = 0, m_absenceEndMs = 0;
};

} // namespace fieldops::widgets
