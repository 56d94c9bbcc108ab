#pragma once
// The verdict on a proposed move while the dispatcher drags: per technician the busy
// intervals sit in a sorted vector with a running maximum of ends (CompiledSchedule), so
// a verdict is a few binary searches, never a scan of the schedule.
//
// The moved appointments themselves are left out of what they are judged against, so a
// visit never collides with its own old position, and several visits moved together
// (a multi-selection drag) are judged against the rest and against each other.
#include "scheduling/CompiledSchedule.h"
#include "scheduling/Violation.h"

#include <QDateTime>
#include <QString>
#include <vector>

namespace fieldops::scheduling {

struct ProposedMove {
    QString appointmentId; // the appointment being moved; empty for a new visit
    QString technicianId;
    QDateTime start;
    QDateTime end;
    QString workOrderId; // may stay empty when appointmentId names a known appointment
};

struct Verdict {
    std::vector<Violation> hard; // overlap: the database would refuse it
    std::vector<Violation> soft; // travel, shift, absence, skill, window, sla
    bool allowed() const { return hard.empty(); }
    bool clean() const { return hard.empty() && soft.empty(); }
};

class ConflictIndex {
public:
    explicit ConflictIndex(const ScheduleSnapshot &snapshot, const TravelTimeProvider &travel = defaultTravelTime());

    Verdict verdict(const ProposedMove &move) const;
    Verdict verdict(const std::vector<ProposedMove> &moves) const;

    // Keep the index in step with committed edits without rebuilding it.
    void upsertAppointment(const Appointment &a) { m_schedule.upsertAppointment(a); }
    void removeAppointment(const QString &id) { m_schedule.removeAppointment(id); }
    void upsertWorkOrder(const WorkOrder &w) { m_schedule.upsertWorkOrder(w); }
    void upsertSite(const Site &s) { m_schedule.upsertSite(s); }

    const CompiledSchedule &schedule() const { return m_schedule; }

private:
    CompiledSchedule m_schedule;
};

} // namespace fieldops::scheduling
