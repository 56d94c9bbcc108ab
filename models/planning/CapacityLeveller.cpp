#include "planning/CapacityLeveller.h"

#include "planning/CapacityLedger.h"
#include "planning/CapacityWindow.h"

#include <algorithm>
#include <optional>

namespace fieldops::planning {

namespace {

struct Target {
    int week = -1;
    QDate day;
    double load = 0;
};

// The least loaded other week of the occurrence's window with room for it.
std::optional<Target> bestTarget(const CapacityLedger &ledger, const CapacityInput &input, int occurrence, int fromWeek)
{
    const CapacityOccurrence &o = input.occurrences[occurrence];
    const int territory = ledger.territoryOf(occurrence);
    std::optional<Target> best;
    // Work nobody there can do would only make another week look busier.
    if (!ledger.hasTechnicianFor(occurrence))
        return best;
    QVector<int> seen;
    for (const QDate &day : allowedDays(o, input)) {
        const int week = ledger.weekOf(day);
        if (week < 0 || week == fromWeek || seen.contains(week))
            continue;
        seen << week; // the nearest allowed day of each week comes first
        const qint64 demand = ledger.demandMs(week, territory) + ledger.durationMs(occurrence);
        const qint64 available = ledger.availableWith(week, territory, occurrence);
        if (available <= 0 || demand > available)
            continue;
        const double load = double(demand) / double(available);
        if (!best || load < best->load || (load == best->load && week < best->week))
            best = Target{week, day, load};
    }
    return best;
}

} // namespace

CapacityLevelling levelCapacity(const CapacityInput &input)
{
    CapacityLedger ledger(input);
    CapacityLevelling result;
    result.before = ledger.table();
    // Territories in the ledger are in id order already.
    for (int week = 0; week < ledger.weekCount(); ++week) {
        for (int territory = 0; territory < ledger.territoryCount(); ++territory) {
            if (!ledger.overloaded(week, territory))
                continue;
            std::vector<int> candidates = ledger.occurrencesIn(week, territory);
            std::sort(candidates.begin(), candidates.end(), [&](int a, int b) {
                const CapacityOccurrence &x = input.occurrences[a];
                const CapacityOccurrence &y = input.occurrences[b];
                if (x.durationMin != y.durationMin)
                    return x.durationMin > y.durationMin;
                if (x.planId != y.planId)
                    return x.planId < y.planId;
                return x.occurrence < y.occurrence;
            });
            for (const int occurrence : candidates) {
                if (!ledger.overloaded(week, territory))
                    break;
                const auto target = bestTarget(ledger, input, occurrence, week);
                if (!target)
                    continue;
                const CapacityOccurrence &o = input.occurrences[occurrence];
                result.moved.push_back({o.planId, o.occurrence, o.territoryId, ledger.dayOf(occurrence), target->day});
                ledger.move(occurrence, target->day);
            }
        }
    }
    result.after = ledger.table();
    return result;
}

} // namespace fieldops::planning
