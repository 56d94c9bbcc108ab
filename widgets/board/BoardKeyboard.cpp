#include "BoardKeyboard.h"

#include "BoardInputHandler.h"
#include "BoardMarginWidget.h"
#include "BoardPainter.h"
#include "ScheduleBoard.h"
#include "board/BoardModel.h"
#include "selection/SelectionService.h"

#include <QAccessible>
#include <QCoreApplication>
#include <QKeyEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <algorithm>

namespace fieldops::widgets {

using board::BoardItem;

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScheduleBoard)
};
} // namespace

qint64 BoardKeyboard::stepMs() const { return qint64(std::max(m_board->snapMinutes(), 1)) * board::kMinuteMs; }

qint64 BoardKeyboard::cellAt(int technician, qint64 axisMs) const
{
    const board::BoardClocks &clocks = m_board->scale().clocks();
    return clocks.toUtc(technician, clocks.stepStart(axisMs, stepMs()));
}

int BoardKeyboard::currentItem() const
{
    const QSet<int> &sel = m_board->selectedItems();
    if (sel.isEmpty())
        return -1;
    if (sel.contains(m_lastItem))
        return m_lastItem;
    return *std::min_element(sel.begin(), sel.end());
}

int BoardKeyboard::cellTechnician() const
{
    return m_board->model() && !m_cellTechId.isEmpty() ? m_board->model()->technicianIndex(m_cellTechId) : -1;
}

int BoardKeyboard::neighbourTechnician(int tech, int delta) const
{
    const board::RowLayout &rows = m_board->rows();
    const int r = rows.rowOfTechnician(tech);
    if (r < 0)
        return -1;
    // Territory headers are rows too: skip them.
    for (int i = r + delta; i >= 0 && i < rows.count(); i += delta) {
        if (rows.row(i).kind == board::BoardRow::Kind::Technician)
            return rows.row(i).technician;
    }
    return -1;
}

std::vector<int> BoardKeyboard::barsOfRow(int tech) const
{
    const board::BoardModel &model = *m_board->model();
    std::vector<int> hits, bars;
    model.itemsBetween(tech, model.fromMs(), model.toMs(), hits);
    for (const int i : hits) {
        const BoardItem &b = model.items()[size_t(i)];
        if (!b.isRemoved() && (!b.isCancelled() || m_board->filter().showCancelled))
            bars.push_back(i);
    }
    std::sort(bars.begin(), bars.end(), [&](int a, int b) {
        const qint64 sa = model.items()[size_t(a)].startMs, sb = model.items()[size_t(b)].startMs;
        return sa != sb ? sa < sb : a < b;
    });
    return bars;
}

bool BoardKeyboard::key(QKeyEvent *e)
{
    board::BoardModel *model = m_board->model();
    // A drag under way or the "mark absent" mode own the keys they use (Esc above all).
    if (!model || !model->isLoaded() || m_input->state() != BoardInputHandler::State::Idle || m_board->markAbsentMode())
        return false;
    const Qt::KeyboardModifiers mods = e->modifiers() & ~Qt::KeypadModifier;
    const bool alt = mods & Qt::AltModifier;
    const int item = currentItem();
    switch (e->key()) {
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const int delta = e->key() == Qt::Key_Up ? -1 : 1;
        if (alt) {
            if (item >= 0)
                moveBar(delta, 0);
            return true;
        }
        if (mods != Qt::NoModifier)
            return false;
        // From a selected bar, Up/Down go back to cells, starting where the bar is.
        if (item >= 0)
            m_board->setSelectedItems({});
        moveCell(delta, 0);
        return true;
    }
    case Qt::Key_Left:
    case Qt::Key_Right: {
        const int delta = e->key() == Qt::Key_Left ? -1 : 1;
        if (alt) {
            if (item >= 0)
                moveBar(0, delta * ((mods & Qt::ShiftModifier) ? board::kHourMs : stepMs()));
            return true;
        }
        // With bars selected the plain arrows keep nudging them (BoardInputHandler::key).
        if (mods != Qt::NoModifier || item >= 0)
            return false;
        moveCell(0, delta);
        return true;
    }
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (mods != Qt::NoModifier)
            return false;
        if (item >= 0)
            emit m_board->openWorkOrderRequested(model->items()[size_t(item)].appointment.workOrderId);
        else
            assignHere();
        return true;
    case Qt::Key_Space: {
        if (mods != Qt::NoModifier || item >= 0 || cellTechnician() < 0)
            return false;
        for (const int i : barsOfRow(cellTechnician())) {
            const BoardItem &b = model->items()[size_t(i)];
            if (b.startMs < m_cellStartMs + stepMs() && b.endMs > m_cellStartMs) {
                m_lastItem = i;
                m_board->setSelectedItems({i});
                selectionChanged(true);
                break;
            }
        }
        return true;
    }
    case Qt::Key_Menu:
        openMenu();
        return true;
    case Qt::Key_F10:
        if (mods != Qt::ShiftModifier)
            return false;
        openMenu();
        return true;
    case Qt::Key_Escape:
        // First the selection, then the cell: the next Tab leaves the board.
        if (!m_board->selectedItems().isEmpty()) {
            m_board->setSelectedItems({});
            return true;
        }
        if (hasCell()) {
            clearCell();
            return true;
        }
        return false;
    default:
        return false;
    }
}

