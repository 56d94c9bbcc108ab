#pragma once
// One run of the preventive generator on the console's undo stack. The run itself is
// written on the session's worker (PmGenerator, thousands of rows in batches); this
// command is pushed afterwards and its first redo only reports it. Undo deletes exactly
// the work orders that run created, in one transaction, and is refused in words (nothing
// deleted, the command dropped) when any of them has changed since: scheduled, edited,
// cancelled, given a visit or deleted. Redo writes the same work orders again (same
// ids, occurrences, deadlines and creation time), refused when another console has
// meanwhile taken an id or generated one of the occurrences.
#include "commands/ScheduleEditCommand.h"
#include "planning/PmGenerator.h"

namespace fieldops {

class GeneratePmCommand : public ScheduleEditCommand {
public:
    // A run the generator wrote (not a dry run): its created work orders and their time.
    static GeneratePmCommand *alreadyApplied(const EditTarget &target, const planning::PmGenerateReport &run);

    QStringList workOrderIds() const;

protected:
    Status apply(bool forward) override;
    QStringList appointmentIds() const override { return {}; }
    void committed() override;
    bool writes(bool forward) const override { return !(forward && m_skipNextRedo); }

private:
    GeneratePmCommand(const EditTarget &target, QVector<planning::PmNewWorkOrder> created, const QDateTime &createdAt);
    Status remove();

    QVector<planning::PmNewWorkOrder> m_created;
    QDateTime m_createdAt;
    bool m_skipNextRedo = true;
};

} // namespace fieldops
