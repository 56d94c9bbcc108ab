#include "dayplan/DayPlanner.h"

#include "dayplan/DayPlanReasons.h"
#include "dayplan/RuleGate.h"
#include "optimizer/VrptwSolver.h"
#include "scheduling/CompiledSchedule.h"

#include <QElapsedTimer>
#include <QHash>
#include <QTimeZone>
#include <algorithm>
#include <cmath>

namespace fieldops::dayplan {

using scheduling::CompiledSchedule;
using scheduling::GeoPlace;
using scheduling::kNoTime;
using scheduling::ZoneClock;

namespace {

constexpr qint64 kMinuteMs = 60'000;
constexpr double kFixedPenalty = 1e9; // a booked visit is never worth dropping

// Leaving out priority 1 (urgent) costs 10^7 … priority 4 (low) 10^4: each step outweighs
// any day's travel minutes and nine visits of the next lower priority.
double penaltyFor(int priority) { return std::pow(10.0, 8 - std::clamp(priority, 1, 4)); }

struct Problem {
    optimizer::VrpProblem vrp;
    std::vector<GeoPlace> places;
    QHash<QString, int> placeIndex;
    std::vector<int> vehicleTech;  // vehicle → technician number
    std::vector<int> jobWorkOrder; // job → work order number; -1: a visit already booked
    std::vector<int> jobDuration;  // minutes