bool BoardKeyboard::tab(bool forward)
{
    const board::BoardModel *model = m_board->model();
    if (!model || !model->isLoaded() || m_input->state() != BoardInputHandler::State::Idle)
        return false;
    const int item = currentItem();
    int pick = -1;
    if (item >= 0) {
        // Round the row: Esc lets go of the bar, and the next Tab leaves the board.
        const std::vector<int> bars = barsOfRow(model->items()[size_t(item)].technician);
        const auto at = std::find(bars.begin(), bars.end(), item);
        if (at == bars.end())
            return false;
        const int n = int(bars.size()), i = int(at - bars.begin());
        pick = bars[size_t((i + (forward ? 1 : -1) + n) % n)];
    } else if (cellTechnician() >= 0) {
        const qint64 from = m_cellStartMs, to = m_cellStartMs + stepMs();
        for (const int i : barsOfRow(cellTechnician())) {
            const BoardItem &b = model->items()[size_t(i)];
            if (forward && b.endMs > from) {
                pick = i;
                break;
            }
            if (!forward && b.startMs < to)
                pick = i;
        }
    }
    if (pick < 0)
        return false;
    m_lastItem = pick;
    m_board->setSelectedItems({pick});
    selectionChanged(true); // into view; and the same bar again (a row of one) still says so
    return true;
}

void BoardKeyboard::focusIn()
{
    const board::BoardModel *model = m_board->model();
    if (!model || !model->isLoaded())
        return;
    if (cellTechnician() < 0 || m_board->rows().rowOfTechnician(cellTechnician()) < 0) {
        // The first technician row and the first whole slot in view. Not scrolled to: the
        // focus may come with a click, and the board must stay under the pointer.
        const board::RowLayout &rows = m_board->rows();
        const QPoint scroll = m_board->scrollOffset();
        int tech = -1;
        for (int r = std::max(0, rows.rowAt(scroll.y())); r >= 0 && r < rows.count() && tech < 0; ++r) {
            if (rows.row(r).kind == board::BoardRow::Kind::Technician && rows.top(r) >= scroll.y())
                tech = rows.row(r).technician;
        }
        if (tech < 0)
            return;
        const board::TimeScale &scale = m_board->scale();
        qint64 start = scale.clocks().stepStart(scale.axisAt(scroll.x()), stepMs());
        if (scale.xOfAxis(start) < scroll.x() - 0.5)
            start += stepMs();
        setCell(tech, scale.clocks().toUtc(tech, start), false);
        return;
    }
    m_board->viewport()->update(cellViewportRect().adjusted(-3, -3, 3, 3));
    announce();
}

void BoardKeyboard::rowsChanged()
{
    const int tech = cellTechnician();
    if (hasCell() && (tech < 0 || m_board->rows().rowOfTechnician(tech) < 0))
        clearCell();
}

void BoardKeyboard::selectionChanged(bool reveal)
{
    const int item = currentItem();
    if (item >= 0) {
        const BoardItem &b = m_board->model()->items()[size_t(item)];
        if (!b.isRemoved()) {
            // The cell waits under the bar: Up/Down or Esc go on from there.
            setCell(b.technician, cellAt(b.technician, m_board->scale().clocks().toAxis(b.technician, b.startMs)), reveal);
            return;
        }
    }
    announce();
}

void BoardKeyboard::setCell(int technician, qint64 startMs, bool reveal)
{
    const board::BoardModel *model = m_board->model();
    if (!model || technician < 0 || size_t(technician) >= model->technicians().size())
        return;
    m_board->viewport()->update(cellViewportRect().adjusted(-3, -3, 3, 3));
    m_cellTechId = model->technicians()[size_t(technician)].technician.id;
    m_cellStartMs = std::clamp(startMs, model->fromMs(), std::max(model->fromMs(), model->toMs() - stepMs()));
    if (reveal)
        ensureCellVisible();
    m_board->viewport()->update(cellViewportRect().adjusted(-3, -3, 3, 3));
    announce();
}

