#include "kpi/KpiCalculator.h"

#include <QHash>
#include <QMutex>
#include <algorithm>
#include <numeric>

namespace fieldops::kpi {

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr int kNobody = -1;

struct Acc {
    int closed = 0;
    int firstTimeFixes = 0;
    double resolveHoursSum = 0;
    int onTimeNum = 0, onTimeDen = 0;
    int slaMet = 0, slaDen = 0;
    qint64 workedMs = 0, availableMs = 0;
    qint64 billableMs = 0, loggedMs = 0;
    qint64 ratingSum = 0;
    int ratingCount = 0;
    int jobs = 0;

    Acc &operator+=(const Acc &o)
    {
        closed += o.closed;
        firstTimeFixes += o.firstTimeFixes;
        resolveHoursSum += o.resolveHoursSum;
        onTimeNum += o.onTimeNum;
        onTimeDen += o.onTimeDen;
        slaMet += o.slaMet;
        slaDen += o.slaDen;
        workedMs += o.workedMs;
        availableMs += o.availableMs;
        billableMs += o.billableMs;
        loggedMs += o.loggedMs;
        ratingSum += o.ratingSum;
        ratingCount += o.ratingCount;
        jobs += o.jobs;
        return *this;
    }

    KpiValues values(double technicianDays) const
    {
        auto ratio = [](double num, double den) -> std::optional<double> {
            if (den <= 0)
                return std::nullopt;
            return num / den;
        };
        KpiValues v;
        v.values[QStringLiteral("work_orders_closed")] = closed;
        v.values[QStringLiteral("first_time_fix_rate")] = ratio(firstTimeFixes, closed);
        v.values[QStringLiteral("on_time_arrival_rate")] = ratio(onTimeNum, onTimeDen);
        v.values[QStringLiteral("sla_compliance_rate")] = ratio(slaMet, slaDen);
        v.values[QStringLiteral("mean_time_to_resolve_h")] = ratio(resolveHoursSum, closed);
        v.values[QStringLiteral("utilization")] = ratio(double(workedMs), double(availableMs));
        v.values[QStringLiteral("billable_ratio")] = ratio(double(billableMs), double(loggedMs));
        v.values[QStringLiteral("avg_rating")] = ratio(double(ratingSum), ratingCount);
        v.values[QStringLiteral("ratings_count")] = ratingCount;
        v.values[QStringLiteral("jobs_per_technician_day")] = ratio(jobs, technicianDays);
        return v;
    }
};

// Index of the range holding t, or -1 (ranges sorted, not overlapping).
int rangeIndex(const std::vector<KpiRange> &ranges, qint64 t)
{
    if (ranges.size() == 1) // the common case, without the search
        return t >= ranges[0].fromMs && t < ranges[0].toMs ? 0 : -1;
    auto it = std::upper_bound(ranges.begin(), ranges.end(), t, [](qint64 v, const KpiRange &r) { return v < r.fromMs; });
    if (it == ranges.begin())
        return -1;
    --it;
    return t < it->toMs ? int(it - ranges.begin()) : -1;
}

int rangeIndex(const std::vector<KpiRange> &ranges, const std::optional<qint64> &t) { return t ? rangeIndex(ranges, *t) : -1; }

} // namespace

// Everything a pass needs, as indices: technicians by their place in inputs.technicians
// (kNobody when unknown), work-order types by a small code.
struct KpiEngine::Prepared {
    QHash<QString, int> typeCodes;
    std::vector<int> byIdOrder; // technician indices sorted by id (the report's row order)
    // Per work order (same index as inputs.workOrders).
    struct History {
        int type = 0;
        int closing = -1; // appointment index of the first resolved visit
        int latest = -1;  // appointment index of the latest appointment
        bool earlierVisit = false; // a visit before the closing one (not a first-time fix)
        // A return visit (follow_up_of) is part of its original's job: its appointments are
        // in the original's history and it counts for nothing by itself.
        bool partOfAnother = false;
    };
    std::vector<History> histories;
    std::vector<int> appointmentTech, appointmentType;
    std::vector<int> entryTech, entryType;
    std::vector<int> ratingWorkOrder; // -1: a work order outside the inputs
    // Shift time per technician of single ranges already asked for: each breakdown asks
    // for the same period again. The service shares one engine between requests, which
    // may overlap in worker threads: hence the lock.
    QMutex availabilityLock;
    QHash<QPair<qint64, qint64>, std::vector<qint64>> availability;

