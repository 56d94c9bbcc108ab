#pragma once
// Any edit of any record on the console's one undo stack: creating a work order,
// changing a customer, cancelling a work order with its visits. It replays its list of
// RecordEdits in one transaction in either direction with the version check, so a lost
// race is refused in words and the command is dropped (as the schedule's commands are).
#include "commands/ScheduleEditCommand.h"
#include "records/RecordEdit.h"

namespace fieldops {

class RecordEditCommand : public ScheduleEditCommand {
public:
    // `text` names the edit for Edit → Undo ("New work order WO-000123").
    RecordEditCommand(const EditTarget &target, const QString &text, records::RecordEdits edits);
    // For an edit already written elsewhere (a form saved on the session's worker): the
    // first redo() only reports it; undo and later redos write as usual.
    static RecordEditCommand *alreadyApplied(const EditTarget &target, const QString &text, records::RecordEdits edits);

    const records::RecordEdits &edits() const { return m_edits; }

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override;
    void committed() override;
    bool writes(bool forward) const override { return !(forward && m_skipNextRedo); }

private:
    records::RecordEdits m_edits;
    bool m_skipNextRedo = false;
};

} // namespace fieldops
