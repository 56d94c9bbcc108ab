#include "BoardInputHandler.h"

#include "ScheduleBoard.h"
#include "board/BoardMime.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <algorithm>

namespace fieldops::widgets {

using board::BoardHit;
using board::BoardItem;

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleBoard)
};
QDateTime utc(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()); }
} // namespace

qint64 BoardInputHandler::snappedAt(int technician, const QPoint &pos) const
{
    return m_board->scale().snappedMsAt(technician, m_board->toContent(pos).x(), m_board->snapMinutes());
}

qint64 BoardInputHandler::axisShifted(int technician, qint64 utcMs, int targetTechnician, qint64 axisShift) const
{
    const board::BoardClocks &clocks = m_board->scale().clocks();
    return clocks.toUtc(targetTechnician, clocks.toAxis(technician, utcMs) + axisShift);
}

int BoardInputHandler::technicianAt(const QPoint &pos) const
{
    const int r = m_board->rows().rowAt(int(m_board->toContent(pos).y()));
    if (r < 0 || m_board->rows().row(r).kind != board::BoardRow::Kind::Technician)
        return -1;
    return m_board->rows().row(r).technician;
}

void BoardInputHandler::press(QMouseEvent *e)
{
    board::BoardModel *model = m_board->model();
    if (!model || e->button() != Qt::LeftButton)
        return;
    m_pressPos = m_currentPos = e->position().toPoint();
    m_pressModifiers = e->modifiers();
    if (m_board->markAbsentMode()) {
        m_absenceTechnician = technicianAt(m_pressPos);
        if (m_absenceTechnician < 0)
            return;
        m_absenceAnchorMs = snappedAt(m_absenceTechnician, m_pressPos);
        m_state = State::MarkAbsent;
        updateAbsenceGhost(m_pressPos);
        return;
    }
    const board::BoardGeometry geo(*model, m_board->rows(), m_board->scale());
    const BoardHit hit = geo.hitTest(m_board->toContent(e->position()), m_board->filter().showCancelled);
    m_pressItem = hit.item;
    if (hit.item < 0) {
        m_state = State::RubberBand;
        if (!(e->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier)))
            m_board->setSelectedItems({});
        return;
    }
    QSet<int> sel = m_board->selectedItems();
    if (e->modifiers() & Qt::ControlModifier) {
        if (sel.contains(hit.item))
            sel.remove(hit.item);
        else
            sel.insert(hit.item);
    } else if (e->modifiers() & Qt::ShiftModifier) {
        sel.insert(hit.item);
    } else if (!sel.contains(hit.item)) {
        sel = {hit.item};
    }
    m_board->setSelectedItems(sel);
    if (!m_board->isEditable()) {
        m_state = State::Idle; // look, select, open: no drag
        return;
    }
    if (hit.part == BoardHit::Part::LeftEdge)
        m_state = State::ResizeLeft;
    else if (hit.part == BoardHit::Part::RightEdge)
        m_state = State::ResizeRight;
    else
        m_state = State::Pressed;
    beginItemDrag(m_pressPos);
}

void BoardInputHandler::beginItemDrag(const QPoint &)
{
    const board::BoardModel &model = *m_board->model();
    m_origins.clear();
    auto add = [&](int i) {
        const BoardItem &b = model.items()[size_t(i)];
        m_origins.push_back({i, b.technician, b.startMs, b.endMs});
    };
    if (m_state == State::Pressed) {
        add(m_pressItem); // the grabbed bar first: it decides the target row
        for (const int i : m_board->selectedItems()) {
            if (i != m_pressItem && !model.items()[size_t(i)].isRemoved() && !model.items()[size_t(i)].isCancelled())
                add(i);
        }
    } else {
        add(m_pressItem); // resizing acts on the grabbed bar alone
    }
}

