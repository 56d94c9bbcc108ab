#include "kpi/KpiAvailability.h"

#include "scheduling/ShiftCalendar.h"

#include <QTimeZone>
#include <algorithm>

namespace fieldops::kpi {

std::vector<qint64> availableShiftMsByRange(const TechnicianIn &t, const std::vector<AbsenceIn> &absences,
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

qint64 availableShiftMs(const TechnicianIn &t, const std::vector<AbsenceIn> &absences, qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        return 0;
    return availableShiftMsByRange(t, absences, {KpiRange{fromMs, toMs, 0}}).front();
}

} // namespace fieldops::kpi
