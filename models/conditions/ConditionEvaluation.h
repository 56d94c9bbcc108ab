#pragma once
// One evaluation of every active condition rule as of an instant, all or nothing in one
// transaction:
// - breached, no open episode of the rule on the asset: a new episode and its work order,
//   opened the way the intake opens one (id, contract, SLA from the contract and the
//   rule's priority, change and audit log by the triggers), citing the rule and readings;
// - breached with an open episode: the episode's last_seen_at moves to the latest reading
//   of the breach;
// - clear with an open episode: cleared_at is the evaluation's instant; a later breach is
//   a new episode;
// - pending or unknown (ConditionEvaluator.h): nothing changes.
// A partial unique index allows one open episode per rule and asset. On PostgreSQL the
// run first takes a transaction-level advisory lock; when another session holds it the
// run reports that session and does nothing. On SQLite the write transaction (BEGIN
// IMMEDIATE) already lets one evaluation run at a time. A dry run reads the same and
// writes nothing.
#include "conditions/ConditionInputs.h"

#include <QDateTime>

namespace fieldops::conditions {

struct EpisodeChange {
    QString ruleId;
    QString assetId;
    QString workOrderId; // opened: empty in a dry run; others: the episode's
    qint64 startedMs = 0;
    QVector<Reading> evidence;
};

struct EvaluationReport {
    int evaluatedRules = 0;
    int assets = 0;
    QVector<EpisodeChange> opened, continued, cleared;
    bool dryRun = false;
    QString lockedBy; // non-empty: another session was evaluating; nothing was done
};

// The advisory lock's two keys (pg_try_advisory_xact_lock(int, int)); fixed, so every
// console and CLI asks for the same one.
constexpr int kLockClass = 0x464f; // "FO"
constexpr int kLockObject = 12;    // migration 12's evaluation

// Who holds the evaluation's advisory lock (at session or transaction level): "pid N,
// application, user, host" as the server knows them; empty when nobody does. PostgreSQL only.
Result<QString> evaluationLockHolder(Database &db);

// "9.1 at 2026-03-02T10:00:00Z; 9.3 at 2026-03-02T10:01:00Z"
QString evidenceText(const QVector<Reading> &evidence);

// Who holds the consoles' evaluation lease (condition_evaluation_lease, migration 16) while
// it has not expired, other than `holder` (a console's own token): their holder_name, or
// empty. PostgreSQL only.
Result<QString> evaluationLeaseHolder(Database &db, const QString &holder);

class ConditionEvaluation {
public:
    explicit ConditionEvaluation(Database &db) : m_db(db) {}
    // The evaluating console's lease token (ConditionWatch). On PostgreSQL a run that is
    // not a dry run is refused (lockedBy) while another console's lease lasts, so the CLI
    // (no token) does not evaluate beside the console that holds it.
    void setLeaseHolder(const QString &token) { m_leaseHolder = token; }
    Result<EvaluationReport> run(const QDateTime &asOf, bool dryRun);

private:
    Database &m_db;
    QString m_leaseHolder;
};

} // namespace fieldops::conditions
