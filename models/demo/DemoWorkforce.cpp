#include "demo/DemoWorkforce.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoGeography.h"
#include "demo/DemoNames.h"

#include <algorithm>
#include <cmath>

namespace fieldops::demo {

namespace {

constexpr quint8 kMonFri = 0x1F;
constexpr quint8 kMonSat = 0x3F;
constexpr quint8 kTueSat = 0x3E;
constexpr quint8 kMonWedFri = 0x15;
constexpr quint8 kTueThuSat = 0x2A;
// The on-call rotas: nights beginning Sun–Thu and Tue–Sat (together every night, two on the
// busiest), and weekend days (Fri–Sun).
constexpr quint8 kSunToThu = 0x4F;
constexpr quint8 kTueToSat = 0x3E;
constexpr quint8 kFriToSun = 0x70;

struct ShiftPattern {
    int startMin, endMin;
    quint8 days;
};

ShiftPattern shiftFor(DemoRandom &rng, const QString &employment)
{
    if (employment == QLatin1String("part_time")) {
        static const int starts[] = {8 * 60, 9 * 60, 13 * 60, 14 * 60};
        const int start = rng.pick(starts);
        const int hours = rng.between(4, 6);
        const quint8 days = rng.chance(0.6) ? kMonFri : (rng.chance(0.5) ? kMonWedFri : kTueThuSat);
        return {start, std::min(start + hours * 60, 20 * 60), days};
    }
    if (employment == QLatin1String("contractor"))
        return rng.chance(0.6) ? ShiftPattern{8 * 60, 18 * 60, kMonFri} : ShiftPattern{7 * 60, 17 * 60, kMonSat};
    switch (rng.weighted({30, 45, 25})) {
    case 0:
        return {7 * 60, 16 * 60, kMonFri};
    case 1:
        return {8 * 60, 17 * 60, rng.chance(0.1) ? kTueSat : kMonFri};
    default:
        return {10 * 60, 19 * 60, rng.chance(0.3) ? kTueSat : kMonFri};
    }
}

std::vector<int> skillMix(DemoRandom &rng, int index)
{
    const auto &all = skills();
    std::vector<int> weights;
    for (const SkillInfo &s : all)
        weights.push_back(s.weight);
    // The first technicians cover every trade once, so even a small crew can serve every
    // kind of equipment the customers own.
    const int main = index < SkillCount ? index : rng.weighted(weights);
    std::vector<int> mix{main};
    for (int other : all[main].affinity) {
        if (rng.chance(0.4))
            mix.push_back(other);
    }
    if (rng.chance(0.08)) {
        const int extra = rng.below(SkillCount);
        if (std::find(mix.begin(), mix.end(), extra) == mix.end())
            mix.push_back(extra);
    }
    return mix;
}

// The i-th member of the on-call crew: two night rotas, then a weekend-day one, in turn.
ShiftPattern onCallShift(int i)
{
    switch (i % 3) {
    case 0:
        return {19 * 60, 7 * 60, kSunToThu};
    case 1:
        return {19 * 60, 7 * 60, kTueToSat};
    default:
        return {7 * 60, 19 * 60, kFriToSun};
    }
}

double roundTo(double v, double step) { return std::round(v / step) * step; }

// Marks [first, last] as absent and records it, unless it touches an absence already
// there (one reason at a time reads better on the board).
void addAbsence(DemoDataSet &data, int techIndex, const DemoCalendar &cal, const LocalClock &clock, int first,
                int last, const char *reason)
{
    TechnicianRow &t = data.technicians[techIndex];
    const int lo = std::max(first, -cal.historyDays);
    const int hi = std::min(last, cal.futureDays);
    for (int d = lo; d <= hi; ++d) {
        if (t.absentDay[cal.indexOf(d)])
            return;
    }
    for (int d = lo; d <= hi; ++d)
        t.absentDay[cal.indexOf(d)] = true;
    data.absences.push_back({techIndex, clock.at(cal.dateAt(first), 0), clock.at(cal.dateAt(last + 1), 0),
                             QString::fromLatin1(reason)});
}

} // namespace

int onCallCrewSize(int count) { return count >= 6 ? std::max(3, count / 10) : 0; }

ShiftSpan shiftOn(const TechnicianRow &t, const DemoCalendar &cal, const LocalClock &clock, int dayOffset)
{
    const QDate date = cal.dateAt(dayOffset);
    const bool overnight = t.shiftEndMin <= t.shiftStartMin;
    return {clock.at(date, t.shiftStartMin), clock.at(overnight ? date.addDays(1) : date, t.shiftEndMin)};
}

bool worksOn(const TechnicianRow &t, const DemoCalendar &cal, int dayOffset)
{
    const int weekday = cal.dateAt(dayOffset).dayOfWeek(); // 1 = Monday
    return (t.workDayMask >> (weekday - 1) & 1) && !t.absentDay[cal.indexOf(dayOffset)];
}

void generateWorkforce(DemoRandom &rng, const DemoCalendar &cal, const LocalClock &clock, int count, DemoDataSet &data)
{
    const auto &areas = territoryAreas();
    std::vector<int> areaWeights;
    for (const TerritoryArea &a : areas)
        areaWeights.push_back(a.weight);

    data.technicians.reserve(count);
    const int firstOnCall = count - onCallCrewSize(count);
    for (int i = 0; i < count; ++i) {
        TechnicianRow t;
        t.id = makeId("t", i + 1, count);
        t.name = personName(rng);
        static const char *const employments[] = {"employee", "part_time", "contractor"};
        t.employment = QString::fromLatin1(employments[rng.weighted({70, 15, 15})]);
        t.territory = rng.weighted(areaWeights);
        t.skills = skillMix(rng, i);
        const Neighbourhood &home = rng.pick(areas[t.territory].neighbourhoods);
        t.homeLat = home.lat + rng.range(-kScatterDeg, kScatterDeg);
        t.homeLon = home.lon + rng.range(-kScatterDeg, kScatterDeg);
        t.onCall = i >= firstOnCall;
        if (t.onCall)
            t.employment = QStringLiteral("employee");
        const ShiftPattern shift = t.onCall ? onCallShift(i - firstOnCall) : shiftFor(rng, t.employment);
        t.shiftStartMin = shift.startMin;
        t.shiftEndMin = shift.endMin;
        t.workDayMask = shift.days;
        if (t.employment == QLatin1String("contractor"))
            t.hourlyCost = roundTo(rng.range(85, 150), 0.5);
        else if (t.employment == QLatin1String("part_time"))
            t.hourlyCost = roundTo(rng.range(35, 55), 0.5);
        else
            t.hourlyCost = roundTo(rng.range(42, 72), 0.5);
        t.quality = std::clamp(0.55 + 0.45 * rng.bell(), 0.05, 0.98);
        t.absentDay.assign(cal.dayCount(), false);
        data.technicians.push_back(std::move(t));
    }

    // Absences scale with the calendar's length: a vacation a year, a sick day now and
    // then, training for the employees.
    const int span = cal.dayCount();
    for (int i = 0; i < count; ++i) {
        // The on-call rota covers its own holidays (not simulated): its nights stay covered.
        if (data.technicians[i].onCall)
            continue;
        const bool contractor = data.technicians[i].employment == QLatin1String("contractor");
        if (!contractor && rng.chance(std::min(0.8, 0.12 + 0.5 * span / 365.0))) {
            const int start = rng.between(-cal.historyDays, cal.futureDays + 5);
            addAbsence(data, i, cal, clock, start, start + rng.between(9, 19), "vacation");
        }
        for (int block = 0; block < (span + 59) / 60; ++block) {
            if (rng.chance(0.15)) {
                const int start = -cal.historyDays + block * 60 + rng.below(60);
                addAbsence(data, i, cal, clock, start, start + rng.between(0, 2), "sick");
            }
        }
        for (int block = 0; block < (span + 89) / 90; ++block) {
            if (!contractor && rng.chance(0.15)) {
                const int start = -cal.historyDays + block * 90 + rng.below(90);
                addAbsence(data, i, cal, clock, start, start, "training");
            }
        }
    }
}

} // namespace fieldops::demo
