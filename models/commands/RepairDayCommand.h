#pragma once
// Writing the option of a day repair the dispatcher chose (dayplan::repairDay), as one
// undo step with the board's statements: a visit sent to the queue is cancelled and its
// work order reopened when nothing else is booked for it, a moved visit keeps its
// appointment (technician, start and end, its version checked), a new visit is inserted
// and its work order scheduled, and a technician reported absent gets the absence. Undo
// writes the reverse, in the reverse order, each visit back as it was.
//
// Like an Optimize proposal, the options rest on the schedule read before they were worked
// out: the first redo refuses (StaleVersion, nothing written) when a visit, work order,
// technician, skill or absence was written since then.
#include "commands/ScheduleEditCommand.h"
#include "dayplan/DayRepair.h"
#include "domain/Entities.h"

#include <QDate>
#include <QHash>
#include <vector>

namespace fieldops {

class RepairDayCommand : public ScheduleEditCommand {
public:
    // `before`: the appointments the option moves or cancels, as read with the day.
    RepairDayCommand(const EditTarget &target, const QString &text, const dayplan::RepairOption &option, const Absence &absence,
                     const std::vector<Appointment> &before, qint64 changeSeq);
    int id() const override;

protected:
    Status apply(bool forward) override;
    void committed() override;
    QStringList appointmentIds() const override;

private:
    struct Step {
        dayplan::RepairMove move;
        AppointmentRef ref;     // the appointment moved, cancelled or inserted
        Appointment before;     // moved or cancelled: as it was
        bool reopened = false;  // cancelled: its work order went back to open
        bool scheduled = false; // new: its work order went to scheduled
    };
    Status forward();
    Status backward();
    // The version to expect: the last this pass wrote for the visit, else the ledger's.
    int versionBefore(const Step &s, const QHash<QString, int> &written) const;

    std::vector<Step> m_steps; // in writing order
    Absence m_absence;
    qint64 m_absenceRow = 0;
    qint64 m_changeSeq;
    bool m_checkedFreshness = false;
};

} // namespace fieldops
