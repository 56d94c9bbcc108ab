#pragma once
// A condition rule created by a planner in the console, on the console's one undo stack:
// redo inserts it (at version 1), undo deletes it while it is still at version 1 and has
// opened no episode (once it has, its work orders cite it: undo is refused in words and
// the command dropped). Each direction is one transaction on the edit channel.
#include "commands/ScheduleEditCommand.h"
#include "conditions/ConditionRule.h"

namespace fieldops {

class CreateConditionRuleCommand : public ScheduleEditCommand {
public:
    CreateConditionRuleCommand(const EditTarget &target, conditions::ConditionRule rule);
    const conditions::ConditionRule &rule() const { return m_rule; }

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {}; }
    void committed() override;

private:
    conditions::ConditionRule m_rule;
};

} // namespace fieldops
