#include "dayplan/DayRepair.h"

#include "dayplan/RuleGate.h"
#include "scheduling/CompiledSchedule.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>

namespace fieldops::dayplan {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(DayRepair)
};

constexpr qint64 kMinuteMs = 60'000;
// Bumping: the lower-priority visits tried for an urgent job, nearest to its site first.
constexpr int kBumpTries = 8;
// Bumping: the options kept, cheapest first.
constexpr int kBumpOptionsKept = 2;
// The colleagues a repair offers displaced work to: those holding the skills, nearest first.
// A repair is a small change to a day, not a new plan for the whole fleet, and the optimiser's
// problem stays a few dozen routes however large the fleet is.
constexpr int kNearbyTechnicians = 30;

bool started(const Appointment &a)
{
    return a.status == QLatin1String("en_route") || a.status == QLatin1String("on_site");
}

bool live(const Appointment &a)
{
    return a.status != QLatin1String("cancelled") && a.status != QLatin1String("completed");
}

qint64 ms(const QDateTime &t) { return t.toMSecsSinceEpoch(); }
QDateTime utc(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

// What a repair reads of the day: the compiled schedule and lookups by id.
struct Day {
    const DayPlanInput &in;
    scheduling::CompiledSchedule s;
    QHash<QString, const WorkOrder *> workOrders;
    QHash<QString, const Appointment *> appointments;
    QHash<QString, const Technician *> technicians;
    QHash<QString, std::vector<const Appointment *>> byTechnician;

    explicit Day(const DayPlanInput &input) : in(input), s(input.snapshot)
    {
        for (const WorkOrder &w : in.snapshot.workOrders)
            workOrders.insert(w.id, &w);
        for (const Technician &t : in.snapshot.technicians)
            technicians.insert(t.id, &t);
        for (const Appointment &a : in.snapshot.appointments) {
            appointments.insert(a.id, &a);
            byTechnician[a.technicianId].push_back(&a);
        }
    }

    // The technician's local day D as UTC milliseconds [start, end).
    std::pair<qint64, qint64> localDay(const QString &technicianId) const
    {
        const scheduling::TechnicianRec &t = s.technicians()[size_t(s.technicianIndex(technicianId))];
        return {t.clock().toUtcMs(in.date, QTime(0, 0)), t.clock().toUtcMs(in.date.addDays(1), QTime(0, 0))};
    }

    scheduling::GeoPlace placeOf(const QString &workOrderId) const
    {
        const int wi = s.workOrderIndex(workOrderId);
        const int site = wi >= 0 ? s.workOrders()[size_t(wi)].site : -1;
        return site >= 0 ? s.sites()[size_t(site)].place : scheduling::GeoPlace{};
    }

    int priorityOf(const QString &workOrderId) const
    {
        const WorkOrder *w = workOrders.value(workOrderId);
        return w ? w->priority : 3;
    }

    // Minutes a visit ending at `end` runs past its work order's SLA due (0 without one).
    int lateMinutes(const QString &workOrderId, const QDateTime &end) const
    {
        const WorkOrder *w = workOrders.value(workOrderId);
        if (!w || !w->slaDue.isValid() || end <= w->slaDue)
            return 0;
        return int((ms(end) - ms(w->slaDue) + kMinuteMs - 1) / kMinuteMs);
    }

    // The technician's live visits overlapping their local day, in time order.
    std::vector<const Appointment *> visitsOf(const QString &technicianId) const
    {
        const auto [from, to] = localDay(technicianId);
        std::vector<const Appointment *> out;
        const auto mine = byTechnician.constFind(technicianId);
        if (mine == byTechnician.cend())
            return out;
        for (const Appointment *a : *mine)
            if (live(*a) && ms(a->end) > from && ms(a->start) < to)
                out.push_back(a);
        std::sort(out.begin(), out.end(), [](const Appointment *a, const Appointment *b) {
            return a->start != b->start ? a->start < b->start : a->id < b->id;
        });
        return out;
    }
};

// The technicians of `in` who hold every skill of one of the work orders, nearest (home to
// site) first, at most kNearbyTechnicians, plus `always`.
QStringList nearbyTechnicians(const Day &day, const DayPlanInput &in, const QStringList &workOrderIds, const QString &always = {})
{
    std::vector<std::pair<int, QString>> ranked;
    for (const QString &techId : in.technicians) {
        const int ti = day.s.technicianIndex(techId);
        if (ti < 0)
            continue;
        const auto &held = day.s.technicians()[size_t(ti)].skills;
        const Technician *tech = day.technicians.value(techId);
        int nearest = -1;
        for (const QString &id : workOrderIds) {
            const int wi = day.s.workOrderIndex(id);
            if (wi < 0)
                continue;
            const auto &needs = day.s.workOrders()[size_t(wi)].skills;
            if (!std::includes(held.begin(), held.end(), needs.begin(), needs.end()))
                continue;
            const int minutes = tech ? day.s.travel().minutes({QString(), tech->homeLat, tech->homeLon}, day.placeOf(id)) : 0;
            nearest = nearest < 0 ? minutes : std::min(nearest, minutes);
        }
        if (nearest >= 0 || techId == always)
            ranked.push_back({techId == always ? -1 : nearest, techId});
    }
    std::sort(ranked.begin(), ranked.end());
    QStringList out;
    for (size_t i = 0; i < ranked.size() && i < size_t(kNearbyTechnicians); ++i)
        out << ranked[i].second;
    out.sort();
    return out;
}

// The day without the given appointments, the displaced work orders as the only candidates.
DayPlanInput without(const DayPlanInput &in, const QSet<QString> &removed, const QStringList &candidates)
{
    DayPlanInput out = in;
    out.snapshot.appointments.erase(std::remove_if(out.snapshot.appointments.begin(), out.snapshot.appointments.end(),
                                                   [&](const Appointment &a) { return removed.contains(a.id); }),
                                    out.snapshot.appointments.end());
    out.candidates = candidates;
    out.candidates.sort();
    return out;
}

void finish(const Day &day, RepairOption &o)
{
    o.visitsMoved = o.backToQueue = o.newVisits = o.lateMin = 0;
    int queueCost = 0;
    for (const RepairMove &m : o.moves) {
        if (m.toTechnicianId.isEmpty()) {
            ++o.backToQueue;
            queueCost += repairQueueCost(day.priorityOf(m.workOrderId));
            continue;
        }
        if (m.appointmentId.isEmpty())
            ++o.newVisits;
        else
            ++o.visitsMoved;
        o.lateMin += day.lateMinutes(m.workOrderId, m.end);
    }
    o.cost = o.travelAddedMin + o.lateMin + kRepairMoveCost * o.visitsMoved + queueCost;
}

RepairMove moveOf(const Appointment &a)
{
    return {a.id, a.workOrderId, a.technicianId, a.start, a.end, QString(), QDateTime(), QDateTime()};
}

// The displaced visits placed by the day planner; those it leaves out go back to the queue.
RepairOption reassign(const Day &day, const DayPlanInput &in, const std::vector<const Appointment *> &displaced,
                      const DayPlanOptions &options)
{
    QStringList candidates;
    for (const Appointment *a : displaced)
        candidates << a->workOrderId;
    DayPlanInput planned = in;
    planned.candidates = candidates;
    planned.candidates.sort();
    planned.technicians = nearbyTechnicians(day, in, candidates);
    const DayPlan plan = planDay(planned, options);
    QHash<QString, const PlannedVisit *> placed;
    for (const PlannedVisit &v : plan.visits)
        placed.insert(v.workOrderId, &v);
    RepairOption o;
    o.kind = RepairKind::Reassign;
    for (const Appointment *a : displaced) {
        RepairMove m = moveOf(*a);
        if (const PlannedVisit *v = placed.value(a->workOrderId)) {
            m.toTechnicianId = v->technicianId;
            m.start = v->start;
            m.end = v->end;
        }
        o.moves.push_back(m);
    }
    o.travelAddedMin = plan.dayTravelAfterMin - plan.dayTravelBeforeMin;
    finish(day, o);
    return o;
}

RepairOption backToQueue(const Day &day, const std::vector<const Appointment *> &displaced)
{
    RepairOption o;
    o.kind = RepairKind::BackToQueue;
    for (const Appointment *a : displaced)
        o.moves.push_back(moveOf(*a));
    finish(day, o);
    return o;
}

// The displaced visits one after the other on their own technician's day, each as early as
// the visit before it and the drive allow; the rules refuse any that then breaks the shift,
// the customer's window or the next visit, and those go back to the queue.
RepairOption pushLater(const Day &day, const DayPlanInput &in, const Appointment &overrun, qint64 overrunEnd,
                       const std::vector<const Appointment *> &displaced, const DayPlanOptions &options)
{
    // The drives as planning counts them (learned speeds, never below the rule checks' model).
    scheduling::CompiledSchedule s(in.snapshot, options.travel ? *options.travel : scheduling::defaultTravelTime());
    const int tech = s.technicianIndex(overrun.technicianId);
    qint64 free = overrunEnd;
    scheduling::GeoPlace at = day.placeOf(overrun.workOrderId);
    std::vector<scheduling::Visit> proposed;
    for (const Appointment *a : displaced) {
        const scheduling::GeoPlace to = day.placeOf(a->workOrderId);
        const qint64 start = std::max(ms(a->start), free + qint64(s.travel().minutes(at, to)) * kMinuteMs);
        const qint64 end = start + (ms(a->end) - ms(a->start));
        proposed.push_back({-1, QString(), tech, s.workOrderIndex(a->workOrderId), start, end});
        free = end;
        at = to;
    }
    const std::vector<PlannedVisit> kept = keepWhatRulesAccept(s, proposed);
    QHash<QString, const PlannedVisit *> accepted;
    for (const PlannedVisit &v : kept)
        accepted.insert(v.workOrderId, &v);
    RepairOption o;
    o.kind = RepairKind::PushLater;
    for (const Appointment *a : displaced) {
        RepairMove m = moveOf(*a);
        if (const PlannedVisit *v = accepted.value(a->workOrderId)) {
            m.toTechnicianId = v->technicianId;
            m.start = v->start;
            m.end = v->end;
        }
        o.moves.push_back(m);
    }
    o.travelAddedMin = 0; // the same visits in the same order on the same day
    finish(day, o);
    return o;
}

Result<DayRepair> absence(const Day &day, const Disruption &d, const DayPlanOptions &options)
{
    if (day.s.technicianIndex(d.technicianId) < 0)
        return Error::invalid(Text::tr("technician %1 does not exist").arg(d.technicianId));
    const auto [dayStart, dayEnd] = day.localDay(d.technicianId);
    const qint64 from = d.from.isValid() ? std::max(ms(d.from), dayStart) : dayStart;
    if (from >= dayEnd)
        return Error::invalid(Text::tr("technician %1's day %2 is over by %3: nothing is left to repair")
                                  .arg(d.technicianId, day.in.date.toString(Qt::ISODate), d.from.toString(Qt::ISODate)));
    DayRepair out;
    out.absence = {0, d.technicianId, utc(from), utc(dayEnd), Text::tr("reported absent")};
    std::vector<const Appointment *> displaced;
    QSet<QString> removed;
    for (const Appointment *a : day.visitsOf(d.technicianId)) {
        if (started(*a) || ms(a->start) < from)
            continue; // under way, or before the absence begins: it stays
        if (a->locked) {
            out.keptLocked << a->workOrderId;
            continue;
        }
        displaced.push_back(a);
        removed.insert(a->id);
        out.displaced << a->workOrderId;
    }
    out.displaced.sort();
    out.keptLocked.sort();
    if (displaced.empty())
        return out;
    DayPlanInput in = without(day.in, removed, {});
    in.technicians.removeAll(d.technicianId);
    // The absence itself, so the rules also keep the technician free of new visits.
    in.snapshot.absences.push_back(out.absence);
    out.options.push_back(reassign(day, in, displaced, options));
    out.options.push_back(backToQueue(day, displaced));
    return out;
}

Result<DayRepair> overrun(const Day &day, const Disruption &d, const DayPlanOptions &options)
{
    const Appointment *a = day.appointments.value(d.appointmentId);
    if (!a || !live(*a))
        return Error::invalid(Text::tr("visit %1 is not booked around %2").arg(d.appointmentId, day.in.date.toString(Qt::ISODate)));
    if (d.extraMinutes <= 0)
        return Error::invalid(Text::tr("an overrun needs a positive number of minutes"));
    const qint64 newEnd = ms(a->end) + qint64(d.extraMinutes) * kMinuteMs;
    DayRepair out;
    std::vector<const Appointment *> displaced;
    QSet<QString> removed;
    // The cascade: a later visit that no longer fits after the visit before it is displaced,
    // and the one after is judged against what stays.
    qint64 free = newEnd;
    scheduling::GeoPlace at = day.placeOf(a->workOrderId);
    for (const Appointment *b : day.visitsOf(a->technicianId)) {
        if (b->id == a->id || b->start < a->start)
            continue;
        const scheduling::GeoPlace to = day.placeOf(b->workOrderId);
        if (ms(b->start) >= free + qint64(day.s.travel().minutes(at, to)) * kMinuteMs)
            break;
        if (b->locked || started(*b)) {
            out.keptLocked << b->workOrderId;
            free = std::max(free, ms(b->end));
            at = to;
            continue;
        }
        displaced.push_back(b);
        removed.insert(b->id);
        out.displaced << b->workOrderId;
    }
    out.displaced.sort();
    out.keptLocked.sort();
    if (displaced.empty())
        return out;
    DayPlanInput in = without(day.in, removed, {});
    for (Appointment &x : in.snapshot.appointments)
        if (x.id == a->id)
            x.end = utc(newEnd);
    out.options.push_back(pushLater(day, in, *a, newEnd, displaced, options));
    out.options.push_back(reassign(day, in, displaced, options));
    out.options.push_back(backToQueue(day, displaced));
    return out;
}

// The urgent job booked in the day as it is, nothing else moving (empty when it finds no place).
std::optional<RepairOption> bookUrgent(const Day &day, const DayPlanInput &in, const QString &urgent, const Appointment *bumped,
                                       const DayPlanOptions &options)
{
    DayPlanInput planned = in;
    planned.candidates = QStringList{urgent};
    if (bumped)
        planned.candidates << bumped->workOrderId;
    planned.candidates.sort();
    planned.technicians = nearbyTechnicians(day, in, planned.candidates, bumped ? bumped->technicianId : QString());
    const DayPlan plan = planDay(planned, options);
    const PlannedVisit *mine = nullptr, *theirs = nullptr;
    for (const PlannedVisit &v : plan.visits) {
        if (v.workOrderId == urgent)
            mine = &v;
        else if (bumped && v.workOrderId == bumped->workOrderId)
            theirs = &v;
    }
    if (!mine)
        return std::nullopt;
    RepairOption o;
    o.kind = bumped ? RepairKind::Bump : RepairKind::BookAsIs;
    o.moves.push_back({QString(), urgent, QString(), QDateTime(), QDateTime(), mine->technicianId, mine->start, mine->end});
    if (bumped) {
        RepairMove m = moveOf(*bumped);
        if (theirs) {
            m.toTechnicianId = theirs->technicianId;
            m.start = theirs->start;
            m.end = theirs->end;
        }
        o.moves.push_back(m);
    }
    o.travelAddedMin = plan.dayTravelAfterMin - plan.dayTravelBeforeMin;
    finish(day, o);
    return o;
}

Result<DayRepair> urgentJob(const Day &day, const Disruption &d, const DayPlanOptions &options)
{
    if (!day.in.candidates.contains(d.workOrderId))
        return Error::invalid(Text::tr("work order %1 is not in the queue for %2 (open, nobody booked, its window meeting the day)")
                                  .arg(d.workOrderId, day.in.date.toString(Qt::ISODate)));
    DayRepair out;
    out.displaced << d.workOrderId;
    if (auto asIs = bookUrgent(day, day.in, d.workOrderId, nullptr, options)) {
        out.options.push_back(*asIs);
    } else {
        // Only a visit of lower priority, neither locked nor started, of a technician who may
        // take the job and holds its skills, nearest to the job's site first.
        const int wi = day.s.workOrderIndex(d.workOrderId);
        const auto &needs = day.s.workOrders()[size_t(wi)].skills;
        const int priority = day.priorityOf(d.workOrderId);
        const scheduling::GeoPlace site = day.placeOf(d.workOrderId);
        std::vector<std::pair<int, const Appointment *>> tries;
        for (const QString &techId : day.in.technicians) {
            const int ti = day.s.technicianIndex(techId);
            if (ti < 0)
                continue;
            const auto &held = day.s.technicians()[size_t(ti)].skills;
            if (!std::includes(held.begin(), held.end(), needs.begin(), needs.end()))
                continue;
            for (const Appointment *b : day.visitsOf(techId))
                if (!b->locked && !started(*b) && day.priorityOf(b->workOrderId) > priority)
                    tries.push_back({day.s.travel().minutes(day.placeOf(b->workOrderId), site), b});
        }
        std::sort(tries.begin(), tries.end(), [](const auto &x, const auto &y) {
            return x.first != y.first ? x.first < y.first : x.second->id < y.second->id;
        });
        if (tries.size() > size_t(kBumpTries))
            tries.resize(size_t(kBumpTries));
        std::vector<RepairOption> bumps;
        for (const auto &[minutes, b] : tries) {
            Q_UNUSED(minutes);
            if (auto o = bookUrgent(day, without(day.in, {b->id}, {}), d.workOrderId, b, options))
                bumps.push_back(*o);
        }
        std::stable_sort(bumps.begin(), bumps.end(), [](const RepairOption &x, const RepairOption &y) { return x.cost < y.cost; });
        for (size_t i = 0; i < bumps.size() && i < size_t(kBumpOptionsKept); ++i)
            out.options.push_back(bumps[i]);
    }
    RepairOption leave;
    leave.kind = RepairKind::LeaveInQueue;
    leave.moves.push_back({QString(), d.workOrderId, QString(), QDateTime(), QDateTime(), QString(), QDateTime(), QDateTime()});
    finish(day, leave);
    out.options.push_back(leave);
    return out;
}

} // namespace

