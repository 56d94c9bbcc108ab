#pragma once
// A reviewer's decisions on time entries, as versioned writes (version = version + 1 WHERE
// id = ? AND version = ?), each landing in the change log and the audit log through the
// database's triggers, so the audit keeps the values a correction replaced.
//  - approve: pending entries become approved as entered; entries already reviewed are
//    left as they are (and reported), so approving twice changes nothing.
//  - correct: a new start, end, billable or comment; the entry becomes corrected. With an expected version, an entry at another version is refused.
// Each call is one transaction: all the entries or none.
#include "billing/TimeEntry.h"
#include "util/Result.h"

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
};

class TimeEntryReview {
public:
    TimeEntryReview(Database &db, const QDateTime &now) : m_db(db), m_now(now) {}

    // NotFound for an unknown id; nothing is written then.
    Result<ApproveResult> approve(const QList<qint64> &ids);
    // The entry's new version. Invalid for end not after start; NotFound; StaleVersion
    // naming the expected and the current version.
    Result<int> correct(const Correction &c);

    // The entry as stored, or NotFound.
    Result<TimeEntry> read(qint64 id);

private:
    Database &m_db;
    QDateTime m_now;
};

} // namespace fieldops::billing
