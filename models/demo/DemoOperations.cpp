#include "demo/DemoOperations.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoCustomerBase.h"
#include "demo/DemoDurations.h"
#include "demo/DemoGeography.h"
#include "demo/DemoRequests.h"
#include "demo/DemoSla.h"
#include "demo/DemoWorkforce.h"

#include <algorithm>
#include <cmath>

namespace fieldops::demo {

namespace {

// A work order waiting for a (next) visit.
struct Pending {
    int workOrder;
    int due;           // day offset from which it may be scheduled
    int preferredTech; // -1: whoever has the skills
};

struct WorkOrderState {
    int visits = 0; // visits that happened (arrived)
    bool closed = false;
    bool cancelled = false;
    bool active = false;   // a visit is under way now
    bool upcoming = false; // a visit is planned later
};

// What a technician could do next: an existing work order from a queue, or a new request.
struct Candidate {
    std::vector<Pending> *queue = nullptr;
    int queueIndex = -1;
    int workOrder = -1;
    int site = 0;
    int asset = -1;
    int skill = 0;
    int secondSkill = -1;
    int durationMin = 60;
    int priority = 3;
    bool emergency = false; // an on-call call-out: asked for a moment before
    QString type;
    QString summary;
};

const QString kInstall = QStringLiteral("install");
const QString kCorrective = QStringLiteral("corrective");
const QString kPreventive = QStringLiteral("preventive");
const QString kInspection = QStringLiteral("inspection");

Instant ceilTo(Instant t, Instant step) { return (t + step - 1) / step * step; }
Instant floorTo(Instant t, Instant step) { return t / step * step; }

class Simulator {
public:
    Simulator(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data)
        : m_rng(rng), m_cal(cal), m_clock(clock), m_data(data)
    {
        const int territories = int(territoryAreas().size());
        m_territoryAssets.assign(territories, std::vector<std::vector<int>>(SkillCount));
        m_globalAssets.assign(SkillCount, {});
        for (int i = 0; i < int(data.assets.size()); ++i) {
            const AssetRow &a = data.assets[i];
            m_territoryAssets[data.sites[a.site].territory][a.skill].push_back(i);
            m_globalAssets[a.skill].push_back(i);
        }
        // What the on-call crew is called to: equipment under a 24×7 contract.
        m_allHoursAssets.assign(SkillCount, {});
        for (int i = 0; i < int(data.assets.size()); ++i) {
            const int contract = data.customers[data.sites[data.assets[i].site].customer].contract;
            if (contract >= 0 && data.contracts[contract].allHours)
                m_allHoursAssets[data.assets[i].skill].push_back(i);
        }
        for (const TechnicianRow &t : data.technicians) {
            int mask = 0;
            for (int s : t.skills)
                mask |= 1 << s;
            m_techMask.push_back(mask);
        }
        m_techQueue.assign(data.technicians.size(), {});
        m_planLastWorkOrder.assign(data.plans.size(), -1);
        m_territoryQueue.assign(territories, {});
        // Ids wide enough for the whole run, fixed up front so they sort in creation order.
        m_idEstimate = std::max(1000, int(data.technicians.size()) * cal.dayCount() * 6 + int(data.plans.size()) * 4);
    }

    bool run(const std::function<bool(int)> &tick)
    {
        const int first = -m_cal.historyDays;
        for (int offset = first; offset <= m_cal.futureDays; ++offset) {
            openPreventive(offset);
            ageQueues(offset);
            for (int t = 0; t < int(m_data.technicians.size()); ++t) {
                if (worksOn(m_data.technicians[t], m_cal, offset))
                    buildDay(t, offset);
            }
            if (tick && (offset - first) % 5 == 0 && !tick(int(100.0 * (offset - first) / m_cal.dayCount())))
                return false;
        }
        addFreshRequests();
        finishStatuses();
        return true;
    }

private:
    int skillMask(int skill, int second) const { return (1 << skill) | (second >= 0 ? 1 << second : 0); }
    bool canDo(int tech, const WorkOrderRow &w) const
    {
        const int need = skillMask(w.skill, w.secondSkill);
        return (need & ~m_techMask[tech]) == 0;
    }
    int territoryOf(const WorkOrderRow &w) const { return m_data.sites[w.site].territory; }

    int newWorkOrder(WorkOrderRow w)
    {
        w.id = makeId("wo", int(m_data.workOrders.size()) + 1, m_idEstimate);
        m_data.workOrders.push_back(std::move(w));
        m_state.push_back({});
        return int(m_data.workOrders.size()) - 1;
    }

