#include "dayplan/DayPlanner.h"

#include "dayplan/DayPlanReasons.h"
#include "dayplan/RuleGate.h"
#include "scheduling/SlotFinder.h"
#include "optimizer/FeasibilityChecker.h"
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
// A booked visit that may move (DayPlanOptions::moveBooked) outweighs any new job, so the
// re-plan never unbooks one to make room; bumping is a repair's option, the dispatcher's call.
constexpr double kMovablePenalty = 1e8;

// Leaving out priority 1 (urgent) costs 10^7 … priority 4 (low) 10^4: each step outweighs
// any day's travel minutes and nine visits of the next lower priority.
double penaltyFor(int priority) { return std::pow(10.0, 8 - std::clamp(priority, 1, 4)); }

struct Problem {
    optimizer::VrpProblem vrp;
    std::vector<GeoPlace> places;
    QHash<QString, int> placeIndex;
    std::vector<int> vehicleTech;  // vehicle → technician number
    std::vector<int> jobWorkOrder; // job → work order number; -1: a visit already booked (fixed)
    std::vector<int> jobDuration;  // minutes
    // Re-plan only (moveBooked): booked visits that may move, and each vehicle's day as
    // booked, which the search starts from.
    std::vector<int> jobAppointment;               // job → appointment number when it may move; else -1
    std::vector<double> jobBookedStart;            // minutes; booked visits only
    std::vector<std::vector<int>> initialRoutes;   // per vehicle, in time order

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

bool mayMove(const Appointment &a)
{
    return !a.locked && (a.status == QLatin1String("scheduled") || a.status == QLatin1String("tentative"));
}

// A booked visit held where it is: a job fixed to its vehicle and start (zero-width window).
void pin(Problem &p, int job, int vehicle)
{
    optimizer::VrpJob &j = p.vrp.jobs[size_t(job)];
    j.readyTime = j.dueTime = p.jobBookedStart[size_t(job)];
    j.allowedVehicles = {vehicle};
    j.unassignedPenalty = kFixedPenalty;
    p.jobWorkOrder[size_t(job)] = -1;
    p.jobAppointment[size_t(job)] = -1;
}

std::vector<int> qualifiedVehicles(const CompiledSchedule &s, const Problem &p, const scheduling::WorkOrderRec &rec)
{
    std::vector<int> out;
    for (int v = 0; v < int(p.vrp.vehicles.size()); ++v) {
        const auto &skills = s.technicians()[size_t(p.vehicleTech[size_t(v)])].skills;
        if (std::includes(skills.begin(), skills.end(), rec.skills.begin(), rec.skills.end()))
            out.push_back(v);
    }
    return out;
}

constexpr qint64 kHorizonMin = 3 * 24 * 60; // the snapshot's span: the day before D to the day after

// The customer's window as the solver's [ready, due] for a visit of `durationMin`.
std::pair<double, double> windowOf(const scheduling::WorkOrderRec &rec, const Clock &clock, int durationMin)
{
    const qint64 ready = rec.windowStart == kNoTime ? 0 : std::max<qint64>(0, clock.ceilMin(rec.windowStart));
    const qint64 due = (rec.windowEnd == kNoTime ? kHorizonMin : clock.floorMin(rec.windowEnd)) - durationMin;
    return {double(ready), double(due)};
}

void addVehicles(const DayPlanInput &in, const CompiledSchedule &s, const Clock &clock, bool moveBooked, Problem &p)
{
    QHash<QString, GeoPlace> homes;
    for (const Technician &t : in.snapshot.technicians)
        homes.insert(t.id, GeoPlace{QString(), t.homeLat, t.homeLon});
    QHash<QString, const Appointment *> appointments;
    if (moveBooked) {
        for (const Appointment &a : in.snapshot.appointments)
            appointments.insert(a.id, &a);
    }
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
        std::vector<int> route;
        const auto [dayStart, dayEnd] = dayOf(t, in.date);
        for (const int pos : s.intersecting(ti, dayStart, dayEnd)) {
            const scheduling::Interval &booked = t.schedule[size_t(pos)];
            const scheduling::AppointmentRec &rec = s.appointments()[size_t(booked.ref)];
            const int wo = rec.workOrder;
            const int at = p.place(siteKey(s, wo, id), siteOrHome(s, wo, home));
            const double start = double(clock.floorMin(booked.start));
            const int duration = int(clock.ceilMin(booked.end) - clock.floorMin(booked.start));
            const int job = int(p.vrp.jobs.size());
            optimizer::VrpJob j;
            j.location = at;
            j.serviceTime = duration;
            p.vrp.jobs.push_back(j);
            p.jobWorkOrder.push_back(-1);
            p.jobDuration.push_back(duration);
            p.jobAppointment.push_back(-1);
            p.jobBookedStart.push_back(start);
            pin(p, job, v);
            const Appointment *a = appointments.value(rec.id);
            if (a && mayMove(*a) && wo >= 0 && s.workOrders()[size_t(wo)].site >= 0 && booked.start >= dayStart && booked.end <= dayEnd) {
                p.jobWorkOrder[size_t(job)] = wo; // the caller widens it once every vehicle is known
                p.jobAppointment[size_t(job)] = booked.ref;
            }
            route.push_back(job);
            // A visit booked at the edge of the shift stays reachable from home; the rules
            // judge visits, not the drive from home, and new visits are checked anyway.
            const double toIt = s.travel().minutes(home, p.places[size_t(at)]);
            const double back = s.travel().minutes(p.places[size_t(at)], home);
            vehicle.earliestStart = std::min(vehicle.earliestStart, start - toIt);
            vehicle.latestEnd = std::max(vehicle.latestEnd, start + duration + back);
        }
        p.vrp.vehicles.push_back(vehicle);
        p.vehicleTech.push_back(ti);
        p.initialRoutes.push_back(moveBooked ? route : std::vector<int>{});
    }
}