    int place(const QString &key, const GeoPlace &p)
    {
        auto it = placeIndex.find(key);
        if (it != placeIndex.end())
            return *it;
        places.push_back(p);
        return *placeIndex.insert(key, int(places.size()) - 1);
    }
};

struct Clock {
    qint64 originMs; // the problem's minute 0: UTC midnight before day D
    qint64 floorMin(qint64 ms) const { return ZoneClock::floorDiv(ms - originMs, kMinuteMs); }
    qint64 ceilMin(qint64 ms) const { return -ZoneClock::floorDiv(originMs - ms, kMinuteMs); }
    qint64 msOf(qint64 min) const { return originMs + min * kMinuteMs; }
};

GeoPlace siteOrHome(const CompiledSchedule &s, int workOrder, const GeoPlace &home)
{
    const int site = workOrder >= 0 ? s.workOrders()[size_t(workOrder)].site : -1;
    return site >= 0 ? s.sites()[size_t(site)].place : home;
}

QString siteKey(const CompiledSchedule &s, int workOrder, const QString &techId)
{
    const int site = workOrder >= 0 ? s.workOrders()[size_t(workOrder)].site : -1;
    return site >= 0 ? QStringLiteral("s:%1").arg(site) : QStringLiteral("h:") + techId;
}

// Local day D of the technician, as UTC milliseconds [start, end).
std::pair<qint64, qint64> dayOf(const scheduling::TechnicianRec &t, const QDate &date)
{
    return {t.clock().toUtcMs(date, QTime(0, 0)), t.clock().toUtcMs(date.addDays(1), QTime(0, 0))};
}

void addVehicles(const DayPlanInput &in, const CompiledSchedule &s, const Clock &clock, Problem &p)
{
    QHash<QString, GeoPlace> homes;
    for (const Technician &t : in.snapshot.technicians)
        homes.insert(t.id, GeoPlace{QString(), t.homeLat, t.homeLon});
    const qint64 day = ZoneClock::dateToDay(in.date);
    for (const QString &id : in.technicians) {
        const int ti = s.technicianIndex(id);
        if (ti < 0)
            continue;
        const scheduling::TechnicianRec &t = s.technicians()[size_t(ti)];
        const auto shift = t.shifts.shiftOn(day);
        if (!shift || !s.absencesIntersecting(ti, shift->startMs, shift->endMs).empty())
            continue;
        const int v = int(p.vrp.vehicles.size());
        const GeoPlace home = homes.value(id);
        const int homeAt = p.place(QStringLiteral("h:") + id, home);
        optimizer::VrpVehicle vehicle{homeAt, homeAt, 0, double(clock.ceilMin(shift->startMs)), double(clock.floorMin(shift->endMs))};
        const auto [dayStart, dayEnd] = dayOf(t, in.date);
        for (const int pos : s.intersecting(ti, dayStart, dayEnd)) {
            const scheduling::Interval &booked = t.schedule[size_t(pos)];
            const int wo = s.appointments()[size_t(booked.ref)].workOrder;
            const int at = p.place(siteKey(s, wo, id), siteOrHome(s, wo, home));
            const double start = double(clock.floorMin(booked.start));
            const int duration = int(clock.ceilMin(booked.end) - clock.floorMin(booked.start));
            optimizer::VrpJob job;
            job.location = at;
            job.readyTime = job.dueTime = start;
            job.serviceTime = duration;
            job.allowedVehicles = {v};
            job.unassignedPenalty = kFixedPenalty;
            p.vrp.jobs.push_back(job);
            p.jobWorkOrder.push_back(-1);
            p.jobDuration.push_back(duration);
            // A visit booked at the edge of the shift stays reachable from home; the rules
            // judge visits, not the drive from home, and new visits are checked anyway.
            const double toIt = s.travel().minutes(home, p.places[size_t(at)]);
            const double back = s.travel().minutes(p.places[size_t(at)], home);
            vehicle.earliestStart = std::min(vehicle.earliestStart, start - toIt);
            vehicle.latestEnd = std::max(vehicle.latestEnd, start + duration + back);
        }
        p.vrp.vehicles.push_back(vehicle);
        p.vehicleTech.push_back(ti);
    }
}

// Candidates no vehicle can take never reach the solver (an empty allowed set means "any");
// like a visit the rules refuse, they end up unassigned.
void addJobs(const DayPlanInput &in, const CompiledSchedule &s, const Clock &clock, Problem &p)
{
    QHash<QString, const WorkOrder *> byId;
    for (const WorkOrder &w : in.snapshot.workOrders)
        byId.insert(w.id, &w);
    const qint64 horizonMin = 3 * 24 * 60; // the snapshot's span: the day before D to the day after
    for (const QString &id : in.candidates) {
        const int wi = s.workOrderIndex(id);
        const WorkOrder *w = byId.value(id);
        if (wi < 0 || !w || s.workOrders()[size_t(wi)].site < 0)
            continue;
        const scheduling::WorkOrderRec &rec = s.workOrders()[size_t(wi)];
        optimizer::VrpJob job;
        for (int v = 0; v < int(p.vrp.vehicles.size()); ++v) {
            const auto &skills = s.technicians()[size_t(p.vehicleTech[size_t(v)])].skills;
            if (std::includes(skills.begin(), skills.end(), rec.skills.begin(), rec.skills.end()))
                job.allowedVehicles.push_back(v);
        }
        const qint64 ready = rec.windowStart == kNoTime ? 0 : std::max<qint64>(0, clock.ceilMin(rec.windowStart));
        const qint64 due = (rec.windowEnd == kNoTime ? horizonMin : clock.floorMin(rec.windowEnd)) - w->durationMin;
        if (job.allowedVehicles.empty() || due < ready)
            continue;
        job.location = p.place(QStringLiteral("s:%1").arg(rec.site), s.sites()[size_t(rec.site)].place);
        job.readyTime = double(ready);
        job.dueTime = double(due);
        job.serviceTime = w->durationMin;
        job.unassignedPenalty = penaltyFor(w->priority);
        p.vrp.jobs.push_back(job);
        p.jobWorkOrder.push_back(wi);
        p.jobDuration.push_back(w->durationMin);
    }
}

void fillMatrix(const CompiledSchedule &s, Problem &p)
{
    const int n = int(p.places.size());
    p.vrp.locationCount = n;
    // One matrix question: a routing service answers it in one request, not n² of them.
    const std::vector<int> minutes = s.travel().matrix(p.places, p.places);
    p.vrp.travel.assign(minutes.begin(), minutes.end());
}

// The new visits of a solution, each starting as early as its route allows.
std::vector<scheduling::Visit> proposals(const Problem &p, const optimizer::VrpSolution &solution, const Clock &clock)
{
    std::vector<scheduling::Visit> out;
    for (size_t v = 0; v < solution.routes.size(); ++v) {
        const optimizer::VrpVehicle &vehicle = p.vrp.vehicles[v];
        double t = vehicle.earliestStart;
        int at = vehicle.startLocation;
        for (const int j : solution.routes[v]) {
            const optimizer::VrpJob &job = p.vrp.jobs[size_t(j)];
            const double start = std::max(t + p.vrp.travelBetween(at, job.location), job.readyTime);
            if (p.jobWorkOrder[size_t(j)] >= 0) {
                const qint64 s = clock.msOf(qint64(start));
                out.push_back({-1, QString(), p.vehicleTech[v], p.jobWorkOrder[size_t(j)], s, s + p.jobDuration[size_t(j)] * kMinuteMs});
            }
            t = start + job.serviceTime;
            at = job.location;
        }
    }
    return out;
}

// Walks each given technician's local day — home, every visit in time order, home — and
// hands `leg` each leg's minutes and whether its start or end is one of `newIds`.
template <typename Leg>
void walkDays(const DayPlanInput &in, const CompiledSchedule &s, const QSet<int> &techs, const QSet<QString> &newIds, Leg leg)
{
    for (const Technician &tech : in.snapshot.technicians) {
        const int ti = s.technicianIndex(tech.id);
        if (!techs.contains(ti))
            continue;
        const GeoPlace home{QString(), tech.homeLat, tech.homeLon};
        const auto [dayStart, dayEnd] = dayOf(s.technicians()[size_t(ti)], in.date);
        GeoPlace from = home;
        bool fromNew = false;
        bool any = false;
        for (const int pos : s.intersecting(ti, dayStart, dayEnd)) {
            const scheduling::AppointmentRec &a = s.appointments()[size_t(s.technicians()[size_t(ti)].schedule[size_t(pos)].ref)];
            const GeoPlace to = siteOrHome(s, a.workOrder, home);
            const bool toNew = newIds.contains(a.id);
            leg(s.travel().minutes(from, to), fromNew, toNew);
            from = to;
            fromNew = toNew;
            any = true;
        }
        if (any)
            leg(s.travel().minutes(from, home), fromNew, false);
    }
}

// The legs that start or end at a new visit, on the days of the technicians who got one.
int travelOfNewVisits(const DayPlanInput &in, const CompiledSchedule &s, const QSet<QString> &newIds)
{
    QSet<int> techs;
    for (const QString &id : newIds)
        techs.insert(s.appointments()[size_t(s.appointmentIndex(id))].tech);
    int total = 0;
    walkDays(in, s, techs, newIds, [&total](int minutes, bool fromNew, bool toNew) {
        if (fromNew || toNew)
            total += minutes;
    });
    return total;
}

// Home, every visit of the local day in time order, home: for the given technicians.
int dayTravel(const DayPlanInput &in, const CompiledSchedule &s, const QSet<int> &techs)
{
    int total = 0;
    walkDays(in, s, techs, {}, [&total](int minutes, bool, bool) { total += minutes; });
    return total;
}

} // namespace

DayPlan planDay(const DayPlanInput &in, const DayPlanOptions &options)
{
    CompiledSchedule s(in.snapshot, options.travel ? *options.travel : scheduling::defaultTravelTime());
    const Clock clock{QDateTime(in.date.addDays(-1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()};
    Problem p;
    addVehicles(in, s, clock, p);
    addJobs(in, s, clock, p);
    fillMatrix(s, p);

    std::vector<scheduling::Visit> proposed;
    DayPlan plan;
    if (std::find_if(p.jobWorkOrder.begin(), p.jobWorkOrder.end(), [](int w) { return w >= 0; }) != p.jobWorkOrder.end()) {
        optimizer::VrpSolverOptions solverOptions;
        solverOptions.timeLimitSeconds = options.timeLimitSeconds;
        solverOptions.seed = options.seed;
        solverOptions.maxIterations = options.maxIterations;
        // The solver polls this between iterations: the one place to both hear a cancel and
        // report the time spent, which moves steadily where new best plans do not.
        QElapsedTimer clockRunning;
        clockRunning.start();
        qint64 reportedAt = -1'000;
        if (options.cancelled || options.progress) {
            solverOptions.cancelled = [&] {
                if (options.progress && clockRunning.elapsed() - reportedAt >= 100) {
                    reportedAt = clockRunning.elapsed();
                    const double limitMs = std::max(options.timeLimitSeconds * 1000.0, 1.0);
                    options.progress(std::clamp(double(reportedAt) / limitMs, 0.0, 1.0));
                }
                return options.cancelled && options.cancelled();
            };
        }
        const optimizer::VrpSolverResult solved = optimizer::solveVrp(p.vrp, solverOptions);
        plan.cancelled = solved.cancelled;
        proposed = proposals(p, solved.solution, clock);
    }
    if (options.progress)
        options.progress(1.0);

    QSet<QString> proposedIds;
    QSet<int> proposedTechs;
    for (const scheduling::Visit &v : proposed) {
        proposedIds.insert(s.workOrders()[size_t(v.workOrder)].id);
        proposedTechs.insert(v.tech);
    }
    const int travelBefore = dayTravel(in, s, proposedTechs);
    plan.visits = keepWhatRulesAccept(s, std::move(proposed));
    QSet<QString> accepted, newIds;
    for (size_t n = 0; n < plan.visits.size(); ++n) {
        accepted.insert(plan.visits[n].workOrderId);
        newIds.insert(acceptedId(n));
    }
    for (const QString &id : in.candidates) {
        if (!accepted.contains(id)) {
            plan.unassigned << id;
            plan.unplaced.push_back({id, whyUnplaced(in, s, id, proposedIds.contains(id))});
        }
    }
    plan.travelMin = travelOfNewVisits(in, s, newIds);
    // Over the technicians of the proposals, accepted or not, so before and after compare
    // the same people; equal when nothing was accepted.
    plan.dayTravelBeforeMin = travelBefore;
    plan.dayTravelAfterMin = dayTravel(in, s, proposedTechs);
    return plan;
}

} // namespace fieldops::dayplan