    void openPreventive(int offset)
    {
        const QDate date = m_cal.dateAt(offset);
        for (const PlanRow &p : m_data.plans) {
            if (((offset - p.phase) % p.intervalDays + p.intervalDays) % p.intervalDays != 0)
                continue;
            const ContractRow &k = m_data.contracts[p.contract];
            if (!contractActive(k, date))
                continue;
            WorkOrderRow w;
            w.site = m_data.assets[p.asset].site;
            w.asset = p.asset;
            w.contract = p.contract;
            w.type = kPreventive;
            w.priority = m_rng.chance(0.7) ? 3 : 4;
            w.skill = p.skill;
            w.durationMin = p.durationMin;
            w.summary = QString::fromUtf8(preventiveTasks()[p.task].task);
            // Generated a week or two ahead by the planners, never after the demo's now.
            w.createdAt = std::min(m_clock.at(m_cal.dateAt(offset - m_rng.between(7, 14)), m_rng.between(7 * 60, 9 * 60)),
                                   m_cal.now - m_rng.between(60, 48 * 60) * kMinute)
                + m_rng.below(60);
            w.windowStart = m_clock.at(m_cal.dateAt(offset - 3), 8 * 60);
            w.windowEnd = m_clock.at(m_cal.dateAt(offset + 3), 18 * 60);
            const int wo = newWorkOrder(std::move(w));
            m_territoryQueue[territoryOf(m_data.workOrders[wo])].push_back({wo, offset - m_rng.between(0, 2), -1});
            // A previous occurrence nobody got to is superseded by this one, as planners do.
            const int planIndex = int(&p - m_data.plans.data());
            const int previous = m_planLastWorkOrder[planIndex];
            if (previous >= 0) {
                WorkOrderState &st = m_state[previous];
                if (st.visits == 0 && !st.upcoming && !st.active && !st.closed)
                    st.cancelled = true;
            }
            m_planLastWorkOrder[planIndex] = wo;
        }
    }

    // Work nobody took in time goes wider: a preferred technician's repeat visits to the
    // territory, the territory's stale work to everyone; what nobody could take in two
    // weeks stays in the open backlog without being offered again.
    void ageQueues(int offset)
    {
        const auto moveStale = [](std::vector<Pending> &from, int before, const auto &sink) {
            auto keep = std::stable_partition(from.begin(), from.end(), [&](const Pending &p) { return p.due > before; });
            for (auto it = keep; it != from.end(); ++it)
                sink(*it);
            from.erase(keep, from.end());
        };
        for (auto &q : m_techQueue) {
            moveStale(q, offset - 2, [&](const Pending &p) {
                m_territoryQueue[territoryOf(m_data.workOrders[p.workOrder])].push_back({p.workOrder, p.due, -1});
            });
        }
        for (auto &q : m_territoryQueue)
            moveStale(q, offset - 4, [&](const Pending &p) { m_overflow.push_back(p); });
        moveStale(m_overflow, offset - 14, [](const Pending &) {});
    }

    bool fromQueue(int tech, int offset, std::vector<Pending> &queue, Candidate &c)
    {
        for (int i = 0; i < int(queue.size()); ++i) {
            const Pending &p = queue[i];
            if (m_state[p.workOrder].cancelled) {
                queue.erase(queue.begin() + i--);
                continue;
            }
            if (p.due > offset)
                continue;
            const WorkOrderRow &w = m_data.workOrders[p.workOrder];
            if (!canDo(tech, w))
                continue;
            c.queue = &queue;
            c.queueIndex = i;
            c.workOrder = p.workOrder;
            c.site = w.site;
            c.durationMin = w.durationMin;
            return true;
        }
        return false;
    }

