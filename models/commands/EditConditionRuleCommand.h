#pragma once
// A planner's change to an existing condition rule, on the console's one undo stack: its
// terms edited (Edit…) or its active flag flipped (Deactivate/Activate). redo writes the
// new rule, undo the previous one, each at the version the other direction left (the
// rule's version moves on by one each time), through ConditionRuleStore::update or
// setActive in one transaction on the edit channel. A rule changed by someone else in
// between is refused in words ("changed by someone else meanwhile") and the command
// dropped. Episodes the rule opened keep what they cited (ConditionRuleStore.h).
#include "commands/ScheduleEditCommand.h"
#include "conditions/ConditionRule.h"

namespace fieldops {

class EditConditionRuleCommand : public ScheduleEditCommand {
public:
    // `before` as read (its version is the one the first redo expects); `after` its new terms.
    EditConditionRuleCommand(const EditTarget &target, conditions::ConditionRule before, conditions::ConditionRule after);
    // Only the active flag of `before` changes, to `active`.
    static EditConditionRuleCommand *activation(const EditTarget &target, const conditions::ConditionRule &before, bool active);

    const conditions::ConditionRule &before() const { return m_before; }
    const conditions::ConditionRule &after() const { return m_after; }
    // The rule's version after the last direction written.
    int version() const { return m_version; }

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {}; }
    void committed() override;

private:
    EditConditionRuleCommand(const EditTarget &target, conditions::ConditionRule before, conditions::ConditionRule after, const QString &text,
                             bool activeOnly);
    conditions::ConditionRule m_before, m_after;
    bool m_activeOnly = false;
    int m_version = 1;
};

} // namespace fieldops