void BoardKeyboard::clearCell()
{
    m_board->viewport()->update(cellViewportRect().adjusted(-3, -3, 3, 3));
    m_cellTechId.clear();
    announce();
}

void BoardKeyboard::placeAt(const QPoint &viewportPos)
{
    const QPointF content = m_board->toContent(viewportPos);
    const int r = m_board->rows().rowAt(int(content.y()));
    if (r < 0 || m_board->rows().row(r).kind != board::BoardRow::Kind::Technician)
        return;
    const int tech = m_board->rows().row(r).technician;
    setCell(tech, cellAt(tech, m_board->scale().axisAt(content.x())), false);
}

void BoardKeyboard::moveCell(int rowDelta, int steps)
{
    if (cellTechnician() < 0) {
        focusIn(); // the first arrow places the cell where the board looks
        return;
    }
    const int from = cellTechnician();
    int tech = from;
    if (rowDelta != 0) {
        const int next = neighbourTechnician(tech, rowDelta);
        if (next < 0)
            return;
        tech = next;
    }
    // Along the axis: the row above or below shows the same column, whatever its clock.
    const board::BoardClocks &clocks = m_board->scale().clocks();
    setCell(tech, clocks.toUtc(tech, clocks.toAxis(from, m_cellStartMs) + steps * stepMs()));
}

void BoardKeyboard::moveBar(int rowDelta, qint64 shiftMs)
{
    const board::BoardModel &model = *m_board->model();
    const int item = currentItem();
    const BoardItem &b = model.items()[size_t(item)];
    if (b.isCancelled())
        return;
    int target = b.technician;
    if (rowDelta != 0 && (target = neighbourTechnician(b.technician, rowDelta)) < 0)
        return;
    const QStringList ids = m_board->selectedAppointments();
    const QString id = b.appointment.id;
    m_input->moveByKeys(item, target, shiftMs);
    // A refused write reloads the rows: keep the bars in hand for the next key.
    m_board->selectAppointments(ids);
    m_lastItem = m_board->model()->itemIndex(id);
    selectionChanged(true);
}

void BoardKeyboard::assignHere()
{
    const board::BoardModel &model = *m_board->model();
    const int tech = cellTechnician();
    if (tech < 0)
        return;
    const SelectionService *selection = m_board->workOrderSelection();
    const QString workOrderId = selection ? selection->workOrderId() : QString();
    if (workOrderId.isEmpty()) {
        m_board->showMessage(Text::tr("Select a work order in the queue first, then press Enter on the slot for it."));
        return;
    }
    // The shared selection follows bars too; only a work order not on the board is the queue's.
    for (const QString &id : model.appointmentsOfWorkOrders({workOrderId})) {
        const BoardItem *b = model.item(id);
        if (b && !b->isRemoved() && !b->isCancelled()) {
            m_board->showMessage(Text::tr("%1 is already on the board: select a work order in the queue.").arg(workOrderId),
                                 ScheduleBoard::MessageKind::Refusal);
            return;
        }
    }
    m_input->assignByKeys(workOrderId, tech, m_cellStartMs);
}

void BoardKeyboard::openMenu()
{
    const int item = currentItem();
    if (item < 0)
        return;
    const QString id = m_board->model()->items()[size_t(item)].appointment.id;
    QRect bar = m_board->barViewportRect(id);
    if (bar.isNull() || !m_board->viewport()->rect().intersects(bar)) {
        m_board->scrollToAppointment(id);
        bar = m_board->barViewportRect(id);
    }
    if (bar.isNull())
        return;
    // Under the bar's start, where a right click would have put it.
    const QRect shown = bar.intersected(m_board->viewport()->rect());
    const QPoint at(shown.left() + std::min(shown.width() / 2, 24), shown.bottom());
    m_board->openBarMenu(item, m_board->viewport()->mapToGlobal(at));
}

