#pragma once
// The base of every schedule edit on the undo stack. redo() and undo() each write through
// the repository in one transaction, on the target's EditChannel (in the console: the
// session's edit thread); when the database refuses (double booking, a stale
// version, a lost connection) nothing is written, the command marks itself obsolete (so
// QUndoStack drops it instead of keeping an entry that no longer matches the database)
// and the document reports the reason, which makes the views reload the rows concerned.
#include "session/EditChannel.h"
#include "util/Result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUndoCommand>

namespace fieldops {
class Database;
class ScheduleDocument;

// Where an edit goes: the channel it writes through and the document that reports it.
struct EditTarget {
    EditChannel channel;
    ScheduleDocument *document = nullptr;
    class VersionLedger *versions = nullptr; // optional: shared by the commands of one stack
};

// An appointment as the edit last saw it: writes expect exactly this version.
struct AppointmentRef {
    QString id;
    int version = 1;
};

// Translated undo texts share one context (the README's developers' section).
inline QString undoText(const char *text) { return QCoreApplication::translate("UndoCommands", text); }

class ScheduleEditCommand : public QUndoCommand {
public:
    void redo() final { run(true); }
    void undo() final { run(false); }

    // Set when the last redo()/undo() was refused; the command is then obsolete.
    const Error &lastError() const { return m_lastError; }

protected:
    ScheduleEditCommand(const EditTarget &target, const QString &text);
    // The connection of the write under way (valid inside apply() only).
    Database &db() const { return *m_db; }
    ScheduleDocument *document() const { return m_target.document; }
    VersionLedger *ledger() const { return m_target.versions; }
    // After a direction was committed: records beyond appointments tell their views here.
    virtual void committed() {}
    // False when this direction has nothing to write (an edit saved elsewhere, reported
    // on its first redo): no transaction is opened for it.
    virtual bool writes(bool /*forward*/) const { return true; }
    // The version a write must expect, and the bookkeeping after it succeeded.
    int expectedVersion(const AppointmentRef &ref) const;
    void wrote(AppointmentRef &ref, int version);
    // One direction of the edit, inside an open transaction. Versions held by the command
    // may be advanced even when a later statement fails: a refused command is discarded.
    virtual Status apply(bool forward) = 0;
    virtual QStringList appointmentIds() const = 0;

private:
    void run(bool forward);
    EditTarget m_target;
    Database *m_db = nullptr;
    Error m_lastError;
};

} // namespace fieldops