// Re-plan: a visit that may move gets its customer's window and every qualified technician;
// one whose booking the model cannot keep as it is (its own technician lacks a skill, it
// sits outside the window) stays pinned, as do all of a technician's visits whose booked day
// the model finds infeasible (too little travel time between them, say): the search starts
// from the day as booked and must never find it worse than that.
void freeMovableVisits(const CompiledSchedule &s, const Clock &clock, Problem &p)
{
    for (int job = 0; job < int(p.vrp.jobs.size()); ++job) {
        if (p.jobAppointment[size_t(job)] < 0)
            continue;
        const int vehicle = p.vrp.jobs[size_t(job)].allowedVehicles.front();
        const scheduling::WorkOrderRec &rec = s.workOrders()[size_t(p.jobWorkOrder[size_t(job)])];
        std::vector<int> allowed = qualifiedVehicles(s, p, rec);
        const auto [ready, due] = windowOf(rec, clock, p.jobDuration[size_t(job)]);
        const double booked = p.jobBookedStart[size_t(job)];
        if (std::find(allowed.begin(), allowed.end(), vehicle) == allowed.end() || booked < ready || booked > due) {
            pin(p, job, vehicle);
            continue;
        }
        optimizer::VrpJob &j = p.vrp.jobs[size_t(job)];
        j.allowedVehicles = std::move(allowed);
        j.readyTime = ready;
        j.dueTime = due;
        j.unassignedPenalty = kMovablePenalty;
    }
}

void pinInfeasibleDays(Problem &p)
{
    const int vehicles = int(p.vrp.vehicles.size());
    for (int v = 0; v < vehicles; ++v) {
        const std::vector<int> &route = p.initialRoutes[size_t(v)];
        if (std::none_of(route.begin(), route.end(), [&](int job) { return p.jobAppointment[size_t(job)] >= 0; }))
            continue;
        optimizer::VrpSolution alone;
        alone.routes.assign(size_t(vehicles), {});
        alone.routes[size_t(v)] = route;
        for (int job = 0; job < int(p.vrp.jobs.size()); ++job) {
            if (std::find(route.begin(), route.end(), job) == route.end())
                alone.unassigned.push_back(job);
        }
        if (optimizer::checkFeasibility(p.vrp, alone, true).feasible())
            continue;
        for (int job : route)
            pin(p, job, v);
        p.initialRoutes[size_t(v)].clear(); // the solver places its pinned visits itself
    }
}

