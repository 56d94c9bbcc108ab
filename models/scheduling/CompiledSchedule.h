#pragma once
// A ScheduleSnapshot turned into the shape the rules need to be fast: integer indices
// instead of string look-ups, UTC milliseconds instead of QDateTime, skills as sorted
// integer sets, and per technician a schedule sorted by (start, end, id) with a running
// maximum of ends, so "what intersects [s, e)" and "who comes just before / after" are
// binary searches. ConflictIndex (verdicts) and ConflictChecker (the sweep) share it.
#include "scheduling/ScheduleSnapshot.h"
#include "scheduling/ShiftCalendar.h"
#include "scheduling/TravelTime.h"
#include "scheduling/ZoneClock.h"

#include <QHash>
#include <QString>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace fieldops::scheduling {

constexpr qint64 kNoTime = std::numeric_limits<qint64>::min();

struct SiteRec {
    GeoPlace place;
};

struct WorkOrderRec {
    QString id;
    std::vector<int> skills; // sorted skill numbers
    qint64 windowStart = kNoTime;
    qint64 windowEnd = kNoTime;
    qint64 slaDue = kNoTime;
    int site = -1;
};

struct Interval {
    qint64 start = 0;
    qint64 end = 0;
    int ref = -1; // appointment or absence number
};

struct TechnicianRec {
    QString id;
    std::vector<int> skills; // sorted skill numbers
    ShiftCalendar shifts;
    std::vector<Interval> absences;       // sorted by start
    std::vector<qint64> absenceMaxEnd;    // running maximum of absences[0..i].end
    std::vector<Interval> schedule;       // live appointments, sorted by (start, end, id)
    std::vector<qint64> scheduleMaxEnd;   // running maximum of schedule[0..i].end
    const ZoneClock &clock() const { return shifts.clock(); }
};

struct AppointmentRec {
    QString id;
    int tech = -1;
    int workOrder = -1;
    qint64 start = 0;
    qint64 end = 0;
    bool live = false; // false once cancelled or removed
};

struct AbsenceRec {
    QString reason;
    qint64 start = 0;
    qint64 end = 0;
};

// A visit as the rules see it: a stored appointment or a proposed one (appointment < 0
// for a visit that does not exist yet).
struct Visit {
    int appointment = -1;
    QString id;
    int tech = -1;
    int workOrder = -1;
    qint64 start = 0;
    qint64 end = 0;
};

// Schedule order: start, then end, then id.
inline bool visitOrderLess(qint64 s1, qint64 e1, const QString &id1, qint64 s2, qint64 e2, const QString &id2)
{
    if (s1 != s2)
        return s1 < s2;
    if (e1 != e2)
        return e1 < e2;
    return id1 < id2;
}

class CompiledSchedule {
public:
    explicit CompiledSchedule(const ScheduleSnapshot &snapshot,
                              const TravelTimeProvider &travel = defaultTravelTime());

    const TravelTimeProvider &travel() const { return *m_travel; }
    const std::vector<TechnicianRec> &technicians() const { return m_techs; }
    const std::vector<AppointmentRec> &appointments() const { return m_appts; }
    const std::vector<WorkOrderRec> &workOrders() const { return m_workOrders; }
    const std::vector<SiteRec> &sites() const { return m_sites; }
    const std::vector<AbsenceRec> &absences() const { return m_absences; }
    const QString &skillCode(int n) const { return m_skillCodes[size_t(n)]; }

    int technicianIndex(const QString &id) const { return m_techIndex.value(id, -1); }
    int appointmentIndex(const QString &id) const { return m_apptIndex.value(id, -1); }
    int workOrderIndex(const QString &id) const { return m_woIndex.value(id, -1); }
    Visit visitOf(int appointment) const;

    // Schedule positions (into TechnicianRec::schedule) intersecting [s, e), in order,
    // skipping appointments in `excluded` (sorted appointment numbers).
    std::vector<int> intersecting(int tech, qint64 s, qint64 e, const std::vector<int> &excluded = {}) const;
    // Absence numbers of the technician intersecting [s, e).
    std::vector<int> absencesIntersecting(int tech, qint64 s, qint64 e) const;
    // The appointment just before / after the given visit in schedule order, skipping
    // `excluded`; -1 when none.
    int previousAppointment(int tech, const Visit &v, const std::vector<int> &excluded = {}) const;
    int nextAppointment(int tech, const Visit &v, const std::vector<int> &excluded = {}) const;

    // Keeping up with edits (cancelled appointments leave the schedule). References resolve
    // at upsert time: sites before their work orders, work orders before their appointments.
    void upsertAppointment(const Appointment &a);
    void removeAppointment(const QString &id);
    void upsertWorkOrder(const WorkOrder &w);
    void upsertSite(const Site &s);

    static qint64 ms(const QDateTime &t) { return t.isValid() ? t.toMSecsSinceEpoch() : kNoTime; }

private:
    int skillNumber(const QString &code);
    std::vector<int> skillSet(const QStringList &codes);
    std::shared_ptr<const ZoneClock> clockFor(const QString &zoneId);
    void insertIntoSchedule(int appointment);
    void eraseFromSchedule(int appointment);
    static void rebuildMaxEnd(const std::vector<Interval> &v, std::vector<qint64> &maxEnd);
    size_t lowerBound(const TechnicianRec &t, const Visit &v) const;

    const TravelTimeProvider *m_travel;
    qint64 m_spanFrom = 0, m_spanTo = 0; // where zone clocks are precomputed
    QHash<QString, std::shared_ptr<const ZoneClock>> m_clocks;
    QHash<QString, int> m_skillIndex;
    std::vector<QString> m_skillCodes;
    std::vector<TechnicianRec> m_techs;
    QHash<QString, int> m_techIndex;
    std::vector<SiteRec> m_sites;
    QHash<QString, int> m_siteIndex;
    std::vector<WorkOrderRec> m_workOrders;
    QHash<QString, int> m_woIndex;
    std::vector<AppointmentRec> m_appts;
    QHash<QString, int> m_apptIndex;
    std::vector<AbsenceRec> m_absences;
};

} // namespace fieldops::scheduling
