#include "ScheduleBoard.h"

#include "domain/SignalColours.h"
#include "BoardInputHandler.h"
#include "BoardKeyboard.h"
#include "BoardMarginWidget.h"
#include "board/BoardGeometry.h"
#include "board/BoardMime.h"
#include "board/BoardModel.h"
#include "commands/BoardEditor.h"
#include "domain/Vocabulary.h"
#include "scheduling/Violation.h"
#include "selection/SelectionService.h"
#include "sync/RecentChanges.h"

#include <QContextMenuEvent>
#include <QDrag>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace fieldops::widgets {

using board::BoardItem;

ScheduleBoard::ScheduleBoard(QWidget *parent)
    : QAbstractScrollArea(parent), m_input(std::make_unique<BoardInputHandler>(this)),
      m_keys(std::make_unique<BoardKeyboard>(this, m_input.get())),
      m_header(new BoardMarginWidget(this, BoardMarginWidget::Side::RowHeader)),
      m_ruler(new BoardMarginWidget(this, BoardMarginWidget::Side::Ruler)), m_zoneLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("scheduleBoard"));
    viewport()->setObjectName(QStringLiteral("scheduleBoardViewport"));
    setViewportMargins(kHeaderWidth, kRulerHeight, 0, 0);
    setAcceptDrops(true);
    viewport()->setAcceptDrops(true);
    viewport()->setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Schedule board"));
    setAccessibleDescription(m_keys->description());
    // Opaque paint: the painter fills every exposed pixel, so Qt need not clear first.
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    horizontalScrollBar()->setSingleStep(20);
    verticalScrollBar()->setSingleStep(board::RowLayout::kRowHeight);
    // The now-line moves a pixel every few minutes: a repaint a minute is plenty.
    m_nowTimer.setInterval(60'000);
    connect(&m_nowTimer, &QTimer::timeout, this, [this] {
        viewport()->update();
        m_ruler->update();
    });
    m_nowTimer.start();
    // The corner over the row header says which clock the ruler reads.
    m_zoneLabel->setObjectName(QStringLiteral("boardZoneLabel"));
    m_zoneLabel->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_zoneLabel->setContentsMargins(8, 0, 4, 0);
    QFont small = m_zoneLabel->font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.85));
    m_zoneLabel->setFont(small);
    m_zoneLabel->setStyleSheet(QStringLiteral("color: #606b76;"));
    updateZoneLabel();
}

ScheduleBoard::~ScheduleBoard() = default;

void ScheduleBoard::setEditor(BoardEditor *editor)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_editor = editor;
    m_model = editor ? editor->model() : nullptr;
    if (m_model) {
        connect(m_model, &board::BoardModel::reloaded, this, &ScheduleBoard::onReloaded);
        connect(m_model, &board::BoardModel::techniciansChanged, this, &ScheduleBoard::updateTechnicians);
        connect(editor, &BoardEditor::problem, this, [this](const QString &text) { showMessage(text, MessageKind::Refusal); });
        if (m_model->isLoaded())
            onReloaded();
    }
}

void ScheduleBoard::onReloaded()
{
    m_selected.clear();
    m_input->cancel();
    m_scale.clocks().setTechnicians(m_model->technicians(), m_model->fromMs(), m_model->toMs());
    m_scale.setOriginMs(m_scale.clocks().axisFrom());
    relayoutRows();
    setSpan(m_span);
    // Technician indices are the model's: a reload may renumber them.
    setHighlightedSlots(QList<SlotHighlight>(m_highlightSlots));
    setPreviewVisits(QList<PreviewVisit>(m_previewVisits));
}

void ScheduleBoard::relayoutRows()
{
    if (!m_model)
        return;
    m_rows.rebuild(m_model->technicians(), m_filter, m_collapsed);
    m_keys->rowsChanged();
    updateScrollBars();
    viewport()->update();
    m_header->update();
}

