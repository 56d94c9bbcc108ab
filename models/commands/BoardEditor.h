#pragma once
// The board's way into the undo history: it builds the commands for a drop, a move, a
// resize, an unassign, a status change or a lock, pushes them on the document's stack,
// and keeps the BoardModel in step: after every write or refusal (including undo/redo
// and edits pushed by other views) it re-reads just the rows concerned, and it applies
// the live change feed the same way. Widgets call this; they never issue SQL.
#include "commands/SetIntervalCommand.h"
#include "commands/VersionLedger.h"
#include "sync/Change.h"
#include "util/Result.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <optional>
#include <vector>

namespace fieldops {
class Database;
class ScheduleDocument;
}

namespace fieldops::board {
class BoardModel;
}

namespace fieldops {

class BoardEditor : public QObject {
    Q_OBJECT
public:
    BoardEditor(Database *db, ScheduleDocument *document, board::BoardModel *model, QObject *parent = nullptr);

    Database *database() const { return m_db; }
    ScheduleDocument *document() const { return m_document; }
    board::BoardModel *model() const { return m_model; }

    // Each pushes one command and returns the database's refusal, if any (the command is
    // then not in the history and the rows were reloaded).
    Status assign(const QString &workOrderId, const QString &technicianId, const QDateTime &start, const QDateTime &end);
    Status setIntervals(std::vector<IntervalEdit> edits, SetIntervalCommand::Kind kind);
    Status unassign(const QStringList &appointmentIds);
    Status changeStatus(const QString &appointmentId, const QString &status);
    Status setLocked(const QStringList &appointmentIds, bool locked);

public slots:
    // From ChangeFeed::changesArrived: appointments and work orders reload by id; changes to
    // technicians or absences reload the horizon.
    void applyChanges(const fieldops::ChangeList &changes);

signals:
    // A refused edit or a failed reload, in words for the dispatcher.
    void problem(const QString &message);
    // The appointment the last assign created (tests and "select the new bar").
    void assigned(const QString &appointmentId);

private:
    Status push(class ScheduleEditCommand *command);
    EditTarget target() { return {m_db, m_document, &m_versions}; }
    // What the dispatcher saw when starting an edit is what the write must expect.
    void saw(const QString &appointmentId, int version) { m_versions.record(appointmentId, version); }
    void refresh(const QStringList &appointmentIds);

    Database *m_db;
    ScheduleDocument *m_document;
    board::BoardModel *m_model;
    bool m_pushing = false;
    std::optional<Error> m_refusal;
    VersionLedger m_versions;
};

} // namespace fieldops