    int typeCode(const QString &type)
    {
        auto it = typeCodes.constFind(type);
        if (it != typeCodes.constEnd())
            return it.value();
        const int code = int(typeCodes.size());
        typeCodes.insert(type, code);
        return code;
    }
};

// The accumulators of one pass: per range the overall and one per technician.
struct KpiEngine::Tally {
    size_t techCount = 0;
    std::vector<Acc> overall;
    std::vector<Acc> byTech; // range-major: [r * techCount + technician]
    std::vector<std::vector<AttributedRating>> ratings;
    std::vector<char> inFilter; // per technician; empty: no technician filter
};

KpiEngine::KpiEngine(const KpiInputs &in) : m_in(in), m_p(std::make_unique<Prepared>())
{
    Prepared &p = *m_p;
    QHash<QString, int> techIndex;
    techIndex.reserve(qsizetype(in.technicians.size()));
    for (int i = 0; i < int(in.technicians.size()); ++i)
        techIndex.insert(in.technicians[size_t(i)].id, i);
    p.byIdOrder.resize(in.technicians.size());
    std::iota(p.byIdOrder.begin(), p.byIdOrder.end(), 0);
    std::sort(p.byIdOrder.begin(), p.byIdOrder.end(),
              [&](int a, int b) { return in.technicians[size_t(a)].id < in.technicians[size_t(b)].id; });

    // The loader links appointments and ratings to their work orders already; hand-built
    // inputs are linked here by id.
    const bool linked = in.appointmentWorkOrder.size() == in.appointments.size()
                        && in.ratingWorkOrder.size() == in.ratings.size();
    QHash<QString, int> woIndex;
    if (!linked)
        woIndex.reserve(qsizetype(in.workOrders.size()));
    p.histories.resize(in.workOrders.size());
    for (int i = 0; i < int(in.workOrders.size()); ++i) {
        if (!linked)
            woIndex.insert(in.workOrders[size_t(i)].id, i);
        p.histories[size_t(i)].type = p.typeCode(in.workOrders[size_t(i)].type);
    }

    // A follow-up and the work orders it follows are one job, judged at the chain's first
    // work order (its root): the root's history holds the whole chain's appointments, so
    // the job closes at the first resolved visit of any of them, and the visit that ended
    // needing parts is an earlier visit (no first-time fix).
    std::vector<int> rootOf(in.workOrders.size());
    std::iota(rootOf.begin(), rootOf.end(), 0);
    bool anyFollowUp = false;
    for (const WorkOrderIn &wo : in.workOrders)
        anyFollowUp = anyFollowUp || !wo.followUpOf.isEmpty();
    if (anyFollowUp) {
        QHash<QString, int> byId;
        for (int i = 0; i < int(in.workOrders.size()); ++i)
            byId.insert(in.workOrders[size_t(i)].id, i);
        constexpr int kMaxChain = 100; // a loop a hand-edited database might hold
        for (size_t i = 0; i < in.workOrders.size(); ++i) {
            int r = int(i);
            for (int step = 0; step < kMaxChain; ++step) {
                const int up = byId.value(in.workOrders[size_t(r)].followUpOf, -1);
                if (up < 0 || up == int(i))
                    break;
                r = up;
            }
            rootOf[i] = r;
            p.histories[i].partOfAnother = r != int(i);
        }
    }
    const auto jobOf = [&](int w) { return w >= 0 ? rootOf[size_t(w)] : w; };

    // Appointments grouped by work order, each group ordered by start (then id) so
    // "first" and "earlier" have one meaning everywhere.
    const size_t nAppointments = in.appointments.size();
    std::vector<int> woOf(nAppointments);
    p.appointmentTech.resize(nAppointments);
    p.appointmentType.resize(nAppointments);
    std::vector<int> order;
    order.reserve(nAppointments);
    const int noType = p.typeCode(QString());
    for (size_t i = 0; i < nAppointments; ++i) {
        const AppointmentIn &a = in.appointments[i];
        woOf[i] = jobOf(linked ? in.appointmentWorkOrder[i] : woIndex.value(a.workOrderId, -1));
        p.appointmentTech[i] = techIndex.value(a.technicianId, kNobody);
        p.appointmentType[i] = woOf[i] >= 0 ? p.histories[size_t(woOf[i])].type : noType;
        if (woOf[i] >= 0)
            order.push_back(int(i));
    }
    std::sort(order.begin(), order.end(), [&](int x, int y) {
        const AppointmentIn &a = in.appointments[size_t(x)], &b = in.appointments[size_t(y)];
        if (woOf[size_t(x)] != woOf[size_t(y)])
            return woOf[size_t(x)] < woOf[size_t(y)];
        return a.startMs != b.startMs ? a.startMs < b.startMs : a.id < b.id;
    });
    for (size_t k = 0; k < order.size(); ++k) {
        const int i = order[k];
        Prepared::History &h = p.histories[size_t(woOf[size_t(i)])];
        h.latest = i; // the walk is in start order: the last one seen is the latest
        if (h.closing >= 0)
            continue;
        const AppointmentIn &a = in.appointments[size_t(i)];
        if (a.resolved)
            h.closing = i;
        else if (a.arrivedMs)
            h.earlierVisit = true;
    }

    p.entryTech.reserve(in.timeEntries.size());
    p.entryType.reserve(in.timeEntries.size());
    for (const TimeEntryIn &e : in.timeEntries) {
        p.entryTech.push_back(techIndex.value(e.technicianId, kNobody));
        p.entryType.push_back(p.typeCode(e.workOrderType));
    }
    if (linked) {
        p.ratingWorkOrder = in.ratingWorkOrder;
    } else {
        p.ratingWorkOrder.reserve(in.ratings.size());
        for (const RatingIn &r : in.ratings)
            p.ratingWorkOrder.push_back(woIndex.value(r.workOrderId, -1));
    }
    // A rating of a return visit belongs to the job, like its visits.
    for (int &w : p.ratingWorkOrder)
        w = jobOf(w);
}

