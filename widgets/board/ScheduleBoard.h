#pragma once
// The dispatcher's Gantt surface: technicians down (grouped by territory), time across.
// A thin QAbstractScrollArea over the paint engine (BoardPainter) and the drag logic
// (BoardInputHandler); edits go through BoardEditor onto the document's undo stack.
// The row header and the time ruler sit in the viewport margins and scroll with it.
// BoardKeyboard makes all of it reachable from the keyboard alone.
#include "BoardGhost.h"
#include "BoardPainter.h"
#include "board/BoardFilter.h"
#include "board/RowLayout.h"
#include "board/TimeScale.h"
#include "util/Result.h"

#include <QAbstractScrollArea>
#include <QDateTime>
#include <QList>
#include <QPointer>
#include <QSet>
#include <QTimeZone>
#include <QTimer>
#include <functional>
#include <memory>

class QLabel;
class QMimeData;

namespace fieldops {
class BoardEditor;
class RecentChanges;
class SelectionService;
}

namespace fieldops::board {
class BoardModel;
}

namespace fieldops::widgets {
class BoardInputHandler;
class BoardKeyboard;
class BoardMarginWidget;

class ScheduleBoard : public QAbstractScrollArea {
    Q_OBJECT
public:
    static constexpr int kHeaderWidth = 230;
    static constexpr int kRulerHeight = 40;

    explicit ScheduleBoard(QWidget *parent = nullptr);
    ~ScheduleBoard() override;

    // The model and the editor outlive the board (the tab owns them).
    void setEditor(BoardEditor *editor);
    BoardEditor *editor() const { return m_editor; }
    // A role that may not change the schedule still sees it, selects and opens visits, but
    // cannot drag, drop, nudge, unassign or change a status (the server refuses anyway;
    // this keeps the dispatcher from trying).
    void setEditable(bool editable);
    bool isEditable() const { return m_editable; }
    // "Mark absent": a drag along a technician's row draws an absence instead of selecting
    // or moving bars, showing how many visits it covers; on release the board asks its
    // owner to record it (absenceDrawn), who asks about those visits. Esc leaves the mode.
    void setMarkAbsentMode(bool on);
    bool markAbsentMode() const { return m_markAbsent; }
    board::BoardModel *model() const { return m_model; }
    // The console's shared selection: Enter on the focus cell books its work order there,
    // as a drop from the queue would (not owned; may be null).
    void setWorkOrderSelection(SelectionService *selection);
    SelectionService *workOrderSelection() const;

    // View state.
    void setSpan(board::VisibleSpan span);
    board::VisibleSpan span() const { return m_span; }
    void zoomBy(double factor, int anchorViewportX);
    void setSnapMinutes(int minutes) { m_snapMinutes = minutes; }
    int snapMinutes() const { return m_snapMinutes; }
    void setFilter(const board::BoardFilter &filter);
    const board::BoardFilter &filter() const { return m_filter; }
    // Bars other users changed a moment ago are outlined with their name.
    void setRecentChanges(const RecentChanges *recent);
    // The zone times are shown in; with `perTechnician` each technician's row reads that
    // technician's own zone instead, and `zone` only places what belongs to no row (a date
    // chosen, "now" scrolled to). See BoardClocks.
    void setDisplayZone(const QTimeZone &zone, bool perTechnician = false);
    const QTimeZone &displayZone() const { return m_scale.clocks().zone(); }
    bool perTechnicianZones() const { return m_scale.clocks().perTechnician(); }
    void toggleGroup(const QString &territoryId);
    // A fixed "now" for tests and screenshots (invalid: the clock).
    void setNowOverride(const QDateTime &now);
    qint64 nowMs() const;

    void scrollToTime(qint64 ms, double fraction = 0.25);
    void scrollToAppointment(const QString &appointmentId);
    // Brings a technician's row into view (opening its group) without moving in time.
    void scrollToTechnician(const QString &technicianId);

    // Selection (item indices of the model), shared outward as appointment ids.
    QStringList selectedAppointments() const;
    void selectAppointments(const QStringList &ids);
    const QSet<int> &selectedItems() const { return m_selected; }
    void setSelectedItems(const QSet<int> &items);

    // The keyboard's focus cell: a technician's row × one snap step (empty id: none).
    QString focusCellTechnician() const;
    QDateTime focusCellStart() const;
    void setFocusCell(const QString &technicianId, const QDateTime &start);
    QRect focusCellViewportRect() const;
    // The bar's context menu (right click, Menu, Shift+F10) at a global position; runs it.
    void openBarMenu(int item, const QPoint &globalPos);

    // Geometry for the input handler, tests and the benchmark.
    const board::RowLayout &rows() const { return m_rows; }
    const board::TimeScale &scale() const { return m_scale; }
    QPoint scrollOffset() const;
    QPointF toContent(const QPointF &viewportPos) const { return viewportPos + QPointF(scrollOffset()); }
    // Viewport rect of a bar (null when hidden); for tests that aim the mouse.
    QRect barViewportRect(const QString &appointmentId) const;
    // Viewport x of an instant (on the display zone's clock, or on a technician's row) and y
    // of the middle of a technician's row (-1 when hidden).
    int viewportX(qint64 ms) const;
    int viewportX(const QString &technicianId, qint64 ms) const;
    int viewportRowCenter(const QString &technicianId) const;