void BoardInputHandler::move(QMouseEvent *e)
{
    m_currentPos = e->position().toPoint();
    switch (m_state) {
    case State::Pressed:
        if ((m_currentPos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_state = State::Moving;
        [[fallthrough]];
    case State::Moving:
        if (!m_board->rect().contains(m_board->viewport()->mapTo(m_board, m_currentPos))) {
            leaveBoard();
            return;
        }
        [[fallthrough]];
    case State::ResizeLeft:
    case State::ResizeRight:
        updateItemDrag(m_currentPos);
        break;
    case State::RubberBand:
        m_board->viewport()->update();
        break;
    case State::MarkAbsent:
        updateAbsenceGhost(m_currentPos);
        break;
    default:
        break;
    }
}

void BoardInputHandler::leaveBoard()
{
    // Out of the board the move becomes a drag the queue can take (unassign); dropped
    // anywhere else, nothing happens.
    QStringList ids;
    for (const Origin &o : m_origins) {
        const BoardItem &b = m_board->model()->items()[size_t(o.item)];
        if (!b.isRemoved() && !b.isCancelled())
            ids << b.appointment.id;
    }
    cancel();
    m_board->dragOut(ids);
}

void BoardInputHandler::updateItemDrag(const QPoint &pos)
{
    const board::BoardModel &model = *m_board->model();
    const board::TimeScale &scale = m_board->scale();
    const qint64 step = qint64(std::max(m_board->snapMinutes(), 1)) * board::kMinuteMs;
    std::vector<scheduling::ProposedMove> moves;
    BoardGhost ghost;
    if (m_state == State::Moving) {
        // The pointer's travel along the axis, snapped where the grabbed bar lands: on a
        // wall-clock axis a bar dragged straight down keeps its local hour on the new row.
        const Origin &anchor = m_origins.front();
        const board::BoardClocks &clocks = scale.clocks();
        const qint64 delta = scale.axisAt(m_board->toContent(pos).x()) - scale.axisAt(m_board->toContent(m_pressPos).x());
        const qint64 anchorAxis = clocks.toAxis(anchor.technician, anchor.startMs);
        const qint64 shift = clocks.snap(anchorAxis + delta, m_board->snapMinutes()) - anchorAxis;
        const int targetTech = technicianAt(pos) >= 0 ? technicianAt(pos) : anchor.technician;
        moves = planMove(targetTech, shift, ghost);
    } else {
        const Origin &o = m_origins.front();
        const BoardItem &b = model.items()[size_t(o.item)];
        const qint64 at = snappedAt(o.technician, pos);
        qint64 s = o.startMs, en = o.endMs;
        if (m_state == State::ResizeLeft)
            s = std::min(at, en - step);
        else
            en = std::max(at, s + step);
        moves.push_back({b.appointment.id, model.technicians()[size_t(o.technician)].technician.id, utc(s), utc(en),
                         b.appointment.workOrderId});
        ghost.bars.push_back({o.technician, s, en});
    }
    m_moves = std::move(moves);
    judge(ghost);
    setGhost(std::move(ghost));
}

std::vector<scheduling::ProposedMove> BoardInputHandler::planMove(int targetTech, qint64 shift, BoardGhost &ghost) const
{
    const board::BoardModel &model = *m_board->model();
    const Origin &anchor = m_origins.front();
    std::vector<scheduling::ProposedMove> moves;
    for (const Origin &o : m_origins) {
        // Bars on the grabbed bar's row follow it to the target row; others keep theirs. Each
        // lands `shift` further along the axis on its row's clock, and keeps its length.
        const int tech = o.technician == anchor.technician ? targetTech : o.technician;
        const BoardItem &b = model.items()[size_t(o.item)];
        const qint64 start = axisShifted(o.technician, o.startMs, tech, shift), end = start + (o.endMs - o.startMs);
        moves.push_back({b.appointment.id, model.technicians()[size_t(tech)].technician.id, utc(start), utc(end),
                         b.appointment.workOrderId});
        ghost.bars.push_back({tech, start, end});
    }
    return moves;
}

void BoardInputHandler::moveByKeys(int item, int targetTech, qint64 shift)
{
    // Exactly a drag of `item` that lands `shift` later on `targetTech`: the same bars
    // come along, the same verdict is shown, the same command is pushed.
    if (m_state != State::Idle || !m_board->model() || !m_board->editor() || !m_board->isEditable())
        return;
    m_pressItem = item;
    m_state = State::Pressed;
    beginItemDrag({});
    m_state = State::Moving;
    BoardGhost ghost;
    m_moves = planMove(targetTech, shift, ghost);
    judge(ghost);
    finishItemDrag();
    m_state = State::Idle;
}

void BoardInputHandler::judge(BoardGhost &ghost)
{
    const board::BoardModel &model = *m_board->model();
    m_verdict = model.verdict(m_moves);
    m_inactiveRefusal.clear();
    for (const scheduling::ProposedMove &m : m_moves) {
        const BoardItem *from = m.appointmentId.isEmpty() ? nullptr : model.item(m.appointmentId);
        if (from && from->appointment.technicianId == m.technicianId)
            continue;
        if (Status s = m_board->editor()->takesNewWork(m.technicianId); !s) {
            m_inactiveRefusal = s.error().message;
            break;
        }
    }
    if (!m_inactiveRefusal.isEmpty()) {
        ghost.verdict = BoardGhost::Verdict::Hard;
        ghost.message = m_inactiveRefusal;
        return;
    }
    ghost.verdict = m_verdict.hard.empty() ? (m_verdict.soft.empty() ? BoardGhost::Verdict::Clean : BoardGhost::Verdict::Soft)
                                           : BoardGhost::Verdict::Hard;
    ghost.message = m_verdict.hard.empty() ? QString() : collisionMessage(m_verdict, m_moves);
    if (ghost.message.isEmpty() && !m_verdict.soft.empty()) {
        QStringList kinds;
        for (const scheduling::Violation &v : m_verdict.soft) {
            const QString k = scheduling::kindName(v.kind);
            if (!kinds.contains(k))
                kinds << k;
        }
        ghost.message = Text::tr("Warning: %1").arg(kinds.join(QStringLiteral(", ")));
    }
}

QString BoardInputHandler::collisionMessage(const scheduling::Verdict &v,
                                            const std::vector<scheduling::ProposedMove> &moves) const
{
    const board::BoardModel &model = *m_board->model();
    for (const scheduling::Violation &h : v.hard) {
        for (const QString &id : h.appointmentIds) {
            const bool moved = std::any_of(moves.begin(), moves.end(), [&](const auto &m) { return m.appointmentId == id; });
            if (moved || id.isEmpty())
                continue;
            const BoardItem *other = model.item(id);
            const int t = model.technicianIndex(h.technicianId);
            const QString who = t >= 0 ? model.technicians()[size_t(t)].technician.name : h.technicianId;
            if (!other)
                return Text::tr("Refused: %1 is already booked (%2)").arg(who, id);
            const QLocale loc;
            const QTimeZone z = m_board->scale().clocks().zoneOf(other->technician);
            return Text::tr("Refused: %1 is already booked %2–%3 with %4 · %5 (%6)")
                .arg(who, loc.toString(QDateTime::fromMSecsSinceEpoch(other->startMs, z).time(), QLocale::ShortFormat),
                     loc.toString(QDateTime::fromMSecsSinceEpoch(other->endMs, z).time(), QLocale::ShortFormat),
                     other->customerName, other->siteName, other->appointment.workOrderId);
        }
    }
    return v.hard.empty() ? QString() : Text::tr("Refused: double booking (%1)").arg(v.hard.front().detail);
}

void BoardInputHandler::setGhost(std::optional<BoardGhost> ghost)
{
    std::optional<BoardGhost> before = std::move(m_ghost);
    m_ghost = std::move(ghost);
    m_board->updateGhostArea(before ? &*before : nullptr, m_ghost ? &*m_ghost : nullptr);
}

void BoardInputHandler::release(QMouseEvent *e)
{
    if (e->button() != Qt::LeftButton)
        return;
    const State s = m_state;
    m_state = State::Idle;
    if (s == State::MarkAbsent) {
        updateAbsenceGhost(e->position().toPoint());
        finishAbsence();
        return;
    }
    if (s == State::RubberBand) {
        const QRect band = QRect(m_pressPos, e->position().toPoint()).normalized();
        m_board->viewport()->update();
        if (band.width() < 3 && band.height() < 3)
            return;
        const board::BoardModel &model = *m_board->model();
        const board::BoardGeometry geo(model, m_board->rows(), m_board->scale());
        const QRectF content = QRectF(band).translated(m_board->scrollOffset());
        QSet<int> sel = m_board->selectedItems();
        const int r0 = std::max(0, m_board->rows().rowAt(int(content.top())));
        std::vector<int> hits;
        for (int r = r0; r < m_board->rows().count() && m_board->rows().top(r) <= content.bottom(); ++r) {
            const board::BoardRow &row = m_board->rows().row(r);
            if (row.kind != board::BoardRow::Kind::Technician)
                continue;
            model.itemsBetween(row.technician, m_board->scale().msAt(row.technician, content.left()),
                               m_board->scale().msAt(row.technician, content.right()), hits);
            for (const int i : hits) {
                const BoardItem &b = model.items()[size_t(i)];
                if ((!b.isCancelled() || m_board->filter().showCancelled) && geo.barRect(b, r).intersects(content))
                    sel.insert(i);
            }
        }
        m_board->setSelectedItems(sel);
        return;
    }
    if (s == State::Pressed) {
        // A click without drag on a multi-selection narrows it to the bar clicked.
        if (!(m_pressModifiers & (Qt::ControlModifier | Qt::ShiftModifier)) && m_pressItem >= 0)
            m_board->setSelectedItems({m_pressItem});
        return;
    }
    if (s == State::Moving || s == State::ResizeLeft || s == State::ResizeRight) {
        m_state = s;
        finishItemDrag();
        m_state = State::Idle;
    }
}

void BoardInputHandler::finishItemDrag()
{
    const std::vector<scheduling::ProposedMove> moves = m_moves;
    const scheduling::Verdict verdict = m_verdict;
    const State kind = m_state;
    setGhost(std::nullopt);
    if (moves.empty())
        return;
    if (!verdict.hard.empty()) {
        m_board->showMessage(collisionMessage(verdict, moves), ScheduleBoard::MessageKind::Refusal);
        return;
    }
    const board::BoardModel &model = *m_board->model();
    std::vector<IntervalEdit> edits;
    for (size_t i = 0; i < moves.size(); ++i) {
        const Origin &o = m_origins[i];
        const BoardItem &b = model.items()[size_t(o.item)];
        IntervalEdit e;
        e.ref = {b.appointment.id, b.appointment.version};
        e.fromTechnician = b.appointment.technicianId;
        e.fromStart = b.appointment.start;
        e.fromEnd = b.appointment.end;
        e.toTechnician = moves[i].technicianId;
        e.toStart = moves[i].start;
        e.toEnd = moves[i].end;
        // A drag that ends where it began leaves no entry.
        if (e.toTechnician != e.fromTechnician || e.toStart != e.fromStart || e.toEnd != e.fromEnd)
            edits.push_back(e);
    }
    if (edits.empty())
        return;
    const auto cmdKind = kind == State::Moving ? SetIntervalCommand::Kind::Move : SetIntervalCommand::Kind::Resize;
    if (Status st = m_board->editor()->setIntervals(std::move(edits), cmdKind); !st)
        m_board->showRefusal(st.error());
    else if (!verdict.soft.empty())
        m_board->showMessage(Text::tr("Saved with warnings: %1").arg(verdict.soft.front().detail), ScheduleBoard::MessageKind::Warning);
    else
        m_board->showMessage(QString());
}

bool BoardInputHandler::key(QKeyEvent *e)
{
    if (e->key() == Qt::Key_Escape && m_state != State::Idle) {
        cancel();
        return true;
    }
    if (e->key() == Qt::Key_Escape && m_board->markAbsentMode()) {
        m_board->setMarkAbsentMode(false);
        return true;
    }
    if (e->key() != Qt::Key_Left && e->key() != Qt::Key_Right)
        return false;
    board::BoardModel *model = m_board->model();
    if (!model || m_board->selectedItems().isEmpty() || !m_board->editor() || !m_board->isEditable())
        return false;
    const qint64 step = qint64(m_board->snapMinutes()) * board::kMinuteMs * (e->key() == Qt::Key_Left ? -1 : 1);
    std::vector<scheduling::ProposedMove> moves;
    std::vector<IntervalEdit> edits;
    QList<int> sorted(m_board->selectedItems().begin(), m_board->selectedItems().end());
    std::sort(sorted.begin(), sorted.end());
    for (const int i : sorted) {
        const BoardItem &b = model->items()[size_t(i)];
        if (b.isRemoved() || b.isCancelled())
            continue;
        IntervalEdit ed;
        ed.ref = {b.appointment.id, b.appointment.version};
        ed.fromTechnician = ed.toTechnician = b.appointment.technicianId;
        ed.fromStart = b.appointment.start;
        ed.fromEnd = b.appointment.end;
        // A snap step along the row's own clock, the length kept.
        const qint64 start = axisShifted(b.technician, b.startMs, b.technician, step);
        ed.toStart = utc(start);
        ed.toEnd = utc(start + (b.endMs - b.startMs));
        moves.push_back({ed.ref.id, ed.toTechnician, ed.toStart, ed.toEnd, b.appointment.workOrderId});
        edits.push_back(ed);
    }
    if (edits.empty())
        return false;
    const scheduling::Verdict v = model->verdict(moves);
    if (!v.hard.empty()) {
        m_board->showMessage(collisionMessage(v, moves), ScheduleBoard::MessageKind::Refusal);
        return true;
    }
    const QStringList ids = m_board->selectedAppointments();
    if (Status st = m_board->editor()->setIntervals(std::move(edits), SetIntervalCommand::Kind::Nudge); !st)
        m_board->showRefusal(st.error());
    m_board->selectAppointments(ids);
    return true;
}

void BoardInputHandler::dragEnter(QDragEnterEvent *e)
{
    board::BoardModel *model = m_board->model();
    if (!model || !m_board->editor() || !m_board->isEditable() || !e->mimeData()->hasFormat(board::workOrderMimeType())) {
        e->ignore();
        return;
    }
    if (!beginQueueDrop(QString::fromUtf8(e->mimeData()->data(board::workOrderMimeType())))) {
        e->ignore();
        return;
    }
    e->acceptProposedAction();
    updateQueueGhost(e->position().toPoint());
}

bool BoardInputHandler::beginQueueDrop(const QString &workOrderId)
{
    auto wo = m_board->editor()->prepareWorkOrder(workOrderId);
    if (!wo) {
        m_board->showRefusal(wo.error());
        return false;
    }
    m_queueWorkOrder = *wo;
    m_state = State::QueueDrop;
    return true;
}

bool BoardInputHandler::assignByKeys(const QString &workOrderId, int technician, qint64 startMs)
{
    // Exactly a drop of the queue's row on that slot: the same judgement, the same command.
    if (m_state != State::Idle || !m_board->model() || !m_board->editor() || !m_board->isEditable())
        return false;
    if (!beginQueueDrop(workOrderId))
        return false;
    updateQueueGhostAt(technician, startMs);
    return finishQueueDrop();
}

void BoardInputHandler::dragMove(QDragMoveEvent *e)
{
    if (m_state != State::QueueDrop) {
        e->ignore();
        return;
    }
    updateQueueGhost(e->position().toPoint());
    if (technicianAt(e->position().toPoint()) >= 0)
        e->acceptProposedAction();
    else
        e->ignore();
}

void BoardInputHandler::updateQueueGhost(const QPoint &pos)
{
    const int tech = technicianAt(pos);
    updateQueueGhostAt(tech, snappedAt(tech, pos)); // on the target row's clock
}

void BoardInputHandler::updateQueueGhostAt(int tech, qint64 start)
{
    if (tech < 0 || !m_queueWorkOrder) {
        setGhost(std::nullopt);
        m_moves.clear();
        return;
    }
    const board::BoardModel &model = *m_board->model();
    const QString &technicianId = model.technicians()[size_t(tech)].technician.id;
    // As long as this technician's visits of the kind really take (the estimate without history).
    const qint64 end = start + qint64(m_queueWorkOrder->minutesFor(technicianId)) * board::kMinuteMs;
    m_moves = {{QString(), technicianId, utc(start), utc(end),
                m_queueWorkOrder->workOrder.id}};
    BoardGhost g;
    g.bars.push_back({tech, start, end});
    judge(g);
    setGhost(std::move(g));
}

void BoardInputHandler::updateAbsenceGhost(const QPoint &pos)
{
    const board::BoardModel &model = *m_board->model();
    const qint64 step = qint64(std::max(m_board->snapMinutes(), 1)) * board::kMinuteMs;
    const qint64 at = snappedAt(m_absenceTechnician, pos);
    m_absenceStartMs = std::min(m_absenceAnchorMs, at);
    m_absenceEndMs = std::max(std::max(m_absenceAnchorMs, at), m_absenceStartMs + step);
    // The visits it covers: the dispatcher sees them before letting go.
    std::vector<int> hits;
    model.itemsBetween(m_absenceTechnician, m_absenceStartMs, m_absenceEndMs, hits);
    const int covered = int(std::count_if(hits.begin(), hits.end(), [&](int i) {
        const BoardItem &b = model.items()[size_t(i)];
        return !b.isRemoved() && !b.isCancelled() && b.startMs < m_absenceEndMs && b.endMs > m_absenceStartMs;
    }));
    const QLocale loc;
    const QTimeZone z = m_board->scale().clocks().zoneOf(m_absenceTechnician);
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(m_absenceStartMs, z), to = QDateTime::fromMSecsSinceEpoch(m_absenceEndMs, z);
    const QString span = Text::tr("Absent %1 %2–%3")
                             .arg(loc.toString(from.date(), QLocale::ShortFormat), loc.toString(from.time(), QLocale::ShortFormat),
                                  to.date() == from.date() ? loc.toString(to.time(), QLocale::ShortFormat)
                                                           : loc.toString(to, QLocale::ShortFormat));
    BoardGhost g;
    g.bars.push_back({m_absenceTechnician, m_absenceStartMs, m_absenceEndMs});
    g.verdict = covered > 0 ? BoardGhost::Verdict::Soft : BoardGhost::Verdict::Clean;
    g.message = covered > 0 ? QCoreApplication::translate("ScheduleBoard", "%1 · covers %n visit(s)", nullptr, covered).arg(span) : span;
    setGhost(std::move(g));
}

void BoardInputHandler::finishAbsence()
{
    setGhost(std::nullopt);
    const board::BoardModel &model = *m_board->model();
    if (m_absenceTechnician < 0 || size_t(m_absenceTechnician) >= model.technicians().size())
        return;
    emit m_board->absenceDrawn(model.technicians()[size_t(m_absenceTechnician)].technician.id, utc(m_absenceStartMs), utc(m_absenceEndMs));
}

void BoardInputHandler::dragLeave() { cancel(); }

void BoardInputHandler::drop(QDropEvent *e)
{
    if (m_state != State::QueueDrop || !m_queueWorkOrder) {
        e->ignore();
        return;
    }
    updateQueueGhost(e->position().toPoint());
    if (finishQueueDrop())
        e->acceptProposedAction();
    else
        e->ignore();
}

bool BoardInputHandler::finishQueueDrop()
{
    const std::vector<scheduling::ProposedMove> moves = m_moves;
    const scheduling::Verdict verdict = m_verdict;
    m_state = State::Idle;
    m_queueWorkOrder.reset();
    setGhost(std::nullopt);
    if (moves.empty())
        return false;
    if (!verdict.hard.empty()) {
        m_board->showMessage(collisionMessage(verdict, moves), ScheduleBoard::MessageKind::Refusal);
        return false;
    }
    const scheduling::ProposedMove &m = moves.front();
    if (Status st = m_board->editor()->assign(m.workOrderId, m.technicianId, m.start, m.end); !st) {
        m_board->showRefusal(st.error());
        return false;
    }
    m_board->showMessage(verdict.soft.empty() ? QString() : Text::tr("Saved with warnings: %1").arg(verdict.soft.front().detail),
                         ScheduleBoard::MessageKind::Warning);
    return true;
}

void BoardInputHandler::cancel()
{
    m_state = State::Idle;
    m_queueWorkOrder.reset();
    m_moves.clear();
    setGhost(std::nullopt);
    m_board->viewport()->update();
}

} // namespace fieldops::widgets
