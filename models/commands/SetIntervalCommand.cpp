#include "commands/SetIntervalCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"
#include "storage/Database.h"

#include <algorithm>
#include <numeric>

namespace fieldops {

namespace {
QString textFor(SetIntervalCommand::Kind kind, size_t n)
{
    switch (kind) {
    case SetIntervalCommand::Kind::Resize:
        return undoText("Resize appointment");
    case SetIntervalCommand::Kind::Nudge:
        return n == 1 ? undoText("Nudge appointment") : undoText("Nudge %1 appointments").arg(n);
    case SetIntervalCommand::Kind::Move:
        break;
    }
    return n == 1 ? undoText("Move appointment") : undoText("Move %1 appointments").arg(n);
}
} // namespace

SetIntervalCommand::SetIntervalCommand(const EditTarget &target, std::vector<IntervalEdit> edits, Kind kind)
    : ScheduleEditCommand(target, textFor(kind, edits.size())), m_edits(std::move(edits)), m_kind(kind)
{
}

int SetIntervalCommand::id() const
{
    switch (m_kind) {
    case Kind::Resize:
        return int(UndoCommandId::ResizeAppointment);
    case Kind::Nudge:
        return int(UndoCommandId::NudgeAppointments);
    case Kind::Move:
        break;
    }
    return int(UndoCommandId::MoveAppointment);
}

bool SetIntervalCommand::mergeWith(const QUndoCommand *other)
{
    // Only keyboard nudges merge: a drag is already one command, pushed on release.
    if (m_kind != Kind::Nudge || other->id() != id())
        return false;
    const auto *o = static_cast<const SetIntervalCommand *>(other);
    if (o->m_edits.size() != m_edits.size())
        return false;
    for (size_t i = 0; i < m_edits.size(); ++i) {
        if (o->m_edits[i].ref.id != m_edits[i].ref.id)
            return false;
    }
    bool backHome = true;
    for (size_t i = 0; i < m_edits.size(); ++i) {
        IntervalEdit &e = m_edits[i];
        const IntervalEdit &n = o->m_edits[i];
        e.toTechnician = n.toTechnician;
        e.toStart = n.toStart;
        e.toEnd = n.toEnd;
        e.ref.version = n.ref.version; // the other command already wrote
        backHome = backHome && e.toTechnician == e.fromTechnician && e.toStart == e.fromStart && e.toEnd == e.fromEnd;
    }
    // Nudged back to where it began: no entry (the rows are where they were).
    setObsolete(backHome);
    return true;
}

QStringList SetIntervalCommand::appointmentIds() const
{
    QStringList ids;
    for (const IntervalEdit &e : m_edits)
        ids << e.ref.id;
    return ids;
}

Status SetIntervalCommand::apply(bool forward)
{
    // The database judges each row as it is written, so within one selection a visit may
    // need the old place of a companion that has not moved yet. Each write runs under a
    // savepoint; a write refused as a double booking is retried after the others, until
    // everything is written or no write makes progress (a real collision: refused).
    std::vector<size_t> pending(m_edits.size());
    std::iota(pending.begin(), pending.end(), size_t(0));
    AppointmentWriter w(db());
    while (!pending.empty()) {
        std::vector<size_t> refused;
        Error lastRefusal;
        for (const size_t i : pending) {
            IntervalEdit &e = m_edits[i];
            const bool guarded = pending.size() > 1;
            if (guarded) {
                if (Status s = db().execDirect(QStringLiteral("SAVEPOINT fieldops_move")); !s)
                    return s;
            }
            auto v = forward ? w.setInterval(e.ref.id, expectedVersion(e.ref), e.toTechnician, e.toStart, e.toEnd)
                             : w.setInterval(e.ref.id, expectedVersion(e.ref), e.fromTechnician, e.fromStart, e.fromEnd);
            if (!v) {
                if (!guarded || v.error().kind != Error::Kind::DoubleBooking)
                    return v.error();
                if (Status s = db().execDirect(QStringLiteral("ROLLBACK TO SAVEPOINT fieldops_move")); !s)
                    return s;
                refused.push_back(i);
                lastRefusal = v.error();
                continue;
            }
            if (guarded) {
                if (Status s = db().execDirect(QStringLiteral("RELEASE SAVEPOINT fieldops_move")); !s)
                    return s;
            }
            wrote(e.ref, *v);
        }
        if (refused.size() == pending.size())
            return lastRefusal;
        pending = std::move(refused);
    }
    return {};
}

} // namespace fieldops
