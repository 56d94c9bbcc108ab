#pragma once
// Drag-to-assign on the map, end to end: a pin dropped on a technician asks the conflict
// engine for that technician's next feasible slot, shows the proposal and its verdict,
// and on "yes" pushes the schedule board's assign command on the one undo stack (so the
// board, the queue and Ctrl+Z all see it). Writes go through its own connection, opened
// on first use.
#include "map/NextFeasibleSlot.h"

#include <QObject>
#include <functional>
#include <memory>

class QWidget;

namespace fieldops {
class ConsoleSession;
class Database;
}

namespace fieldops::gui {

class MapAssignController : public QObject {
    Q_OBJECT
public:
    MapAssignController(ConsoleSession *session, QWidget *dialogParent);
    ~MapAssignController() override;

    // Decides whether to book the proposal; the default asks the dispatcher in a dialog.
    using Confirm = std::function<bool(const map::SlotProposal &proposal, const QString &text)>;
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // For tests: a fixed "now" (invalid = the real clock).
    void setClockOverride(const QDateTime &now) { m_clockOverride = now; }

    // The proposal in words: when, and what the rules say about it.
    static QString describe(const map::SlotProposal &proposal, const QString &technicianName);

public slots:
    void assign(const QString &workOrderId, const QString &technicianId);

signals:
    void assigned(const QString &workOrderId, const QString &technicianId);
    void problem(const QString &message);

private:
    void book(const map::SlotProposal &slot, const QString &technicianName);
    ConsoleSession *m_session;
    QWidget *m_dialogParent;
    Confirm m_confirm;
    QDateTime m_clockOverride;
};

} // namespace fieldops::gui
