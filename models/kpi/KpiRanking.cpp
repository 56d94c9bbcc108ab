#include "kpi/KpiRanking.h"

#include <algorithm>

namespace fieldops::kpi {

KpiRanking rankBreakdown(const std::vector<KpiBreakdownRow> &rows, const QString &key, int room)
{
    KpiRanking ranking;
    std::vector<KpiRankedRow> all;
    for (int i = 0; i < int(rows.size()); ++i) {
        if (const auto v = rows[size_t(i)].kpis.value(key))
            all.push_back({i, 0, *v});
        else
            ++ranking.withoutValue;
    }
    // Ties go by name, then by key, so the same data always draws the same chart.
    std::sort(all.begin(), all.end(), [&rows](const KpiRankedRow &a, const KpiRankedRow &b) {
        if (a.value != b.value)
            return a.value > b.value;
        const KpiBreakdownRow &ra = rows[size_t(a.row)], &rb = rows[size_t(b.row)];
        if (const int byName = ra.label.localeAwareCompare(rb.label))
            return byName < 0;
        return ra.key < rb.key;
    });
    for (int i = 0; i < int(all.size()); ++i)
        all[size_t(i)].rank = i + 1;
    ranking.ranked = int(all.size());
    room = std::max(room, 2);
    if (int(all.size()) <= room) {
        ranking.top = std::move(all);
        return ranking;
    }
    const int topCount = (room + 1) / 2;
    const int bottomCount = room - topCount;
    ranking.top.assign(all.begin(), all.begin() + topCount);
    ranking.bottom.assign(all.end() - bottomCount, all.end());
    return ranking;
}

} // namespace fieldops::kpi
