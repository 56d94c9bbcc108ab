#include "kpi/KpiBuckets.h"

namespace fieldops::kpi {

KpiRange rangeOf(const KpiPeriod &period) { return {period.fromMs(), period.toMs(), period.calendarDays()}; }

KpiPeriod previousPeriod(const KpiPeriod &period)
{
    const int days = period.calendarDays();
    return {period.from.addDays(-days), period.from.addDays(-1), period.zone};
}

std::vector<KpiBucket> makeBuckets(const KpiPeriod &period, BucketSize size)
{
    std::vector<KpiBucket> out;
    if (!period.from.isValid() || !period.to.isValid() || period.to < period.from)
        return out;
    QDate start = period.from;
    while (start <= period.to) {
        QDate end;
        switch (size) {
        case BucketSize::Day:
            end = start;
            break;
        case BucketSize::Week:
            end = start.addDays(7 - start.dayOfWeek());
            break;
        case BucketSize::Month:
            end = QDate(start.year(), start.month(), start.daysInMonth());
            break;
        }
        end = std::min(end, period.to);
        const KpiPeriod p{start, end, period.zone};
        out.push_back({start, end, rangeOf(p)});
        start = end.addDays(1);
    }
    return out;
}

} // namespace fieldops::kpi