QString repairKindKey(RepairKind kind)
{
    switch (kind) {
    case RepairKind::Reassign: return QStringLiteral("reassign");
    case RepairKind::PushLater: return QStringLiteral("push_later");
    case RepairKind::BackToQueue: return QStringLiteral("back_to_queue");
    case RepairKind::BookAsIs: return QStringLiteral("book");
    case RepairKind::Bump: return QStringLiteral("bump");
    case RepairKind::LeaveInQueue: return QStringLiteral("leave_in_queue");
    }
    return {};
}

QString repairKindText(RepairKind kind)
{
    switch (kind) {
    case RepairKind::Reassign: return Text::tr("Reassign to colleagues");
    case RepairKind::PushLater: return Text::tr("Push later the same day");
    case RepairKind::BackToQueue: return Text::tr("Send back to the queue");
    case RepairKind::BookAsIs: return Text::tr("Book where it fits");
    case RepairKind::Bump: return Text::tr("Bump a lower-priority visit");
    case RepairKind::LeaveInQueue: return Text::tr("Leave in the queue");
    }
    return {};
}

Result<DayRepair> repairDay(const DayPlanInput &input, const Disruption &disruption, const DayPlanOptions &options)
{
    const Day day(input);
    Result<DayRepair> out = [&]() -> Result<DayRepair> {
        switch (disruption.kind) {
        case Disruption::Kind::Absence: return absence(day, disruption, options);
        case Disruption::Kind::Overrun: return overrun(day, disruption, options);
        case Disruption::Kind::UrgentJob: return urgentJob(day, disruption, options);
        }
        return DayRepair{};
    }();
    if (out)
        std::stable_sort(out->options.begin(), out->options.end(), [](const RepairOption &x, const RepairOption &y) { return x.cost < y.cost; });
    return out;
}

} // namespace fieldops::dayplan
