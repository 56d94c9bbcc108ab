#pragma once
// The one owner of schedule edits and their history (STYLE.md §1): every edit (a drag on
// the board, a status change in the table) is a QUndoCommand pushed here, so Ctrl+Z
// undoes whichever came last. Lives in models (QUndoStack is Qt Gui, not Widgets).
#include <QObject>
#include <QUndoStack>

namespace fieldops {

class ScheduleDocument : public QObject {
    Q_OBJECT
public:
    explicit ScheduleDocument(QObject *parent = nullptr);
    QUndoStack *undoStack() { return &m_undoStack; }

    // Takes ownership; the command's redo() runs now.
    void push(QUndoCommand *command) { m_undoStack.push(command); }
    // After a reconnect or a switch of database the history no longer applies.
    void resetHistory() { m_undoStack.clear(); }
    bool isClean() const { return m_undoStack.isClean(); }

private:
    QUndoStack m_undoStack;
};

} // namespace fieldops
