#pragma once
// The board from the keyboard alone (README, "Keyboard shortcuts"). With no bar selected a
// focus cell (a technician's row × one snap step) moves with the arrow keys and Enter drops
// the queue's selected work order there; Tab / Shift+Tab pick the bars of a row one after
// the other; Alt+arrows move the selected bar to the row above or below or one snap step
// (Alt+Shift: one hour) earlier or later; Menu or Shift+F10 open its context menu; Esc
// lets go. Every edit goes through BoardInputHandler as the same drag or drop a mouse
// would make, so the verdict, the refusal and the undo entry are the mouse's.
#include <QDateTime>
#include <QRect>
#include <QString>
#include <vector>

class QKeyEvent;
class QPainter;

namespace fieldops::widgets {
class BoardInputHandler;
class ScheduleBoard;

class BoardKeyboard {
public:
    BoardKeyboard(ScheduleBoard *board, BoardInputHandler *input) : m_board(board), m_input(input) {}

    // True when the key was the board's to act on.
    bool key(QKeyEvent *e);
    // Tab (forward) or Shift+Tab: true when it picked a bar; false lets focus leave the board.
    bool tab(bool forward);
    // The board got focus: a cell to start from, where the dispatcher is looking.
    void focusIn();
    // The rows were rebuilt (reload, filter, collapse): a cell on a row no longer shown goes.
    void rowsChanged();
    // The selection changed (mouse or keys): the cell follows the current bar. Only the
    // keys scroll it into view; a click must not move the board under the pointer.
    void selectionChanged(bool reveal = false);

    bool hasCell() const { return !m_cellTechId.isEmpty(); }
    // The model's index of the cell's technician (-1: none). Kept by id because a reload
    // may renumber the technicians.
    int cellTechnician() const;
    qint64 cellStartMs() const { return m_cellStartMs; }
    void setCell(int technician, qint64 startMs, bool reveal = true);
    void clearCell();
    // A click on free space puts the cell there (not scrolled): Enter then books that slot.
    void placeAt(const QPoint &viewportPos);
    // The cell in viewport coordinates (null without one).
    QRect cellViewportRect() const;
    // The focus frame and the cell, over what the painter drew.
    void paint(QPainter &p) const;
    // What a screen reader says about the focused bar or cell.
    QString description() const;
    // The current bar's context menu, under the bar (Menu, Shift+F10).
    void openMenu();

private:
    qint64 stepMs() const;
    // The start (UTC) of the cell that holds axis instant `axisMs` on a technician's row.
    qint64 cellAt(int technician, qint64 axisMs) const;
    int currentItem() const;
    // The technician `delta` technician rows away from `tech` (-1: none that way).
    int neighbourTechnician(int tech, int delta) const;
    std::vector<int> barsOfRow(int tech) const;
    void moveCell(int rowDelta, int steps);
    void moveBar(int rowDelta, qint64 shiftMs);
    void assignHere();
    void ensureCellVisible();
    void announce();

    ScheduleBoard *m_board;
    BoardInputHandler *m_input;
    QString m_cellTechId;
    qint64 m_cellStartMs = 0;
    int m_lastItem = -1; // the bar picked last by the keys: the current one of several
};

} // namespace fieldops::widgets
