#pragma once
// The one owner of schedule edits and their history (the README's developers' section): every edit (a drag on
// the board, a status change in the table) is a QUndoCommand pushed here, so Ctrl+Z
// undoes whichever came last. Lives in models (QUndoStack is Qt Gui, not Widgets).
#include "commands/VersionLedger.h"
#include "util/Result.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <QUndoStack>
#include <functional>

namespace fieldops {

class ScheduleDocument : public QObject {
    Q_OBJECT
public:
    explicit ScheduleDocument(QObject *parent = nullptr);
    QUndoStack *undoStack() { return &m_undoStack; }

    // Takes ownership; the command's redo() runs now.
    void push(QUndoCommand *command) { m_undoStack.push(command); }
    // The versions this console last wrote or showed, shared by every command on the stack.
    VersionLedger *versions() { return &m_versions; }
    // After a reconnect or a switch of database the history no longer applies.
    void resetHistory()
    {
        m_undoStack.clear();
        m_versions.clear();
    }
    bool isClean() const { return m_undoStack.isClean(); }
    // The console's clock (the session's, which tests pin): what "today" is for the
    // technicians' notices the edits write. Unset: the real clock.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    // Called by the commands (models/commands): views that show the rows reload them from
    // the database after either, so what they show is what the server holds.
    void reportWritten(const QStringList &appointmentIds) { emit appointmentsWritten(appointmentIds); }
    // Records other than appointments (work orders, customers …) written by a command.
    void reportRecordsWritten(const QString &table, const QStringList &ids) { emit recordsWritten(table, ids); }
    void reportRefusal(const fieldops::Error &error, const QStringList &appointmentIds)
    {
        emit editRefused(error, appointmentIds);
    }

signals:
    void appointmentsWritten(const QStringList &appointmentIds);
    void recordsWritten(const QString &table, const QStringList &ids);
    // The database refused an edit (double booking, stale version, connection lost): the
    // command was dropped from the history and nothing of it was written.
    void editRefused(const fieldops::Error &error, const QStringList &appointmentIds);

private:
    QUndoStack m_undoStack;
    VersionLedger m_versions;
    std::function<QDateTime()> m_clock;
};

} // namespace fieldops