    bool newRequest(int tech, double lat, double lon, Candidate &c)
    {
        const TechnicianRow &t = m_data.technicians[tech];
        const int skill = m_rng.chance(0.65) ? t.skills.front() : m_rng.pick(t.skills);
        const std::vector<int> *pool = &m_territoryAssets[t.territory][skill];
        if (pool->empty() || m_rng.chance(0.12))
            pool = &m_globalAssets[skill];
        if (pool->empty())
            return false;
        // Of a few requests, the dispatcher gives the nearest: routes stay compact.
        int best = -1;
        double bestKm = 0;
        for (int k = 0; k < 3; ++k) {
            const int a = m_rng.pick(*pool);
            const SiteRow &s = m_data.sites[m_data.assets[a].site];
            const double km = distanceKm(lat, lon, s.lat, s.lon);
            if (best < 0 || km < bestKm) {
                best = a;
                bestKm = km;
            }
        }
        const AssetRow &asset = m_data.assets[best];
        static const RequestMix mix{{9, 64, 7, 20}, {10, 28, 44, 18}};
        const RequestShape shape = drawRequest(m_rng, skill, mix);
        c = Candidate{};
        c.site = asset.site;
        c.asset = shape.newEquipment ? -1 : best;
        c.skill = skill;
        c.type = shape.type;
        c.durationMin = shape.durationMin;
        c.priority = shape.priority;
        c.summary = shape.summary;
        if (t.skills.size() > 1 && m_rng.chance(0.08)) {
            const int other = m_rng.pick(t.skills);
            if (other != skill)
                c.secondSkill = other;
        }
        return true;
    }

    // A call-out: a fault at a site under a 24×7 contract (in force that day), the nearest of
    // a few, urgent. False when the crew's trades have no such equipment.
    bool emergencyCall(int tech, int offset, double lat, double lon, Candidate &c)
    {
        const TechnicianRow &t = m_data.technicians[tech];
        const int skill = m_rng.chance(0.65) ? t.skills.front() : m_rng.pick(t.skills);
        const std::vector<int> &pool = m_allHoursAssets[skill];
        if (pool.empty())
            return false;
        const QDate date = m_cal.dateAt(offset);
        int best = -1;
        double bestKm = 0;
        for (int k = 0; k < 4; ++k) {
            const int a = m_rng.pick(pool);
            const int site = m_data.assets[a].site;
            if (contractFor(m_data, site, date) < 0)
                continue;
            const double km = distanceKm(lat, lon, m_data.sites[site].lat, m_data.sites[site].lon);
            if (best < 0 || km < bestKm) {
                best = a;
                bestKm = km;
            }
        }
        if (best < 0)
            return false;
        static const RequestMix mix{{0, 100, 0, 0}, {60, 40, 0, 0}};
        const RequestShape shape = drawRequest(m_rng, skill, mix);
        c = Candidate{};
        c.site = m_data.assets[best].site;
        c.asset = best;
        c.skill = skill;
        c.type = shape.type;
        c.durationMin = shape.durationMin;
        c.priority = shape.priority;
        c.summary = shape.summary;
        c.emergency = true;
        return true;
    }

    bool nextCandidate(int tech, int offset, double lat, double lon, bool queuesFirst, Candidate &c)
    {
        c = Candidate{};
        // The on-call crew answers call-outs only; the planned work is the day crew's.
        if (m_data.technicians[tech].onCall)
            return emergencyCall(tech, offset, lat, lon, c);
        if (queuesFirst) {
            const int territory = m_data.technicians[tech].territory;
            if (fromQueue(tech, offset, m_techQueue[tech], c) || fromQueue(tech, offset, m_territoryQueue[territory], c)
                || fromQueue(tech, offset, m_overflow, c))
                return true;
        }
        return newRequest(tech, lat, lon, c);
    }

    // How long before the visit the request came in, by urgency.
    Instant leadTime(const Candidate &c)
    {
        if (c.emergency)
            return m_rng.between(15, 90) * kMinute;
        if (c.type == kInstall)
            return m_rng.between(5 * 24, 25 * 24) * kHour;
        if (c.type == kPreventive)
            return m_rng.between(5 * 24, 20 * 24) * kHour;
        if (c.type == kInspection)
            return m_rng.between(3 * 24, 15 * 24) * kHour;
        switch (c.priority) {
        case 1:
            return m_rng.between(60, 6 * 60) * kMinute;
        case 2:
            return m_rng.between(4 * 60, 30 * 60) * kMinute;
        case 3:
            return m_rng.between(24 * 60, 5 * 24 * 60) * kMinute;
        default:
            return m_rng.between(2 * 24 * 60, 12 * 24 * 60) * kMinute;
        }
    }

