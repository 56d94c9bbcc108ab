#include "scheduling/ConflictIndex.h"

#include "scheduling/ConflictRules.h"

#include <algorithm>

namespace fieldops::scheduling {

namespace {

bool before(const Visit &a, const Visit &b)
{
    return visitOrderLess(a.start, a.end, a.id, b.start, b.end, b.id);
}

// Pair violations found from both members' side are reported once.
void appendUnique(std::vector<Violation> &out, Violation v)
{
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Violation &o) {
        return o.kind == v.kind && o.appointmentIds == v.appointmentIds;
    });
    if (!seen)
        out.push_back(std::move(v));
}

} // namespace

ConflictIndex::ConflictIndex(const ScheduleSnapshot &snapshot, const TravelTimeProvider &travel)
    : m_schedule(snapshot, travel)
{
}

Verdict ConflictIndex::verdict(const ProposedMove &move) const
{
    return verdict(std::vector<ProposedMove>{move});
}

Verdict ConflictIndex::verdict(const std::vector<ProposedMove> &moves) const
{
    const CompiledSchedule &s = m_schedule;
    std::vector<Visit> visits;
    std::vector<int> excluded;
    visits.reserve(moves.size());
    for (const ProposedMove &m : moves) {
        Visit v;
        v.appointment = s.appointmentIndex(m.appointmentId);
        v.id = m.appointmentId;
        v.tech = s.technicianIndex(m.technicianId);
        v.workOrder = s.workOrderIndex(m.workOrderId);
        if (v.workOrder < 0 && v.appointment >= 0)
            v.workOrder = s.appointments()[size_t(v.appointment)].workOrder;
        v.start = CompiledSchedule::ms(m.start);
        v.end = CompiledSchedule::ms(m.end);
        if (v.appointment >= 0)
            excluded.push_back(v.appointment);
        visits.push_back(std::move(v));
    }
    std::sort(excluded.begin(), excluded.end());

    std::vector<Violation> all;
    for (size_t i = 0; i < visits.size(); ++i) {
        const Visit &v = visits[i];
        if (v.start == kNoTime || v.end == kNoTime || v.end <= v.start)
            continue;
        // Companions: the other moved visits landing on the same technician.
        std::vector<const Visit *> companions;
        for (size_t j = 0; j < visits.size(); ++j) {
            if (j != i && visits[j].tech == v.tech && v.tech >= 0)
                companions.push_back(&visits[j]);
        }

        for (const int pos : s.intersecting(v.tech, v.start, v.end, excluded)) {
            const Visit other = s.visitOf(s.technicians()[size_t(v.tech)].schedule[size_t(pos)].ref);
            appendUnique(all, before(other, v) ? rules::overlap(s, other, v) : rules::overlap(s, v, other));
        }
        for (const Visit *c : companions) {
            if (rules::intersects(*c, v))
                appendUnique(all, before(*c, v) ? rules::overlap(s, *c, v) : rules::overlap(s, v, *c));
        }

        // Neighbours in the would-be schedule: the nearest of the stored ones and the companions.
        std::optional<Visit> prev, next;
        if (const int p = s.previousAppointment(v.tech, v, excluded); p >= 0)
            prev = s.visitOf(p);
        if (const int n = s.nextAppointment(v.tech, v, excluded); n >= 0)
            next = s.visitOf(n);
        for (const Visit *c : companions) {
            if (before(*c, v) && (!prev || before(*prev, *c)))
                prev = *c;
            if (before(v, *c) && (!next || before(*c, *next)))
                next = *c;
        }
        if (prev) {
            if (auto t = rules::travel(s, *prev, v))
                appendUnique(all, std::move(*t));
        }
        if (next) {
            if (auto t = rules::travel(s, v, *next))
                appendUnique(all, std::move(*t));
        }
        rules::singleVisitRules(s, v, all);
    }

    sortViolations(all);
    Verdict out;
    for (Violation &v : all)
        (v.isHard() ? out.hard : out.soft).push_back(std::move(v));
    return out;
}

} // namespace fieldops::scheduling
