#pragma once
// The board's way into the undo history: it builds the commands for a drop, a move, a
// resize, an unassign, a status change or a lock, pushes them on the document's stack,
// and keeps the BoardModel in step: after every write or refusal (including undo/redo
// and edits pushed by other views) it re-reads just the rows concerned, and it applies
// the live change feed the same way. Widgets call this; they never issue SQL.
#include "commands/SetIntervalCommand.h"
#include "board/BoardLoader.h"
#include "commands/VersionLedger.h"
#include "dayplan/DayPlan.h"
#include "dayplan/DayRepair.h"
#include "sync/Change.h"
#include "util/Result.h"

#include <QDateTime>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace fieldops {
class Database;
class QueryWorker;
class ScheduleDocument;
}

namespace fieldops::board {
class BoardModel;
}

namespace fieldops {

class BoardEditor : public QObject {
    Q_OBJECT
public:
    // Edits and the by-id re-reads after them go through `channel` (in the console the
    // session's edit thread; in tests and benchmarks a connection they own).
    BoardEditor(EditChannel channel, ScheduleDocument *document, board::BoardModel *model, QObject *parent = nullptr);
    ~BoardEditor() override;

    // With a reader, horizons load on its thread and the GUI keeps painting meanwhile;
    // without one (tests, benchmarks) they load at once on the caller's thread.
    void setHorizonReader(std::unique_ptr<QueryWorker> reader);
    // Reads [from, to) and swaps it into the model; horizonLoaded() or problem() follows.
    void loadHorizon(const QDateTime &from, const QDateTime &to);
    bool isLoadingHorizon() const { return m_loadInFlight; }

    // Reads a queue work order and makes it known to the conflict engine (a drop from
    // the queue is judged against it).
    Result<board::LoadedWorkOrder> prepareWorkOrder(const QString &workOrderId);
    ScheduleDocument *document() const { return m_document; }
    board::BoardModel *model() const { return m_model; }

    // Each pushes one command and returns the database's refusal, if any (the command is
    // then not in the history and the rows were reloaded).
    Status assign(const QString &workOrderId, const QString &technicianId, const QDateTime &start, const QDateTime &end);
    Status setIntervals(std::vector<IntervalEdit> edits, SetIntervalCommand::Kind kind);
    // Two visits exchange technician and start time, each keeping its own duration.
    Status swapSlots(const QString &firstId, const QString &secondId);
    Status unassign(const QStringList &appointmentIds);
    Status changeStatus(const QString &appointmentId, const QString &status);
    Status setLocked(const QStringList &appointmentIds, bool locked);
    // An accepted "Optimize day" proposal as one step (BookDayPlanCommand): refused, with
    // nothing written, when the schedule changed after `changeSeq`. Returns the new
    // appointment ids in the plan's order.
    Result<QStringList> bookDayPlan(const QDate &day, const std::vector<dayplan::PlannedVisit> &visits, qint64 changeSeq);
    // The chosen option of a repair of the day as one step (RepairDayCommand), named `text`;
    // `before` holds the appointments it moves or cancels as read with the day. Refused, with
    // nothing written, when the schedule changed after `changeSeq`.
    Status repairDay(const QString &text, const dayplan::RepairOption &option, const Absence &absence,
                     const std::vector<Appointment> &before, qint64 changeSeq);

    // Refused when the technician is inactive: they keep their visits but take no new ones
    // (the suggestions and the day planner leave them out as well).
    Status takesNewWork(const QString &technicianId) const;

public slots:
    // From ChangeFeed::changesArrived: appointments and work orders reload by id; changes to
    // technicians or absences reload the horizon.
    void applyChanges(const fieldops::ChangeList &changes);

signals:
    // A refused edit or a failed reload, in words for the dispatcher.
    void problem(const QString &message);
    // The appointment the last assign created (tests and "select the new bar").
    void assigned(const QString &appointmentId);
    void horizonLoading();
    void horizonLoaded();

private:
    Status push(class ScheduleEditCommand *command);
    EditTarget target();
    // What the dispatcher saw when starting an edit is what the write must expect.
    void saw(const QString &appointmentId, int version);
    void refresh(const QStringList &appointmentIds);
    // Re-reads these rows through the channel and applies them to the model.
    Status reread(const QStringList &appointmentIds, const QStringList &workOrderIds);

    EditChannel m_channel;
    std::unique_ptr<QueryWorker> m_reader;
    bool m_loadInFlight = false;
    QDateTime m_requestedFrom, m_requestedTo; // the horizon asked for last
    quint64 m_loadGeneration = 0;
    // Rows re-read while a horizon read was under way: the read may predate them.
    QSet<QString> m_touchedDuringLoad, m_workOrdersTouchedDuringLoad;
    ScheduleDocument *m_document;
    board::BoardModel *m_model;
    bool m_pushing = false;
    std::optional<Error> m_refusal;
};

} // namespace fieldops