    int createFromCandidate(const Candidate &c, Instant start, Instant end)
    {
        WorkOrderRow w;
        w.site = c.site;
        w.asset = c.asset;
        w.type = c.type;
        w.priority = c.priority;
        w.skill = c.skill;
        w.secondSkill = c.secondSkill;
        w.durationMin = c.durationMin;
        w.summary = c.summary;
        const Instant latestCreation = std::min(start, m_cal.now) - 10 * kMinute;
        Instant lead = leadTime(c);
        const Instant seconds = m_rng.below(60); // requests arrive at any second
        w.createdAt = std::min(start - lead, latestCreation) - seconds;
        const int contract = contractFor(m_data, c.site, m_clock.localDate(w.createdAt));
        w.contract = contract;
        if (contract >= 0 && (c.type == kCorrective || c.type == kInspection)) {
            const ContractRow &k = m_data.contracts[contract];
            // Most requests are planned well within the response time (with room for a
            // late arrival or a long job); some are not.
            const bool meet = m_rng.chance(0.88);
            const Instant target = end + 45 * kMinute;
            w.slaDue = slaDue(m_clock, w.createdAt, k.responseHours, k.allHours);
            for (int i = 0; i < 10 && meet != (w.slaDue >= target); ++i) {
                lead = meet ? lead / 2 : lead * 2;
                w.createdAt = std::min(start - std::max<Instant>(lead, 10 * kMinute), latestCreation) - seconds;
                w.slaDue = slaDue(m_clock, w.createdAt, k.responseHours, k.allHours);
            }
        }
        if (m_rng.chance(0.35)) {
            const QDate date = m_clock.localDate(start);
            w.windowStart = std::max(floorTo(start, kHour) - m_rng.between(0, 2) * kHour, m_clock.at(date, 7 * 60));
            w.windowEnd = std::min(ceilTo(end, kHour) + m_rng.between(0, 3) * kHour, m_clock.at(date, 20 * 60));
            w.windowStart = std::min(w.windowStart, start);
            w.windowEnd = std::max(w.windowEnd, end);
        }
        return newWorkOrder(std::move(w));
    }

    // A later visit outside the window agreed for the first one: the customer agreed a new one.
    void widenWindow(WorkOrderRow &w, Instant start, Instant end)
    {
        if (w.windowStart == kNoInstant || w.windowEnd == kNoInstant)
            return;
        if (start < w.windowStart)
            w.windowStart = floorTo(start, kHour);
        if (end > w.windowEnd)
            w.windowEnd = ceilTo(end, kHour);
    }

    void buildDay(int tech, int offset)
    {
        const TechnicianRow &t = m_data.technicians[tech];
        const ShiftSpan shift = shiftOn(t, m_cal, m_clock, offset);
        const Instant dayStart = shift.start;
        const Instant dayEnd = shift.end; // the next morning for a night shift
        // The schedule thins out further ahead: dispatchers plan a few days at most.
        static const double fillAhead[] = {1.0, 0.8, 0.6, 0.45};
        const double fill = offset <= 0 ? 1.0 : (offset < 4 ? fillAhead[offset] : 0.35);
        const Instant fillEnd = dayStart + Instant((dayEnd - dayStart) * fill);
        bool lunchTaken = dayEnd - dayStart < 6 * kHour;
        // Lunch after noon; on a night shift the meal break comes halfway through.
        const Instant breakAt = t.shiftEndMin <= t.shiftStartMin ? dayStart + (dayEnd - dayStart) / 2
                                                                   : m_clock.at(m_cal.dateAt(offset), 12 * 60);
        Instant cursor = dayStart;
        double lat = t.homeLat, lon = t.homeLon;
        int misses = 0;
        bool first = true;
        m_freeAt = dayStart;
        m_lastDone = -1;
        m_busyNow = false;
        Candidate c;
        while (cursor < fillEnd && misses < 3) {
            if (!nextCandidate(tech, offset, lat, lon, misses == 0, c)) {
                ++misses;
                continue;
            }
            const SiteRow &site = m_data.sites[c.site];
            const int travel = travelMinutes(lat, lon, site.lat, site.lon);
            const int idle = first ? m_rng.between(0, 2) * 5 : m_rng.between(0, 4) * 5;
            Instant start = ceilTo(cursor + (travel + idle) * kMinute, 5 * kMinute);
            if (!lunchTaken && start >= breakAt) {
                start += m_rng.between(9, 12) * 5 * kMinute;
                lunchTaken = true;
            }
            const Instant end = start + c.durationMin * kMinute;
            if (end > dayEnd) {
                ++misses;
                continue;
            }
            int wo = c.workOrder;
            if (c.queue) {
                c.queue->erase(c.queue->begin() + c.queueIndex);
                widenWindow(m_data.workOrders[wo], start, end);
            } else {
                wo = createFromCandidate(c, start, end);
            }
            const int appt = int(m_data.appointments.size());
            m_data.appointments.push_back({makeId("ap", appt + 1, m_idEstimate), wo, tech, start, end, {}, kNoInstant,
                                           kNoInstant, false});
            settle(appt, travel, offset);
            cursor = end;
            lat = site.lat;
            lon = site.lon;
            first = false;
        }
    }

