#pragma once
// A reviewer's decisions on time entries, as record edits of the editing spine (versioned
// writes through RecordWriter), each landing in the change log and the audit log through
// the database's triggers, so the audit keeps the values a correction replaced; the same
// edits undo a decision on the console's undo stack. The rules live here, for the CLI and
// the console alike:
//  - approve: pending entries become approved as entered; entries already reviewed are
//    left as they are (and reported), so approving twice changes nothing.
//  - correct: a new start, end, billable or comment; the entry becomes corrected. The end
//    must be after the start (correctionIssues). With an expected version, an entry at
//    another version is refused.
// Each write is one transaction: all the entries or none.
#include "billing/TimeEntry.h"
#include "records/RecordEdit.h"
#include "util/Result.h"
#include "workorders/WorkOrderDraft.h"

#include <QList>
#include <optional>

namespace fieldops {
class Database;
}

namespace fieldops::billing {

struct Correction {
    qint64 id = 0;
    std::optional<QDateTime> start; // each unchanged when absent
    std::optional<QDateTime> end;
    std::optional<bool> billable;
    std::optional<QString> comment;
    std::optional<int> expectedVersion; // the version the reviewer read; absent: the current one
};

struct ApproveResult {
    QList<qint64> approved;
    QList<qint64> alreadyReviewed;
    records::RecordEdits edits; // one per approved entry, at the versions written
};

// What a correction must keep, by the columns' names (start_at, end_at), for the form to
// show at its fields and the CLI in one line.
using CorrectionIssues = workorders::FieldIssues;
CorrectionIssues correctionIssues(const QDateTime &start, const QDateTime &end);

class TimeEntryReview {
public:
    TimeEntryReview(Database &db, const QDateTime &now) : m_db(db), m_now(now) {}

    // NotFound for an unknown id; nothing is written then.
    Result<ApproveResult> approve(const QList<qint64> &ids);
    // The entry's new version. Invalid for end not after start; NotFound; StaleVersion
    // naming the expected and the current version.
    Result<int> correct(const Correction &c);
    // As correct(), answering with the edit as written.
    Result<records::RecordEdits> writeCorrection(const Correction &c);

    // The entry as stored, or NotFound.
    Result<TimeEntry> read(qint64 id);

private:
    // The entry and its reviewer's columns as RecordWriter binds them (the edit's before).
    Result<records::RecordValues> reviewImage(qint64 id, TimeEntry *entry);
    Database &m_db;
    QDateTime m_now;
};

} // namespace fieldops::billing