    // Suggested slots shaded on the technicians' rows (the suggestion panel's candidates);
    // empty clears them. Technicians not on the board are skipped.
    struct SlotHighlight {
        QString technicianId;
        QDateTime start, end;
    };
    void setHighlightedSlots(const QList<SlotHighlight> &spans);
    const std::vector<BoardHighlight> &highlightedSlots() const { return m_highlights; }

    // Visits the optimize panel proposes, as dashed bars with a tooltip until the proposal
    // is accepted or discarded; empty clears them. Technicians not on the board are skipped.
    struct PreviewVisit {
        QString technicianId;
        QDateTime start, end;
        QString label;   // on the bar (the work order)
        QString tooltip; // rich text
    };
    void setPreviewVisits(const QList<PreviewVisit> &visits);
    const QList<PreviewVisit> &previewVisits() const { return m_previewVisits; }
    // Viewport rect of a preview bar (null when hidden); for tests that aim the mouse.
    QRect previewViewportRect(int index) const;

    BoardPaintContext paintContext() const;
    const BoardGhost *ghost() const;
    // How a message line reads: a refusal (nothing was written) stands out, a warning
    // (written, but look) less, information not at all.
    enum class MessageKind { Info, Warning, Refusal };
    Q_ENUM(MessageKind)
    // The last message shown (refusal, verdict); also emitted with message().
    QString lastMessage() const { return m_lastMessage; }
    void showMessage(const QString &text, MessageKind kind = MessageKind::Info);
    void showRefusal(const Error &error) { showMessage(error.message, MessageKind::Refusal); }
    // Repaint just these technicians' rows (cost follows the change).
    void updateTechnicians(const QList<int> &technicians);
    void updateGhostArea(const BoardGhost *before, const BoardGhost *after);

    // Bars dragged out of the board travel as a real drag (the queue takes them back).
    // The launcher runs it; the default is a QDrag. Tests replace it because QDrag::exec
    // waits for the platform's pointer, which an offscreen test does not have.
    using DragLauncher = std::function<void(QMimeData *mime)>;
    void setDragLauncher(DragLauncher launcher) { m_dragLauncher = std::move(launcher); }
    static QMimeData *mimeForAppointments(const QStringList &appointmentIds);
    void dragOut(const QStringList &appointmentIds);

signals:
    void message(const QString &text, fieldops::widgets::ScheduleBoard::MessageKind kind);
    void selectionChanged(const QStringList &appointmentIds);
    void workOrderActivated(const QString &workOrderId); // single selection, for the shared selection
    void openWorkOrderRequested(const QString &workOrderId);
    void openOnMapRequested(const QString &workOrderId);
    // The work order's own form, or its cancellation (with a reason), from the bar's menu.
    void editWorkOrderRequested(const QString &workOrderId);
    void cancelWorkOrderRequested(const QString &workOrderId);
    // How the visit ended: arrival, departure, resolved or why not.
    void recordOutcomeRequested(const QString &appointmentId);
    // A repair of the day from a bar's menu: its visit runs long, or its technician is off sick.
    void overrunRepairRequested(const QString &appointmentId);
    void absenceRepairRequested(const QString &technicianId);
    void absenceDrawn(const QString &technicianId, const QDateTime &start, const QDateTime &end);
    void markAbsentModeChanged(bool on);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    // Tab / Shift+Tab go from bar to bar while there is one to go to.
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    friend class BoardMarginWidget;
    friend class BoardKeyboard; // repaints the row header when the focus cell changes row
    void onReloaded();
    void relayoutRows();
    void updateScrollBars();
    QString tooltipFor(int item) const;
    void headerClicked(const QPoint &pos);
    void scrollToX(double contentX, double fraction);
    void updateZoneLabel();

    BoardEditor *m_editor = nullptr;
    board::BoardModel *m_model = nullptr;
    board::RowLayout m_rows;
    board::TimeScale m_scale;
    board::BoardFilter m_filter;
    board::VisibleSpan m_span = board::VisibleSpan::Day;
    QSet<QString> m_collapsed;
    QSet<int> m_selected;
    QDateTime m_nowOverride;
    int m_snapMinutes = 15;
    QString m_lastMessage;
    BoardPainter m_painter;
    std::unique_ptr<BoardInputHandler> m_input;
    std::unique_ptr<BoardKeyboard> m_keys;
    QPointer<SelectionService> m_workOrderSelection;
    BoardMarginWidget *m_header;
    BoardMarginWidget *m_ruler;
    QLabel *m_zoneLabel;
    QTimer m_nowTimer;
    DragLauncher m_dragLauncher;
    const RecentChanges *m_recent = nullptr;
    std::vector<BoardHighlight> m_highlights;
    QList<SlotHighlight> m_highlightSlots; // re-resolved to row indices when the model reloads
    std::vector<BoardPreviewBar> m_previews; // m_previewVisits resolved to row indices
    QList<PreviewVisit> m_previewVisits;
    bool m_editable = true;
    bool m_markAbsent = false;
};

} // namespace fieldops::widgets
