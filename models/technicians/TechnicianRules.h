#pragma once
// Adding, changing, deactivating and reactivating technicians: the checks field by field
// (the technicians.csv column rules for numbers, clocks, the time zone and the week;
// references read from the database: the id is free, the territory and the skills exist),
// the record edits that save a draft, and the reads the technicians tab needs (the list
// with its filters, one technician, what the form offers). Deactivating keeps the
// technician and their history; the board gives an inactive technician no new work.
#include "records/RecordEdit.h"
#include "technicians/TechnicianDraft.h"

namespace fieldops {
class Database;
}

namespace fieldops::technicians {

struct SavedTechnician {
    TechnicianDraft draft;      // as saved
    records::RecordEdits edits; // what the save wrote, at the versions it left (empty: nothing changed)
    FieldIssues issues;         // non-empty: refused, nothing written
};

class TechnicianRules {
public:
    explicit TechnicianRules(Database &db) : m_db(db) {}

    // Everything wrong with the draft, in field order; empty when it may be saved.
    Result<FieldIssues> check(const TechnicianDraft &draft, bool isNew);
    // The checks that need no database, for a form validating as the user types.
    static FieldIssues checkValues(const TechnicianDraft &draft, bool isNew);
    static void sortByField(FieldIssues &issues);

    Result<TechnicianDraft> load(const QString &id);
    Result<QVector<TechnicianRow>> list(const TechnicianFilter &filter);
    Result<TechnicianCatalog> catalog();

    // The values as bound in SQL (the draft checked beforehand).
    static records::RecordValues values(const TechnicianDraft &draft);
    static records::RecordEdits createEdits(const TechnicianDraft &draft);
    static records::RecordEdits updateEdits(const TechnicianDraft &before, const TechnicianDraft &after);

    // Checks and writes a new technician or the changes from `before` to `draft`, in one
    // transaction of its own; a change since `before` was read is refused in words.
    static Result<SavedTechnician> save(Database &db, const TechnicianDraft &draft, bool isNew, const TechnicianDraft &before);
    // Deactivates (active = false) or reactivates the technician seen at `seenVersion`.
    static Result<SavedTechnician> setActive(Database &db, const QString &id, int seenVersion, bool active);

private:
    Status checkReferences(const TechnicianDraft &draft, bool isNew, FieldIssues &issues);
    Database &m_db;
};

} // namespace fieldops::technicians
