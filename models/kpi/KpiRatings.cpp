#include "kpi/KpiRatings.h"

#include <QHash>
#include <algorithm>

namespace fieldops::kpi {

std::array<int, 5> scoreDistribution(const KpiReport &report)
{
    std::array<int, 5> d{};
    for (const AttributedRating &r : report.ratings)
        if (r.score >= 1 && r.score <= 5)
            d[size_t(r.score - 1)]++;
    return d;
}

std::vector<RankedTechnician> rankTechnicians(const KpiReport &report, double priorWeight)
{
    // Sums from the same ratings the report counted, so the ranking agrees with avg_rating.
    QHash<QString, std::pair<qint64, int>> sums;
    qint64 total = 0;
    for (const AttributedRating &r : report.ratings) {
        total += r.score;
        if (r.technicianId.isEmpty())
            continue;
        auto &s = sums[r.technicianId];
        s.first += r.score;
        s.second++;
    }
    std::vector<RankedTechnician> out;
    if (report.ratings.empty())
        return out;
    const double mean = double(total) / double(report.ratings.size());
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        const auto [sum, count] = it.value();
        out.push_back({it.key(), count, double(sum) / count, (priorWeight * mean + double(sum)) / (priorWeight + count)});
    }
    std::sort(out.begin(), out.end(), [](const RankedTechnician &a, const RankedTechnician &b) {
        if (a.bayesian != b.bayesian)
            return a.bayesian > b.bayesian;
        if (a.count != b.count)
            return a.count > b.count;
        return a.technicianId < b.technicianId;
    });
    return out;
}

} // namespace fieldops::kpi
