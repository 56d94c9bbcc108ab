#pragma once
// condition_rules and their skills in the database: creating a rule from the JSON object
// an integrator sends (`fieldops-cli condition-rule create`), listing them, and reading
// the active ones for an evaluation.
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
    // Inserts the rule and its skills in one transaction of its own.
    Status create(const ConditionRule &rule);
    // The same inside the caller's transaction (an undoable command's).
    Status insert(const ConditionRule &rule);
    // Deletes the rule at `version` inside the caller's transaction (undoing its creation);
    // refused in words once it has opened an episode, whose work order cites it.
    Status remove(const QString &id, int version);
    Result<QVector<ConditionRule>> list(bool activeOnly = false);
    Result<QString> nextId();

private:
    Database &m_db;
};

// The rule as one JSON object, its keys in ruleJsonKeys()'s order; parameters a kind does
// not use are null.
QString ruleToJson(const ConditionRule &rule);

} // namespace fieldops::conditions