KpiEngine::~KpiEngine() = default;

KpiEngine::Tally KpiEngine::tally(const std::vector<KpiRange> &ranges, const KpiFilter &filter, bool keepRatings) const
{
    const KpiInputs &in = m_in;
    const Prepared &p = *m_p;
    const size_t nRanges = ranges.size(), nTechs = in.technicians.size();
    Tally t;
    t.techCount = nTechs;
    t.overall.resize(nRanges);
    t.byTech.resize(nRanges * nTechs);
    t.ratings.resize(nRanges);
    if (filter.technicians) {
        t.inFilter.assign(nTechs, 0);
        for (size_t i = 0; i < nTechs; ++i)
            t.inFilter[i] = filter.technicians->contains(in.technicians[i].id) ? 1 : 0;
    }
    // -1: every type; a type nobody has matches nothing.
    const int wantedType = filter.workOrderType.isEmpty() ? -1 : p.typeCodes.value(filter.workOrderType, -2);
    auto typeOk = [&](int type) { return wantedType == -1 || type == wantedType; };
    // Counts an item attributed to technician `ti` (kNobody: nobody) into range r. With a
    // technician filter only the set's items count, exactly as their `--by technician`
    // rows do.
    auto apply = [&](int r, int ti, auto &&add) {
        if (!t.inFilter.empty() && (ti < 0 || !t.inFilter[size_t(ti)]))
            return false;
        add(t.overall[size_t(r)]);
        if (ti >= 0)
            add(t.byTech[size_t(r) * nTechs + size_t(ti)]);
        return true;
    };

    for (size_t w = 0; w < p.histories.size(); ++w) {
        const Prepared::History &h = p.histories[w];
        if (!typeOk(h.type) || h.partOfAnother)
            continue;
        const WorkOrderIn &wo = in.workOrders[w];
        const AppointmentIn *closing = h.closing >= 0 ? &in.appointments[size_t(h.closing)] : nullptr;
        // GCC 12 warns falsely about a copied std::optional here, so: a flag and a value.
        const bool hasClosedAt = closing && closing->completedMs.has_value();
        const qint64 closedAt = hasClosedAt ? *closing->completedMs : 0;
        // Closed in a range: count, first-time fix, time to resolve.
        if (const int r = hasClosedAt ? rangeIndex(ranges, closedAt) : -1; r >= 0) {
            const double hours = double(closedAt - wo.createdMs) / double(kHourMs);
            apply(r, p.appointmentTech[size_t(h.closing)], [&](Acc &acc) {
                acc.closed++;
                acc.firstTimeFixes += h.earlierVisit ? 0 : 1;
                acc.resolveHoursSum += hours;
            });
        }
        // SLA due in a range: the closing visit's technician, else the latest appointment's.
        if (const int r = rangeIndex(ranges, wo.slaDueMs); r >= 0) {
            const bool met = hasClosedAt && closedAt <= *wo.slaDueMs;
            const int owner = h.closing >= 0 ? h.closing : h.latest;
            apply(r, owner >= 0 ? p.appointmentTech[size_t(owner)] : kNobody, [&](Acc &acc) {
                acc.slaDen++;
                acc.slaMet += met ? 1 : 0;
            });
        }
    }

    // Visits arriving and completions inside a range.
    for (size_t i = 0; i < in.appointments.size(); ++i) {
        const AppointmentIn &a = in.appointments[i];
        if (!typeOk(p.appointmentType[i]))
            continue;
        if (const int r = rangeIndex(ranges, a.arrivedMs); r >= 0) {
            const bool onTime = *a.arrivedMs <= a.startMs + in.onTimeGraceMs;
            apply(r, p.appointmentTech[i], [&](Acc &acc) {
                acc.onTimeDen++;
                acc.onTimeNum += onTime ? 1 : 0;
            });
        }
        if (!a.completed)
            continue;
        if (const int r = rangeIndex(ranges, a.completedMs); r >= 0) {
            const qint64 worked = a.arrivedMs ? std::max<qint64>(0, *a.completedMs - *a.arrivedMs) : 0;
            apply(r, p.appointmentTech[i], [&](Acc &acc) {
                acc.workedMs += worked;
                acc.jobs++;
            });
        }
    }

    // Shift time does not depend on the work-order type: a type filter gives the share of
    // the crew's time spent on that type.
    std::optional<std::vector<qint64>> cached;
    if (nRanges == 1) {
        QMutexLocker lock(&m_p->availabilityLock);
        std::vector<qint64> &slot = m_p->availability[qMakePair(ranges[0].fromMs, ranges[0].toMs)];
        if (slot.empty())
            for (const TechnicianIn &tech : in.technicians)
                slot.push_back(availableShiftMsByRange(tech, in.absences, ranges).front());
        cached = slot;
    }
    for (size_t ti = 0; ti < nTechs; ++ti) {
        if (!t.inFilter.empty() && !t.inFilter[ti])
            continue;
        const std::vector<qint64> avail = cached ? std::vector<qint64>{(*cached)[ti]}
                                                 : availableShiftMsByRange(in.technicians[ti], in.absences, ranges);
        for (size_t r = 0; r < nRanges; ++r) {
            t.overall[r].availableMs += avail[r];
            t.byTech[r * nTechs + ti].availableMs += avail[r];
        }
    }

    for (size_t i = 0; i < in.timeEntries.size(); ++i) {
        const TimeEntryIn &e = in.timeEntries[i];
        if (e.endMs <= e.startMs || !typeOk(p.entryType[i]))
            continue;
        const int r = rangeIndex(ranges, e.startMs);
        if (r < 0)
            continue;
        const qint64 ms = e.endMs - e.startMs;
        apply(r, p.entryTech[i], [&](Acc &acc) {
            acc.loggedMs += ms;
            acc.billableMs += e.billable ? ms : 0;
        });
    }

    // A rating belongs to the technician of the work order's closing visit.
    for (size_t i = 0; i < in.ratings.size(); ++i) {
        const RatingIn &rating = in.ratings[i];
        const int r = rangeIndex(ranges, rating.ratedMs);
        if (r < 0)
            continue;
        const int w = p.ratingWorkOrder[i];
        if (wantedType != -1 && !(w >= 0 && typeOk(p.histories[size_t(w)].type)))
            continue;
        const int closing = w >= 0 ? p.histories[size_t(w)].closing : -1;
        const int ti = closing >= 0 ? p.appointmentTech[size_t(closing)] : kNobody;
        const bool counted = apply(r, ti, [&](Acc &acc) {
            acc.ratingSum += rating.score;
            acc.ratingCount++;
        });
        if (counted && keepRatings)
            t.ratings[size_t(r)].push_back({rating.workOrderId,
                                            closing >= 0 ? in.appointments[size_t(closing)].technicianId : QString(),
                                            rating.score, rating.ratedMs, rating.comment});
    }
    return t;
}