    // The real drive to the visit: the model's minutes × the destination territory's
    // driveFactor, give or take 8 % by the visit's index (no random draw: the rest of the demo
    // stays what the seed made it).
    Instant driveTime(int apptIndex, int travelMin) const
    {
        const AppointmentRow &a = m_data.appointments[apptIndex];
        const int territory = m_data.sites[m_data.workOrders[a.workOrder].site].territory;
        const double jitter = 0.92 + 0.16 * double((quint32(apptIndex) * 2654435761u) % 1000u) / 1000.0;
        return Instant(std::llround(travelMin * driveFactor(territory) * jitter * double(kMinute)));
    }

    // The technician left the last finished visit in time to drive to this one, except now
    // and then (one leg in nine) when they left as soon as the work ended and waited near the
    // next site: the waits `travel-speeds` has to set aside.
    void departFromLastDone(int apptIndex, Instant arrived, Instant drive)
    {
        if (m_lastDone < 0)
            return;
        AppointmentRow &done = m_data.appointments[m_lastDone];
        if (apptIndex % 9 != 4)
            done.departedAt = std::max(done.completedAt, arrived - drive);
        m_lastDone = -1;
    }

    void settle(int apptIndex, int travelMin, int offset)
    {
        AppointmentRow &a = m_data.appointments[apptIndex];
        WorkOrderState &st = m_state[a.workOrder];
        const TechnicianRow &t = m_data.technicians[a.technician];
        const auto planAhead = [&] {
            a.status = offset >= 1 && m_rng.chance(0.2) ? QStringLiteral("tentative") : QStringLiteral("scheduled");
            st.upcoming = true;
        };
        if (offset > 0 || m_busyNow) {
            planAhead();
            return;
        }
        if (offset < 0 && m_rng.chance(0.025)) {
            a.status = QStringLiteral("cancelled");
            if (st.visits == 0 && m_rng.chance(0.5))
                st.cancelled = true; // the customer withdrew the request
            else
                rebook(a.workOrder, offset + m_rng.between(1, 3), -1);
            return;
        }
        // Reality against the plan: a little early or late, sometimes very late (worse
        // technicians more often), and never before the previous visit really ended.
        const bool late = m_rng.chance(0.04 + 0.16 * (1.0 - t.quality));
        Instant arrived = a.start + (late ? m_rng.between(16, 70) : m_rng.between(-12, 12)) * kMinute + m_rng.below(60);
        const Instant drive = driveTime(apptIndex, travelMin);
        arrived = std::max(arrived, m_freeAt + drive);
        // The story at now: one visit that should have begun a while ago still has nobody on
        // site (the late-technician alert), whatever the hour the demo is made at.
        if (!m_lateTold && arrived <= m_cal.now && a.start <= m_cal.now - 20 * kMinute && a.start >= m_cal.now - 3 * kHour
            && a.end > m_cal.now + 15 * kMinute) {
            arrived = m_cal.now + m_rng.between(5, 20) * kMinute;
            m_lateTold = true;
        }
        const WorkOrderRow &w = m_data.workOrders[a.workOrder];
        // The kind of work, the equipment and the technician set the pace; chance the rest.
        const Instant actual = Instant(w.durationMin * visitPace(w, m_data, t) * m_rng.range(0.75, 1.05)) * kMinute + m_rng.below(60);
        const Instant completed = arrived + actual;
        if (arrived - drive > m_cal.now) {
            planAhead();
            return;
        }
        departFromLastDone(apptIndex, arrived, drive);
        if (arrived > m_cal.now) {
            a.status = QStringLiteral("en_route");
            st.active = true;
            m_busyNow = true;
            return;
        }
        if (drive > 0)
            m_data.timeEntries.push_back({a.technician, a.workOrder, arrived - drive, arrived, false, QStringLiteral("travel"), {}});
        a.arrivedAt = arrived;
        if (completed > m_cal.now) {
            a.status = QStringLiteral("on_site");
            st.active = true;
            m_busyNow = true;
            return;
        }
        m_freeAt = completed;
        a.status = QStringLiteral("completed");
        a.completedAt = completed;
        a.departedAt = completed; // the last visit of the day: straight home
        m_lastDone = apptIndex;
        double fixChance = 0.9;
        if (st.visits == 0) {
            if (w.type == kCorrective)
                fixChance = 0.6 + 0.32 * t.quality;
            else if (w.type == kInstall)
                fixChance = 0.88;
            else
                fixChance = 0.96;
        } else if (st.visits >= 2) {
            fixChance = 1.0;
        }
        ++st.visits;
        a.resolved = m_rng.chance(fixChance);
        static const char *const pending[] = {"Aguardando peça", "Necessário retorno com peça", "Cliente pediu retorno",
                                              "Falha intermitente, retorno para diagnóstico"};
        m_data.timeEntries.push_back({a.technician, a.workOrder, arrived, completed, true, QStringLiteral("work"),
                                      a.resolved ? QString() : QString::fromUtf8(m_rng.pick(pending))});
        if (!a.resolved) {
            // The return visit is the day crew's when the on-call crew began it.
            rebook(a.workOrder, offset + m_rng.between(1, 5), m_rng.chance(0.65) && !t.onCall ? a.technician : -1);
            return;
        }
        st.closed = true;
        if (!m_rng.chance(0.55))
            return;
        double mean = 2.6 + 2.3 * t.quality;
        if (st.visits > 1)
            mean -= 0.8;
        if (late)
            mean -= 0.6;
        const int score = std::clamp(int(std::lround(mean + 1.3 * m_rng.bell())), 1, 5);
        const Instant ratedAt = completed + m_rng.between(60, 72 * 60) * kMinute + m_rng.below(60);
        if (ratedAt > m_cal.now)
            return;
        const QString comment = m_rng.chance(0.6) ? QString::fromUtf8(m_rng.pick(ratingComments(score))) : QString();
        m_data.ratings.push_back({a.workOrder, score, comment, ratedAt});
    }

