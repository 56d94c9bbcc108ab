#pragma once
// Absences of a technician: the checks (ends after it starts, a reason of reasonable
// length, no overlap with another absence of the same technician), the visits an absence
// covers (booked, not finished or cancelled, intersecting it), and the record edits that
// save one — optionally returning the covered visits to the queue in the same step, as
// the board's Unassign does (the visit is cancelled; its work order reopens when it has
// no other visit left), so one undo restores the absence and the visits together.
#include "records/RecordEdit.h"
#include "technicians/TechnicianDraft.h"

namespace fieldops {
class Database;
}

namespace fieldops::technicians {

struct SavedAbsence {
    AbsenceDraft draft;         // as saved: the id the database gave a new absence
    records::RecordEdits edits; // the absence first, then the visits returned to the queue
    FieldIssues issues;         // non-empty: refused, nothing written
};

class AbsenceRules {
public:
    explicit AbsenceRules(Database &db) : m_db(db) {}

    // The reasons a form proposes; any other short text is allowed too.
    static const QStringList &reasons();
    static QString reasonText(const QString &reason); // "vacation" → "Vacation", others as typed

    // The checks that need no database; `others`: the technician's other absences, for
    // the overlap check (an absence with the draft's own id is ignored).
    static FieldIssues checkValues(const AbsenceDraft &draft, const QVector<AbsenceDraft> &others = {});
    // Everything, with the technician's absences read from the database.
    Result<FieldIssues> check(const AbsenceDraft &draft);

    // The technician's absences, by start.
    Result<QVector<AbsenceDraft>> absences(const QString &technicianId);
    Result<AbsenceDraft> load(const QString &absenceId);
    // The technician's visits intersecting [start, end) that are still to be done.
    Result<CoveredVisits> coveredVisits(const QString &technicianId, const QDateTime &start, const QDateTime &end);

    static records::RecordValues values(const AbsenceDraft &draft);
    // The edits that save `draft` (new when its id is empty, else changed from `before`)
    // and return `visits` to the queue.
    Result<records::RecordEdits> saveEdits(const AbsenceDraft &draft, const AbsenceDraft &before, const CoveredVisits &visits);
    static records::RecordEdits removeEdits(const AbsenceDraft &absence);

    // Checks and writes in one transaction of its own; `returnVisitIds`: the covered
    // visits the dispatcher chose to return to the queue (each must still be covered).
    static Result<SavedAbsence> save(Database &db, const AbsenceDraft &draft, const AbsenceDraft &before,
                                     const QStringList &returnVisitIds);
    // Removes the absence seen at `seenVersion`.
    static Result<SavedAbsence> remove(Database &db, const QString &absenceId, int seenVersion);

private:
    Database &m_db;
};

} // namespace fieldops::technicians
