#include "scheduling/SuggestionRanker.h"

#include "scheduling/SlotFinder.h"
#include "scheduling/SuggestionReasons.h"

#include <algorithm>

namespace fieldops::scheduling {

namespace {

constexpr double kTravelWeight = 0.35, kStartWeight = 0.20, kSlaWeight = 0.20, kLoadWeight = 0.15, kSkillWeight = 0.10;
// Taken off the quality of a technician whose van lacks a part the work order needs.
constexpr double kPartsPenalty = 0.15;
constexpr double kTravelZeroMin = 120, kSlackFullMin = 480, kLoadFullMin = 480, kLateHalfMin = 1440;

double clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

QDateTime utc(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }

// Best first; equal scores go to the earlier start, the shorter trip, the lower id.
bool better(const Suggestion &a, const Suggestion &b)
{
    if (a.score != b.score)
        return a.score > b.score;
    if (a.start != b.start)
        return a.start < b.start;
    if (a.facts.travelMin != b.facts.travelMin)
        return a.facts.travelMin < b.facts.travelMin;
    return a.technicianId < b.technicianId;
}

} // namespace

SuggestionRanker::SuggestionRanker(const CompiledSchedule &schedule, std::vector<TechnicianBase> bases)
    : m_s(schedule), m_bases(std::move(bases))
{
    m_bases.resize(m_s.technicians().size());
}

std::vector<TechnicianBase> SuggestionRanker::basesOf(const ScheduleSnapshot &snapshot, const QSet<QString> &inactive)
{
    std::vector<TechnicianBase> out;
    out.reserve(snapshot.technicians.size());
    for (const Technician &t : snapshot.technicians)
        out.push_back({GeoPlace{QString(), t.homeLat, t.homeLon}, !inactive.contains(t.id)});
    return out;
}

double SuggestionRanker::score(const SlotFacts &f, qint64 startMs, qint64 fromMs, qint64 toMs)
{
    const double travel = clamp01(1.0 - f.travelMin / kTravelZeroMin);
    const double early = toMs > fromMs ? clamp01(1.0 - double(startMs - fromMs) / double(toMs - fromMs)) : 1.0;
    const double slack = f.hasSla ? clamp01(double(f.slaSlackMin) / kSlackFullMin) : 1.0;
    const double load = clamp01(1.0 - double(f.bookedMin) / kLoadFullMin);
    const double skill = f.skills.isEmpty() || f.skillsHeld <= 0 ? 1.0 : clamp01(double(f.skills.size()) / f.skillsHeld);
    double q = kTravelWeight * travel + kStartWeight * early + kSlaWeight * slack + kLoadWeight * load + kSkillWeight * skill;
    if (f.needsParts && !f.vanLacks.isEmpty())
        q = std::max(0.0, q - kPartsPenalty);
    if (!f.hasSla || f.slaSlackMin >= 0)
        return 0.5 + 0.5 * q;
    // Never 0, so later and later slots still rank among themselves by their quality.
    return 0.49 * q * kLateHalfMin / (kLateHalfMin + double(-f.slaSlackMin));
}

void SuggestionRanker::setParts(std::vector<parts::PartNeed> needs, QHash<QString, QHash<QString, double>> vanStock)
{
    m_partsNeeded = std::move(needs);
    m_vanStock = std::move(vanStock);
}

qint64 SuggestionRanker::bookedMinutes(int tech, qint64 startMs, const std::vector<int> &excluded) const
{
    const TechnicianRec &t = m_s.technicians()[size_t(tech)];
    const qint64 day = t.clock().localDayNumber(startMs);
    const qint64 dayStart = t.clock().toUtcMs(day * ZoneClock::kDayMs), dayEnd = t.clock().toUtcMs((day + 1) * ZoneClock::kDayMs);
    auto it = std::lower_bound(t.schedule.begin(), t.schedule.end(), dayStart,
                               [](const Interval &slot, qint64 x) { return slot.start < x; });
    qint64 ms = 0;
    for (; it != t.schedule.end() && it->start < dayEnd; ++it) {
        if (!std::binary_search(excluded.begin(), excluded.end(), it->ref))
            ms += it->end - it->start;
    }
    return ms / 60'000;
}

int SuggestionRanker::nearestTripMinutes(int tech, const GeoPlace &site, qint64 fromMs, qint64 toMs) const
{
    const TravelTimeProvider &travel = m_s.travel();
    int best = travel.minutes(m_bases[size_t(tech)].home, site);
    // A trip starts from the visit before the slot, which begins at most a day before the
    // horizon's start to count (it must be on the slot's local day).
    const TechnicianRec &t = m_s.technicians()[size_t(tech)];
    auto it = std::lower_bound(t.schedule.begin(), t.schedule.end(), fromMs - ZoneClock::kDayMs,
                               [](const Interval &slot, qint64 x) { return slot.start < x; });
    for (; it != t.schedule.end() && it->start < toMs && best > 0; ++it) {
        const int wo = m_s.appointments()[size_t(it->ref)].workOrder;
        const int siteNo = wo >= 0 ? m_s.workOrders()[size_t(wo)].site : -1;
        if (siteNo >= 0)
            best = std::min(best, travel.minutes(m_s.sites()[size_t(siteNo)].place, site));
    }
    return best;
}

SuggestionResult SuggestionRanker::suggest(const SuggestionRequest &r) const
{
    SuggestionResult result;
    const int woNo = m_s.workOrderIndex(r.workOrderId);
    if (woNo < 0 || r.top <= 0)
        return result;
    const WorkOrderRec &wo = m_s.workOrders()[size_t(woNo)];
    const qint64 fromMs = CompiledSchedule::ms(r.from), toMs = CompiledSchedule::ms(r.to);
    const qint64 durationMs = qint64(std::max(1, r.durationMin)) * 60'000;
    QStringList skillCodes;
    for (const int n : wo.skills)
        skillCodes << m_s.skillCode(n);
    skillCodes.sort();

    // A move leaves the work order's own visits.
    std::vector<int> excluded;
    for (size_t i = 0; i < m_s.appointments().size(); ++i) {
        if (m_s.appointments()[i].workOrder == woNo)
            excluded.push_back(int(i));
    }
    const SlotFinder finder(m_s, woNo, excluded);
    const GeoPlace site = wo.site >= 0 ? m_s.sites()[size_t(wo.site)].place : GeoPlace{};

    const bool hasWindow = wo.windowStart != kNoTime || wo.windowEnd != kNoTime;
    const qint64 searchFrom = std::max(fromMs, wo.windowStart == kNoTime ? fromMs : wo.windowStart);
    const qint64 searchTo = std::min(toMs, wo.windowEnd == kNoTime ? toMs : wo.windowEnd);
    const qint64 earliestStart = SlotFinder::roundUp(searchFrom);

    // Skills first: only technicians holding every required skill are searched.
    struct Qualified {
        int tech;
        double bound;
        SlotFacts facts; // the bound's facts: the shortest trip, nothing booked
    };
    std::vector<Qualified> qualified;
    for (size_t i = 0; i < m_s.technicians().size(); ++i) {
        const TechnicianRec &t = m_s.technicians()[i];
        if (!m_bases[i].active || !std::includes(t.skills.begin(), t.skills.end(), wo.skills.begin(), wo.skills.end()))
            continue;
        SlotFacts f;
        f.skills = skillCodes;
        f.skillsHeld = int(t.skills.size());
        f.hasWindow = hasWindow;
        f.hasSla = wo.slaDue != kNoTime;
        f.slaSlackMin = f.hasSla ? ZoneClock::floorDiv(wo.slaDue - (earliestStart + durationMs), 60'000) : 0;
        f.travelMin = wo.site >= 0 ? nearestTripMinutes(int(i), site, fromMs, toMs) : 0;
        f.needsParts = !m_partsNeeded.empty();
        if (f.needsParts)
            f.vanLacks = parts::shortageWords(parts::shortages(m_partsNeeded, m_vanStock.value(t.id)));
        qualified.push_back({int(i), score(f, earliestStart, fromMs, toMs), f});
    }
    if (qualified.empty()) {
        result.whyNone = noQualifiedReason(skillCodes);
        return result;
    }
    if (searchTo - searchFrom < durationMs) {
        result.whyNone = hasWindow ? windowOutsideReason(wo.windowStart == kNoTime ? QDateTime() : utc(wo.windowStart),
                                                         wo.windowEnd == kNoTime ? QDateTime() : utc(wo.windowEnd), r.from, r.to)
                                   : noSlotReason(skillCodes, int(qualified.size()), r.to);
        return result;
    }
    std::sort(qualified.begin(), qualified.end(), [&](const Qualified &a, const Qualified &b) {
        return a.bound != b.bound ? a.bound > b.bound : m_s.technicians()[size_t(a.tech)].id < m_s.technicians()[size_t(b.tech)].id;
    });

    std::vector<Suggestion> &best = result.candidates; // kept sorted, at most r.top
    const size_t top = size_t(r.top);
    auto kthScore = [&] { return best.size() < top ? -1.0 : best.back().score; };
    for (const Qualified &q : qualified) {
        // Ties are kept: an equal score may still win on start or id.
        if (q.bound < kthScore())
            break;
        const TechnicianRec &t = m_s.technicians()[size_t(q.tech)];
        finder.forEachSlot(q.tech, fromMs, toMs, durationMs, [&](const FoundSlot &slot) {
            SlotFacts f = q.facts;
            if (slot.previous >= 0) {
                f.travelMin = slot.travelMin;
                f.travelFrom = m_s.appointments()[size_t(slot.previous)].id;
            } else {
                f.travelMin = wo.site >= 0 ? m_s.travel().minutes(m_bases[size_t(q.tech)].home, site) : 0;
                f.travelFrom.clear();
            }
            f.bookedMin = bookedMinutes(q.tech, slot.start, excluded);
            f.slaSlackMin = f.hasSla ? ZoneClock::floorDiv(wo.slaDue - slot.end, 60'000) : 0;
            Suggestion s{t.id, utc(slot.start), utc(slot.end), score(f, slot.start, fromMs, toMs), f, {}};
            if (best.size() < top || better(s, best.back())) {
                best.insert(std::upper_bound(best.begin(), best.end(), s, better), s);
                if (best.size() > top)
                    best.pop_back();
            }
            // Later slots of this technician start later: stop once even their bound loses.
            SlotFacts bound = q.facts;
            bound.slaSlackMin = f.hasSla ? ZoneClock::floorDiv(wo.slaDue - (slot.end + SlotFinder::kStepMs), 60'000) : 0;
            return score(bound, slot.start + SlotFinder::kStepMs, fromMs, toMs) >= kthScore();
        });
    }
    for (Suggestion &s : best)
        s.reasons = suggestionReasons(s.facts);
    if (best.empty())
        result.whyNone = noSlotReason(skillCodes, int(qualified.size()), utc(searchTo));
    return result;
}

} // namespace fieldops::scheduling
