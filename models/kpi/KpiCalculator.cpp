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

bool inPeriod(const KpiInputs &in, qint64 t) { return t >= in.fromMs && t < in.toMs; }
bool inPeriod(const KpiInputs &in, const std::optional<qint64> &t) { return t && inPeriod(in, *t); }

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

} // namespace

qint64 availableShiftMs(const TechnicianIn &t, const std::vector<AbsenceIn> &absences, qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return 0;
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

    qint64 total = 0;
    for (const scheduling::ShiftInterval &s : calendar.shiftsBetween(fromMs, toMs)) {
        const qint64 a = std::max(s.startMs, fromMs), b = std::min(s.endMs, toMs);
        if (b <= a)
            continue;
        qint64 absent = 0;
        for (const auto &u : unionOf)
            absent += std::max<qint64>(0, std::min(b, u.second) - std::max(a, u.first));
        total += (b - a) - absent;
    }
    return total;
}

KpiReport computeKpis(const KpiInputs &in)
{
    Acc overall;
    QHash<QString, Acc> byTech;
    for (const TechnicianIn &t : in.technicians)
        byTech.insert(t.id, Acc{});
    auto techAcc = [&](const QString &id) -> Acc * {
        auto it = byTech.find(id);
        return it == byTech.end() ? nullptr : &it.value();
    };

    // Histories of the work orders in scope.
    QHash<QString, History> histories;
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

    for (const History &h : std::as_const(histories)) {
        if (!h.workOrder)
            continue;
        // GCC 12 warns falsely about a copied std::optional here, so: a flag and a value.
        const bool hasClosedAt = h.closing && h.closing->completedMs.has_value();
        const qint64 closedAt = hasClosedAt ? *h.closing->completedMs : 0;
        // Closed in the period: count, first-time fix, time to resolve.
        if (hasClosedAt && inPeriod(in, closedAt)) {
            bool earlierVisit = false;
            for (const AppointmentIn *a : h.appointments) {
                if (a == h.closing)
                    break;
                if (a->arrivedMs)
                    earlierVisit = true;
            }
            const double hours = double(closedAt - h.workOrder->createdMs) / double(kHourMs);
            for (Acc *acc : {&overall, techAcc(h.closing->technicianId)}) {
                if (!acc)
                    continue;
                acc->closed++;
                acc->firstTimeFixes += earlierVisit ? 0 : 1;
                acc->resolveHoursSum += hours;
            }
        }
        // SLA due in the period.
        if (inPeriod(in, h.workOrder->slaDueMs)) {
            const bool met = hasClosedAt && closedAt <= *h.workOrder->slaDueMs;
            const AppointmentIn *owner = h.closing ? h.closing : h.latest;
            for (Acc *acc : {&overall, owner ? techAcc(owner->technicianId) : nullptr}) {
                if (!acc)
                    continue;
                acc->slaDen++;
                acc->slaMet += met ? 1 : 0;
            }
        }
    }

    for (const AppointmentIn &a : in.arrivals) {
        if (a.status == QLatin1String("cancelled") || !inPeriod(in, a.arrivedMs))
            continue;
        const bool onTime = *a.arrivedMs <= a.startMs + kOnTimeGraceMs;
        for (Acc *acc : {&overall, techAcc(a.technicianId)}) {
            if (!acc)
                continue;
            acc->onTimeDen++;
            acc->onTimeNum += onTime ? 1 : 0;
        }
    }

    for (const AppointmentIn &a : in.completions) {
        if (a.status != QLatin1String("completed") || !inPeriod(in, a.completedMs))
            continue;
        const qint64 worked = a.arrivedMs ? std::max<qint64>(0, *a.completedMs - *a.arrivedMs) : 0;
        for (Acc *acc : {&overall, techAcc(a.technicianId)}) {
            if (!acc)
                continue;
            acc->workedMs += worked;
            acc->jobs++;
        }
    }

    for (const TechnicianIn &t : in.technicians) {
        const qint64 avail = availableShiftMs(t, in.absences, in.fromMs, in.toMs);
        overall.availableMs += avail;
        byTech[t.id].availableMs += avail;
    }

    for (const TimeEntryIn &e : in.timeEntries) {
        if (!inPeriod(in, e.startMs) || e.endMs <= e.startMs)
            continue;
        const qint64 ms = e.endMs - e.startMs;
        for (Acc *acc : {&overall, techAcc(e.technicianId)}) {
            if (!acc)
                continue;
            acc->loggedMs += ms;
            acc->billableMs += e.billable ? ms : 0;
        }
    }

    for (const RatingIn &r : in.ratings) {
        if (!inPeriod(in, r.ratedMs))
            continue;
        const auto it = histories.constFind(r.workOrderId);
        const AppointmentIn *closing = it != histories.constEnd() ? it->closing : nullptr;
        for (Acc *acc : {&overall, closing ? techAcc(closing->technicianId) : nullptr}) {
            if (!acc)
                continue;
            acc->ratingSum += r.score;
            acc->ratingCount++;
        }
    }

    KpiReport report;
    report.overall = overall.values(double(in.technicians.size()) * in.calendarDays);
    std::vector<QString> ids;
    for (const TechnicianIn &t : in.technicians)
        ids.push_back(t.id);
    std::sort(ids.begin(), ids.end());
    for (const QString &id : ids)
        report.byTechnician.push_back({id, byTech.value(id).values(double(in.calendarDays))});
    return report;
}

} // namespace fieldops::kpi
