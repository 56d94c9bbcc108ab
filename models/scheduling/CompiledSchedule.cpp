#include "scheduling/CompiledSchedule.h"

#include <QTimeZone>
#include <algorithm>

namespace fieldops::scheduling {

namespace {
// Zone offsets are precomputed this far around the data; further out QTimeZone answers.
constexpr qint64 kClockSlackMs = 400 * ZoneClock::kDayMs;

bool isExcluded(const std::vector<int> &excluded, int appointment)
{
    return !excluded.empty() && std::binary_search(excluded.begin(), excluded.end(), appointment);
}
} // namespace

CompiledSchedule::CompiledSchedule(const ScheduleSnapshot &snap, const TravelTimeProvider &travel)
    : m_travel(&travel)
{
    // The span the zone clocks cover: the horizon, or the data when there is no horizon.
    qint64 lo = ms(snap.from), hi = ms(snap.to);
    if (lo == kNoTime || hi == kNoTime) {
        lo = std::numeric_limits<qint64>::max();
        hi = std::numeric_limits<qint64>::min();
        for (const Appointment &a : snap.appointments) {
            lo = std::min(lo, ms(a.start));
            hi = std::max(hi, ms(a.end));
        }
        if (lo > hi)
            lo = hi = QDateTime::currentMSecsSinceEpoch();
    }
    m_spanFrom = lo - kClockSlackMs;
    m_spanTo = hi + kClockSlackMs;

    m_techs.reserve(snap.technicians.size());
    m_techIndex.reserve(qsizetype(snap.technicians.size()));
    m_siteIndex.reserve(qsizetype(snap.sites.size()));
    m_woIndex.reserve(qsizetype(snap.workOrders.size()));
    for (const Technician &t : snap.technicians) {
        m_techIndex.insert(t.id, int(m_techs.size()));
        m_techs.push_back(TechnicianRec{t.id, skillSet(t.skills),
                                        ShiftCalendar(ShiftPattern::fromTechnician(t), clockFor(t.timeZone)),
                                        {}, {}, {}, {}});
    }
    m_absences.reserve(snap.absences.size());
    for (const Absence &a : snap.absences) {
        const int tech = technicianIndex(a.technicianId);
        if (tech < 0)
            continue;
        const int n = int(m_absences.size());
        m_absences.push_back({a.reason, ms(a.start), ms(a.end)});
        m_techs[size_t(tech)].absences.push_back({ms(a.start), ms(a.end), n});
    }
    for (TechnicianRec &t : m_techs) {
        std::sort(t.absences.begin(), t.absences.end(),
                  [](const Interval &a, const Interval &b) { return a.start < b.start; });
        rebuildMaxEnd(t.absences, t.absenceMaxEnd);
    }
    for (const Site &s : snap.sites)
        upsertSite(s);
    m_workOrders.reserve(snap.workOrders.size());
    for (const WorkOrder &w : snap.workOrders)
        upsertWorkOrder(w);

    m_appts.reserve(snap.appointments.size());
    m_apptIndex.reserve(qsizetype(snap.appointments.size()));
    for (const Appointment &a : snap.appointments) {
        const int tech = technicianIndex(a.technicianId);
        const bool live = a.status != QLatin1String("cancelled") && tech >= 0;
        const int n = int(m_appts.size());
        m_apptIndex.insert(a.id, n);
        m_appts.push_back({a.id, tech, workOrderIndex(a.workOrderId), ms(a.start), ms(a.end), live});
        if (live)
            m_techs[size_t(tech)].schedule.push_back({ms(a.start), ms(a.end), n});
    }
    for (TechnicianRec &t : m_techs) {
        std::sort(t.schedule.begin(), t.schedule.end(), [this](const Interval &a, const Interval &b) {
            return visitOrderLess(a.start, a.end, m_appts[size_t(a.ref)].id, b.start, b.end, m_appts[size_t(b.ref)].id);
        });
        rebuildMaxEnd(t.schedule, t.scheduleMaxEnd);
    }
}

int CompiledSchedule::skillNumber(const QString &code)
{
    auto it = m_skillIndex.constFind(code);
    if (it != m_skillIndex.constEnd())
        return it.value();
    const int n = int(m_skillCodes.size());
    m_skillCodes.push_back(code);
    m_skillIndex.insert(code, n);
    return n;
}

std::vector<int> CompiledSchedule::skillSet(const QStringList &codes)
{
    std::vector<int> out;
    out.reserve(size_t(codes.size()));
    for (const QString &c : codes) {
        const QString code = c.trimmed();
        if (!code.isEmpty())
            out.push_back(skillNumber(code));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

std::shared_ptr<const ZoneClock> CompiledSchedule::clockFor(const QString &zoneId)
{
    auto it = m_clocks.constFind(zoneId);
    if (it != m_clocks.constEnd())
        return it.value();
    // An unknown zone name falls back to UTC (ZoneClock's rule) rather than failing the check.
    auto clock = std::make_shared<const ZoneClock>(QTimeZone(zoneId.toUtf8()), m_spanFrom, m_spanTo);
    m_clocks.insert(zoneId, clock);
    return clock;
}

void CompiledSchedule::rebuildMaxEnd(const std::vector<Interval> &v, std::vector<qint64> &maxEnd)
{
    maxEnd.resize(v.size());
    qint64 m = std::numeric_limits<qint64>::min();
    for (size_t i = 0; i < v.size(); ++i)
        maxEnd[i] = m = std::max(m, v[i].end);
}

Visit CompiledSchedule::visitOf(int appointment) const
{
    const AppointmentRec &a = m_appts[size_t(appointment)];
    return {appointment, a.id, a.tech, a.workOrder, a.start, a.end};
}

size_t CompiledSchedule::lowerBound(const TechnicianRec &t, const Visit &v) const
{
    auto it = std::lower_bound(t.schedule.begin(), t.schedule.end(), v, [this](const Interval &slot, const Visit &key) {
        return visitOrderLess(slot.start, slot.end, m_appts[size_t(slot.ref)].id, key.start, key.end, key.id);
    });
    return size_t(it - t.schedule.begin());
}

std::vector<int> CompiledSchedule::intersecting(int tech, qint64 s, qint64 e, const std::vector<int> &excluded) const
{
    std::vector<int> out;
    if (tech < 0)
        return out;
    const TechnicianRec &t = m_techs[size_t(tech)];
    // Everything at or after the first slot starting at e is too late; walking back, the
    // running maximum of ends says when nothing earlier can reach s any more.
    auto firstLate = std::lower_bound(t.schedule.begin(), t.schedule.end(), e,
                                      [](const Interval &slot, qint64 x) { return slot.start < x; });
    for (qint64 j = qint64(firstLate - t.schedule.begin()) - 1; j >= 0 && t.scheduleMaxEnd[size_t(j)] > s; --j) {
        const Interval &slot = t.schedule[size_t(j)];
        if (slot.end > s && !isExcluded(excluded, slot.ref))
            out.push_back(int(j));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

std::vector<int> CompiledSchedule::absencesIntersecting(int tech, qint64 s, qint64 e) const
{
    std::vector<int> out;
    if (tech < 0)
        return out;
    const TechnicianRec &t = m_techs[size_t(tech)];
    auto firstLate = std::lower_bound(t.absences.begin(), t.absences.end(), e,
                                      [](const Interval &a, qint64 x) { return a.start < x; });
    for (qint64 j = qint64(firstLate - t.absences.begin()) - 1; j >= 0 && t.absenceMaxEnd[size_t(j)] > s; --j) {
        if (t.absences[size_t(j)].end > s)
            out.push_back(t.absences[size_t(j)].ref);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

int CompiledSchedule::previousAppointment(int tech, const Visit &v, const std::vector<int> &excluded) const
{
    if (tech < 0)
        return -1;
    const TechnicianRec &t = m_techs[size_t(tech)];
    for (qint64 j = qint64(lowerBound(t, v)) - 1; j >= 0; --j) {
        const int ref = t.schedule[size_t(j)].ref;
        if (ref != v.appointment && !isExcluded(excluded, ref))
            return ref;
    }
    return -1;
}

int CompiledSchedule::nextAppointment(int tech, const Visit &v, const std::vector<int> &excluded) const
{
    if (tech < 0)
        return -1;
    const TechnicianRec &t = m_techs[size_t(tech)];
    for (size_t j = lowerBound(t, v); j < t.schedule.size(); ++j) {
        const int ref = t.schedule[j].ref;
        if (ref != v.appointment && !isExcluded(excluded, ref))
            return ref;
    }
    return -1;
}

void CompiledSchedule::insertIntoSchedule(int appointment)
{
    const AppointmentRec &a = m_appts[size_t(appointment)];
    TechnicianRec &t = m_techs[size_t(a.tech)];
    const Visit v = visitOf(appointment);
    t.schedule.insert(t.schedule.begin() + qsizetype(lowerBound(t, v)), Interval{a.start, a.end, appointment});
    rebuildMaxEnd(t.schedule, t.scheduleMaxEnd);
}

void CompiledSchedule::eraseFromSchedule(int appointment)
{
    const AppointmentRec &a = m_appts[size_t(appointment)];
    if (!a.live || a.tech < 0)
        return;
    TechnicianRec &t = m_techs[size_t(a.tech)];
    std::erase_if(t.schedule, [appointment](const Interval &slot) { return slot.ref == appointment; });
    rebuildMaxEnd(t.schedule, t.scheduleMaxEnd);
}

void CompiledSchedule::upsertAppointment(const Appointment &a)
{
    int n = appointmentIndex(a.id);
    if (n < 0) {
        n = int(m_appts.size());
        m_appts.push_back({a.id, -1, -1, 0, 0, false});
        m_apptIndex.insert(a.id, n);
    } else {
        eraseFromSchedule(n);
    }
    AppointmentRec &rec = m_appts[size_t(n)];
    rec.tech = technicianIndex(a.technicianId);
    rec.workOrder = workOrderIndex(a.workOrderId);
    rec.start = ms(a.start);
    rec.end = ms(a.end);
    rec.live = a.status != QLatin1String("cancelled") && rec.tech >= 0;
    if (rec.live)
        insertIntoSchedule(n);
}

void CompiledSchedule::removeAppointment(const QString &id)
{
    const int n = appointmentIndex(id);
    if (n < 0)
        return;
    eraseFromSchedule(n);
    m_appts[size_t(n)].live = false;
}

void CompiledSchedule::upsertWorkOrder(const WorkOrder &w)
{
    WorkOrderRec rec{w.id, skillSet(w.requiredSkills), ms(w.windowStart), ms(w.windowEnd), ms(w.slaDue),
                     m_siteIndex.value(w.siteId, -1)};
    if (const int n = workOrderIndex(w.id); n >= 0) {
        m_workOrders[size_t(n)] = std::move(rec);
        return;
    }
    m_woIndex.insert(w.id, int(m_workOrders.size()));
    m_workOrders.push_back(std::move(rec));
}

void CompiledSchedule::upsertSite(const Site &s)
{
    const SiteRec rec{GeoPlace{s.id, s.lat, s.lon}};
    if (const int n = m_siteIndex.value(s.id, -1); n >= 0) {
        m_sites[size_t(n)] = rec;
        return;
    }
    m_siteIndex.insert(s.id, int(m_sites.size()));
    m_sites.push_back(rec);
}

} // namespace fieldops::scheduling
