#include "commands/SetIntervalCommand.h"

#include "document/UndoCommandIds.h"
#include "repositories/AppointmentWriter.h"
#include "storage/Database.h"

#include <QTimeZone>
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
    case SetIntervalCommand::Kind::Swap:
        return undoText("Swap appointments");
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
    case Kind::Swap:
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
    // need the old place of a companion that has not moved yet.
    // PostgreSQL: the exclusion constraint is deferrable, so the whole set is judged once,
    // at commit, on the final rows.
    // SQLite judges each row at once (a trigger). Each write runs under a savepoint; a
    // write refused as a double booking is retried after the others. When a round makes
    // no progress the rows may be exchanging places (A takes B's slot, B takes A's): one
    // of them steps aside to a parking slot no real visit uses, and the rounds go on.
    // Only when parking frees nothing either is it a real collision: refused, and the
    // transaction leaves every row as it was.
    if (m_edits.size() > 1 && db().isPostgres()) {
        if (Status s = db().execDirect(QStringLiteral("SET CONSTRAINTS appointments_no_double_booking DEFERRED")); !s)
            return s;
    }
    std::vector<size_t> pending(m_edits.size());
    std::iota(pending.begin(), pending.end(), size_t(0));
    std::vector<bool> parked(m_edits.size(), false);
    AppointmentWriter w(db());
    auto guardedWrite = [&](IntervalEdit &e, const QString &tech, const QDateTime &start, const QDateTime &end) -> Status {
        if (Status s = db().execDirect(QStringLiteral("SAVEPOINT fieldops_move")); !s)
            return s;
        auto v = w.setInterval(e.ref.id, expectedVersion(e.ref), tech, start, end);
        if (!v) {
            if (Status s = db().execDirect(QStringLiteral("ROLLBACK TO SAVEPOINT fieldops_move")); !s)
                return s;
            return v.error();
        }
        wrote(e.ref, *v);
        return db().execDirect(QStringLiteral("RELEASE SAVEPOINT fieldops_move"));
    };
    while (!pending.empty()) {
        std::vector<size_t> refused;
        Error lastRefusal;
        for (const size_t i : pending) {
            IntervalEdit &e = m_edits[i];
            const QString &tech = forward ? e.toTechnician : e.fromTechnician;
            const QDateTime &start = forward ? e.toStart : e.fromStart;
            const QDateTime &end = forward ? e.toEnd : e.fromEnd;
            if (Status s = guardedWrite(e, tech, start, end); !s) {
                if (s.error().kind != Error::Kind::DoubleBooking)
                    return s;
                refused.push_back(i);
                lastRefusal = s.error();
            }
        }
        if (refused.size() == pending.size()) {
            // No progress: park one row that is still in someone's way, then go on. A lone
            // refusal has nobody to make room for.
            const auto candidate = std::find_if(refused.begin(), refused.end(), [&](size_t i) { return !parked[i]; });
            if (refused.size() < 2 || candidate == refused.end())
                return lastRefusal;
            IntervalEdit &e = m_edits[*candidate];
            const QDateTime parking = QDateTime(QDate(1900, 1, 1), QTime(0, 0), QTimeZone::utc()).addSecs(qint64(*candidate) * 60);
            if (Status s = guardedWrite(e, forward ? e.fromTechnician : e.toTechnician, parking, parking.addSecs(60)); !s)
                return s.error().kind == Error::Kind::DoubleBooking ? lastRefusal : s;
            parked[*candidate] = true;
        }
        pending = std::move(refused);
    }
    return {};
}

} // namespace fieldops
