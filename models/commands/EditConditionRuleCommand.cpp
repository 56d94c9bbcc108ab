#include "commands/EditConditionRuleCommand.h"

#include "conditions/ConditionRuleStore.h"
#include "document/ScheduleDocument.h"

namespace fieldops {

EditConditionRuleCommand::EditConditionRuleCommand(const EditTarget &target, conditions::ConditionRule before, conditions::ConditionRule after)
    : EditConditionRuleCommand(target, std::move(before), std::move(after), undoText("Edit condition rule %1"), false)
{
}

EditConditionRuleCommand::EditConditionRuleCommand(const EditTarget &target, conditions::ConditionRule before, conditions::ConditionRule after,
                                                   const QString &text, bool activeOnly)
    : ScheduleEditCommand(target, text.arg(before.id)), m_before(std::move(before)), m_after(std::move(after)), m_activeOnly(activeOnly),
      m_version(m_before.version)
{
    m_after.id = m_before.id;
}

EditConditionRuleCommand *EditConditionRuleCommand::activation(const EditTarget &target, const conditions::ConditionRule &before, bool active)
{
    conditions::ConditionRule after = before;
    after.active = active;
    return new EditConditionRuleCommand(target, before, after,
                                        active ? undoText("Activate condition rule %1") : undoText("Deactivate condition rule %1"), true);
}

Status EditConditionRuleCommand::apply(bool forward)
{
    conditions::ConditionRuleStore store(db());
    const conditions::ConditionRule &to = forward ? m_after : m_before;
    Status s = m_activeOnly ? store.setActive(to.id, to.active, m_version) : store.update(to, m_version);
    if (s)
        ++m_version;
    return s;
}

void EditConditionRuleCommand::committed() { document()->reportRecordsWritten(QStringLiteral("condition_rules"), {m_before.id}); }

} // namespace fieldops
