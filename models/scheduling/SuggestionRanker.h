#pragma once
// Ranks the feasible slots (SlotFinder) of every active technician holding the work order's
// skills, best first.
//
// Score: a quality q in [0, 1] weighing travel (0.35: 1 at 0 min, 0 at 120 min or more),
// earliness (0.20: 1 at the horizon's start, 0 at its end), slack to the SLA due (0.20:
// 1 with 8 h or more to spare, or without an SLA), the day's workload (0.15: 1 with nothing
// else booked that local day, 0 with 8 h or more) and skill match (0.10: required ÷ held
// skills, so specialists go first and versatile technicians stay free). When the work order
// needs parts, a technician whose van lacks any of them loses 0.15 of q (not below 0), so
// one who carries them ranks above an otherwise equal one. A slot ending by
// the SLA due (or without one) scores 0.5 + q/2; a late slot stays a candidate, penalised
// to 0.49·q·24/(24 + hours late), so it only ranks first when nothing is on time.
//
// Pruning: technicians are tried in the order of a score bound (the shortest trip to the
// site from home or any of their visits in the horizon, the earliest start, nothing
// booked), and the search stops once that bound cannot beat the k-th best slot found.
#include "parts/Stock.h"
#include "scheduling/CompiledSchedule.h"
#include "scheduling/ScheduleSnapshot.h"
#include "scheduling/Suggestion.h"

#include <QHash>
#include <QSet>
#include <vector>

namespace fieldops::scheduling {

// What the ranker needs of a technician beyond the rules' view.
struct TechnicianBase {
    GeoPlace home;
    bool active = true;
};

class SuggestionRanker {
public:
    // `bases` lines up with schedule.technicians().
    SuggestionRanker(const CompiledSchedule &schedule, std::vector<TechnicianBase> bases);
    // The bases of a snapshot's technicians (the order CompiledSchedule keeps).
    static std::vector<TechnicianBase> basesOf(const ScheduleSnapshot &snapshot, const QSet<QString> &inactive = {});

    // The parts the work order needs and what of them each van holds (technician id →
    // sku → quantity); without them, parts play no part in the ranking.
    void setParts(std::vector<parts::PartNeed> needs, QHash<QString, QHash<QString, double>> vanStock);

    SuggestionResult suggest(const SuggestionRequest &request) const;

    // The score of a slot starting at startMs in the horizon [fromMs, toMs) (see above).
    static double score(const SlotFacts &facts, qint64 startMs, qint64 fromMs, qint64 toMs);

private:
    qint64 bookedMinutes(int tech, qint64 startMs, const std::vector<int> &excluded) const;
    int nearestTripMinutes(int tech, const GeoPlace &site, qint64 fromMs, qint64 toMs) const;

    const CompiledSchedule &m_s;
    std::vector<TechnicianBase> m_bases;
    std::vector<parts::PartNeed> m_partsNeeded;
    QHash<QString, QHash<QString, double>> m_vanStock;
};

} // namespace fieldops::scheduling