void ScheduleBoard::updateScrollBars()
{
    const int contentWidth = m_model && m_model->isLoaded() ? int(m_scale.xOfAxis(m_scale.clocks().axisTo())) : 0;
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setRange(0, std::max(0, contentWidth - viewport()->width()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setRange(0, std::max(0, m_rows.totalHeight() - viewport()->height()));
}

void ScheduleBoard::setSpan(board::VisibleSpan span)
{
    m_span = span;
    const qint64 anchor = m_scale.axisAt(horizontalScrollBar()->value());
    m_scale.fit(board::spanDays(span), viewport()->width());
    updateScrollBars();
    if (m_model && m_model->isLoaded()) {
        const qint64 now = nowMs();
        const bool nowInside = now >= m_model->fromMs() && now < m_model->toMs();
        if (anchor <= m_scale.originMs() && nowInside)
            scrollToTime(now);
        else
            horizontalScrollBar()->setValue(int(m_scale.xOfAxis(anchor)));
    }
    viewport()->update();
    m_ruler->update();
    m_header->update();
}

void ScheduleBoard::zoomBy(double factor, int anchorViewportX)
{
    const qint64 anchor = m_scale.axisAt(horizontalScrollBar()->value() + anchorViewportX);
    m_scale.setPxPerHour(m_scale.pxPerHour() * factor);
    updateScrollBars();
    horizontalScrollBar()->setValue(int(m_scale.xOfAxis(anchor)) - anchorViewportX);
    viewport()->update();
    m_ruler->update();
    m_header->update();
}

void ScheduleBoard::setFilter(const board::BoardFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    relayoutRows();
}

void ScheduleBoard::setDisplayZone(const QTimeZone &zone, bool perTechnician)
{
    // The instant at the left edge (on the shared zone's clock) stays there.
    const qint64 anchor = m_scale.msAt(-1, horizontalScrollBar()->value());
    m_scale.clocks().setZone(zone, perTechnician);
    m_scale.setOriginMs(m_scale.clocks().axisFrom());
    updateScrollBars();
    if (m_model && m_model->isLoaded())
        horizontalScrollBar()->setValue(int(m_scale.xOf(-1, anchor)));
    updateZoneLabel();
    viewport()->update();
    m_ruler->update();
    m_header->update();
}

void ScheduleBoard::updateZoneLabel()
{
    const board::BoardClocks &clocks = m_scale.clocks();
    if (clocks.perTechnician()) {
        m_zoneLabel->setText(tr("Each technician's local time"));
        m_zoneLabel->setToolTip(tr("Each row is placed by its technician's own wall clock: 08:00 in São Paulo and 08:00 "
                                   "in Lisbon share a column. The hours above are local hours; what is saved is the "
                                   "exact instant in the technician's zone."));
    } else {
        const QString id = QString::fromUtf8(clocks.zone().id());
        m_zoneLabel->setText(id);
        m_zoneLabel->setToolTip(tr("Times in %1 (Tools → Settings… → Display)").arg(id));
    }
    m_zoneLabel->setAccessibleName(m_zoneLabel->text());
}

void ScheduleBoard::toggleGroup(const QString &territoryId)
{
    if (m_collapsed.contains(territoryId))
        m_collapsed.remove(territoryId);
    else
        m_collapsed.insert(territoryId);
    relayoutRows();
}

void ScheduleBoard::headerClicked(const QPoint &pos)
{
    const int r = m_rows.rowAt(pos.y() + verticalScrollBar()->value());
    if (r >= 0 && m_rows.row(r).kind == board::BoardRow::Kind::Group)
        toggleGroup(m_rows.row(r).territoryId);
}

void ScheduleBoard::setNowOverride(const QDateTime &now)
{
    m_nowOverride = now;
    viewport()->update();
}

qint64 ScheduleBoard::nowMs() const
{
    return m_nowOverride.isValid() ? m_nowOverride.toMSecsSinceEpoch() : QDateTime::currentMSecsSinceEpoch();
}

void ScheduleBoard::scrollToTime(qint64 ms, double fraction)
{
    scrollToX(m_scale.xOf(-1, ms), fraction);
}

void ScheduleBoard::scrollToX(double contentX, double fraction)
{
    horizontalScrollBar()->setValue(int(contentX - fraction * viewport()->width()));
}

void ScheduleBoard::scrollToAppointment(const QString &appointmentId)
{
    if (!m_model)
        return;
    const int i = m_model->itemIndex(appointmentId);
    if (i < 0 || m_model->items()[size_t(i)].isRemoved())
        return;
    const BoardItem &b = m_model->items()[size_t(i)];
    int r = m_rows.rowOfTechnician(b.technician);
    if (r < 0) {
        // Hidden by a collapsed group: open it; hidden by a filter: clear the filters.
        m_collapsed.remove(m_model->technicians()[size_t(b.technician)].technician.territoryId);
        if (!board::RowLayout::matches(m_model->technicians()[size_t(b.technician)], m_filter))
            m_filter = {};
        relayoutRows();
        r = m_rows.rowOfTechnician(b.technician);
    }
    if (r < 0)
        return;
    scrollToX(m_scale.xOf(b.technician, b.startMs), 0.25); // on its own row's clock
    verticalScrollBar()->setValue(m_rows.top(r) - viewport()->height() / 3);
    setSelectedItems({i});
}

void ScheduleBoard::scrollToTechnician(const QString &technicianId)
{
    if (!m_model)
        return;
    const int t = m_model->technicianIndex(technicianId);
    if (t < 0)
        return;
    int r = m_rows.rowOfTechnician(t);
    if (r < 0) {
        m_collapsed.remove(m_model->technicians()[size_t(t)].technician.territoryId);
        relayoutRows();
        r = m_rows.rowOfTechnician(t);
    }
    if (r < 0)
        return; // filtered out: the toolbar says so, the dispatcher decides
    const int top = m_rows.top(r) - verticalScrollBar()->value();
    if (top < 0 || top + m_rows.height(r) > viewport()->height())
        verticalScrollBar()->setValue(m_rows.top(r) - viewport()->height() / 3);
}

QPoint ScheduleBoard::scrollOffset() const { return {horizontalScrollBar()->value(), verticalScrollBar()->value()}; }

QStringList ScheduleBoard::selectedAppointments() const
{
    QStringList ids;
    if (!m_model)
        return ids;
    for (const int i : m_selected)
        ids << m_model->items()[size_t(i)].appointment.id;
    ids.sort();
    return ids;
}

void ScheduleBoard::selectAppointments(const QStringList &ids)
{
    QSet<int> sel;
    for (const QString &id : ids) {
        const int i = m_model ? m_model->itemIndex(id) : -1;
        if (i >= 0 && !m_model->items()[size_t(i)].isRemoved())
            sel.insert(i);
    }
    setSelectedItems(sel);
}

void ScheduleBoard::setSelectedItems(const QSet<int> &items)
{
    if (items == m_selected)
        return;
    m_selected = items;
    viewport()->update();
    m_keys->selectionChanged();
    const QStringList ids = selectedAppointments();
    emit selectionChanged(ids);
    if (ids.size() == 1)
        emit workOrderActivated(m_model->item(ids.front())->appointment.workOrderId);
}

void ScheduleBoard::setWorkOrderSelection(SelectionService *selection) { m_workOrderSelection = selection; }

SelectionService *ScheduleBoard::workOrderSelection() const { return m_workOrderSelection; }

QString ScheduleBoard::focusCellTechnician() const
{
    const int t = m_keys->cellTechnician();
    return t >= 0 ? m_model->technicians()[size_t(t)].technician.id : QString();
}

QDateTime ScheduleBoard::focusCellStart() const
{
    return m_keys->hasCell() ? QDateTime::fromMSecsSinceEpoch(m_keys->cellStartMs(), QTimeZone::utc()) : QDateTime();
}

void ScheduleBoard::setFocusCell(const QString &technicianId, const QDateTime &start)
{
    if (m_model)
        m_keys->setCell(m_model->technicianIndex(technicianId), start.toMSecsSinceEpoch());
}

QRect ScheduleBoard::focusCellViewportRect() const { return m_keys->cellViewportRect(); }

QRect ScheduleBoard::barViewportRect(const QString &appointmentId) const
{
    const BoardItem *b = m_model ? m_model->item(appointmentId) : nullptr;
    if (!b || b->isRemoved() || (b->isCancelled() && !m_filter.showCancelled))
        return {};
    const int r = m_rows.rowOfTechnician(b->technician);
    if (r < 0)
        return {};
    const board::BoardGeometry geo(*m_model, m_rows, m_scale);
    return geo.barRect(*b, r).translated(-QPointF(scrollOffset())).toAlignedRect();
}

int ScheduleBoard::viewportX(qint64 ms) const { return int(m_scale.xOf(-1, ms)) - horizontalScrollBar()->value(); }

int ScheduleBoard::viewportX(const QString &technicianId, qint64 ms) const
{
    const int t = m_model ? m_model->technicianIndex(technicianId) : -1;
    return int(m_scale.xOf(t, ms)) - horizontalScrollBar()->value();
}

int ScheduleBoard::viewportRowCenter(const QString &technicianId) const
{
    const int t = m_model ? m_model->technicianIndex(technicianId) : -1;
    const int r = m_rows.rowOfTechnician(t);
    if (r < 0)
        return -1;
    return m_rows.top(r) + m_rows.height(r) / 2 - verticalScrollBar()->value();
}

void ScheduleBoard::setEditable(bool editable)
{
    if (m_editable == editable)
        return;
    m_editable = editable;
    m_input->cancel();
}

void ScheduleBoard::setMarkAbsentMode(bool on)
{
    if (m_markAbsent == on)
        return;
    m_markAbsent = on;
    m_input->cancel();
    viewport()->setCursor(on ? Qt::CrossCursor : Qt::ArrowCursor);
    showMessage(on ? tr("Mark absent: drag along a technician's row over the time they are away; Esc leaves the mode.") : QString());
    emit markAbsentModeChanged(on);
}

void ScheduleBoard::setRecentChanges(const RecentChanges *recent)
{
    if (m_recent)
        disconnect(m_recent, nullptr, this, nullptr);
    m_recent = recent;
    if (m_recent)
        connect(m_recent, &RecentChanges::changed, viewport(), qOverload<>(&QWidget::update));
    viewport()->update();
}

BoardPaintContext ScheduleBoard::paintContext() const
{
    BoardPaintContext c;
    c.model = m_model;
    c.rows = &m_rows;
    c.scale = &m_scale;
    c.nowMs = nowMs();
    c.showCancelled = m_filter.showCancelled;
    c.selected = &m_selected;
    c.ghost = m_input->ghost();
    c.scroll = scrollOffset();
    c.rubberBand = m_input->rubberBand();
    c.timelineWidth = viewport()->width();
    c.recent = m_recent;
    c.highlights = &m_highlights;
    c.previews = &m_previews;
    c.focusTechnician = hasFocus() ? m_keys->cellTechnician() : -1;
    return c;
}

void ScheduleBoard::setHighlightedSlots(const QList<SlotHighlight> &spans)
{
    m_highlightSlots = spans;
    m_highlights.clear();
    if (m_model) {
        for (const SlotHighlight &s : spans) {
            const int tech = m_model->technicianIndex(s.technicianId);
            if (tech >= 0)
                m_highlights.push_back({tech, s.start.toMSecsSinceEpoch(), s.end.toMSecsSinceEpoch()});
        }
    }
    viewport()->update();
}

void ScheduleBoard::setPreviewVisits(const QList<PreviewVisit> &visits)
{
    m_previewVisits = visits;
    m_previews.clear();
    for (const PreviewVisit &v : visits) {
        // Kept in step with m_previewVisits (index for index); -1: not on the board.
        const int tech = m_model ? m_model->technicianIndex(v.technicianId) : -1;
        m_previews.push_back({tech, v.start.toMSecsSinceEpoch(), v.end.toMSecsSinceEpoch(), v.label});
    }
    viewport()->update();
}

QRect ScheduleBoard::previewViewportRect(int index) const
{
    if (index < 0 || size_t(index) >= m_previews.size() || m_previews[size_t(index)].technician < 0)
        return {};
    return BoardPainter::previewRect(m_previews[size_t(index)], paintContext()).toAlignedRect();
}

const BoardGhost *ScheduleBoard::ghost() const { return m_input->ghost(); }

void ScheduleBoard::showMessage(const QString &text, MessageKind kind)
{
    m_lastMessage = text;
    emit message(text, kind);
}

void ScheduleBoard::updateTechnicians(const QList<int> &technicians)
{
    for (const int t : technicians) {
        const int r = m_rows.rowOfTechnician(t);
        if (r < 0)
            continue;
        const int y = m_rows.top(r) - verticalScrollBar()->value();
        // A little above the row too: violation badges and SLA ticks stick out.
        viewport()->update(QRect(0, y - 6, viewport()->width(), m_rows.height(r) + 12));
        m_header->update(QRect(0, y, m_header->width(), m_rows.height(r)));
    }
    // Selection indices stay valid (items are never renumbered), but removed ones leave.
    QSet<int> keep;
    for (const int i : m_selected)
        if (!m_model->items()[size_t(i)].isRemoved())
            keep.insert(i);
    if (keep != m_selected)
        setSelectedItems(keep);
}

void ScheduleBoard::updateGhostArea(const BoardGhost *before, const BoardGhost *after)
{
    // Repaint only the rows the ghost left and entered.
    QList<int> techs;
    for (const BoardGhost *g : {before, after}) {
        if (!g)
            continue;
        for (const GhostBar &b : g->bars)
            techs << b.technician;
    }
    for (const int t : techs) {
        const int r = m_rows.rowOfTechnician(t);
        if (r < 0)
            continue;
        const int y = m_rows.top(r) - verticalScrollBar()->value();
        // The verdict's message box hangs below the ghost's row.
        viewport()->update(QRect(0, y - 6, viewport()->width(), m_rows.height(r) + 40));
    }
}

void ScheduleBoard::paintEvent(QPaintEvent *event)
{
    QPainter p(viewport());
    m_painter.paintTimeline(p, event->rect(), paintContext());
    m_keys->paint(p);
}

void ScheduleBoard::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    const QRect vp = viewport()->geometry();
    m_header->setGeometry(vp.left() - kHeaderWidth, vp.top(), kHeaderWidth, vp.height());
    m_ruler->setGeometry(vp.left(), vp.top() - kRulerHeight, vp.width(), kRulerHeight);
    m_zoneLabel->setGeometry(vp.left() - kHeaderWidth, vp.top() - kRulerHeight, kHeaderWidth, kRulerHeight);
    if (m_model && m_model->isLoaded())
        setSpan(m_span);
    updateScrollBars();
}

void ScheduleBoard::scrollContentsBy(int dx, int dy)
{
    viewport()->scroll(dx, dy);
    if (dy)
        m_header->scroll(0, dy);
    if (dx)
        m_ruler->scroll(dx, 0);
}

void ScheduleBoard::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    m_input->press(event);
    if (event->button() == Qt::LeftButton && !m_markAbsent && m_selected.isEmpty())
        m_keys->placeAt(event->position().toPoint());
}

