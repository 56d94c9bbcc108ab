#include "commands/CreateConditionRuleCommand.h"

#include "conditions/ConditionRuleStore.h"
#include "document/ScheduleDocument.h"

namespace fieldops {

CreateConditionRuleCommand::CreateConditionRuleCommand(const EditTarget &target, conditions::ConditionRule rule)
    : ScheduleEditCommand(target, undoText("New condition rule %1").arg(rule.id)), m_rule(std::move(rule))
{
    m_rule.version = 1;
}

Status CreateConditionRuleCommand::apply(bool forward)
{
    conditions::ConditionRuleStore store(db());
    return forward ? store.insert(m_rule) : store.remove(m_rule.id, m_rule.version);
}

void CreateConditionRuleCommand::committed() { document()->reportRecordsWritten(QStringLiteral("condition_rules"), {m_rule.id}); }

} // namespace fieldops
