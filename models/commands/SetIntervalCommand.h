#pragma once
// Move, reassign and resize: each appointment's (start, end, technician) changes as one
// value (the README's developers' section), and a multi-selection moves in one transaction, so the database
// never sees half a move. Arrow-key nudges of the same selection merge into one entry.
#include "commands/ScheduleEditCommand.h"

#include <QDateTime>
#include <vector>

namespace fieldops {

struct IntervalEdit {
    AppointmentRef ref;
    QString fromTechnician;
    QDateTime fromStart, fromEnd;
    QString toTechnician;
    QDateTime toStart, toEnd;
};

class SetIntervalCommand : public ScheduleEditCommand {
public:
    enum class Kind { Move, Resize, Nudge, Swap };
    SetIntervalCommand(const EditTarget &target, std::vector<IntervalEdit> edits, Kind kind);
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;
    const std::vector<IntervalEdit> &edits() const { return m_edits; }

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override;

private:
    std::vector<IntervalEdit> m_edits;
    Kind m_kind;
};

} // namespace fieldops