void ScheduleBoard::mouseMoveEvent(QMouseEvent *event) { m_input->move(event); }

QMimeData *ScheduleBoard::mimeForAppointments(const QStringList &appointmentIds)
{
    auto *mime = new QMimeData;
    mime->setData(board::appointmentMimeType(), appointmentIds.join(QLatin1Char('\n')).toUtf8());
    mime->setText(appointmentIds.join(QLatin1Char('\n')));
    return mime;
}

void ScheduleBoard::dragOut(const QStringList &appointmentIds)
{
    if (appointmentIds.isEmpty())
        return;
    QMimeData *mime = mimeForAppointments(appointmentIds);
    if (m_dragLauncher) {
        m_dragLauncher(mime);
        return;
    }
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->exec(Qt::MoveAction, Qt::MoveAction);
}

void ScheduleBoard::mouseReleaseEvent(QMouseEvent *event) { m_input->release(event); }

void ScheduleBoard::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (!m_model)
        return;
    const board::BoardGeometry geo(*m_model, m_rows, m_scale);
    const board::BoardHit hit = geo.hitTest(toContent(event->position()), m_filter.showCancelled);
    if (hit.item >= 0)
        emit openWorkOrderRequested(m_model->items()[size_t(hit.item)].appointment.workOrderId);
}