std::vector<KpiReport> KpiEngine::series(const std::vector<KpiRange> &ranges, const KpiFilter &filter,
                                         bool withTechnicians) const
{
    Tally t = tally(ranges, filter, true);
    const Prepared &p = *m_p;
    std::vector<int> techs; // the technicians reported on, sorted by id
    for (int ti : p.byIdOrder)
        if (t.inFilter.empty() || t.inFilter[size_t(ti)])
            techs.push_back(ti);
    std::vector<KpiReport> reports(ranges.size());
    for (size_t r = 0; r < ranges.size(); ++r) {
        KpiReport &report = reports[r];
        report.overall = t.overall[r].values(double(techs.size()) * ranges[r].days);
        if (withTechnicians)
            for (int ti : techs)
                report.byTechnician.push_back({m_in.technicians[size_t(ti)].id,
                                               t.byTech[r * t.techCount + size_t(ti)].values(double(ranges[r].days))});
        std::sort(t.ratings[r].begin(), t.ratings[r].end(),
                  [](const AttributedRating &a, const AttributedRating &b) { return a.ratedMs < b.ratedMs; });
        report.ratings = std::move(t.ratings[r]);
    }
    return reports;
}

KpiReport KpiEngine::compute(const KpiRange &range, const KpiFilter &filter) const { return series({range}, filter).front(); }