QRect BoardKeyboard::cellViewportRect() const
{
    const int tech = cellTechnician();
    const int r = tech >= 0 ? m_board->rows().rowOfTechnician(tech) : -1;
    if (r < 0)
        return {};
    const board::TimeScale &scale = m_board->scale();
    const double x0 = scale.xOf(tech, m_cellStartMs);
    const double x1 = x0 + double(stepMs()) * scale.pxPerHour() / double(board::kHourMs);
    const QRectF content(x0, m_board->rows().top(r), x1 - x0, m_board->rows().height(r));
    return content.translated(-QPointF(m_board->scrollOffset())).toAlignedRect();
}

void BoardKeyboard::ensureCellVisible()
{
    const QRect cell = cellViewportRect();
    if (cell.isNull())
        return;
    const QRect view = m_board->viewport()->rect();
    QScrollBar *h = m_board->horizontalScrollBar(), *v = m_board->verticalScrollBar();
    // A margin of a few slots so the cell does not ride the very edge.
    const int margin = std::min(view.width() / 4, 3 * cell.width());
    if (cell.left() < view.left())
        h->setValue(h->value() + cell.left() - margin);
    else if (cell.right() > view.right())
        h->setValue(h->value() + cell.right() - view.right() + margin);
    if (cell.top() < view.top())
        v->setValue(v->value() + cell.top());
    else if (cell.bottom() > view.bottom())
        v->setValue(v->value() + cell.bottom() - view.bottom());
}

void BoardKeyboard::paint(QPainter &p) const
{
    if (!m_board->hasFocus())
        return;
    const QColor highlight = m_board->palette().color(QPalette::Highlight);
    p.save();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(highlight, 2));
    p.drawRect(QRectF(m_board->viewport()->rect()).adjusted(1, 1, -1, -1));
    // A selected bar is drawn selected already; the cell is for the spaces between.
    const QRect cell = cellViewportRect();
    if (!cell.isNull() && currentItem() < 0) {
        QColor fill = highlight;
        fill.setAlpha(40);
        p.fillRect(cell, fill);
        p.setPen(QPen(highlight, 2, Qt::DashLine));
        p.drawRect(QRectF(cell).adjusted(1, 1, -1, -1));
    }
    p.restore();
}

QString BoardKeyboard::description() const
{
    const board::BoardModel *model = m_board->model();
    if (!model || !model->isLoaded())
        return Text::tr("Schedule board");
    const QLocale loc;
    // Said on the row's own clock (each technician's zone when the board shows theirs).
    QTimeZone zone = m_board->displayZone();
    auto day = [&](qint64 ms) { return loc.toString(QDateTime::fromMSecsSinceEpoch(ms, zone).date(), QLocale::ShortFormat); };
    auto time = [&](qint64 ms) { return loc.toString(QDateTime::fromMSecsSinceEpoch(ms, zone).time(), QLocale::ShortFormat); };
    auto name = [&](int tech) { return model->technicians()[size_t(tech)].technician.name; };
    const int item = currentItem();
    if (item >= 0) {
        const BoardItem &b = model->items()[size_t(item)];
        zone = m_board->scale().clocks().zoneOf(b.technician);
        if (!b.isRemoved())
            return Text::tr("%1 %2, %3, %4 %5 to %6, %7")
                .arg(b.appointment.workOrderId, b.summary, name(b.technician), day(b.startMs), time(b.startMs), time(b.endMs),
                     BoardPainter::statusText(b.appointment.status));
    }
    const int tech = cellTechnician();
    if (tech < 0)
        return Text::tr("Schedule board: arrow keys move between technicians and times, Tab picks a visit");
    zone = m_board->scale().clocks().zoneOf(tech);
    const qint64 end = m_cellStartMs + stepMs();
    std::vector<int> hits;
    model->itemsBetween(tech, m_cellStartMs, end, hits);
    const bool busy = std::any_of(hits.begin(), hits.end(), [&](int i) {
        const BoardItem &b = model->items()[size_t(i)];
        return !b.isRemoved() && !b.isCancelled() && b.startMs < end && b.endMs > m_cellStartMs;
    });
    return (busy ? Text::tr("%1, %2 %3 to %4, booked") : Text::tr("%1, %2 %3 to %4, free"))
        .arg(name(tech), day(m_cellStartMs), time(m_cellStartMs), time(end));
}

void BoardKeyboard::announce()
{
    const QString text = description();
    if (text == m_board->accessibleDescription())
        return;
    m_board->m_header->update(); // the focus row's name is highlighted there
    m_board->setAccessibleDescription(text);
    // Said for certain, whatever the setter already sends: the reader speaks the new place.
    QAccessibleEvent event(m_board, QAccessible::DescriptionChanged);
    QAccessible::updateAccessibility(&event);
}

} // namespace fieldops::widgets