void ScheduleBoard::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        // Smooth zoom around the pointer: 15% per wheel notch.
        const double notches = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.15, notches), int(event->position().x()));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void ScheduleBoard::keyPressEvent(QKeyEvent *event)
{
    if (m_keys->key(event) || m_input->key(event))
        return;
    if (event->key() == Qt::Key_Delete && m_editor && m_editable && !m_selected.isEmpty()) {
        if (Status s = m_editor->unassign(selectedAppointments()); !s)
            showRefusal(s.error());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void ScheduleBoard::contextMenuEvent(QContextMenuEvent *event)
{
    if (!m_model || !m_editor)
        return;
    if (event->reason() == QContextMenuEvent::Keyboard) {
        m_keys->openMenu(); // at the bar in hand, not wherever the pointer rests
        return;
    }
    const board::BoardGeometry geo(*m_model, m_rows, m_scale);
    const board::BoardHit hit = geo.hitTest(toContent(event->pos()), m_filter.showCancelled);
    if (hit.item >= 0)
        openBarMenu(hit.item, event->globalPos());
}

void ScheduleBoard::openBarMenu(int item, const QPoint &globalPos)
{
    if (!m_model || !m_editor || item < 0)
        return;
    if (!m_selected.contains(item))
        setSelectedItems({item});
    const BoardItem &b = m_model->items()[size_t(item)];
    const QString appointmentId = b.appointment.id, workOrderId = b.appointment.workOrderId;
    const QStringList ids = selectedAppointments();
    QMenu menu(this);
    menu.addAction(tr("Open work order"), this, [this, workOrderId] { emit openWorkOrderRequested(workOrderId); });
    menu.addAction(tr("Open on map"), this, [this, workOrderId] { emit openOnMapRequested(workOrderId); });
    menu.addAction(tr("Edit work order…"), this, [this, workOrderId] { emit editWorkOrderRequested(workOrderId); });
    menu.addAction(tr("Cancel work order…"), this, [this, workOrderId] { emit cancelWorkOrderRequested(workOrderId); });
    if (!m_editable) {
        menu.exec(globalPos);
        return;
    }
    menu.addSeparator();
    QAction *unassign = menu.addAction(tr("Unassign"), this, [this, ids] {
        if (Status s = m_editor->unassign(ids); !s)
            showRefusal(s.error());
    });
    unassign->setEnabled(!b.isCancelled());
    if (ids.size() == 2) {
        menu.addAction(tr("Swap the two visits"), this, [this, ids] {
            if (Status s = m_editor->swapSlots(ids.at(0), ids.at(1)); !s)
                showRefusal(s.error());
            else
                showMessage(QString());
        });
    }
    QAction *outcome = menu.addAction(b.appointment.status == QLatin1String("completed") ? tr("Correct the visit's outcome…")
                                                                                         : tr("Record the visit's outcome…"),
                                      this, [this, appointmentId] { emit recordOutcomeRequested(appointmentId); });
    outcome->setEnabled(!b.isCancelled());
    const QString technicianId = b.appointment.technicianId;
    menu.addAction(tr("Visit runs long…"), this, [this, appointmentId] { emit overrunRepairRequested(appointmentId); })
        ->setEnabled(!b.isCancelled() && b.appointment.status != QLatin1String("completed"));
    menu.addAction(tr("Technician off sick from now…"), this, [this, technicianId] { emit absenceRepairRequested(technicianId); });
    QMenu *status = menu.addMenu(tr("Change status"));
    for (const QString &st : vocabulary::appointmentStatuses()) {
        if (st == QLatin1String("cancelled"))
            continue;
        QAction *a = status->addAction(BoardPainter::statusText(st), this, [this, appointmentId, st] {
            if (Status s = m_editor->changeStatus(appointmentId, st); !s)
                showRefusal(s.error());
        });
        a->setCheckable(true);
        a->setChecked(st == b.appointment.status);
    }
    const bool lock = !b.appointment.locked;
    //: Lock the visit in place: it keeps its technician and time when plans are optimized.
    menu.addAction(lock ? tr("Lock") : tr("Unlock"), this, [this, ids, lock] {
        if (Status s = m_editor->setLocked(ids, lock); !s)
            showRefusal(s.error());
    });
    menu.exec(globalPos);
}

bool ScheduleBoard::focusNextPrevChild(bool next)
{
    if (hasFocus() && m_keys->tab(next))
        return true;
    return QAbstractScrollArea::focusNextPrevChild(next);
}

void ScheduleBoard::focusInEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusInEvent(event);
    m_keys->focusIn();
    viewport()->update(); // the focus frame
    m_header->update();   // the focus row's name
}

void ScheduleBoard::focusOutEvent(QFocusEvent *event)
{
    QAbstractScrollArea::focusOutEvent(event);
    viewport()->update();
    m_header->update();
}

void ScheduleBoard::dragEnterEvent(QDragEnterEvent *event) { m_input->dragEnter(event); }
void ScheduleBoard::dragMoveEvent(QDragMoveEvent *event) { m_input->dragMove(event); }
void ScheduleBoard::dragLeaveEvent(QDragLeaveEvent *) { m_input->dragLeave(); }
void ScheduleBoard::dropEvent(QDropEvent *event) { m_input->drop(event); }

bool ScheduleBoard::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_model) {
        auto *help = static_cast<QHelpEvent *>(event);
        const board::BoardGeometry geo(*m_model, m_rows, m_scale);
        const board::BoardHit hit = geo.hitTest(toContent(help->pos()), m_filter.showCancelled);
        // A proposed visit lies over the bars: its tooltip first.
        int preview = -1;
        for (int i = 0; i < int(m_previews.size()) && preview < 0; ++i) {
            if (previewViewportRect(i).contains(help->pos()))
                preview = i;
        }
        if (preview >= 0)
            QToolTip::showText(help->globalPos(), m_previewVisits[preview].tooltip, viewport());
        else if (hit.item >= 0)
            QToolTip::showText(help->globalPos(), tooltipFor(hit.item), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString ScheduleBoard::tooltipFor(int item) const
{
    const BoardItem &b = m_model->items()[size_t(item)];
    const QLocale loc;
    const QTimeZone zone = m_scale.clocks().zoneOf(b.technician);
    auto when = [&](qint64 ms) {
        return loc.toString(QDateTime::fromMSecsSinceEpoch(ms, zone), QLocale::ShortFormat);
    };
    QString html = QStringLiteral("<b>%1</b> · %2<br>").arg(b.appointment.workOrderId.toHtmlEscaped(), b.summary.toHtmlEscaped());
    html += tr("%1 — %2").arg(b.customerName.toHtmlEscaped(), b.siteName.toHtmlEscaped()) + QStringLiteral("<br>");
    if (!b.siteAddress.isEmpty())
        html += b.siteAddress.toHtmlEscaped() + QStringLiteral("<br>");
    html += tr("%1 → %2").arg(when(b.startMs), loc.toString(QDateTime::fromMSecsSinceEpoch(b.endMs, zone).time(), QLocale::ShortFormat))
            + QStringLiteral("<br>");
    html += tr("Status: %1 · Priority %2").arg(BoardPainter::statusText(b.appointment.status)).arg(b.priority);
    if (b.appointment.locked)
        html += tr(" · locked");
    html += QStringLiteral("<br>");
    if (b.hasSla)
        html += tr("SLA due %1").arg(when(b.slaDueMs)) + QStringLiteral("<br>");
    if (b.travelLeadMin > 0)
        html += tr("Travel before: %n min", nullptr, b.travelLeadMin) + QStringLiteral("<br>");
    if (!b.vanLacks.isEmpty() && b.technician >= 0) {
        const Technician &t = m_model->technicians()[size_t(b.technician)].technician;
        html += tr("Van of %1 lacks %2").arg((t.name.isEmpty() ? t.id : t.name).toHtmlEscaped(), b.vanLacks.toHtmlEscaped())
                + QStringLiteral("<br>");
    }
    for (const scheduling::Violation &v : m_model->violations()) {
        if (v.appointmentIds.contains(b.appointment.id))
            html += QStringLiteral("<span style='color:%1'>⚠ %2</span><br>")
                        .arg(colours::css(v.isHard() ? colours::alarm() : colours::warning()), v.detail.toHtmlEscaped());
    }
    return html;
}

} // namespace fieldops::widgets