std::vector<std::optional<KpiValues>> KpiEngine::groups(const KpiRange &range, const KpiFilter &filter,
                                                        const std::vector<QSet<QString>> &members) const
{
    const Tally t = tally({range}, filter, false);
    std::vector<std::optional<KpiValues>> out;
    for (const QSet<QString> &group : members) {
        Acc sum;
        int count = 0;
        for (size_t ti = 0; ti < t.techCount; ++ti) {
            if (!group.contains(m_in.technicians[ti].id) || (!t.inFilter.empty() && !t.inFilter[ti]))
                continue;
            sum += t.byTech[ti];
            ++count;
        }
        if (count == 0)
            out.push_back(std::nullopt);
        else
            out.push_back(sum.values(double(count) * range.days));
    }
    return out;
}

KpiReport computeKpis(const KpiInputs &in) { return computeKpis(in, in.fromMs, in.toMs, in.calendarDays); }

KpiReport computeKpis(const KpiInputs &in, qint64 fromMs, qint64 toMs, int days, const KpiFilter &filter)
{
    return computeKpiSeries(in, {KpiRange{fromMs, toMs, days}}, filter).front();
}

std::vector<KpiReport> computeKpiSeries(const KpiInputs &in, const std::vector<KpiRange> &ranges, const KpiFilter &filter)
{
    return KpiEngine(in).series(ranges, filter);
}

} // namespace fieldops::kpi
