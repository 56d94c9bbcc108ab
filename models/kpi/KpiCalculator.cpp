#include "kpi/KpiCalculator.h"

#include "scheduling/ShiftCalendar.h"

#include <QHash>
#include <QTimeZone>
#include <algorithm>

namespace fieldops::kpi {

namespace {

constexpr qint64 kHourMs = 3'600'000;
constexpr qint64 kOnTimeGraceMs = 15 * 60'000;

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

// A work order's history, ordered by appointment start (then id) so "first" and
// "earlier" have one meaning everywhere.
struct History {
    const WorkOrderIn *workOrder = nullptr;
    std::vector<const AppointmentIn *> appointments;
    const AppointmentIn *closing = nullptr;
    const AppointmentIn *latest = nullptr;
};

bool before(const AppointmentIn *a, const AppointmentIn *b)
{
    return a->startMs != b->startMs ? a->startMs < b->startMs : a->id < b->id;
}

// Index of the range holding t, or -1 (ranges sorted, not overlapping).
int rangeIndex(const std::vector<KpiRange> &ranges, qint64 t)
{
    auto it = std::upper_bound(ranges.begin(), ranges.end(), t, [](qint64 v, const KpiRange &r) { return v < r.fromMs; });
    if (it == ranges.begin())
        return -1;
    --it;
    return t < it->toMs ? int(it - ranges.begin()) : -1;
}

int rangeIndex(const std::vector<KpiRange> &ranges, const std::optional<qint64> &t) { return t ? rangeIndex(ranges, *t) : -1; }

// Working time of one technician in each range, from one walk over the shifts of the
// whole span (a trend of 90 daily buckets builds one calendar, not 90).
std::vector<qint64> shiftMsByRange(const TechnicianIn &t, const std::vector<AbsenceIn> &absences,
                                   const std::vector<KpiRange> &ranges)
{
    std::vector<qint64> out(ranges.size(), 0);
    if (ranges.empty())
        return out;
    const qint64 fromMs = ranges.front().fromMs, toMs = ranges.back().toMs;
    if (toMs <= fromMs)
        return out;
    scheduling::ShiftPattern pattern;
    pattern.start = t.shiftStart;
    pattern.end = t.shiftEnd;
    static const QStringList days{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"), QStringLiteral("Thu"),
                                  QStringLiteral("Fri"), QStringLiteral("Sat"), QStringLiteral("Sun")};
    for (int i = 0; i < 7; ++i)
        pattern.workDays[size_t(i)] = t.workDays.contains(days.at(i));
    QTimeZone zone(t.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    constexpr qint64 margin = 3 * scheduling::ZoneClock::kDayMs;
    auto clock = std::make_shared<const scheduling::ZoneClock>(zone, fromMs - margin, toMs + margin);
    const scheduling::ShiftCalendar calendar(pattern, clock);

    // Absences of this technician, merged so overlaps count once.
    std::vector<std::pair<qint64, qint64>> merged;
    for (const AbsenceIn &a : absences)
        if (a.technicianId == t.id && a.endMs > a.startMs)
            merged.emplace_back(a.startMs, a.endMs);
    std::sort(merged.begin(), merged.end());
    std::vector<std::pair<qint64, qint64>> unionOf;
    for (const auto &iv : merged) {
        if (!unionOf.empty() && iv.first <= unionOf.back().second)
            unionOf.back().second = std::max(unionOf.back().second, iv.second);
        else
            unionOf.push_back(iv);
    }

    for (const scheduling::ShiftInterval &s : calendar.shiftsBetween(fromMs, toMs)) {
        // A shift may straddle bucket edges (midnight shifts, a week's end): split it.
        auto first = std::upper_bound(ranges.begin(), ranges.end(), s.startMs,
                                      [](qint64 v, const KpiRange &r) { return v < r.fromMs; });
        if (first != ranges.begin())
            --first;
        for (auto r = first; r != ranges.end() && r->fromMs < s.endMs; ++r) {
            const qint64 a = std::max(s.startMs, r->fromMs), b = std::min(s.endMs, r->toMs);
            if (b <= a)
                continue;
            qint64 absent = 0;
            for (const auto &u : unionOf)
                absent += std::max<qint64>(0, std::min(b, u.second) - std::max(a, u.first));
            out[size_t(r - ranges.begin())] += (b - a) - absent;
        }
    }
    return out;
}

} // namespace

qint64 availableShiftMs(const TechnicianIn &t, const std::vector<AbsenceIn> &absences, qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return 0;
    return shiftMsByRange(t, absences, {KpiRange{fromMs, toMs, 0}}).front();
}

KpiReport computeKpis(const KpiInputs &in) { return computeKpis(in, in.fromMs, in.toMs, in.calendarDays); }

KpiReport computeKpis(const KpiInputs &in, qint64 fromMs, qint64 toMs, int days, const KpiFilter &filter)
{
    return computeKpiSeries(in, {KpiRange{fromMs, toMs, days}}, filter).front();
}

struct KpiEngine::Prepared {
    QHash<QString, History> histories;
    // Shift time per technician (index in inputs.technicians) of single ranges already
    // asked for: each breakdown group asks for the same period again.
    QHash<QPair<qint64, qint64>, std::vector<qint64>> availability;
};

KpiEngine::KpiEngine(const KpiInputs &in) : m_in(in), m_p(std::make_unique<Prepared>())
{
    QHash<QString, History> &histories = m_p->histories;
    histories.reserve(qsizetype(in.workOrders.size()));
    for (const WorkOrderIn &w : in.workOrders)
        histories[w.id].workOrder = &w;
    for (const AppointmentIn &a : in.appointments) {
        if (a.status == QLatin1String("cancelled"))
            continue;
        auto it = histories.find(a.workOrderId);
        if (it != histories.end())
            it->appointments.push_back(&a);
    }
    for (History &h : histories) {
        std::sort(h.appointments.begin(), h.appointments.end(), before);
        for (const AppointmentIn *a : h.appointments) {
            if (a->resolved) {
                h.closing = a;
                break;
            }
        }
        if (!h.appointments.empty())
            h.latest = h.appointments.back();
    }
}

KpiEngine::~KpiEngine() = default;

KpiReport KpiEngine::compute(const KpiRange &range, const KpiFilter &filter) const { return series({range}, filter).front(); }

std::vector<KpiReport> computeKpiSeries(const KpiInputs &in, const std::vector<KpiRange> &ranges, const KpiFilter &filter)
{
    return KpiEngine(in).series(ranges, filter);
}

std::vector<KpiReport> KpiEngine::series(const std::vector<KpiRange> &ranges, const KpiFilter &filter) const
{
    const KpiInputs &in = m_in;
    const QHash<QString, History> &histories = m_p->histories;
    const size_t nRanges = ranges.size();
    // The technicians reported on: all of them, or the filter's set; sorted by id.
    std::vector<const TechnicianIn *> techs;
    for (const TechnicianIn &t : in.technicians)
        if (!filter.technicians || filter.technicians->contains(t.id))
            techs.push_back(&t);
    std::sort(techs.begin(), techs.end(), [](const TechnicianIn *a, const TechnicianIn *b) { return a->id < b->id; });
    QHash<QString, int> techIndex;
    for (int i = 0; i < int(techs.size()); ++i)
        techIndex.insert(techs[size_t(i)]->id, i);
    const size_t nTechs = techs.size();

    std::vector<Acc> overall(nRanges);
    std::vector<Acc> byTech(nRanges * nTechs);
    std::vector<std::vector<AttributedRating>> ratings(nRanges);
    // Counts an item attributed to `techId` (null: nobody) into range r. With a technician
    // filter only the set's items count, exactly as their `--by technician` rows do.
    auto apply = [&](int r, const QString *techId, auto &&add) {
        const int ti = techId ? techIndex.value(*techId, -1) : -1;
        if (filter.technicians && ti < 0)
            return;
        add(overall[size_t(r)]);
        if (ti >= 0)
            add(byTech[size_t(r) * nTechs + size_t(ti)]);
    };
    auto typeOk = [&](const QString &type) { return filter.workOrderType.isEmpty() || type == filter.workOrderType; };

    for (const History &h : std::as_const(histories)) {
        if (!h.workOrder || !typeOk(h.workOrder->type))
            continue;
        // GCC 12 warns falsely about a copied std::optional here, so: a flag and a value.
        const bool hasClosedAt = h.closing && h.closing->completedMs.has_value();
        const qint64 closedAt = hasClosedAt ? *h.closing->completedMs : 0;
        // Closed in a range: count, first-time fix, time to resolve.
        if (const int r = hasClosedAt ? rangeIndex(ranges, closedAt) : -1; r >= 0) {
            bool earlierVisit = false;
            for (const AppointmentIn *a : h.appointments) {
                if (a == h.closing)
                    break;
                if (a->arrivedMs)
                    earlierVisit = true;
            }
            const double hours = double(closedAt - h.workOrder->createdMs) / double(kHourMs);
            apply(r, &h.closing->technicianId, [&](Acc &acc) {
                acc.closed++;
                acc.firstTimeFixes += earlierVisit ? 0 : 1;
                acc.resolveHoursSum += hours;
            });
        }
        // SLA due in a range.
        if (const int r = rangeIndex(ranges, h.workOrder->slaDueMs); r >= 0) {
            const bool met = hasClosedAt && closedAt <= *h.workOrder->slaDueMs;
            const AppointmentIn *owner = h.closing ? h.closing : h.latest;
            apply(r, owner ? &owner->technicianId : nullptr, [&](Acc &acc) {
                acc.slaDen++;
                acc.slaMet += met ? 1 : 0;
            });
        }
    }

    for (const AppointmentIn &a : in.arrivals) {
        if (a.status == QLatin1String("cancelled") || !typeOk(a.workOrderType))
            continue;
        const int r = rangeIndex(ranges, a.arrivedMs);
        if (r < 0)
            continue;
        const bool onTime = *a.arrivedMs <= a.startMs + kOnTimeGraceMs;
        apply(r, &a.technicianId, [&](Acc &acc) {
            acc.onTimeDen++;
            acc.onTimeNum += onTime ? 1 : 0;
        });
    }

    for (const AppointmentIn &a : in.completions) {
        if (a.status != QLatin1String("completed") || !typeOk(a.workOrderType))
            continue;
        const int r = rangeIndex(ranges, a.completedMs);
        if (r < 0)
            continue;
        const qint64 worked = a.arrivedMs ? std::max<qint64>(0, *a.completedMs - *a.arrivedMs) : 0;
        apply(r, &a.technicianId, [&](Acc &acc) {
            acc.workedMs += worked;
            acc.jobs++;
        });
    }

    // Shift time does not depend on the work-order type: a type filter gives the share of
    // the crew's time spent on that type.
    std::vector<qint64> *cached = nullptr;
    if (nRanges == 1) {
        cached = &m_p->availability[qMakePair(ranges[0].fromMs, ranges[0].toMs)];
        if (cached->empty())
            for (const TechnicianIn &t : in.technicians)
                cached->push_back(shiftMsByRange(t, in.absences, ranges).front());
    }
    for (size_t ti = 0; ti < nTechs; ++ti) {
        const std::vector<qint64> avail =
            cached ? std::vector<qint64>{(*cached)[size_t(techs[ti] - in.technicians.data())]}
                   : shiftMsByRange(*techs[ti], in.absences, ranges);
        for (size_t r = 0; r < nRanges; ++r) {
            overall[r].availableMs += avail[r];
            byTech[r * nTechs + ti].availableMs += avail[r];
        }
    }

    for (const TimeEntryIn &e : in.timeEntries) {
        if (e.endMs <= e.startMs || !typeOk(e.workOrderType))
            continue;
        const int r = rangeIndex(ranges, e.startMs);
        if (r < 0)
            continue;
        const qint64 ms = e.endMs - e.startMs;
        apply(r, &e.technicianId, [&](Acc &acc) {
            acc.loggedMs += ms;
            acc.billableMs += e.billable ? ms : 0;
        });
    }

    for (const RatingIn &rating : in.ratings) {
        const int r = rangeIndex(ranges, rating.ratedMs);
        if (r < 0)
            continue;
        const auto it = histories.constFind(rating.workOrderId);
        const History *h = it != histories.constEnd() ? &it.value() : nullptr;
        if (!filter.workOrderType.isEmpty() && !(h && h->workOrder && typeOk(h->workOrder->type)))
            continue;
        const AppointmentIn *closing = h ? h->closing : nullptr;
        bool counted = false;
        apply(r, closing ? &closing->technicianId : nullptr, [&](Acc &acc) {
            acc.ratingSum += rating.score;
            acc.ratingCount++;
            counted = true;
        });
        if (counted)
            ratings[size_t(r)].push_back({rating.workOrderId, closing ? closing->technicianId : QString(), rating.score,
                                          rating.ratedMs, rating.comment});
    }

    std::vector<KpiReport> reports(nRanges);
    for (size_t r = 0; r < nRanges; ++r) {
        KpiReport &report = reports[r];
        report.overall = overall[r].values(double(nTechs) * ranges[r].days);
        for (size_t ti = 0; ti < nTechs; ++ti)
            report.byTechnician.push_back({techs[ti]->id, byTech[r * nTechs + ti].values(double(ranges[r].days))});
        std::sort(ratings[r].begin(), ratings[r].end(),
                  [](const AttributedRating &a, const AttributedRating &b) { return a.ratedMs < b.ratedMs; });
        report.ratings = std::move(ratings[r]);
    }
    return reports;
}

} // namespace fieldops::kpi
