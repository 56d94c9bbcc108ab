#include "planning/CapacityLedger.h"

#include "scheduling/ZoneClock.h"

#include <QTimeZone>
#include <algorithm>
#include <map>
#include <memory>

namespace fieldops::planning {

namespace {

using Span = std::pair<qint64, qint64>;

std::vector<Span> merged(std::vector<Span> spans)
{
    std::sort(spans.begin(), spans.end());
    std::vector<Span> out;
    for (const Span &s : spans) {
        if (s.second <= s.first)
            continue;
        if (!out.empty() && s.first <= out.back().second)
            out.back().second = std::max(out.back().second, s.second);
        else
            out.push_back(s);
    }
    return out;
}

// How much of [from, to) the sorted, disjoint spans cover.
qint64 covered(const std::vector<Span> &spans, qint64 from, qint64 to)
{
    auto it = std::upper_bound(spans.begin(), spans.end(), from, [](qint64 t, const Span &s) { return t < s.second; });
    qint64 sum = 0;
    for (; it != spans.end() && it->first < to; ++it)
        sum += std::min(to, it->second) - std::max(from, it->first);
    return sum;
}

QString isoWeek(const QDate &day)
{
    int year = 0;
    const int week = day.weekNumber(&year);
    return QStringLiteral("%1-W%2").arg(year).arg(week, 2, 10, QLatin1Char('0'));
}

QStringList sortedSkills(QStringList skills)
{
    skills.sort();
    skills.removeDuplicates();
    return skills;
}

} // namespace

CapacityLedger::CapacityLedger(const CapacityInput &input) : m_input(input)
{
    if (input.firstDay.isValid() && input.lastDay.isValid() && input.firstDay <= input.lastDay) {
        m_firstMonday = input.firstDay.addDays(1 - input.firstDay.dayOfWeek());
        for (QDate monday = m_firstMonday; monday <= input.lastDay; monday = monday.addDays(7)) {
            m_weeks << isoWeek(monday);
            m_weekFirst.push_back(std::max(monday, input.firstDay));
            m_weekLast.push_back(std::min(monday.addDays(6), input.lastDay));
        }
    }

    // Territories with work, and each one's distinct skill sets.
    std::map<QString, std::map<QStringList, int>> skillSetsOf;
    for (const CapacityOccurrence &o : input.occurrences)
        skillSetsOf[o.territoryId].emplace(sortedSkills(o.skills), 0);
    for (auto &[territory, sets] : skillSetsOf) {
        m_territoryIds << territory;
        std::vector<QStringList> list;
        for (auto &[skills, index] : sets) {
            index = int(list.size());
            list.push_back(skills);
        }
        m_skillSets.push_back(std::move(list));
    }
    m_occTerritory.resize(size_t(input.occurrences.size()));
    m_occSkillSet.resize(size_t(input.occurrences.size()));
    m_occDay.resize(size_t(input.occurrences.size()));
    for (qsizetype i = 0; i < input.occurrences.size(); ++i) {
        const CapacityOccurrence &o = input.occurrences[i];
        const int t = int(m_territoryIds.indexOf(o.territoryId));
        m_occTerritory[size_t(i)] = t;
        m_occSkillSet[size_t(i)] = skillSetsOf[o.territoryId][sortedSkills(o.skills)];
    }

    // Which technicians can do which of their territory's skill sets.
    m_territoryTechs.resize(size_t(m_territoryIds.size()));
    for (const std::vector<QStringList> &sets : m_skillSets)
        m_skillSetTechs.emplace_back(sets.size(), 0);
    m_techSkillSets.resize(size_t(input.technicians.size()));
    for (qsizetype i = 0; i < input.technicians.size(); ++i) {
        const CapacityTechnician &tech = input.technicians[i];
        const qsizetype t = m_territoryIds.indexOf(tech.territoryId);
        if (t < 0)
            continue;
        const QSet<QString> held(tech.skills.begin(), tech.skills.end());
        const std::vector<QStringList> &sets = m_skillSets[size_t(t)];
        for (size_t s = 0; s < sets.size(); ++s) {
            if (std::all_of(sets[s].begin(), sets[s].end(), [&](const QString &skill) { return held.contains(skill); })) {
                m_techSkillSets[size_t(i)].push_back(int(s));
                ++m_skillSetTechs[size_t(t)][s];
            }
        }
        if (!m_techSkillSets[size_t(i)].empty())
            m_territoryTechs[size_t(t)].push_back(int(i));
    }
    readShifts(input);

    m_cells.resize(size_t(m_territoryIds.size()) * m_weeks.size());
    for (int t = 0; t < territoryCount(); ++t)
        for (int w = 0; w < weekCount(); ++w)
            cell(w, t).skillSetCount.assign(m_skillSets[size_t(t)].size(), 0);
    std::vector<char> touched(m_cells.size(), 0);
    for (qsizetype i = 0; i < input.occurrences.size(); ++i) {
        m_occDay[size_t(i)] = input.occurrences[i].due;
        const int w = weekOf(input.occurrences[i].due);
        if (w < 0)
            continue; // outside the table: not part of this preview
        place(int(i), w, +1);
        touched[size_t(m_occTerritory[size_t(i)]) * m_weeks.size() + size_t(w)] = 1;
    }
    for (int t = 0; t < territoryCount(); ++t)
        for (int w = 0; w < weekCount(); ++w)
            if (touched[size_t(t) * m_weeks.size() + size_t(w)])
                recount(w, t);
}

void CapacityLedger::readShifts(const CapacityInput &input)
{
    m_techWeeks.assign(size_t(input.technicians.size()) * m_weeks.size(), {});
    if (m_weeks.isEmpty())
        return;
    QHash<QString, int> techIndex;
    for (qsizetype i = 0; i < input.technicians.size(); ++i)
        if (!m_techSkillSets[size_t(i)].empty())
            techIndex.insert(input.technicians[i].id, int(i));
    std::vector<std::vector<Span>> absent(size_t(input.technicians.size())), busy(size_t(input.technicians.size()));
    for (const CapacitySpan &a : input.absences)
        if (const auto it = techIndex.constFind(a.technicianId); it != techIndex.constEnd()) {
            absent[size_t(*it)].push_back({a.startMs, a.endMs});
            busy[size_t(*it)].push_back({a.startMs, a.endMs});
        }
    for (const CapacitySpan &b : input.booked)
        if (const auto it = techIndex.constFind(b.technicianId); it != techIndex.constEnd())
            busy[size_t(*it)].push_back({b.startMs, b.endMs});

    // Two days of margin: the zones' offsets around the table's days.
    const qint64 firstDay = scheduling::ZoneClock::dateToDay(input.firstDay);
    const qint64 lastDay = scheduling::ZoneClock::dateToDay(input.lastDay);
    const qint64 fromMs = (firstDay - 2) * scheduling::ZoneClock::kDayMs;
    const qint64 toMs = (lastDay + 3) * scheduling::ZoneClock::kDayMs;
    QHash<QString, std::shared_ptr<const scheduling::ZoneClock>> clocks;
    const qint64 firstMondayDay = scheduling::ZoneClock::dateToDay(m_firstMonday);
    for (qsizetype i = 0; i < input.technicians.size(); ++i) {
        if (m_techSkillSets[size_t(i)].empty())
            continue;
        const CapacityTechnician &tech = input.technicians[i];
        auto &clock = clocks[tech.timeZone];
        if (!clock)
            clock = std::make_shared<scheduling::ZoneClock>(QTimeZone(tech.timeZone.toUtf8()), fromMs, toMs);
        const scheduling::ShiftCalendar calendar(tech.shift, clock);
        const QSet<QDate> holidays = input.holidays.value(tech.territoryId);
        const std::vector<Span> absentSpans = merged(std::move(absent[size_t(i)]));
        const std::vector<Span> busySpans = merged(std::move(busy[size_t(i)]));
        for (qint64 day = firstDay; day <= lastDay; ++day) {
            const auto shift = calendar.shiftOn(day);
            if (!shift || holidays.contains(scheduling::ZoneClock::dayToDate(day)))
                continue;
            const qint64 absentMs = covered(absentSpans, shift->startMs, shift->endMs);
            const qint64 busyMs = covered(busySpans, shift->startMs, shift->endMs);
            TechWeek &tw = m_techWeeks[size_t(i) * m_weeks.size() + size_t((day - firstMondayDay) / 7)];
            tw.freeMs += (shift->endMs - shift->startMs) - busyMs;
            tw.bookedMs += busyMs - absentMs;
        }
    }
}

int CapacityLedger::weekOf(const QDate &day) const
{
    if (m_weeks.isEmpty() || !day.isValid() || day < m_input.firstDay || day > m_input.lastDay)
        return -1;
    return int(m_firstMonday.daysTo(day) / 7);
}

qint64 CapacityLedger::durationMs(int occurrence) const
{
    return qint64(std::max(0, m_input.occurrences[occurrence].durationMin)) * 60'000;
}

bool CapacityLedger::qualifies(int technician, const Cell &c, int extraSkillSet) const
{
    for (const int s : m_techSkillSets[size_t(technician)])
        if (s == extraSkillSet || c.skillSetCount[size_t(s)] > 0)
            return true;
    return false;
}

bool CapacityLedger::hasTechnicianFor(int occurrence) const
{
    const int territory = m_occTerritory[size_t(occurrence)];
    return m_skillSetTechs[size_t(territory)][size_t(m_occSkillSet[size_t(occurrence)])] > 0;
}

qint64 CapacityLedger::availableWith(int week, int territory, int occurrence) const
{
    const Cell &c = cell(week, territory);
    const int skillSet = m_occSkillSet[size_t(occurrence)];
    if (c.skillSetCount[size_t(skillSet)] > 0)
        return c.availableMs;
    qint64 sum = 0;
    for (const int tech : m_territoryTechs[size_t(territory)])
        if (qualifies(tech, c, skillSet))
            sum += m_techWeeks[size_t(tech) * m_weeks.size() + size_t(week)].freeMs;
    return sum;
}

void CapacityLedger::recount(int week, int territory)
{
    Cell &c = cell(week, territory);
    c.availableMs = c.bookedMs = 0;
    c.technicians = 0;
    for (const int tech : m_territoryTechs[size_t(territory)]) {
        if (!qualifies(tech, c, -1))
            continue;
        const TechWeek &tw = m_techWeeks[size_t(tech) * m_weeks.size() + size_t(week)];
        c.availableMs += tw.freeMs;
        c.bookedMs += tw.bookedMs;
        ++c.technicians;
    }
}

void CapacityLedger::place(int occurrence, int week, int sign)
{
    Cell &c = cell(week, m_occTerritory[size_t(occurrence)]);
    c.demandMs += sign * durationMs(occurrence);
    c.skillSetCount[size_t(m_occSkillSet[size_t(occurrence)])] += sign;
    if (sign > 0)
        c.occurrences.push_back(occurrence);
    else
        c.occurrences.erase(std::find(c.occurrences.begin(), c.occurrences.end(), occurrence));
}

void CapacityLedger::move(int occurrence, const QDate &day)
{
    const int territory = m_occTerritory[size_t(occurrence)];
    const int from = weekOf(m_occDay[size_t(occurrence)]);
    const int to = weekOf(day);
    if (to < 0)
        return;
    m_occDay[size_t(occurrence)] = day;
    if (from == to)
        return;
    if (from >= 0) {
        place(occurrence, from, -1);
        recount(from, territory);
    }
    place(occurrence, to, +1);
    recount(to, territory);
}

CapacityPreview CapacityLedger::table() const
{
    constexpr double kMsPerHour = 3'600'000.0;
    CapacityPreview p;
    p.weeks = m_weeks;
    p.weekFirstDays = QVector<QDate>(m_weekFirst.begin(), m_weekFirst.end());
    p.weekLastDays = QVector<QDate>(m_weekLast.begin(), m_weekLast.end());
    p.territoryIds = m_territoryIds;
    for (const QString &id : m_territoryIds)
        p.territoryNames << m_input.territoryNames.value(id, id);
    p.totals.resize(weekCount());
    p.cells.reserve(qsizetype(m_cells.size()));
    for (int t = 0; t < territoryCount(); ++t) {
        for (int w = 0; w < weekCount(); ++w) {
            const Cell &c = cell(w, t);
            CapacityCell out;
            out.demandHours = double(c.demandMs) / kMsPerHour;
            out.availableHours = double(c.availableMs) / kMsPerHour;
            out.bookedHours = double(c.bookedMs) / kMsPerHour;
            out.occurrences = int(c.occurrences.size());
            out.technicians = c.technicians;
            out.overloaded = c.demandMs > c.availableMs;
            p.cells.push_back(out);
            CapacityCell &total = p.totals[w];
            total.demandHours += out.demandHours;
            total.availableHours += out.availableHours;
            total.bookedHours += out.bookedHours;
            total.occurrences += out.occurrences;
            total.technicians += out.technicians;
            total.overloaded = total.overloaded || out.overloaded;
        }
    }
    return p;
}

CapacityPreview computeCapacity(const CapacityInput &input)
{
    return CapacityLedger(input).table();
}

} // namespace fieldops::planning