    void rebook(int workOrder, int due, int preferredTech)
    {
        if (preferredTech >= 0)
            m_techQueue[preferredTech].push_back({workOrder, due, preferredTech});
        else
            m_territoryQueue[territoryOf(m_data.workOrders[workOrder])].push_back({workOrder, due, -1});
    }

    // New requests nobody has planned yet: the dispatcher's queue for today and the next days.
    void addFreshRequests()
    {
        if (m_data.assets.empty())
            return;
        if (auto w = waitingEmergency(m_rng, m_cal, m_clock, m_data))
            newWorkOrder(std::move(*w));
        const int count = std::max(6, int(m_data.technicians.size()));
        for (int i = 0; i < count; ++i)
            newWorkOrder(freshRequest(m_rng, m_cal, m_clock, m_data));
    }

    void finishStatuses()
    {
        for (int i = 0; i < int(m_data.workOrders.size()); ++i) {
            const WorkOrderState &st = m_state[i];
            QString status = QStringLiteral("open");
            if (st.cancelled)
                status = QStringLiteral("cancelled");
            else if (st.closed)
                status = QStringLiteral("done");
            else if (st.active)
                status = QStringLiteral("in_progress");
            else if (st.upcoming)
                status = QStringLiteral("scheduled");
            m_data.workOrders[i].status = status;
        }
    }

    DemoRandom &m_rng;
    const DemoCalendar &m_cal;
    const LocalClock &m_clock;
    DemoDataSet &m_data;
    std::vector<std::vector<std::vector<int>>> m_territoryAssets; // territory → skill → assets
    std::vector<std::vector<int>> m_globalAssets;                 // skill → assets
    std::vector<std::vector<int>> m_allHoursAssets;               // skill → assets under 24×7 contracts
    std::vector<int> m_techMask;
    std::vector<WorkOrderState> m_state;
    std::vector<std::vector<Pending>> m_techQueue;
    std::vector<std::vector<Pending>> m_territoryQueue;
    std::vector<Pending> m_overflow;
    std::vector<int> m_planLastWorkOrder;
    int m_idEstimate = 0;
    // The technician whose day is being built: when the last real visit ended, and whether
    // a visit is under way at the demo's now (later ones today stay planned).
    Instant m_freeAt = 0;
    int m_lastDone = -1; // their last completed visit whose departure is not known yet
    bool m_busyNow = false;
    bool m_lateTold = false; // the late visit of the story at now is placed
};

} // namespace

bool simulateOperations(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, DemoDataSet &data,
                        const std::function<bool(int percent)> &tick)
{
    Simulator sim(rng, cal, clock, data);
    return sim.run(tick);
}

} // namespace fieldops::demo
