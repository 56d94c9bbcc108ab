#pragma once
// condition_rules and their skills in the database: creating a rule from the JSON object
// an integrator sends (`fieldops-cli condition-rule create`), changing or deactivating one
// (`condition-rule update|deactivate|activate`, the console's Edit…/Deactivate), listing
// them, and reading the active ones for an evaluation.
//
// Editing a rule that has already opened episodes is allowed: an episode keeps what it
// cited (its started_at, evidence and work order, whose description named the rule and the
// readings as they were); the next evaluation judges its open episode by the rule's new
// terms (continues it, or clears it when the new terms no longer see a breach).
// Deactivating a rule stops its evaluation (list(true) leaves it out) and leaves its open
// episodes as they are, open, with their work orders: that work was asked for and stays
// asked for. Activating it again lets the next evaluation continue or clear them, and the
// one-open-episode-per-rule-and-asset index keeps a breach from opening a second.
#include "conditions/ConditionRule.h"
#include "util/Result.h"
#include "workorders/WorkOrderDraft.h"

#include <QJsonObject>
#include <QVector>

namespace fieldops {
class Database;
}

namespace fieldops::conditions {

// The object's keys: the columns of condition_rules (id optional, generated "CR-000001"
// when absent) and required_skills (a ';' list or an array of skill codes).
const QStringList &ruleJsonKeys();

class ConditionRuleStore {
public:
    explicit ConditionRuleStore(Database &db) : m_db(db) {}

    // The rule `object` describes, or the first thing wrong with it (field by field, in
    // the keys' order): values, kinds, the parameters the kind needs and no others, and
    // the references (asset, asset model, skills, a free id).
    Result<ConditionRule> fromJson(const QJsonObject &object, std::optional<workorders::FieldIssue> &issue);
    // The rule `current` becomes when the keys `patch` has replace its own (absent keys
    // keep theirs; null clears an optional one), checked as fromJson checks a new rule.
    // A new kind drops the old kind's parameters `patch` does not give again; asset_id or
    // asset_model replaces the scope. The id cannot change; `version` is no key here.
    // The result keeps current's id and version.
    Result<ConditionRule> changedFromJson(const ConditionRule &current, const QJsonObject &patch,
                                          std::optional<workorders::FieldIssue> &issue);
    // The rule as stored; NotFound ("no condition rule X") when there is none.
    Result<ConditionRule> find(const QString &id);
    // Inserts the rule and its skills in one transaction of its own.
    Status create(const ConditionRule &rule);
    // The same inside the caller's transaction (an undoable command's).
    Status insert(const ConditionRule &rule);
    // Deletes the rule at `version` inside the caller's transaction (undoing its creation);
    // refused in words once it has opened an episode, whose work order cites it.
    Status remove(const QString &id, int version);
    // Writes `rule` (every column and its skills) over the stored one at `expectedVersion`
    // inside the caller's transaction; the row's version becomes expectedVersion + 1. A row
    // at another version is refused (StaleVersion: "changed by someone else meanwhile"),
    // a missing one too (NotFound). `rule` is trusted: check it with changedFromJson first.
    Status update(const ConditionRule &rule, int expectedVersion);
    // Sets the rule's active flag at `expectedVersion` (becoming expectedVersion + 1) inside
    // the caller's transaction, refused as update() is.
    Status setActive(const QString &id, bool active, int expectedVersion);
    Result<QVector<ConditionRule>> list(bool activeOnly = false);
    Result<QString> nextId();

private:
    Result<ConditionRule> check(const QJsonObject &object, std::optional<workorders::FieldIssue> &issue, bool newRule);
    Status refuseStale(const QString &id, int expectedVersion);
    Status insertSkills(const ConditionRule &rule);
    // The kColumns values of `rule` in their order (version 1).
    static QVariantList columnValues(const ConditionRule &rule);
    Database &m_db;
};

// The rule as one JSON object, its keys in ruleJsonKeys()'s order; parameters a kind does
// not use are null.
QString ruleToJson(const ConditionRule &rule);

} // namespace fieldops::conditions