// Candidates no vehicle can take never reach the solver (an empty allowed set means "any");
// like a visit the rules refuse, they end up unassigned.
void addJobs(const DayPlanInput &in, const CompiledSchedule &s, const Clock &clock, Problem &p)
{
    QHash<QString, const WorkOrder *> byId;
    for (const WorkOrder &w : in.snapshot.workOrders)
        byId.insert(w.id, &w);
    for (const QString &id : in.candidates) {
        const int wi = s.workOrderIndex(id);
        const WorkOrder *w = byId.value(id);
        if (wi < 0 || !w || s.workOrders()[size_t(wi)].site < 0)
            continue;
        const scheduling::WorkOrderRec &rec = s.workOrders()[size_t(wi)];
        optimizer::VrpJob job;
        job.allowedVehicles = qualifiedVehicles(s, p, rec);
        const auto [ready, due] = windowOf(rec, clock, w->durationMin);
        if (job.allowedVehicles.empty() || due < ready)
            continue;
        job.location = p.place(QStringLiteral("s:%1").arg(rec.site), s.sites()[size_t(rec.site)].place);
        job.readyTime = ready;
        job.dueTime = due;
        job.serviceTime = w->durationMin;
        job.unassignedPenalty = penaltyFor(w->priority);
        p.vrp.jobs.push_back(job);
        p.jobWorkOrder.push_back(wi);
        p.jobDuration.push_back(w->durationMin);
        p.jobAppointment.push_back(-1);
        p.jobBookedStart.push_back(0);
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

// The visits of a solution to book: each new one as early as its route allows; a booked
// one that may move keeps its booked start when it stays with its technician and the route
// allows it (else as close to it as the route allows), so a re-plan does not shift visits
// by a few minutes for nothing.
std::vector<scheduling::Visit> proposals(const Problem &p, const CompiledSchedule &s, const optimizer::VrpSolution &solution,
                                         const Clock &clock)
{
    std::vector<scheduling::Visit> out;
    for (size_t v = 0; v < solution.routes.size(); ++v) {
        const optimizer::VrpVehicle &vehicle = p.vrp.vehicles[v];
        const std::vector<int> &route = solution.routes[v];
        // Latest starts that keep every later visit and the way home on time.
        std::vector<double> latest(route.size());
        double next = vehicle.latestEnd;
        int nextAt = vehicle.endLocation;
        for (size_t k = route.size(); k-- > 0;) {
            const optimizer::VrpJob &job = p.vrp.jobs[size_t(route[k])];
            latest[k] = std::min(job.dueTime, next - p.vrp.travelBetween(job.location, nextAt) - job.serviceTime);
            next = latest[k];
            nextAt = job.location;
        }
        double t = vehicle.earliestStart;
        int at = vehicle.startLocation;
        for (size_t k = 0; k < route.size(); ++k) {
            const int j = route[k];
            const optimizer::VrpJob &job = p.vrp.jobs[size_t(j)];
            double start = std::max(t + p.vrp.travelBetween(at, job.location), job.readyTime);
            const int appointment = p.jobAppointment[size_t(j)];
            if (appointment >= 0 && s.appointments()[size_t(appointment)].tech == p.vehicleTech[v])
                start = std::max(start, std::min(p.jobBookedStart[size_t(j)], latest[k]));
            if (p.jobWorkOrder[size_t(j)] >= 0) {
                const qint64 from = clock.msOf(qint64(start));
                const QString id = appointment >= 0 ? s.appointments()[size_t(appointment)].id : QString();
                out.push_back({appointment, id, p.vehicleTech[v], p.jobWorkOrder[size_t(j)], from, from + p.jobDuration[size_t(j)] * kMinuteMs});
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

// RuleGate's guarantee for a re-plan: the day without the visits that may move, then every
// proposal (new or moved) in time order through the rule checks. A moved visit the rules
// refuse stays where it was booked, and the day is judged again with it there, until no
// moved visit is refused; a new visit refused is left out, as in a plain plan. Returns the
// new visits; `moves` gets the booked visits that change, `day` the schedule as planned.
std::vector<PlannedVisit> gateReplan(const DayPlanInput &in, const scheduling::TravelTimeProvider &travel,
                                     std::vector<scheduling::Visit> proposed, std::vector<VisitMove> &moves,
                                     std::unique_ptr<CompiledSchedule> &day)
{
    std::sort(proposed.begin(), proposed.end(),
              [](const auto &a, const auto &b) { return a.start != b.start ? a.start < b.start : a.tech < b.tech; });
    QHash<QString, const Appointment *> booked;
    for (const Appointment &a : in.snapshot.appointments)
        booked.insert(a.id, &a);
    QSet<QString> moving;
    for (const scheduling::Visit &v : proposed) {
        if (!v.id.isEmpty())
            moving.insert(v.id);
    }
    QSet<QString> stays;
    std::vector<PlannedVisit> added;
    for (;;) {
        scheduling::ScheduleSnapshot snapshot = in.snapshot;
        std::erase_if(snapshot.appointments, [&](const Appointment &a) { return moving.contains(a.id) && !stays.contains(a.id); });
        day = std::make_unique<CompiledSchedule>(snapshot, travel);
        added.clear();
        moves.clear();
        bool refusedMove = false;
        for (scheduling::Visit v : proposed) {
            if (!v.id.isEmpty() && stays.contains(v.id))
                continue;
            v.appointment = -1; // not in this schedule: judged as a visit to book
            const scheduling::SlotFinder rules(*day, v.workOrder, {});
            if (!rules.acceptedByRules(v, day->previousAppointment(v.tech, v), day->nextAppointment(v.tech, v))) {
                if (!v.id.isEmpty()) {
                    stays.insert(v.id);
                    refusedMove = true;
                }
                continue;
            }
            const Appointment *was = booked.value(v.id);
            Appointment a = was ? *was : Appointment{};
            a.id = was ? v.id : acceptedId(added.size());
            a.workOrderId = day->workOrders()[size_t(v.workOrder)].id;
            a.technicianId = day->technicians()[size_t(v.tech)].id;
            a.start = QDateTime::fromMSecsSinceEpoch(v.start, Qt::UTC);
            a.end = QDateTime::fromMSecsSinceEpoch(v.end, Qt::UTC);
            day->upsertAppointment(a);
            if (!was)
                added.push_back({a.workOrderId, a.technicianId, a.start, a.end});
            else if (a.technicianId != was->technicianId || a.start != was->start)
                moves.push_back({a.id, a.workOrderId, was->technicianId, was->start, was->end, a.technicianId, a.start, a.end});
        }
        if (!refusedMove)
            break;
    }
    std::sort(moves.begin(), moves.end(), [](const VisitMove &a, const VisitMove &b) { return a.appointmentId < b.appointmentId; });
    return added;
}

} // namespace

DayPlan planDay(const DayPlanInput &in, const DayPlanOptions &options)
{
    const scheduling::TravelTimeProvider &travel = options.travel ? *options.travel : scheduling::defaultTravelTime();
    CompiledSchedule s(in.snapshot, travel);
    const Clock clock{QDateTime(in.date.addDays(-1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()};
    Problem p;
    addVehicles(in, s, clock, options.moveBooked, p);
    if (options.moveBooked)
        freeMovableVisits(s, clock, p);
    addJobs(in, s, clock, p);
    fillMatrix(s, p);
    if (options.moveBooked)
        pinInfeasibleDays(p);

    std::vector<scheduling::Visit> proposed;
    DayPlan plan;
    if (std::find_if(p.jobWorkOrder.begin(), p.jobWorkOrder.end(), [](int w) { return w >= 0; }) != p.jobWorkOrder.end()) {
        optimizer::VrpSolverOptions solverOptions;
        solverOptions.timeLimitSeconds = options.timeLimitSeconds;
        solverOptions.seed = options.seed;
        solverOptions.maxIterations = options.maxIterations;
        solverOptions.initialRoutes = p.initialRoutes;
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
        proposed = proposals(p, s, solved.solution, clock);
    }
    if (options.progress)
        options.progress(1.0);

    QSet<QString> proposedIds;
    QSet<int> touchedTechs;
    for (const scheduling::Visit &v : proposed) {
        if (v.id.isEmpty()) {
            proposedIds.insert(s.workOrders()[size_t(v.workOrder)].id);
            touchedTechs.insert(v.tech);
        } else if (v.tech != s.appointments()[size_t(v.appointment)].tech || v.start != s.appointments()[size_t(v.appointment)].start) {
            touchedTechs.insert(v.tech);
            touchedTechs.insert(s.appointments()[size_t(v.appointment)].tech);
        }
    }
    const int travelBefore = dayTravel(in, s, touchedTechs);
    // The schedule as planned: `s` itself, or the re-planned day.
    std::unique_ptr<CompiledSchedule> replanned;
    if (options.moveBooked)
        plan.visits = gateReplan(in, travel, std::move(proposed), plan.moves, replanned);
    else
        plan.visits = keepWhatRulesAccept(s, std::move(proposed));
    const CompiledSchedule &planned = replanned ? *replanned : s;
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
    plan.travelMin = travelOfNewVisits(in, planned, newIds);
    // Over the technicians of the proposals, accepted or not, so before and after compare
    // the same people; equal when nothing was accepted.
    plan.dayTravelBeforeMin = travelBefore;
    plan.dayTravelAfterMin = dayTravel(in, planned, touchedTechs);
    return plan;
}

} // namespace fieldops::dayplan
