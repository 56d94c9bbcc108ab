#pragma once
// Accepting an "Optimize day" proposal: every proposed visit is booked as a drop from the
// queue books one (AssignWorkOrderCommand's statements: a new appointment at version 1, the
// work order from open to scheduled), all in one transaction and one undo step; undo
// deletes those appointments and reopens the work orders this command scheduled.
//
// The proposal rests on the schedule read before the solve: the first redo refuses
// (StaleVersion, nothing written) when a visit, work order, technician, skill or absence
// was written since then (change_log past the seq read with the day). Later redos (after
// an undo) check versions only, as every other schedule command does.
#include "commands/ScheduleEditCommand.h"
#include "domain/Entities.h"

#include <QDate>
#include <vector>

namespace fieldops {

class BookDayPlanCommand : public ScheduleEditCommand {
public:
    // `visits` carry their new ids, work orders, technicians, start and end.
    BookDayPlanCommand(const EditTarget &target, const QDate &day, std::vector<Appointment> visits, qint64 changeSeq);
    int id() const override;

    // The undo text: "Optimize Mon 2 Mar: 2 visits".
    static QString textFor(const QDate &day, int visits);
    // What the schedule's proposal depends on: writes to these tables make it stale.
    static const QStringList &relevantTables();
    // Refuses (StaleVersion, `refusal`) when one of those tables was written after `changeSeq`:
    // a proposal read at that seq (a day plan, a repair) no longer matches the schedule.
    static Status checkUnchangedSince(Database &db, qint64 changeSeq, const QString &refusal);

protected:
    Status apply(bool forward) override;
    void committed() override { m_checkedFreshness = true; }
    QStringList appointmentIds() const override;

private:
    std::vector<Appointment> m_visits;
    std::vector<bool> m_scheduled; // per visit: this command moved its work order to scheduled
    qint64 m_changeSeq;
    bool m_checkedFreshness = false;
};

} // namespace fieldops
